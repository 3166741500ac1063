"""The coordinator's dashboard at a glance: key numbers, pairs needing attention, steps
done alone week by week, competence gained per topic, the seniors' feedback, every pair.

Every chart has the same numbers beside it as a sentence and a table (for screen readers,
and for anyone who prefers reading to charts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import altair as alt
import streamlit as st

from ...programme import dashboard
from ...render import escape

T = Callable[..., str]


def day(moment: date | datetime | None) -> str:
    if moment is None:
        return "—"
    return (moment.astimezone() if isinstance(moment, datetime) else moment).strftime(
        "%Y-%m-%d")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)} %"


def names(report: dashboard.PairReport, tr: T) -> str:
    return tr("dashboard.pair_names", senior=escape(report.pair.senior_name),
              junior=escape(report.pair.junior_name))


def reason(r: dashboard.Reason, tr: T) -> str:
    return tr(f"dashboard.reason.{r.code}", **r.params)


def score(value: float | None, tr: T) -> str:
    return "—" if value is None else tr("dashboard.out_of_5", n=f"{value:.1f}")


def glance(view: dashboard.Overview, tr: T) -> None:
    "Five key numbers, then the pairs that need attention and why."
    st.header(tr("dashboard.glance"))
    top, bottom = st.columns(3), st.columns(3)  # five metrics, labels never cut short
    top[0].metric(tr("dashboard.active_pairs"), view.active_pairs, border=True)
    top[1].metric(tr("dashboard.sessions_recent"), view.sessions_recent, border=True,
                  help=tr("dashboard.minutes_recent", n=view.minutes_recent))
    top[2].metric(tr("dashboard.goals_reached"),
                  tr("dashboard.n_of", n=view.goals_reached, total=view.goals_total),
                  border=True)
    bottom[0].metric(tr("dashboard.average_feedback"), score(view.feedback.overall, tr),
                     border=True)
    latest = view.alone[-1] if view.alone else None
    bottom[1].metric(tr("dashboard.alone_lately"), percent(latest.share if latest else None),
                     border=True, help=tr("dashboard.alone_lately_help"))

    st.subheader(tr("dashboard.attention"))
    if not view.needing_attention:
        st.success(tr("dashboard.no_attention"), icon=":material/check_circle:")
    for report in view.needing_attention:
        st.warning(tr("dashboard.attention_line", pair=names(report, tr),
                      reasons="; ".join(reason(r, tr) for r in report.reasons)),
                   icon=":material/warning:")


def alone(view: dashboard.Overview, tr: T) -> None:
    "The share of steps done alone, week by week: a chart, a sentence and a table."
    st.subheader(tr("dashboard.alone_title"))
    if not view.alone:
        st.info(tr("dashboard.no_steps"), icon=":material/info:")
        return
    first, last = view.alone[0], view.alone[-1]
    summary = tr("dashboard.alone_summary", first=percent(first.share), start=day(first.week),
                 last=percent(last.share), end=day(last.week))
    week_col, share_col = tr("dashboard.week"), tr("dashboard.share_alone")
    points = [{"week": day(w.week), "share": round(100 * w.share)} for w in view.alone]
    chart = (alt.Chart(alt.Data(values=points))  # named by alt= below (the svg's label)
             .mark_line(point=alt.OverlayMarkDef(aria=False, size=80), aria=False,
                        strokeWidth=3)  # marks: no unnamed ARIA images (axe svg-img-alt)
             .encode(x=alt.X("week:O", title=week_col, axis=alt.Axis(labelAngle=0)),
                     y=alt.Y("share:Q", title=share_col, scale=alt.Scale(domain=[0, 100]))))
    st.altair_chart(chart, alt=summary)
    st.markdown(summary)
    st.table({week_col: [day(w.week) for w in view.alone],
              tr("dashboard.alone_steps"): [tr("dashboard.n_of", n=w.alone, total=w.steps)
                                            for w in view.alone],
              share_col: [percent(w.share) for w in view.alone]})


def topics(view: dashboard.Overview, tr: T) -> None:
    "Competence gained per topic: steps done alone at first and now."
    st.subheader(tr("dashboard.topics"))
    if not view.topics:
        st.info(tr("dashboard.no_steps"), icon=":material/info:")
        return
    st.table({tr("dashboard.topic"): [tr(f"topic.{t.topic}") for t in view.topics],
              tr("dashboard.seniors"): [t.seniors for t in view.topics],
              tr("dashboard.lessons_done"): [t.lessons_done for t in view.topics],
              tr("dashboard.alone_first"): [percent(t.first_share) for t in view.topics],
              tr("dashboard.alone_now"): [percent(t.now_share) for t in view.topics],
              tr("dashboard.gain"): [tr("dashboard.points", n=f"{100 * t.gain:+.0f}")
                                     for t in view.topics]})
    st.caption(tr("dashboard.topics_help"))


def feedback(view: dashboard.Overview, tr: T) -> None:
    "The seniors' feedback on their mentors, question by question."
    st.subheader(tr("dashboard.feedback"))
    if not view.feedback.count:
        st.info(tr("dashboard.no_feedback"), icon=":material/info:")
        return
    st.markdown(tr("dashboard.feedback_summary", n=view.feedback.count,
                   mean=score(view.feedback.overall, tr)))
    st.table({tr("dashboard.question"): [tr(f"pair.score.{k}") for k in view.feedback.by_score],
              tr("dashboard.average"): [score(v, tr) for v in view.feedback.by_score.values()]})


def pairs(view: dashboard.Overview, tr: T) -> None:
    "Every pair in a table: status, sessions, goals, steps alone, feedback, attention."
    st.subheader(tr("dashboard.pairs"))
    if not view.pairs:
        st.info(tr("dashboard.no_pairs"), icon=":material/extension:")
        return
    st.table({
        tr("dashboard.pair"): [names(r, tr) for r in view.pairs],
        tr("dashboard.status"): [tr(f"dashboard.status.{r.pair.status}") for r in view.pairs],
        tr("dashboard.sessions"): [len(r.sessions) for r in view.pairs],
        tr("dashboard.last_session"): [day(r.last_session.started_at if r.last_session
                                           else None) for r in view.pairs],
        tr("dashboard.goals"): [tr("dashboard.n_of", n=r.goals.reached,
                                   total=len(r.goals.goals)) if r.goals else "—"
                                for r in view.pairs],
        tr("dashboard.alone"): [percent(r.goals.share_alone if r.goals else None)
                                for r in view.pairs],
        tr("dashboard.feedback_column"): [score(r.average_feedback, tr) for r in view.pairs],
        tr("dashboard.attention_column"): ["; ".join(reason(x, tr) for x in r.reasons)
                                           if r.reasons else tr("dashboard.fine")
                                           for r in view.pairs]})
