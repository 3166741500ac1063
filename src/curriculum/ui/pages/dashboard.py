"""The coordinator's view: the programme at a glance, each pair in detail, CSV exports.

Every chart has the same numbers beside it as a sentence and a table (for screen readers,
and for anyone who prefers reading to charts).
"""

from datetime import UTC, date, datetime
from functools import partial

import altair as alt
import streamlit as st

from curriculum.programme import access, dashboard, goals
from curriculum.render import escape, plain_text
from curriculum.store import feedback as F
from curriculum.store import progress, session
from curriculum.ui import data, state
from curriculum.ui.frame import PAGES

T = state.tr()
PICK = "dashboard.pair"
FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}

st.title(f"📊 {T('dashboard.title')}")
state.require(access.is_coordinator(state.viewers()))

now = datetime.now(UTC)
cat = data.catalogue()
outline, topics = goals.outline_of(cat), goals.topics_of(cat)
titles = {c.value: plain_text(c.pack_title) + (f" — {plain_text(c.lesson_title)}"
                                               if c.lesson_title else "")
          for c in goals.choices(cat)}
with session() as db:
    records = F.programme_data(db)
view = dashboard.overview(records, outline, topics, now)


def day(moment: date | datetime | None) -> str:
    if moment is None:
        return "—"
    return (moment.astimezone() if isinstance(moment, datetime) else moment).strftime(
        "%Y-%m-%d")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)} %"


def names(report: dashboard.PairReport) -> str:
    return T("dashboard.pair_names", senior=escape(report.pair.senior_name),
             junior=escape(report.pair.junior_name))


def reason(r: dashboard.Reason) -> str:
    return T(f"dashboard.reason.{r.code}", **r.params)


def score(value: float | None) -> str:
    return "—" if value is None else T("dashboard.out_of_5", n=f"{value:.1f}")


# --- at a glance ----------------------------------------------------------------------------------

st.header(T("dashboard.glance"))
top, bottom = st.columns(3), st.columns(3)  # five metrics, labels never cut short
top[0].metric(T("dashboard.active_pairs"), view.active_pairs, border=True)
top[1].metric(T("dashboard.sessions_month"), view.sessions_this_month, border=True,
              help=T("dashboard.minutes_month", n=view.minutes_this_month))
top[2].metric(T("dashboard.goals_reached"),
              T("dashboard.n_of", n=view.goals_reached, total=view.goals_total), border=True)
bottom[0].metric(T("dashboard.average_feedback"), score(view.feedback.overall), border=True)
latest = view.alone[-1] if view.alone else None
bottom[1].metric(T("dashboard.alone_lately"), percent(latest.share if latest else None),
                 border=True, help=T("dashboard.alone_lately_help"))

st.subheader(T("dashboard.attention"))
if not view.needing_attention:
    st.success(T("dashboard.no_attention"), icon="✅")
for report in view.needing_attention:
    st.warning(f"**{names(report)}**: " + "; ".join(reason(r) for r in report.reasons),
               icon="⚠️")

st.subheader(T("dashboard.alone_title"))
if not view.alone:
    st.info(T("dashboard.no_steps"), icon="ℹ️")
else:
    first, last = view.alone[0], view.alone[-1]
    summary = T("dashboard.alone_summary", first=percent(first.share), start=day(first.week),
                last=percent(last.share), end=day(last.week))
    week_col, share_col = T("dashboard.week"), T("dashboard.share_alone")
    points = [{"week": day(w.week), "share": round(100 * w.share)} for w in view.alone]
    chart = (alt.Chart(alt.Data(values=points), description=summary)  # the svg's label
             .mark_line(point=alt.OverlayMarkDef(aria=False, size=80), aria=False,
                        strokeWidth=3)  # marks: no unnamed ARIA images (axe svg-img-alt)
             .encode(x=alt.X("week:O", title=week_col, axis=alt.Axis(labelAngle=0)),
                     y=alt.Y("share:Q", title=share_col, scale=alt.Scale(domain=[0, 100]))))
    st.altair_chart(chart, alt=summary)
    st.markdown(summary)
    st.table({week_col: [day(w.week) for w in view.alone],
              T("dashboard.alone_steps"): [T("dashboard.n_of", n=w.alone, total=w.steps)
                                           for w in view.alone],
              share_col: [percent(w.share) for w in view.alone]})

st.subheader(T("dashboard.topics"))
if view.topics:
    st.table({T("dashboard.topic"): [T(f"topic.{t.topic}") for t in view.topics],
              T("dashboard.seniors"): [t.seniors for t in view.topics],
              T("dashboard.lessons_done"): [t.lessons_done for t in view.topics],
              T("dashboard.alone_first"): [percent(t.first_share) for t in view.topics],
              T("dashboard.alone_now"): [percent(t.now_share) for t in view.topics],
              T("dashboard.gain"): [T("dashboard.points", n=f"{100 * t.gain:+.0f}")
                                    for t in view.topics]})
    st.caption(T("dashboard.topics_help"))
else:
    st.info(T("dashboard.no_steps"), icon="ℹ️")

st.subheader(T("dashboard.feedback"))
if view.feedback.count:
    st.markdown(T("dashboard.feedback_summary", n=view.feedback.count,
                  mean=score(view.feedback.overall)))
    st.table({T("dashboard.question"): [T(f"pair.score.{k}") for k in view.feedback.by_score],
              T("dashboard.average"): [score(v) for v in view.feedback.by_score.values()]})
