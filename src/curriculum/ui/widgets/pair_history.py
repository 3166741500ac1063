"""The pair page's History tab: every session (lessons, steps, notes, the feedback both
ways, for those who may read it) and the senior's feedback over time, for the junior and
the coordinator."""

from __future__ import annotations

import streamlit as st

from ...programme import dashboard
from ...render import escape
from ...store import feedback as F
from ...store.feedback import FACES
from ..pair_actions import REFLECTION
from .pair_view import PairView


def draw(view: PairView) -> None:
    T, report = view.tr, view.report
    logs = report.sessions if report else ()
    if not logs:
        st.info(T("pair.history.none"), icon=":material/event:")
    see_feedback = view.coordinator or view.is_senior or view.is_junior
    see_reflection = view.coordinator or view.is_junior
    for log in logs:
        _session(view, log, see_feedback, see_reflection)
    if (view.is_junior or view.coordinator) and report and report.feedback:
        _over_time(view, report.feedback)


def _session(view: PairView, log: dashboard.SessionLog, see_feedback: bool,
             see_reflection: bool) -> None:
    T, s = view.tr, log.session
    minutes = T("pair.history.minutes", n=s.minutes) if s.minutes is not None else T(
        "pair.history.open")
    with st.container(border=True):
        st.markdown(f"**{view.when(s.started_at)}** · {minutes}")
        if log.lessons:
            st.markdown(T("pair.history.lessons", lessons=", ".join(
                escape(view.lesson_title(p, lid)) for p, lid in log.lessons)))
        st.markdown(T("pair.history.steps", n=log.steps, alone=log.alone, hinted=log.hinted,
                      helped=log.helped))
        if s.notes:
            st.markdown(T("pair.history.notes", notes=escape(s.notes)))
        if log.feedback is not None and see_feedback:
            f = log.feedback
            faces = " · ".join(f"{T(f'pair.score.{k}')} {FACES[v]} {v}/5"
                               for k, v in f.scores.items())
            st.markdown(T("pair.history.feedback", senior=view.senior, faces=faces))
            if f.comment:
                st.markdown(T("pair.history.comment", comment=escape(f.comment)))
        if log.reflection is not None and see_reflection:
            r = log.reflection
            for field in REFLECTION:
                if getattr(r, field):
                    st.markdown(f"{T(f'pair.history.{field}')} {escape(getattr(r, field))}")


def _over_time(view: PairView, rows: tuple[tuple[F.SessionRecord, F.Feedback], ...]) -> None:
    "The senior's feedback session by session, in a table, and its trend in a sentence."
    T = view.tr
    st.subheader(T("pair.history.over_time", junior=view.junior))
    table = {T("pair.progress.date"): [view.when(s.started_at) for s, _ in rows]}
    for k in F.SCORES:
        table[T(f"pair.score.{k}")] = [f"{f.scores[k]}/5" if k in f.scores else "—"
                                       for _, f in rows]
    table[T("pair.history.comment_column")] = [escape(f.comment) or "—"  # Markdown cells
                                               for _, f in rows]
    st.table(table)
    trend = dashboard.feedback_trend(rows)
    if trend:
        st.markdown(T("pair.history.average", n=trend.count, first=f"{trend.first:.1f}",
                      last=f"{trend.last:.1f}", mean=f"{trend.mean:.1f}"))
