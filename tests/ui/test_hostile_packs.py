"""Hostile pack files never take a page down: one bad file is one problem, the rest works."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "packs" / "bad"


@pytest.fixture
def hostile_packs(tmp_path, monkeypatch):
    "Lessons with a NUL character, UTF-16 without BOM, a BEL, beside the bundled packs."
    import shutil

    for case in ("yaml-nul-character", "yaml-utf16-no-bom", "yaml-bell-character"):
        shutil.copytree(BAD / case, tmp_path / "packs" / case)
    monkeypatch.setenv("CURRICULUM_LESSONS", f"{ROOT / 'lessons'}:{tmp_path / 'packs'}")
    return tmp_path / "packs"


def test_authors_page_lists_each_bad_character_as_one_problem(make_app, hostile_packs):
    at = make_app("authors")
    codes = " ".join(c.value for c in at.code)
    assert (f"{hostile_packs / 'yaml-nul-character' / 'first.yaml'}:2:15: error: the file "
            "holds an invisible control character (U+0000)") in codes
    assert (f"{hostile_packs / 'yaml-utf16-no-bom' / 'first.yaml'}:1:1: error: the file "
            "looks like UTF-16 text") in codes
    assert (f"{hostile_packs / 'yaml-bell-character' / 'first.yaml'}:11:29: error: the file "
            "holds an invisible control character (U+0007)") in codes


def test_lessons_page_still_lists_the_good_packs(make_app, hostile_packs, people):
    at = make_app("catalogue", who__senior=people["senior"])
    assert at.button(key="catalogue.open.email-basics/first-email")


def _draw_broken_picture(path: str) -> None:
    from pathlib import Path

    from curriculum.ui.widgets.content import picture

    picture(Path(path), "The Subject box", "The picture cannot be shown.", width=320)
    import streamlit as st

    st.write("after the picture")


def test_a_picture_that_fails_to_draw_shows_its_words(tmp_path):
    fake = tmp_path / "compose.png"
    fake.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    at = AppTest.from_function(_draw_broken_picture, args=(str(fake),), default_timeout=30)
    at.run()
    assert not at.exception
    assert "The Subject box" in " ".join(str(h.proto) for h in at.get("html"))
    assert [c.value for c in at.caption] == ["The picture cannot be shown."]
    assert at.markdown[-1].value == "after the picture"


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "The disk is full: your earlier answers are safe; tell the coordinator."),
    ("fr", "Le disque est plein\u00a0: vos réponses précédentes sont en sécurité\u202f; "
           "prévenez le coordinateur."),
])
def test_check_my_answer_on_a_full_disk_says_so(make_app, people, db_file, monkeypatch,
                                                lang, message):
    "The database cannot grow (SQLite's max_page_count): Check says so, nothing is lost."
    import sqlite3
    from contextlib import closing

    import curriculum.store as store

    real_connect = store.connect

    def full_connect(path):
        db = real_connect(path)
        pages = db.execute("pragma page_count").fetchone()[0]
        db.execute(f"pragma max_page_count = {pages}")
        return db

    at = make_app("player", who__senior=people["senior"], ui__lang=lang,
                  player__lesson="email-basics/first-email")
    for _ in range(2):  # two explain steps, then the first question
        at.button(key=next(b.key for b in at.button if b.key.startswith("player.next")))\
            .click().run()
    with sqlite3.connect(db_file) as conn:
        before = conn.execute("select count(*) from attempts").fetchone()[0]
    with closing(full_connect(db_file)) as db, \
            pytest.raises(sqlite3.OperationalError, match="full"):  # fill every page there is
        db.execute("create table filler (x text)")
        for _ in range(100_000):
            db.execute("insert into filler values ('x')")
    monkeypatch.setattr(store, "connect", full_connect)
    radio = next(r for r in at.radio if r.key and r.key.startswith("player.answer"))
    radio.set_value("to")  # a wrong answer: it can be checked again and again
    for _ in range(100):  # the attempts table's last page fills up, then no page is left
        at.button(key=next(b.key for b in at.button if b.key
                           and b.key.startswith("FormSubmitter:player.form"))).click().run()
        assert not at.exception, at.exception
        if at.error:
            break
    assert [e.value for e in at.error] == [message]
    monkeypatch.setattr(store, "connect", real_connect)
    with sqlite3.connect(db_file) as conn:
        after = conn.execute("select count(*) from attempts").fetchone()[0]
    assert after >= before



def test_other_player_buttons_on_a_full_disk_say_so_too(make_app, people, monkeypatch):
    """A hint, the answer, Next: when the store says the disk is full (tested with a real
    full file in tests/test_store.py), each says so in words instead of an error page."""
    from curriculum.errors import DiskFullError
    from curriculum.store import progress

    at = make_app("player", who__senior=people["senior"],
                  player__lesson="email-basics/first-email")
    for _ in range(2):  # two explain steps, then the first question
        at.button(key=next(b.key for b in at.button if b.key.startswith("player.next")))\
            .click().run()

    def full(*args, **kwargs):
        raise DiskFullError()

    for name in ("record_hint", "record_answer_shown", "set_current_step", "complete_step"):
        monkeypatch.setattr(progress, name, full)
    for prefix in ("player.hint.", "player.answer_btn.", "player.next."):
        at.button(key=next(b.key for b in at.button if b.key and b.key.startswith(prefix)))\
            .click().run()
        assert not at.exception, at.exception
        assert [e.value for e in at.error] == [
            "The disk is full: your earlier answers are safe; tell the coordinator."], prefix
