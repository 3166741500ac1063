"""People (the coordinator only): everyone in the programme; add a person, change their
roles, set or remove a PIN, open their profile."""

import streamlit as st

from curriculum.programme import access
from curriculum.store import people, session
from curriculum.ui import state
from curriculum.ui.people_actions import PICK
from curriculum.ui.widgets import people_forms as forms

T = state.tr()

state.require(access.can_manage_people(state.viewers()))
st.title(T('nav.people'))
with session() as db:
    everyone = people.list_people(db)

st.header(T("people.everyone"))
if everyone:
    forms.table(everyone, T)

st.header(T("people.change"))
names = {p.id: p.name for p in everyone}
if st.session_state.get(PICK) not in names:
    st.session_state[PICK] = next(iter(names), None)
st.selectbox(T("people.who"), list(names), key=PICK, format_func=names.__getitem__)
chosen = next((p for p in everyone if p.id == st.session_state.get(PICK)), None)
if chosen is not None:
    forms.edit(chosen, T)

st.header(T("people.add"))
forms.add_form(T)
