"""The lesson player under AppTest: a pair walks a lesson; attempts, autonomy, resume."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from curriculum.checking import check
from curriculum.model import ChoiceStep, EmailStep, OrderStep, TextStep
from curriculum.packs import load_catalogue
from curriculum.selftest import candidates

ROOT = Path(__file__).resolve().parents[2]

LESSON = "email-basics/first-email"


@pytest.fixture(scope="module")
def lesson():
    cat = load_catalogue([ROOT / "lessons"])
    return cat.lesson(*LESSON.split("/"))


def buttons(at, prefix: str):
    return [b for b in at.button if b.key and b.key.startswith(prefix)]


def click(at, prefix: str):
    found = buttons(at, prefix)
    assert found, f"no button with key {prefix}*: {[b.key for b in at.button]}"
    found[0].click().run()
    assert not at.exception, at.exception


def step_text(at) -> str:
    return next(p.proto.text for p in at.get("progress"))


def right_text(step: TextStep) -> str:
    "A typed answer that the step accepts (derived the way selftest does)."
    pool = [c for rule in step.accept for c in candidates(rule)]
    return next(c for c in pool if check(step, c).status == "correct")


def answer(at, step, right: bool = True):
    "Give the right (or a wrong) answer to a checked step, and press Check."
    if isinstance(step, ChoiceStep):
        wrong = next(o.id for o in step.options if not o.correct)
        if step.multiple:
            for o in step.options:
                box = next(c for c in at.checkbox if c.key and c.key.endswith(f".{o.id}"))
                box.check() if (o.correct if right else o.id == wrong) else box.uncheck()
        else:
            radio = next(r for r in at.radio if r.key and r.key.startswith("player.answer"))
            radio.set_value(sorted(step.correct_ids)[0] if right else wrong)
        click(at, "FormSubmitter:player.form")
    elif isinstance(step, TextStep):
        box = next(t for t in at.text_input if t.key and t.key.startswith("player.answer"))
        box.input(right_text(step) if right else "zzz")
        click(at, "FormSubmitter:player.form")
    elif isinstance(step, OrderStep):
        if right:  # press "Move up" until the order is right, as a senior would
            order_key = f"player.order.{_run_id()}.{step.id}"
            target = [i.id for i in step.items]
            while list(at.session_state[order_key]) != target:
                current = list(at.session_state[order_key])
                first_wrong = next(k for k, item in enumerate(current) if item != target[k])
                click(at, f"{order_key}.up.{target[first_wrong]}")
        click(at, "player.check")
    elif isinstance(step, EmailStep):
        send_email(at, step, right)


def send_email(at, step: EmailStep, right: bool = True):
    "In the email practice app: New email, type it (an empty message if wrong), Send."
    from curriculum.practice.email_selftest import correct_action

    action = correct_action(step, "en")
    app = f"player.app.{_run_id()}.{step.id}"
    if any(b.key == f"{app}.new" for b in at.button):
        click(at, f"{app}.new")
    at.text_input(key=f"{app}.to").input(action["to"])
    at.text_input(key=f"{app}.subject").input(action["subject"])
    at.text_area(key=f"{app}.body").input(action["body"] if right else "")
    click(at, f"{app}.send")


def test_a_pair_walks_the_whole_lesson(make_app, people, lesson, db_file):
    at = make_app("player", who__senior=people["senior"], who__junior=people["junior"],
                  player__lesson=LESSON)
    assert at.title[0].value == lesson.title
    coach = [s.value for s in at.subheader]
    assert any("Coach panel" in s for s in coach)
    hinted = shown = False
    for n, step in enumerate(lesson.steps, 1):
        assert step_text(at) == f"Step {n} of {len(lesson.steps)}"
        if step.checked:
            if not hinted and step.hints:
                click(at, "player.hint")  # the coach gives a hint
                assert any(step.hints[0][:20] in h.proto.body for h in at.get("html"))
                hinted = True
            elif not shown and isinstance(step, TextStep):
                click(at, "player.answer_btn")
                assert "The answer" in " ".join(m.value for m in at.markdown)
                shown = True
            answer(at, step, right=False)
            assert at.warning[0].value.startswith("**Not quite yet.**")
            answer(at, step, right=True)
            assert at.success[0].value.startswith("**Well done!**")
        if step.kind == "do":
            at.radio(key=f"player.autonomy.{_run_id(db_file)}.{step.id}").set_value("hinted")
            at.run()
        click(at, "player.next")
    assert "Well done, Marie! You finished the lesson." in at.success[0].value
    with sqlite3.connect(db_file) as conn:
        outcomes = conn.execute("select outcome, count(*) from attempts group by outcome")
        counts = dict(outcomes.fetchall())
        checked = sum(1 for s in lesson.steps if s.checked)
        assert counts == {"wrong": checked, "correct": checked}
        rows = dict(conn.execute(
            "select step_id, autonomy || ':' || coalesce(autonomy_by, '') from step_results"))
    do_step = next(s for s in lesson.steps if s.kind == "do")
    assert rows[do_step.id] == "hinted:mentor"
    assert "helped:inferred" in rows.values() and "hinted:inferred" in rows.values()
    assert "alone:inferred" in rows.values()


def _run_id(db_file=None) -> int:
    with sqlite3.connect(db_file or os.environ["CURRICULUM_DB"]) as conn:
        return conn.execute("select max(id) from runs").fetchone()[0]


def test_mentor_tap_changes_the_recorded_autonomy(make_app, people, lesson, db_file):
    at = make_app("player", who__senior=people["senior"], who__junior=people["junior"],
                  player__lesson=LESSON)
    while not lesson.steps[_index(at)].checked:
        click(at, "player.next")
    step = lesson.steps[_index(at)]
    answer(at, step)
    radio = at.radio(key=f"player.autonomy.{_run_id(db_file)}.{step.id}")
    assert radio.value == "alone"  # inferred: no hint, no answer shown
    radio.set_value("helped").run()
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select autonomy, autonomy_by from step_results where step_id = ?",
                            [step.id]).fetchone() == ("helped", "mentor")
        assert conn.execute("select autonomy from attempts order by id desc").fetchone() == \
            ("helped",)


def _index(at) -> int:
    return int(step_text(at).split()[1]) - 1


def test_blank_answer_gets_a_gentle_notice_and_is_not_an_attempt(make_app, people, lesson,
                                                                 db_file):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    while not isinstance(lesson.steps[_index(at)], TextStep):
        click(at, "player.next")
    click(at, "FormSubmitter:player.form")
    assert at.info[0].value == "Type your answer in the box, then press Check."
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select count(*) from attempts").fetchone() == (0,)


def test_solo_has_no_coach_panel_and_infers_autonomy(make_app, people, lesson, db_file):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    assert not any("Coach panel" in s.value for s in at.subheader)
    while not lesson.steps[_index(at)].checked:
        click(at, "player.next")
    step = lesson.steps[_index(at)]
    click(at, "player.hint")  # "Show a hint" in the senior's own area
    answer(at, step)
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select autonomy, autonomy_by, hints_used from step_results "
                            "where step_id = ?", [step.id]).fetchone() == \
            ("hinted", "inferred", 1)


def test_resume_after_a_fresh_app_start(make_app, people, lesson):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    click(at, "player.next")
    click(at, "player.next")
    assert step_text(at).startswith("Step 3 ")
    # a new AppTest is a new server process' view: nothing kept but the database
    again = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    assert step_text(again).startswith("Step 3 ")
    assert "Welcome back" in again.info[0].value
    catalogue = make_app("catalogue", who__senior=people["senior"])
    assert catalogue.button(key=f"catalogue.open.{LESSON}").label == "Continue"


def test_a_finished_lesson_opened_again_from_the_catalogue_starts_afresh(make_app, people,
                                                                       lesson):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    for _ in lesson.steps:
        click(at, "player.next")
    assert "You finished the lesson" in at.success[0].value
    at.switch_page("src/curriculum/ui/pages/catalogue.py").run()
    at.button(key=f"catalogue.open.{LESSON}").click().run()
    at.switch_page("src/curriculum/ui/pages/player.py").run()
    assert step_text(at) == f"Step 1 of {len(lesson.steps)}"


def _go_to(at, lesson, kind: str) -> None:
    while lesson.steps[_index(at)].kind != kind:
        click(at, "player.next")


def test_alone_a_task_for_real_is_done_only_when_the_senior_says_so(make_app, people, lesson,
                                                                   db_file):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    _go_to(at, lesson, "do")
    step = lesson.steps[_index(at)]
    assert buttons(at, "player.next")[0].label == "Skip for now"
    click(at, "player.next")  # moved on without "I did it"
    with sqlite3.connect(db_file) as conn:
        row = conn.execute("select status, autonomy from step_results where step_id = ?",
                           [step.id]).fetchone()
    assert row is None or row == ("open", None)


def test_after_the_answer_is_shown_the_button_moves_on(make_app, people, lesson):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON)
    while not isinstance(lesson.steps[_index(at)], TextStep):
        click(at, "player.next")
    assert buttons(at, "player.next")[0].label == "Skip for now"
    click(at, "player.answer_btn")
    assert buttons(at, "player.next")[0].label == "Next step"


def test_a_running_pair_on_the_lessons_is_logged_as_a_session_of_that_pair(make_app, people,
                                                                         db_file):
    from curriculum.store import pairs, session

    with session(db_file) as db:
        pair = pairs.pair_by_hand(db, people["senior"], people["junior"])
    make_app("player", who__senior=people["senior"], who__junior=people["junior"],
             player__lesson=LESSON)
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("select pair_id, mode from sessions").fetchall() == \
            [(pair.id, "pair")]
