"""One pair in detail, for the coordinator: the agreement, progress towards each goal,
the trend of steps done alone, every session; and a way to open the pair's page."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...programme import dashboard
from ...render import escape
from ...store.feedback import FACES
from .. import state
from ..pair_actions import PAIR
from ..registry import PAGES_DIR
from .dashboard_overview import day, percent, score

T = Callable[..., str]
PICK = "dashboard.pair"


def _goals(report: dashboard.PairReport, titles: dict[str, str], tr: T) -> None:
    goals = report.goals.goals
    st.table({tr("dashboard.goal"): [escape(titles.get(g.goal, g.goal)) for g in goals],
              tr("dashboard.lessons_done"): [tr("dashboard.n_of", n=g.lessons_done,
                                                total=g.lessons_total) for g in goals],
              tr("dashboard.alone_steps"): [tr("dashboard.n_of", n=g.steps_alone,
                                               total=g.steps_total) for g in goals],
              tr("dashboard.reached"): [tr("dashboard.yes") if g.reached else
                                        tr("dashboard.not_yet") for g in goals]})


def _sessions(report: dashboard.PairReport, titles: dict[str, str], tr: T) -> None:
    logs = report.sessions
    st.table({
        tr("dashboard.date"): [day(s.session.started_at) for s in logs],
        tr("dashboard.minutes"): [s.session.minutes if s.session.minutes is not None
                                  else "—" for s in logs],
        tr("dashboard.lessons"): [", ".join(escape(titles.get(f"{p}/{lid}", lid))
                                            for p, lid in s.lessons) or "—" for s in logs],
        tr("dashboard.steps"): [tr("dashboard.steps_value", n=s.steps, alone=s.alone)
                                for s in logs],
        tr("dashboard.feedback_column"): [
            f"{FACES[round(s.feedback.average)]} {score(s.feedback.average, tr)}"
            if s.feedback and s.feedback.average else "—" for s in logs],
        tr("dashboard.comment"): [escape(s.feedback.comment) if s.feedback and
                                  s.feedback.comment else "—" for s in logs],
        tr("dashboard.notes"): [escape(s.session.notes) or "—" for s in logs]})


def draw(reports: tuple[dashboard.PairReport, ...], titles: dict[str, str], tr: T) -> None:
    "Pick a pair, see it in detail (`titles`: goal -> its title)."
    st.header(tr("dashboard.one_pair"))
    by_id = {r.pair.id: r for r in reports}
    labels = {r.pair.id: tr("dashboard.pair_names", senior=r.pair.senior_name,
                            junior=r.pair.junior_name) for r in reports}
    chosen = st.selectbox(tr("dashboard.which_pair"), list(by_id), key=state.labelled(PICK),
                          format_func=labels.__getitem__)
    report = by_id[chosen]
    agreement = report.agreement
    if agreement is None:
        st.info(tr("dashboard.no_agreement"), icon=":material/edit_note:")
    else:
        st.markdown(tr("dashboard.agreed") if agreement.confirmed
                    else tr("dashboard.not_agreed"))
        if agreement.own_goal:
            st.markdown(tr("agreement.own_goal_is", name=escape(report.pair.senior_name),
                           goal=escape(agreement.own_goal)))
    if report.goals and report.goals.goals:
        _goals(report, titles, tr)
    if report.alone:
        st.markdown(tr("dashboard.pair_trend", weeks=len(report.alone),
                       first=percent(report.alone[0].share),
                       last=percent(report.alone[-1].share)))
    if report.sessions:
        _sessions(report, titles, tr)
    else:
        st.info(tr("dashboard.no_sessions"), icon=":material/event:")
    if st.button(tr("dashboard.open_pair"), key="dashboard.open_pair"):
        st.session_state[PAIR] = chosen
        st.switch_page(PAGES_DIR / "pair.py")
