"""Compose pairs (the coordinator only): proposals with their score and reasons, accept one
or all, swap two mentors, pair by hand (with a warning where a rule is broken), who is not
paired and why, and the running pairs."""

import streamlit as st

from curriculum.programme import access
from curriculum.store import pairs, people, session
from curriculum.ui import state
from curriculum.ui.pairs_actions import accepted_all, act, proposed
from curriculum.ui.widgets import pairs_compose as compose

T = state.tr()
SHOWN, PAGE = "pairs.shown", 25  # proposals drawn at once: a long list stays quick

st.title(T("nav.pairs"))
state.require(access.is_coordinator(state.viewers()))
compose.notice()
st.markdown(T("pairs.intro"))

with session() as db:
    proposals, running = pairs.list_pairs(db, "proposed"), pairs.list_pairs(db, "active")
    waiting = pairs.unpaired(db)
    everyone = {p.id: p for p in people.list_people(db) if p.active}

st.button(T("pairs.propose_again" if proposals else "pairs.propose"), key="pairs.propose",
          type="primary", icon=":material/extension:", help=T("pairs.propose_help"),
          on_click=act, args=(pairs.propose, proposed))

st.header(T("pairs.proposed_header", n=len(proposals)))
if not proposals:
    st.info(T("pairs.proposed_none"), icon=":material/info:")
else:
    st.button(T("pairs.accept_all"), key="pairs.accept_all", icon=":material/check_circle:",
              on_click=act,
              args=(pairs.accept_all, accepted_all))
    shown = st.session_state.setdefault(SHOWN, PAGE)
    for pair in proposals[:shown]:
        compose.card(pair, T)
    if len(proposals) > shown:
        st.button(T("pairs.show_more", n=min(PAGE, len(proposals) - shown),
                    left=len(proposals) - shown), key="pairs.more", icon=":material/expand_more:",
                  on_click=lambda: st.session_state.update({SHOWN: shown + PAGE}))

if len(proposals) >= 2:
    compose.swap_form(proposals, T)

compose.unpaired(waiting, everyone, T)
compose.by_hand(everyone, T)

st.header(T("pairs.active_header", n=len(running)))
if not running:
    st.info(T("pairs.active_none"), icon=":material/info:")
for pair in running:
    compose.card(pair, T)
