"""Today's practice under AppTest: the senior alone lands on it, replays due steps in their
real practice app, is graded, and ends on a calm screen; the catalogue shows levels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from ui_practice import ok

from curriculum import clock
from curriculum.store import review_items, session

NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
PACK, LESSON = "examples", "practice-spreadsheet"


@pytest.fixture
def due(people, db_file):
    with clock.frozen(NOW), session(db_file) as db:
        for n, step in enumerate(["total", "type-a-price"]):
            review_items.save_review(db, people["senior"], PACK, LESSON, step, {},
                                     NOW - timedelta(days=3 - n), "hard")
    return people


def test_alone_the_home_page_is_todays_practice(make_app, due, db_file):
    with clock.frozen(NOW):
        at = make_app("welcome", who__senior=due["senior"])
        at.button(key="welcome.go").click().run()
        ok(at)
        assert at.title[0].value == "Today's practice: 5 minutes"
        at.switch_page("src/curriculum/ui/pages/today.py")  # AppTest stays there from now on
        ok(at.run())
        assert next(p.proto.text for p in at.get("progress")) == "Practice 1 of 2"
        run = max(int(k.split(".")[-2]) for k in at.session_state
                  if k.startswith("player.app.") and k.endswith(".total"))
        at.text_input(key=f"player.sheet_bar.{run}.total").input("=SUM(B2:B3)")
        at.button(key=f"player.sheet_enter.{run}.total").click()
        ok(at.run())
        ok(at.button(key=f"player.sheet_check.{run}.total").click().run())
        assert at.success[0].value.startswith("**Well done!**")
        next(b for b in at.button if b.key and b.key.startswith("today.next")).click().run()
        assert next(p.proto.text for p in at.get("progress")) == "Practice 2 of 2"
        nxt = next(b for b in at.button if b.key and b.key.startswith("today.next"))
        assert nxt.label == "Skip for now"
        nxt.click().run()
        assert "That's all for today" in at.success[0].value
        assert any(m.value.startswith("Your next practice: ") and "2027" in m.value
                   for m in at.markdown)  # the next due day, in words
    with session(db_file) as db:
        total = review_items.get_item(db, due["senior"], PACK, LESSON, "total")
        price = review_items.get_item(db, due["senior"], PACK, LESSON, "type-a-price")
    assert (total.last_grade, total.reviews) == ("good", 2) and total.due > NOW
    assert (price.last_grade, price.reviews) == ("hard", 1)  # skipped untried: unchanged


def test_nothing_due_is_said_calmly(make_app, people):
    with clock.frozen(NOW):
        at = make_app("today", who__senior=people["senior"])
        assert "Nothing to practise today" in at.info[0].value


def test_the_catalogue_shows_levels(make_app, people):
    with clock.frozen(NOW):
        at = make_app("catalogue", who__senior=people["senior"])
        assert any("Not started" in m.value for m in at.markdown)


def test_the_mentor_sees_what_keeps_slipping_and_the_levels(make_app, people, db_file):
    from curriculum.store import now, progress

    with clock.frozen(NOW), session(db_file) as db:
        db["pairs"].insert({"senior_id": people["senior"], "junior_id": people["junior"],
                            "status": "active", "created_at": now(), "accepted_at": now()})
        run = progress.open_run(db, people["senior"], PACK, LESSON, "solo")
        progress.complete_run(db, run.id)
        for lapses, step in ((3, "total"), (1, "type-a-price")):
            for _ in range(lapses):
                review_items.save_review(db, people["senior"], PACK, LESSON, step, {}, NOW,
                                         "again")
    with clock.frozen(NOW):
        at = make_app("pair", who__senior=people["senior"], who__junior=people["junior"])
        words = "\n".join([m.value for m in at.markdown] + [s.value for s in at.subheader])
        assert "What keeps slipping" in words
        slips = next(m.value for m in at.markdown if "times)" in m.value)
        assert slips.index("(3 times)") < slips.index("(once)")
        assert ":green-badge[Done]" in words
        at = make_app("profile", who__senior=people["senior"])
        assert any(":green-badge[Done]" in m.value for m in at.markdown)


def test_the_memo_card_is_offered_at_the_end_and_on_the_profile(make_app, people, db_file):
    from ui_practice import run_id

    from curriculum.store import progress

    with clock.frozen(NOW):
        at = make_app("player", who__senior=people["senior"],
                      player__lesson=f"{PACK}/{LESSON}")
        with session(db_file) as db:
            progress.complete_run(db, run_id(db_file))
        ok(at.run())
        assert "You finished the lesson" in at.success[0].value
        assert [b.proto.label for b in at.get("download_button")] == [
            "Download the memo card (PDF)"]
        at = make_app("profile", who__senior=people["senior"])
        assert [b.proto.label for b in at.get("download_button")] == [
            "Download the memo card (PDF)"]
