"""The pair page's Progress tab: lessons done and steps the senior does alone, towards
each goal of the agreement, and week by week."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from ...render import escape
from .pair_view import PairView


def draw(view: PairView) -> None:
    T, report, agreement, senior = view.tr, view.report, view.agreement, view.senior
    done = report.goals if report else None
    if done is None or not done.goals:
        st.info(T("pair.progress.no_goals"), icon=":material/flag:")
    else:
        left, right = st.columns(2)
        left.metric(T("pair.progress.lessons"), T("pair.progress.n_of", n=done.lessons_done,
                                                  total=done.lessons_total), border=True)
        right.metric(T("pair.progress.alone"), T("pair.progress.n_of", n=done.steps_alone,
                                                 total=done.steps_total), border=True)
        st.markdown(T("pair.progress.alone_sentence", name=senior, n=done.steps_alone,
                      total=done.steps_total, done=done.lessons_done,
                      lessons=done.lessons_total))
        for goal in done.goals:
            name = escape(view.titles.get(goal.goal, goal.goal))
            if not goal.known:
                st.markdown(T("pair.progress.unknown_goal", goal=name))
                continue
            status = T("pair.progress.reached") if goal.reached else T("pair.progress.under_way")
            st.progress(goal.lessons_done / goal.lessons_total, text=T(
                "pair.progress.goal_line", goal=name, status=status, done=goal.lessons_done,
                total=goal.lessons_total, alone=goal.steps_alone, steps=goal.steps_total))
    if agreement and agreement.own_goal:
        st.markdown(T("agreement.own_goal_is", name=senior, goal=escape(agreement.own_goal)))
    if report and report.alone:
        st.subheader(T("pair.progress.by_week", name=senior))
        st.table({T("pair.progress.week"): [view.when(datetime.combine(
                      w.week, datetime.min.time(), UTC)) for w in report.alone],
                  T("pair.progress.steps_alone"): [T("pair.progress.week_value", alone=w.alone,
                                                     steps=w.steps, share=round(100 * w.share))
                                                   for w in report.alone]})
