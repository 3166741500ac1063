"""What the profile page's forms do (Streamlit callbacks): save a section, change one's PIN.

Widget keys carry the person's id (`key`): another profile never shows stale values.
"""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from ..errors import CurriculumError
from ..store import people
from ..store.people import SLOTS, TOPICS, Person
from . import state
from .notices import Notices

TARGET = "profile.person"  # whose profile is open (an id); also ?person=ID in the URL
PICK = "profile.pick"
NOTICES = Notices("profile.done", "profile.error")
PIN_BOXES = ("pin_now", "pin_new", "pin_again")


def key(person: Person, name: str) -> str:
    return f"profile.{person.id}.{name}"


def save_about(person: Person) -> None:
    get = st.session_state.get
    remote = get(key(person, "where")) == "remote"
    manager = get(key(person, "manager")) or None
    NOTICES.run("about", "profile.saved", lambda db: people.save_about(
        db, person.id, languages=get(key(person, "languages")) or [],
        site=get(key(person, "site")), remote=remote,
        availability=[s for s in SLOTS if get(key(person, f"slot.{s}"))],
        manager_id=manager))


def save_learning(person: Person) -> None:
    get = st.session_state.get
    topics = {t: get(key(person, f"want.{t}")) or 0 for t in TOPICS}
    lessons = [tuple(ref.split("/", 1)) for ref in get(key(person, "lessons")) or []]
    NOTICES.run("learn", "profile.saved", lambda db: people.save_learning(
        db, person.id, topics, lessons))


def save_teaching(person: Person) -> None:
    get = st.session_state.get
    topics = {t: get(key(person, f"teach.{t}")) or 0 for t in TOPICS}
    NOTICES.run("teach", "profile.saved", lambda db: people.save_teaching(
        db, person.id, topics, get(key(person, "capacity")) or 0))


def pin_action(person: Person, remove: bool) -> None:
    "Set, change or remove one's own PIN (the current one first, when there is one)."
    T = state.tr()
    get = st.session_state.get
    current, new, again = (get(key(person, k)) or "" for k in PIN_BOXES)
    for k in PIN_BOXES:
        st.session_state[key(person, k)] = ""

    def act(db: Database) -> None:
        if person.has_pin:
            check = people.check_pin(db, person.id, current)
            if not check.ok:
                raise CurriculumError(T("pin.locked", minutes=check.wait_minutes)
                                      if check.wait else T("pin.wrong_current"))
        if remove:
            people.clear_pin(db, person.id)
        else:
            people.set_pin(db, person.id, new, again)

    NOTICES.run("pin", "pin.removed" if remove else "pin.saved", act)
