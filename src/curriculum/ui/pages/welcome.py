"""Welcome: who is here? A learner (and a mentor for a pair), picked or created; each types
their PIN if they set one. The coordinator signs in with their PIN, and on the very first
run the coordinator is created here."""

import streamlit as st

from curriculum import clock
from curriculum.store import people, review_items, session
from curriculum.ui import state
from curriculum.ui.frame import PAGES
from curriculum.ui.widgets import focus
from curriculum.ui.widgets import sign_in_forms as forms

T = state.tr()

st.title("Binôme")
st.markdown(T("welcome.intro"))

with session() as db:
    seniors = {p.id: p.name for p in people.list_people(db, "senior") if p.active}
    juniors = {p.id: p.name for p in people.list_people(db, "junior") if p.active}
    coordinators = {p.id: p.name for p in people.coordinators(db)}

if not coordinators:
    st.info(T("welcome.first_run_hint"), icon=":material/key:")

st.header(T("welcome.who"))
forms.who_is_here(seniors, juniors, T)

senior = state.senior()
if senior is not None:
    junior = state.junior()
    with st.container(key=focus.ACTION):  # brought into view once the names are picked
        st.success(T("frame.pair", senior=senior.name, junior=junior.name) if junior
                   else T("frame.alone", senior=senior.name), icon=":material/group:")
        with session() as db:  # alone, the home page is today's practice when items wait
            waiting = junior is None and review_items.count_due(db, senior.id, clock.now())
        if st.button(T("welcome.go_today" if waiting else "welcome.go"), type="primary",
                     key="welcome.go"):
            st.switch_page(PAGES / ("today.py" if waiting else "catalogue.py"))
    focus.bring_into_view("action", f"who:{senior.id}:{junior.id if junior else 0}")

forms.add_person_form(not seniors, T)

if coordinators:
    forms.coordinator(coordinators, T)
else:
    forms.first_run(T)
