"""The People page's parts: everyone in a table, one person's roles and PIN, a new person."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...i18n import LANGUAGES
from ...programme import pins
from ...render import escape
from ...store import people
from ...store.people import ROLES, SLOTS, SPOKEN, Person
from .. import state
from ..people_actions import NEW, NEW_LANG, NEW_NAME, NOTICES, add, clear_pin, key, save, set_pin
from ..profile_actions import TARGET
from ..registry import PAGES_DIR
from .profile_forms import where

T = Callable[..., str]


def table(everyone: list[Person], tr: T) -> None:
    yes, no = tr("people.yes"), tr("people.no")
    st.table([{tr("people.col_name"): escape(p.name),
               tr("people.col_roles"): ", ".join(tr(f"role.{r}") for r in p.roles),
               tr("people.col_languages"): ", ".join(SPOKEN.get(x, x) for x in p.languages),
               tr("people.col_where"): where(p, tr),
               tr("people.col_slots"): str(len([s for s in p.availability if s in SLOTS])),
               tr("people.col_pin"): yes if p.has_pin else no,
               tr("people.col_active"): yes if p.active else no}
              for p in everyone], hide_index=True, alt=tr("people.table_alt"))


def edit(person: Person, tr: T) -> None:
    "One person's name, roles and whether they are still in; a link to their profile; PIN."
    with st.form(key(person.id, "form"), border=False):
        st.text_input(tr("welcome.name"), value=person.name, key=key(person.id, "name"),
                      max_chars=people.MAX_NAME)
        st.markdown(f"**{tr('people.roles')}**")
        for role in ROLES:
            st.checkbox(tr(f"role.{role}"), value=person.has_role(role),
                        key=f"{key(person.id, 'edit')}.role.{role}")
        st.checkbox(tr("people.active"), value=person.active, key=key(person.id, "active"),
                    help=tr("people.active_help"))
        st.form_submit_button(tr("profile.save"), type="primary", on_click=save,
                              args=(person,), key=key(person.id, "save"))
    NOTICES.show("edit")
    if st.button(tr("people.open_profile", name=escape(person.name)),
                 key=key(person.id, "open"), icon=":material/badge:"):
        st.session_state[TARGET] = person.id
        st.switch_page(PAGES_DIR / "profile.py")
    _pin(person, tr)


def _pin(person: Person, tr: T) -> None:
    st.subheader(tr("pin.title"))
    st.markdown(tr("people.has_pin", name=escape(person.name)) if person.has_pin
                else tr("people.no_pin", name=escape(person.name)))
    if person.has_role("coordinator") and not person.has_pin:
        st.warning(tr("people.coordinator_needs_pin"), icon=":material/key:")
    with st.form(key(person.id, "pin_form"), border=False):
        st.text_input(tr("pin.new"), type="password", key=key(person.id, "pin"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off", help=tr("pin.rules"))
        st.text_input(tr("pin.again"), type="password", key=key(person.id, "again"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(tr("people.set_pin"), on_click=set_pin, args=(person,),
                              key=key(person.id, "pin_save"))
    if person.has_pin and not person.has_role("coordinator"):
        st.button(tr("people.remove_pin"), key=key(person.id, "clear"), on_click=clear_pin,
                  args=(person,))
    NOTICES.show("pin")


def add_form(tr: T) -> None:
    "A new person: name, roles (senior ticked), language."
    with st.form("people.add_form", border=False):
        st.text_input(tr("welcome.name"), key=NEW_NAME, max_chars=people.MAX_NAME)
        st.markdown(f"**{tr('people.roles')}**")
        for role in ROLES:
            st.checkbox(tr(f"role.{role}"), key=f"{NEW}.role.{role}", value=role == "senior")
        st.radio(tr("frame.language"), list(LANGUAGES), key=NEW_LANG, horizontal=True,
                 format_func=LANGUAGES.__getitem__, index=list(LANGUAGES).index(state.lang()))
        st.form_submit_button(tr("people.add_button"), type="primary", on_click=add,
                              key="people.add_go")
    NOTICES.show("add")
