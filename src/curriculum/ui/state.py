"""Session state: named keys, defaults, and the query parameters that survive a reload.

Who is here (senior, junior), the mode and the open lesson are mirrored in the URL
(`?senior=3&junior=5&lesson=email-basics/first-email`), so reloading the page or coming
back later with the same link keeps them; everything else lives in the database. A person
who set a PIN is never signed in from the URL (after a reload they type it again), and
the coordinator never is: `COORDINATOR` is set only once their PIN is entered.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from functools import partial
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from ..i18n import LANGUAGES, first_language, t
from ..programme import access
from ..render import escape
from ..store import people, session
from ..store.people import Person
from .registry import PAGES_DIR

SENIOR = "who.senior"
JUNIOR = "who.junior"
LANG = "ui.lang"
LANG_CHOSEN = "ui.lang_chosen"  # True once someone picked the language in this browser
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
            st.session_state.setdefault(key, _from_url(value, param))
        else:
            st.session_state.setdefault(key, value or None)
    if st.session_state.get(LANG) not in LANGUAGES:
        # the person's own language once known, else the browser's, else the organisation's
        st.session_state[LANG] = first_language(
            _person_lang(), st.context.locale, os.environ.get("CURRICULUM_LANGUAGE"))
    else:
        st.session_state[LANG_CHOSEN] = True  # the link says which language
    st.session_state[STARTED] = True


def _from_url(value: str | None, role: str) -> int | None:
    "A person named in the URL in that role, unless they need a PIN to sign in."
    if not value or not value.isdigit():
        return None
    with session() as db:
        person = people.get_person(db, int(value))
    usable = person is not None and person.has_role(role) and not person.has_pin
    return person.id if usable else None


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


LABELLED = "ui.labelled"  # keys of selects and radios whose labels are in today's language


def labelled(key: str) -> str:
    """Name a select or radio whose option labels are translated (its values are ids).

    The browser holds a select's value as its label: after a language change it would send
    back the old label, which matches no option, and a callback would store that label as if
    it were an id. `relabel()` gives every widget named here its value again when the
    language changes, so the browser takes the label in the new language."""
    st.session_state.setdefault(LABELLED, set()).add(key)
    return key


def follow_person(person: Person | None) -> None:
    "A person just signed in: speak their language, unless this browser chose one."
    if person is not None and not st.session_state.get(LANG_CHOSEN):
        wanted = first_language(person.language, lang())
        if wanted != lang():
            set_value(LANG, wanted)
            st.session_state["frame.lang"] = wanted  # the sidebar's radio says it too
            relabel()


def relabel() -> None:
    "Re-send the value of every labelled widget (after the language changed)."
    for key in st.session_state.get(LABELLED, ()):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def lang() -> str:
    return st.session_state.get(LANG) or "en"


def tr() -> partial[str]:
    "The translator for the current language: `T('key', name=...)`."
    return partial(t, lang())


def _get(key: str) -> Person | None:
    "The person, with the name escaped for Markdown (pages only display it)."
    person_id = st.session_state.get(key)
    if not isinstance(person_id, int):  # nobody (or, from an old browser state, a label)
        return None
    with session() as db:
        person = people.get_person(db, person_id)
    return replace(person, name=escape(person.name)) if person else None


def senior() -> Person | None:
    return _get(SENIOR)


def junior() -> Person | None:
    return _get(JUNIOR)


COORDINATOR = "who.coordinator"  # set once the coordinator has entered their PIN


SLOTS = {SENIOR: "senior", JUNIOR: "junior", COORDINATOR: "coordinator"}


def viewers() -> list[Person]:
    """The people signed in on this browser: the learner, the mentor, the coordinator,
    each acting in the role they signed in as (see `access.acting`)."""
    found: dict[int, Person] = {}
    for key, role in SLOTS.items():
        person = _get(key)
        as_role = access.acting(person, role) if person is not None else None
        if as_role is not None and (role != "coordinator" or person.has_pin):
            seen = found.get(as_role.id)
            found[as_role.id] = (replace(seen, roles=(*seen.roles, role)) if seen
                                 else as_role)
    return list(found.values())


def sign_out() -> None:
    "Everyone signed in on this browser signs out (the open lesson is forgotten too)."
    for key in (*SLOTS, LESSON):
        st.session_state[key] = None
    for key in [k for k in st.session_state if str(k).startswith(("welcome.", "profile.",
                                                                   "people."))]:
        del st.session_state[key]
    sync_url()


def error_text(exc: Exception) -> str:
    "The message of an error a user can fix, in today's language when it has a key."
    key = getattr(exc, "key", None)
    return tr()(key, **getattr(exc, "params", {})) if key else str(exc)


def require(allowed: bool) -> None:
    "Stop the page with a polite refusal unless the viewers may see it."
    if not allowed:
        st.warning(tr()("access.refused"), icon=":material/lock:")
        with contextlib.suppress(StreamlitPageNotFoundError):  # a page run without the frame
            st.page_link(PAGES_DIR / "welcome.py", label=tr()("nav.welcome"),
                         icon=":material/waving_hand:")
        st.stop()


def mode() -> str:
    "A pair when a mentor (a real person) is here; otherwise the learner practises alone."
    return "pair" if junior() is not None else "solo"
