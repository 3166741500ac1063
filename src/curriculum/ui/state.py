"""Session state: named keys, defaults, and the query parameters that survive a reload.

Who is here (senior, junior), the mode and the open lesson are mirrored in the URL
(`?senior=3&junior=5&lesson=email-basics/first-email`), so reloading the page or coming
back later with the same link keeps them; everything else lives in the database.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import streamlit as st

from ..i18n import LANGUAGES, t
from ..render import escape
from ..store import people, session
from ..store.people import Person

SENIOR = "who.senior"
JUNIOR = "who.junior"
LANG = "ui.lang"
LESSON = "player.lesson"  # "pack-id/lesson-id"
STARTED = "ui.started"

_PARAMS = {SENIOR: "senior", JUNIOR: "junior", LESSON: "lesson", LANG: "lang"}


def init() -> None:
    "Set defaults once per browser session, from the URL where it says something."
    if st.session_state.get(STARTED):
        return
    params = st.query_params
    for key, param in _PARAMS.items():
        value = params.get(param)
        if key in (SENIOR, JUNIOR):
            st.session_state.setdefault(key, int(value) if value and value.isdigit() else None)
        else:
            st.session_state.setdefault(key, value or None)
    if st.session_state.get(LANG) not in LANGUAGES:
        st.session_state[LANG] = _person_lang() or "en"
    st.session_state[STARTED] = True


def _person_lang() -> str | None:
    p = senior() or junior()
    return p.language if p else None


def sync_url() -> None:
    "Mirror the keys into the URL (only those set)."
    wanted = {param: str(st.session_state[key]) for key, param in _PARAMS.items()
              if st.session_state.get(key) not in (None, "")}
    current = {k: st.query_params.get(k) for k in _PARAMS.values()}
    if {k: v for k, v in current.items() if v is not None} != wanted:
        st.query_params.clear()
        st.query_params.update(wanted)


def set_value(key: str, value: Any) -> None:
    st.session_state[key] = value
    sync_url()


def lang() -> str:
    return st.session_state.get(LANG) or "en"


def tr() -> partial[str]:
    "The translator for the current language: `T('key', name=...)`."
    return partial(t, lang())


def _get(key: str) -> Person | None:
    "The person, with the name escaped for Markdown (pages only display it)."
    person_id = st.session_state.get(key)
    if person_id is None:
        return None
    with session() as db:
        person = people.get_person(db, person_id)
    return replace(person, name=escape(person.name)) if person else None


def senior() -> Person | None:
    return _get(SENIOR)


def junior() -> Person | None:
    return _get(JUNIOR)


COORDINATOR = "who.coordinator"  # set once the coordinator has entered their PIN


def viewers() -> list[Person]:
    "The people signed in on this browser: the learner, the mentor, the coordinator."
    found = [p for p in (senior(), junior(), _get(COORDINATOR)) if p is not None]
    return list({p.id: p for p in found}.values())


def mode() -> str:
    return "pair" if st.session_state.get(JUNIOR) is not None else "solo"