else:
    st.info(T("dashboard.no_feedback"), icon="ℹ️")

st.subheader(T("dashboard.pairs"))
if not view.pairs:
    st.info(T("dashboard.no_pairs"), icon="🧩")
else:
    st.table({
        T("dashboard.pair"): [names(r) for r in view.pairs],
        T("dashboard.status"): [T(f"dashboard.status.{r.pair.status}") for r in view.pairs],
        T("dashboard.sessions"): [len(r.sessions) for r in view.pairs],
        T("dashboard.last_session"): [day(r.last_session.started_at if r.last_session
                                          else None) for r in view.pairs],
        T("dashboard.goals"): [T("dashboard.n_of", n=r.goals.reached, total=len(r.goals.goals))
                               if r.goals else "—" for r in view.pairs],
        T("dashboard.alone"): [percent(r.goals.share_alone if r.goals else None)
                               for r in view.pairs],
        T("dashboard.feedback_column"): [score(r.average_feedback) for r in view.pairs],
        T("dashboard.attention_column"): ["⚠️ " + "; ".join(reason(x) for x in r.reasons)
                                          if r.reasons else T("dashboard.fine")
                                          for r in view.pairs]})

# --- one pair -------------------------------------------------------------------------------------

if view.pairs:
    st.header(T("dashboard.one_pair"))
    reports = {r.pair.id: r for r in view.pairs}
    labels = {r.pair.id: T("dashboard.pair_names", senior=r.pair.senior_name,
                           junior=r.pair.junior_name) for r in view.pairs}
    chosen = st.selectbox(T("dashboard.which_pair"), list(reports), key=PICK,
                          format_func=labels.__getitem__)
    report = reports[chosen]
    agreement = report.agreement
    if agreement is None:
        st.info(T("dashboard.no_agreement"), icon="📝")
    else:
        state_key = ("dashboard.agreed" if agreement.confirmed else "dashboard.not_agreed")
        st.markdown(T(state_key))
        if agreement.own_goal:
            st.markdown(T("agreement.own_goal_is", name=escape(report.pair.senior_name),
                          goal=escape(agreement.own_goal)))
    if report.goals and report.goals.goals:
        st.table({T("dashboard.goal"): [escape(titles.get(g.goal, g.goal))
                                        for g in report.goals.goals],
                  T("dashboard.lessons_done"): [T("dashboard.n_of", n=g.lessons_done,
                                                  total=g.lessons_total)
                                                for g in report.goals.goals],
                  T("dashboard.alone_steps"): [T("dashboard.n_of", n=g.steps_alone,
                                                 total=g.steps_total)
                                               for g in report.goals.goals],
                  T("dashboard.reached"): [T("dashboard.yes") if g.reached else
                                           T("dashboard.not_yet") for g in report.goals.goals]})
    if report.alone:
        st.markdown(T("dashboard.pair_trend", weeks=len(report.alone),
                      first=percent(report.alone[0].share),
                      last=percent(report.alone[-1].share)))
    if report.sessions:
        st.table({
            T("dashboard.date"): [day(s.session.started_at) for s in report.sessions],
            T("dashboard.minutes"): [s.session.minutes if s.session.minutes is not None
                                     else "—" for s in report.sessions],
            T("dashboard.lessons"): [", ".join(escape(titles.get(f"{p}/{lid}", lid))
                                               for p, lid in s.lessons) or "—"
                                     for s in report.sessions],
            T("dashboard.steps"): [T("dashboard.steps_value", n=s.steps, alone=s.alone)
                                   for s in report.sessions],
            T("dashboard.feedback_column"): [
                f"{FACES[round(s.feedback.average)]} {score(s.feedback.average)}"
                if s.feedback and s.feedback.average else "—" for s in report.sessions],
            T("dashboard.comment"): [escape(s.feedback.comment) if s.feedback and
                                     s.feedback.comment else "—" for s in report.sessions],
            T("dashboard.notes"): [escape(s.session.notes) or "—" for s in report.sessions]})
    else:
        st.info(T("dashboard.no_sessions"), icon="🗓️")
    if st.button(T("dashboard.open_pair"), key="dashboard.open_pair"):
        st.session_state["pair.id"] = chosen
        st.switch_page(PAGES / "pair.py")

# --- export ---------------------------------------------------------------------------------------

st.header(T("dashboard.export"))
st.markdown(T("dashboard.export_help"))
stamp = now.strftime("%Y-%m-%d")


def csv_of(what: str) -> str:
    "A CSV table, made when its button is pressed (not on every rerun)."
    with session() as db:
        if what == "attempts":
            return F.csv_text(progress.EXPORT_COLUMNS, progress.export_rows(db))
        return F.csv_text(*F.export(db, what))


cols = st.columns(4)
for col, what in zip(cols, (*F.EXPORTS, "attempts"), strict=True):
    col.download_button(T(f"dashboard.export.{what}"), partial(csv_of, what),
                        key=f"dashboard.export.{what}", file_name=f"binome-{what}-{stamp}.csv",
                        mime="text/csv", on_click="ignore", icon="⬇️")
