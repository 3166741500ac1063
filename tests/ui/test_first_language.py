"""The first screen speaks the senior's language: the person's own once known, else the
browser's, else the organisation's (CURRICULUM_LANGUAGE)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curriculum.store import people as P
from curriculum.store import session
from curriculum.ui import state

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def first_run(locale: str | None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.context["locale"] = locale
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(("locale", "lang"), [("fr-FR", "fr"), ("fr-BE", "fr"), ("en-GB", "en"),
                                               ("de-DE", "en"), (None, "en")])
def test_the_browser_language_is_used_when_nobody_chose(db_file, locale, lang) -> None:
    at = first_run(locale)
    assert at.session_state[state.LANG] == lang


def test_the_organisation_sets_the_default(db_file, monkeypatch) -> None:
    monkeypatch.setenv("CURRICULUM_LANGUAGE", "fr")
    assert first_run("de-DE").session_state[state.LANG] == "fr"
    assert first_run("en-US").session_state[state.LANG] == "en"  # the browser speaks English


def test_a_known_person_keeps_their_own_language(db_file) -> None:
    with session(db_file) as db:
        marie = P.create_person(db, "Marie", "senior", "fr")
    at = first_run("en-US", senior=str(marie.id))
    assert at.session_state[state.LANG] == "fr"


def test_picking_a_name_switches_to_their_language(db_file) -> None:
    with session(db_file) as db:
        marie = P.create_person(db, "Marie", "senior", "fr")
    at = first_run("en-US")
    at.selectbox(key="welcome.senior").set_value(marie.id).run()
    assert at.session_state[state.LANG] == "fr"
    assert at.radio(key="frame.lang").value == "fr"


def test_a_language_chosen_in_this_browser_is_kept(db_file) -> None:
    with session(db_file) as db:
        marie = P.create_person(db, "Marie", "senior", "fr")
    at = first_run("fr-FR")
    at.radio(key="frame.lang").set_value("en").run()
    at.selectbox(key="welcome.senior").set_value(marie.id).run()
    assert at.session_state[state.LANG] == "en"
