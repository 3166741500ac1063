"""The Welcome page's forms: who is here (learner and mentor, each with their PIN if they
set one), a new person, and the coordinator's sign-in or, on the very first run, creation."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...i18n import LANGUAGES
from ...programme import pins
from ...render import escape
from ...store import people
from .. import state
from ..registry import PAGES_DIR
from ..sign_in import (
    ADD_ERROR,
    COORD,
    COORD_NOTICE,
    COORD_PIN,
    FIRST_AGAIN,
    FIRST_ERROR,
    FIRST_NAME,
    FIRST_PIN,
    NEW_LANG,
    NEW_NAME,
    NEW_ROLE,
    NOTICE,
    PENDING,
    PICK,
    PICK_JUNIOR,
    PICK_SENIOR,
    PIN,
    add_person,
    coordinator_sign_in,
    create_coordinator,
    enter_pin,
    pick,
)

T = Callable[..., str]
NOBODY = 0  # the mentor's list: nobody (the learner is alone)


def _notice(key: str, tr: T) -> None:
    "An error kept by a callback as (catalogue key, parameters), shown in today's language."
    found = st.session_state.get(key)
    if found:
        text_key, params = found
        st.error(tr(text_key, **params) if text_key else params["text"], icon=":material/error:")


def _pin_form(key: str, label_key: str, tr: T) -> None:
    "The PIN box for a person picked who set a PIN."
    pending = st.session_state.get(PENDING[key])
    if pending is None or st.session_state.get(PICK[key]) != pending:
        st.session_state.pop(PENDING[key], None)  # another name is picked now
        return
    with st.form(f"{PIN[key]}.form", border=False):
        st.text_input(tr(label_key), type="password", key=PIN[key],
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(tr("welcome.sign_in"), on_click=enter_pin, args=(key,),
                              key=f"{PIN[key]}.go")
    _notice(NOTICE[key], tr)


def who_is_here(seniors: dict[int, str], juniors: dict[int, str], tr: T) -> None:
    "The learner (left) and the mentor, or nobody (right), picked by name."
    left, right = st.columns(2)
    with left:
        if seniors:
            st.session_state.setdefault(PICK_SENIOR, st.session_state.get(state.SENIOR))
            st.selectbox(tr("welcome.senior"), list(seniors), format_func=seniors.__getitem__,
                         key=PICK_SENIOR, index=None, placeholder=tr("welcome.choose"),
                         on_change=pick, args=(state.SENIOR,))
            _pin_form(state.SENIOR, "welcome.pin_senior", tr)
        else:
            st.info(tr("welcome.no_seniors"))
    with right:
        options = [NOBODY, *juniors]
        current = st.session_state.get(state.JUNIOR) or NOBODY
        st.session_state.setdefault(PICK_JUNIOR, current if current in options else NOBODY)
        st.selectbox(tr("welcome.junior"), options, key=state.labelled(PICK_JUNIOR),
                     format_func=lambda i: juniors.get(i) or tr("welcome.alone"),
                     on_change=pick, args=(state.JUNIOR,))
        _pin_form(state.JUNIOR, "welcome.pin_junior", tr)


def add_person_form(expanded: bool, tr: T) -> None:
    with st.expander(tr("welcome.add_person"), expanded=expanded):
        with st.form("welcome.add", border=False):
            st.text_input(tr("welcome.name"), key=NEW_NAME, max_chars=people.MAX_NAME)
            st.radio(tr("welcome.role"), ["senior", "junior"], key=state.labelled(NEW_ROLE),
                     format_func=lambda r: tr(f"role.{r}"), horizontal=True)
            st.radio(tr("frame.language"), list(LANGUAGES), key=NEW_LANG, horizontal=True,
                     format_func=LANGUAGES.__getitem__,
                     index=list(LANGUAGES).index(state.lang()))
            st.form_submit_button(tr("welcome.add"), on_click=add_person)
        if st.session_state.get(ADD_ERROR):
            st.error(st.session_state[ADD_ERROR], icon=":material/error:")


def first_run(tr: T) -> None:
    "No coordinator yet: the person setting the programme up creates the coordinator."
    with st.container(border=True):
        st.markdown(f"**{tr('welcome.first_run_title')}**")
        st.markdown(tr("welcome.first_run"))
        with st.form("welcome.first", border=False):
            st.text_input(tr("welcome.name"), key=FIRST_NAME, max_chars=people.MAX_NAME)
            st.text_input(tr("pin.new"), key=FIRST_PIN, type="password",
                          max_chars=pins.MAX_DIGITS, autocomplete="off", help=tr("pin.rules"))
            st.text_input(tr("pin.again"), key=FIRST_AGAIN, type="password",
                          max_chars=pins.MAX_DIGITS, autocomplete="off")
            st.form_submit_button(tr("welcome.create_coordinator"), type="primary",
                                  on_click=create_coordinator, key="welcome.first.go")
        _notice(FIRST_ERROR, tr)


def coordinator(coordinators: dict[int, str], tr: T) -> None:
    "The coordinator's sign-in (always with their PIN), or who is signed in as coordinator."
    st.header(tr("welcome.coordinator_title"))
    signed_in = st.session_state.get(state.COORDINATOR)
    if signed_in in coordinators:
        st.success(tr("welcome.coordinator_in", name=escape(coordinators[signed_in])),
                   icon=":material/key:")
        st.page_link(PAGES_DIR / "people.py", label=tr("nav.people"), icon=":material/group:")
        return
    with st.form("welcome.coordinator_form", border=False):
        st.selectbox(tr("welcome.coordinator_name"), list(coordinators), key=COORD,
                     format_func=coordinators.__getitem__)
        st.text_input(tr("pin.yours"), type="password", key=COORD_PIN,
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(tr("welcome.coordinator_sign_in"),
                              on_click=coordinator_sign_in, key="welcome.coordinator.go")
    _notice(COORD_NOTICE, tr)
