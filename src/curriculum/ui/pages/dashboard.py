"""The coordinator's view: the programme at a glance, each pair in detail, CSV exports.

Every chart has the same numbers beside it as a sentence and a table (for screen readers,
and for anyone who prefers reading to charts).
"""

from functools import partial

import streamlit as st

from curriculum import clock
from curriculum.programme import access, dashboard, goals
from curriculum.store import feedback as F
from curriculum.store import session
from curriculum.ui import data, state
from curriculum.ui.widgets import dashboard_overview as overview
from curriculum.ui.widgets import dashboard_pair

T = state.tr()

st.title(T('dashboard.title'))
state.require(access.is_coordinator(state.viewers()))

now = clock.now()
cat = data.catalogue()
with session() as db:
    records = F.programme_data(db)
view = dashboard.overview(records, goals.outline_of(cat), goals.topics_of(cat), now)

overview.glance(view, T)
overview.alone(view, T)
overview.topics(view, T)
overview.feedback(view, T)
overview.pairs(view, T)
if view.pairs:
    dashboard_pair.draw(view.pairs, goals.titles(cat), T)


def csv_of(what: str) -> str:
    "A CSV table, made when its button is pressed (not on every rerun)."
    with session() as db:
        return F.export_csv(db, what)


st.header(T("dashboard.export"))
st.markdown(T("dashboard.export_help"))
stamp = now.strftime("%Y-%m-%d")
cols = st.columns(4)
for col, what in zip(cols, (*F.EXPORTS, "attempts"), strict=True):
    col.download_button(T(f"dashboard.export.{what}"), partial(csv_of, what),
                        key=f"dashboard.export.{what}", file_name=f"binome-{what}-{stamp}.csv",
                        mime="text/csv", on_click="ignore", icon=":material/download:")
