"""Who is here (Streamlit callbacks of the Welcome page): pick a learner and a mentor,
each with their PIN if they set one; add a person; the coordinator signs in with their
PIN, or is created on the very first run.

A PIN or first-run error a callback keeps for the page is (catalogue key, parameters), or
("", {"text": ...}) for a message already in words; the page shows it in today's language.
"""

from __future__ import annotations

import streamlit as st

from ..errors import CurriculumError
from ..store import people, session
from . import state
from .people_actions import twin_warning

PICK_SENIOR, PICK_JUNIOR = "welcome.senior", "welcome.junior"
NEW_NAME, NEW_ROLE, NEW_LANG = "welcome.new_name", "welcome.new_role", "welcome.new_lang"
ADD_ERROR = "welcome.error"
PICK = {state.SENIOR: PICK_SENIOR, state.JUNIOR: PICK_JUNIOR}
PENDING = {state.SENIOR: "welcome.pending_senior", state.JUNIOR: "welcome.pending_junior"}
PIN = {state.SENIOR: "welcome.pin_senior", state.JUNIOR: "welcome.pin_junior"}
NOTICE = {state.SENIOR: "welcome.notice_senior", state.JUNIOR: "welcome.notice_junior"}
COORD, COORD_PIN, COORD_NOTICE = "welcome.coordinator", "welcome.coordinator_pin", \
    "welcome.notice_coordinator"
FIRST_NAME, FIRST_PIN, FIRST_AGAIN = "welcome.first_name", "welcome.first_pin", \
    "welcome.first_again"
FIRST_ERROR = "welcome.first_error"


def add_person() -> None:
    name, role = st.session_state.get(NEW_NAME, ""), st.session_state.get(NEW_ROLE, "senior")
    warning = twin_warning(name)
    if warning:
        st.session_state[ADD_ERROR] = warning
        return
    try:
        with session() as db:
            person = people.create_person(db, name, role,
                                          st.session_state.get(NEW_LANG) or state.lang())
    except CurriculumError as exc:
        st.session_state[ADD_ERROR] = str(exc)
        return
    st.session_state.pop(ADD_ERROR, None)
    st.session_state[NEW_NAME] = ""
    key = state.SENIOR if role == "senior" else state.JUNIOR
    st.session_state.pop(PENDING[key], None)
    state.set_value(key, person.id)
    st.session_state[PICK[key]] = person.id


def pick(key: str) -> None:
    "A name was picked: signed in at once, or once their PIN is typed if they set one."
    chosen = st.session_state[PICK[key]] or None
    if chosen is not None and not isinstance(chosen, int):  # a label, never an id
        st.session_state[PICK[key]] = st.session_state.get(key) or (0 if key == state.JUNIOR
                                                                   else None)
        return
    st.session_state.pop(NOTICE[key], None)
    with session() as db:
        person = people.get_person(db, chosen)
    if person is not None and person.has_pin:
        st.session_state[PENDING[key]] = person.id
        state.set_value(key, None)
    else:
        st.session_state.pop(PENDING[key], None)
        state.set_value(key, chosen)
        if key == state.SENIOR:
            state.follow_person(person)


def _pin_notice(check: people.PinCheck) -> tuple[str, dict]:
    if check.wait:
        return "pin.locked", {"minutes": check.wait_minutes}
    return "pin.wrong", {}


def enter_pin(key: str) -> None:
    person_id, pin = st.session_state.get(PENDING[key]), st.session_state.get(PIN[key], "")
    st.session_state[PIN[key]] = ""
    with session() as db:
        check = people.check_pin(db, person_id, pin)
    if check.ok:
        st.session_state.pop(PENDING[key], None)
        st.session_state.pop(NOTICE[key], None)
        state.set_value(key, person_id)
        if key == state.SENIOR:
            with session() as db:
                state.follow_person(people.get_person(db, person_id))
    else:
        st.session_state[NOTICE[key]] = _pin_notice(check)


def coordinator_sign_in() -> None:
    person_id, pin = st.session_state.get(COORD), st.session_state.get(COORD_PIN, "")
    st.session_state[COORD_PIN] = ""
    with session() as db:
        coordinators = {c.id for c in people.coordinators(db)}
        check = (people.check_pin(db, person_id, pin) if person_id in coordinators
                 else people.PinCheck(False))
    if check.ok:
        st.session_state.pop(COORD_NOTICE, None)
        st.session_state[state.COORDINATOR] = person_id
    else:
        st.session_state[COORD_NOTICE] = _pin_notice(check)


def create_coordinator() -> None:
    name, pin = st.session_state.get(FIRST_NAME, ""), st.session_state.get(FIRST_PIN, "")
    again = st.session_state.get(FIRST_AGAIN, "")
    st.session_state[FIRST_PIN] = st.session_state[FIRST_AGAIN] = ""
    try:
        with session() as db:
            person = people.ensure_coordinator(db, name, pin, again, state.lang())
    except CurriculumError as exc:
        st.session_state[FIRST_ERROR] = ("", {"text": state.error_text(exc)})
        return
    st.session_state.pop(FIRST_ERROR, None)
    st.session_state[state.COORDINATOR] = person.id
