"""The coordinator's view: the programme at a glance, each pair in detail, CSV exports.

Every chart has the same numbers beside it as a sentence and a table (for screen readers,
and for anyone who prefers reading to charts).
"""

from functools import partial

import streamlit as st

from curriculum import clock
from curriculum.programme import access, competence_map, dashboard, goals
from curriculum.store import feedback as F
from curriculum.store import people, progress, session
from curriculum.ui import data, state
from curriculum.ui.widgets import competences, dashboard_pair
from curriculum.ui.widgets import dashboard_overview as overview

T = state.tr()

st.title(T('dashboard.title'))
state.require(access.is_coordinator(state.viewers()))

now = clock.now()
cat = data.catalogue()
with session() as db:
    records = F.programme_data(db)
    finished = progress.finished_lessons(db)
    seniors = {p.id: p.name for p in people.list_people(db, "senior")}
reached = competence_map.by_person(finished, competence_map.lesson_competences(cat))
view = dashboard.overview(records, goals.outline_of(cat), goals.topics_of(cat), now)

overview.glance(view, T)
overview.alone(view, T)
overview.topics(view, T)
overview.feedback(view, T)
overview.pairs(view, T)
if view.pairs:
    dashboard_pair.draw(view.pairs, goals.titles(cat), T)
competences.for_programme(reached, seniors, state.lang(), T)


def csv_of(what: str) -> str:
    "A CSV table, made when its button is pressed (not on every rerun)."
    with session() as db:
        return F.export_csv(db, what)


def competences_csv() -> str:
    "Each learner's competences reached, as CSV (made when its button is pressed)."
    return F.csv_text(competence_map.CSV_COLUMNS,
                      competence_map.csv_rows(reached, seniors, state.lang()))


st.header(T("dashboard.export"))
st.markdown(T("dashboard.export_help"))
stamp = now.strftime("%Y-%m-%d")
cols = st.columns(5)
makers = {**{what: partial(csv_of, what) for what in (*F.EXPORTS, "attempts")},
          "competences": competences_csv}
for col, (what, make) in zip(cols, makers.items(), strict=True):
    col.download_button(T(f"dashboard.export.{what}"), make,
                        key=f"dashboard.export.{what}", file_name=f"binome-{what}-{stamp}.csv",
                        mime="text/csv", on_click="ignore", icon=":material/download:")
