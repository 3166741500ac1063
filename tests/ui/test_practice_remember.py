"""Practice apps that remember: what the senior did in an app is saved with the run and is
there again in a new browser session (a new AppTest on the same database and run)."""

from __future__ import annotations

from html import unescape

import ui_practice
from ui_practice import click, ok, run_id


def _reopen(make_app, people, lesson: str, db_file, run: int):
    "A new browser session: the player opens the same run where the senior left it."
    at = make_app("player", who__senior=people["senior"], player__lesson=lesson)
    assert run_id(db_file) == run
    return at


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [unescape(h.proto.body) for h in at.get("html")]
    return "\n".join(parts + [b.label for b in at.button])


def test_the_mail_draft_survives_a_new_session(make_app, people, db_file):
    lesson = "examples/practice-email"
    at = ui_practice.open_step(make_app, people, "compose", lesson=lesson,
                               steps=["intro", "compose", "reply", "forward", "triage"])
    run = run_id(db_file)
    a = f"player.app.{run}.compose"
    click(at, f"{a}.new")
    at.text_input(key=f"{a}.to").input("sam@example.org")
    at.text_area(key=f"{a}.body").input("I miss you, Sam!")
    ok(at.run())
    at = _reopen(make_app, people, lesson, db_file, run)
    assert at.text_input(key=f"{a}.to").value == "sam@example.org"
    assert at.text_area(key=f"{a}.body").value == "I miss you, Sam!"


def test_the_sheet_survives_a_new_session(make_app, people, db_file):
    lesson = "examples/practice-spreadsheet"
    at = ui_practice.open_step(make_app, people, "total", lesson=lesson, steps=[
        "intro", "type-a-price", "total", "fix-an-error", "if-budget", "sort-prices"])
    run = run_id(db_file)
    at.text_input(key=f"player.sheet_bar.{run}.total").input("2.15")
    at.button(key=f"player.sheet_enter.{run}.total").click()
    ok(at.run())
    assert [str(v) for v in at.table[0].value["B"]][3] == "2.15"
    at = _reopen(make_app, people, lesson, db_file, run)
    assert [str(v) for v in at.table[0].value["B"]][3] == "2.15"
    assert at.text_input(key=f"player.sheet_bar.{run}.total").value == "2.15"


def test_the_chat_transcript_survives_a_new_session(make_app, people, db_file):
    lesson = "examples/practice-chat"
    at = ui_practice.open_step(make_app, people, "thumbs-up", lesson=lesson,
                               steps=["intro", "thumbs-up", "react-and-voice", "family-group"])
    run = run_id(db_file)
    at.text_input(key=f"player.chat.text.{run}.thumbs-up").input("Hello Sam")
    click(at, f"player.chat.{run}.thumbs-up.send")
    mine = [m for m in at.chat_message if "Hello Sam" in _text(m)]
    assert mine
    at = _reopen(make_app, people, lesson, db_file, run)
    assert [m for m in at.chat_message if "Hello Sam" in _text(m)]


def test_the_feed_survives_a_new_session(make_app, people, db_file):
    lesson = "examples/practice-social"
    at = make_app("player", who__senior=people["senior"], player__lesson=lesson)
    while not any(b.key == "player.next.share-garden" for b in at.button):
        click(at, next(b.key for b in at.button if b.key.startswith("player.next.")))
    run = run_id(db_file)
    click(at, f"player.social.like.p1.{run}.share-garden")
    assert at.button(key=f"player.social.like.p1.{run}.share-garden").label == "Liked"
    at = _reopen(make_app, people, lesson, db_file, run)
    assert at.button(key=f"player.social.like.p1.{run}.share-garden").label == "Liked"
