"""Our pair: today's session, the agreement, progress towards the goals, and the history.

For the pair's senior, its junior, or the coordinator. Only pairs that pass
`access.can_see_pair` are listed or opened (a junior never sees another junior's pair).
A session is started here with both people present; it opens the lessons with both set as
learner and mentor; it is ended here with notes, then feedback goes both ways.
"""

from dataclasses import replace

import streamlit as st

from curriculum import clock
from curriculum.programme import access, dashboard, goals
from curriculum.render import escape
from curriculum.store import feedback as F
from curriculum.store import review_items, session
from curriculum.today import levels as lesson_levels
from curriculum.ui import data, state
from curriculum.ui.frame import PAGES
from curriculum.ui.pair_actions import GO
from curriculum.ui.widgets import mastery, pair_agreement, pair_history, pair_progress, pair_today
from curriculum.ui.widgets.pair_view import PairView, notices, pick

T = state.tr()

st.title(T('nav.pair'))
viewers = state.viewers()
if not viewers:
    st.info(T("pair.pick_first"), icon=":material/waving_hand:")
    st.page_link(PAGES / "welcome.py", label=T("nav.welcome"), icon=":material/waving_hand:")
    st.stop()
if st.session_state.pop(GO, False):
    st.switch_page(PAGES / "catalogue.py")

coordinator = access.is_coordinator(viewers)
with session() as db:
    mine = F.pairs_for(db, None if coordinator else [v.id for v in viewers])
pairs = [replace(p, senior_name=escape(p.senior_name), junior_name=escape(p.junior_name))
         for p in access.visible_pairs(viewers, mine)]
if not pairs:
    st.info(T("pair.none"), icon=":material/extension:")
    st.stop()

here = {v.id for v in viewers}
pair = pick(pairs, here, T)
cat = data.catalogue()
with session() as db:
    records = F.programme_data(db, [pair.id])
    current = F.open_session(db, pair.id)
report = dashboard.pair_report(records, pair.id, goals.outline_of(cat), clock.now())
view = PairView(pair, report, current, goals.titles(cat), frozenset(here), coordinator,
                state.lang())

st.header(T("pair.names", senior=pair.senior_name, junior=pair.junior_name))
if not pair.active:
    st.info(T("pair.ended_info"), icon=":material/info:")
notices(T)

today, agreed, progress_tab, history = st.tabs(
    [T("pair.tab.today"), T("pair.tab.agreement"), T("pair.tab.progress"),
     T("pair.tab.history")])
with today:
    pair_today.draw(view)
with agreed:
    pair_agreement.draw(view)
with progress_tab:
    pair_progress.draw(view)
    with session() as db:
        levels = lesson_levels(db, cat, pair.senior_id)
        slips = review_items.slipping(db, pair.senior_id)
    mastery.lessons(levels, [], cat, T)
    mastery.slipping(slips, cat, T)
with history:
    pair_history.draw(view)
