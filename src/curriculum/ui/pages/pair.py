"""Our pair: today's session, the agreement, progress towards the goals, and the history.

For the pair's senior, its junior, or the coordinator. Only pairs that pass
`access.can_see_pair` are listed or opened (a junior never sees another junior's pair).
A session is started here with both people present; it opens the lessons with both set as
learner and mentor; it is ended here with notes, then feedback goes both ways.
"""

from dataclasses import replace
from datetime import UTC, datetime

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.programme import access, dashboard, goals
from curriculum.render import escape, plain_text
from curriculum.store import agreements as A
from curriculum.store import feedback as F
from curriculum.store import progress, session
from curriculum.ui import data, state
from curriculum.ui.frame import PAGES

T = state.tr()
PAIR, PICK, NOTICE, ERROR, GO = "pair.id", "pair.pick", "pair.notice", "pair.error", "pair.go"
PLAYER_SESSIONS = "player.session"  # the player's {(senior, junior): session id}
FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}
BIG_FACES = """<style>
[class*="st-key-pair-face-"] [role="radiogroup"] { gap: .5rem; flex-wrap: wrap; }
[class*="st-key-pair-face-"] [role="radiogroup"] label {
  border: 2px solid #555; border-radius: .5rem; padding: .4rem .8rem; margin: 0; }
[class*="st-key-pair-face-"] [role="radiogroup"] label p { font-size: 1.35rem; }
</style>"""


def when(moment: datetime | None, with_time: bool = False) -> str:
    "A date (and time) in words, in the interface language, local time."
    if moment is None:
        return "—"
    local = moment.astimezone()
    text = T("pair.date", weekday=T("pair.weekdays").split(",")[local.weekday()],
             day=local.day, month=T("pair.months").split(",")[local.month - 1],
             year=local.year)
    return T("pair.date_time", date=text, time=local.strftime("%H:%M")) if with_time else text


def _fail(exc: CurriculumError) -> None:
    st.session_state[ERROR] = state.error_text(exc)


def _attach(pair: F.PairRecord, session_id: int) -> None:
    "Both people in the lessons, as learner and mentor, recording into this session."
    state.set_value(state.SENIOR, pair.senior_id)
    state.set_value(state.JUNIOR, pair.junior_id)
    st.session_state.setdefault(PLAYER_SESSIONS, {})[(pair.senior_id, pair.junior_id)] = \
        session_id
    st.session_state.pop("player.run_for", None)  # the next lesson opens in this session
    st.session_state[GO] = True


def _start(pair: F.PairRecord) -> None:
    with session() as db:
        session_id = progress.start_session(db, "pair", pair.senior_id, pair.junior_id, pair.id)
    _attach(pair, session_id)


def _end(pair: F.PairRecord, session_id: int) -> None:
    try:
        with session() as db:
            F.end_session(db, session_id, st.session_state.get(f"pair.notes.{session_id}", ""))
    except CurriculumError as exc:
        _fail(exc)
        return
    st.session_state.get(PLAYER_SESSIONS, {}).pop((pair.senior_id, pair.junior_id), None)
    st.session_state[NOTICE] = "pair.ended"


def _confirm(pair_id: int, role: str) -> None:
    try:
        with session() as db:
            A.confirm(db, pair_id, role)
    except CurriculumError as exc:
        _fail(exc)
        return
    st.session_state[NOTICE] = "agreement.confirmed_notice"


def _save_agreement(pair_id: int, known: set[str], had_confirmation: bool) -> None:
    get = st.session_state.get
    draft = A.Agreement(
        pair_id, tuple(get(f"pair.goals.{pair_id}") or ()), get(f"pair.own_goal.{pair_id}", ""),
        get(f"pair.sessions.{pair_id}", 6), get(f"pair.minutes.{pair_id}", 60),
        get(f"pair.rhythm.{pair_id}", "weekly"),
        A.rules_from_text(get(f"pair.rules.{pair_id}", "")))
    try:
        with session() as db:
            saved = A.save_agreement(db, draft, known)
    except CurriculumError as exc:
        _fail(exc)
        return
    st.session_state[NOTICE] = ("agreement.saved_again" if had_confirmation and not
                                saved.confirmed else "agreement.saved")


def _give_feedback(session_id: int, author_id: int) -> None:
    get = st.session_state.get
    scores = {k: get(f"pair-face-{k}-{session_id}") for k in F.SCORES}
    try:
        with session() as db:
            F.give_feedback(db, session_id, author_id, scores,
                            get(f"pair.comment.{session_id}", ""))
    except CurriculumError as exc:
        _fail(exc)
        return
    st.session_state[NOTICE] = "pair.thanks_feedback"


def _give_reflection(session_id: int, author_id: int) -> None:
    get = st.session_state.get
    try:
        with session() as db:
            F.give_reflection(db, session_id, author_id, **{
                k: get(f"pair.{k}.{session_id}", "")
                for k in ("went_well", "do_differently", "learnt", "next_plan")})
    except CurriculumError as exc:
        _fail(exc)
        return
    st.session_state[NOTICE] = "pair.thanks_reflection"


# --- who, which pair ----------------------------------------------------------------------------

st.title(f"🤝 {T('nav.pair')}")
viewers = state.viewers()
if not viewers:
    st.info(T("pair.pick_first"), icon="👋")
    st.page_link(PAGES / "welcome.py", label=T("nav.welcome"), icon="👋")
    st.stop()
if st.session_state.pop(GO, False):
    st.switch_page(PAGES / "catalogue.py")

coordinator = access.is_coordinator(viewers)
with session() as db:
    pairs = [replace(p, senior_name=escape(p.senior_name), junior_name=escape(p.junior_name))
             for p in F.pairs_for(db, None if coordinator else [v.id for v in viewers])
             if access.can_see_pair(viewers, p.senior_id, p.junior_id)]
if not pairs:
    st.info(T("pair.none"), icon="🧩")
    st.stop()

here = {v.id for v in viewers}
ids = [p.id for p in pairs]
if st.session_state.get(PAIR) not in ids:
    both = [p.id for p in pairs if {p.senior_id, p.junior_id} <= here]
    st.session_state[PAIR] = (both or ids)[0]
if len(pairs) > 1:
    names = {p.id: T("pair.names", senior=p.senior_name, junior=p.junior_name)
             + ("" if p.active else f" ({T('pair.ended_pair')})") for p in pairs}
    st.session_state[PICK] = st.session_state[PAIR]
    st.selectbox(T("pair.which"), ids, format_func=names.__getitem__, key=PICK,
                 on_change=lambda: st.session_state.update({PAIR: st.session_state[PICK]}))
pair = next(p for p in pairs if p.id == st.session_state[PAIR])

now = datetime.now(UTC)
cat = data.catalogue()
outline = goals.outline_of(cat)
with session() as db:
    records = F.programme_data(db, [pair.id])
    current = F.open_session(db, pair.id)
report = dashboard.pair_report(records, pair.id, outline, now)
agreement = report.agreement if report else None
is_senior, is_junior = pair.senior_id in here, pair.junior_id in here
senior, junior = pair.senior_name, pair.junior_name

st.header(T("pair.names", senior=senior, junior=junior))
if not pair.active:
    st.info(T("pair.ended_info"), icon="ℹ️")
notice = st.session_state.pop(NOTICE, None)
if notice:
    st.success(T(notice), icon="✅")
problem = st.session_state.pop(ERROR, None)
if problem:
    st.error(problem, icon="⚠️")

titles = {c.value: (plain_text(c.pack_title) + (f" — {plain_text(c.lesson_title)}"
                                                   if c.lesson_title else ""))
          for c in goals.choices(cat)}


def lesson_title(pack_id: str, lesson_id: str) -> str:
    return titles.get(f"{pack_id}/{lesson_id}", f"{pack_id}/{lesson_id}")


today, agreed, progress_tab, history = st.tabs(
    [T("pair.tab.today"), T("pair.tab.agreement"), T("pair.tab.progress"),
     T("pair.tab.history")])

# --- today ----------------------------------------------------------------------------------------

with today:
    if agreement is None or not agreement.confirmed:
        st.info(T("pair.agreement_first"), icon="📝")
    if current is not None:
        st.subheader(T("pair.in_progress", time=when(current.started_at, True)))
        if is_senior and is_junior:
            st.button(T("pair.go_lessons"), type="primary", key="pair.go_lessons",
                      on_click=_attach, args=(pair, current.id))
        with st.form(f"pair.end.{current.id}"):
            st.text_area(T("pair.notes"), key=f"pair.notes.{current.id}", max_chars=F.MAX_TEXT,
                         help=T("pair.notes_help"))
            st.form_submit_button(T("pair.end"), on_click=_end, args=(pair, current.id),
                                  disabled=not (is_senior or is_junior))
    elif pair.active:
        if report and report.next_plan:
            st.markdown(T("pair.plan", plan=escape(report.next_plan)))
        if is_senior and is_junior:
            st.button(T("pair.start"), type="primary", key="pair.start", on_click=_start,
                      args=(pair,))
            st.caption(T("pair.start_help"))
        elif not coordinator or is_senior or is_junior:
            st.info(T("pair.both_needed", senior=senior, junior=junior), icon="👥")
            st.page_link(PAGES / "welcome.py", label=T("nav.welcome"), icon="👋")

    last = next((s for s in report.sessions if s.session.ended_at), None) if report else None
    if last is not None and ((is_senior and last.feedback is None)
                             or (is_junior and last.reflection is None)):
        sid = last.session.id
        st.subheader(T("pair.how_was_it", date=when(last.session.started_at)))
        if is_senior and last.feedback is None:
            st.html(BIG_FACES)
            with st.form(f"pair.feedback.{sid}"):
                st.markdown(T("pair.feedback_for", senior=senior, junior=junior))
                for score in F.SCORES:
                    st.radio(T(f"pair.question.{score}", junior=junior), list(FACES),
                             index=None, horizontal=True, key=f"pair-face-{score}-{sid}",
                             format_func=lambda n: f"{FACES[n]} {T(f'pair.face.{n}')}")
                st.text_area(T("pair.comment", junior=junior), key=f"pair.comment.{sid}",
                             max_chars=F.MAX_TEXT)
                st.form_submit_button(T("pair.send_feedback"), type="primary",
                                      on_click=_give_feedback, args=(sid, pair.senior_id))
        if is_junior and last.reflection is None:
            with st.form(f"pair.reflection.{sid}"):
                st.markdown(T("pair.reflection_for", junior=junior))
                for field in ("went_well", "do_differently", "learnt", "next_plan"):
                    st.text_area(T(f"pair.{field}", senior=senior), key=f"pair.{field}.{sid}",
                                 max_chars=F.MAX_TEXT, height=90)
                st.form_submit_button(T("pair.send_reflection"), type="primary",
                                      on_click=_give_reflection, args=(sid, pair.junior_id))

# --- the agreement --------------------------------------------------------------------------------

with agreed:
    if agreement is None:
        st.markdown(T("agreement.intro"))
    else:
        for role, name in (("senior", senior), ("junior", junior)):
            at = F.parse_time(agreement.confirmed_by(role))
            st.markdown(T("agreement.confirmed_by", name=name, date=when(at)) if at
                        else T("agreement.waiting_for", name=name))
        st.markdown(f"**{T('agreement.goals')}**")
        st.markdown("\n".join(f"- {escape(titles.get(g, g))}" for g in agreement.goals)
                    or T("agreement.no_goals"))
        if agreement.own_goal:
            st.markdown(T("agreement.own_goal_is", name=senior,
                          goal=escape(agreement.own_goal)))
        st.markdown(T("agreement.rhythm_is", n=agreement.sessions_planned,
                      minutes=agreement.minutes, rhythm=T(f"agreement.{agreement.rhythm}")))
        st.markdown(f"**{T('agreement.rules')}**")
        st.markdown("\n".join(f"- {escape(r)}" for r in agreement.ground_rules)
                    or T("agreement.no_rules"))
        for role, name, present in (("senior", senior, is_senior),
                                    ("junior", junior, is_junior)):
            if present and agreement.confirmed_by(role) is None:
                st.button(T("agreement.i_agree", name=name), type="primary",
                          key=f"pair.confirm.{role}", on_click=_confirm, args=(pair.id, role))

    shown = agreement or A.draft(pair.id, state.lang())
    pid = pair.id
    defaults = {f"pair.goals.{pid}": [g for g in shown.goals if g in titles],
                f"pair.own_goal.{pid}": shown.own_goal,
                f"pair.sessions.{pid}": shown.sessions_planned,
                f"pair.minutes.{pid}": shown.minutes if shown.minutes in A.MINUTES else 60,
                f"pair.rhythm.{pid}": shown.rhythm,
                f"pair.rules.{pid}": "\n".join(shown.ground_rules)}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    can_edit = is_senior or is_junior or coordinator
    with st.expander(T("agreement.edit" if agreement else "agreement.fill_in"),
                     expanded=agreement is None), st.form(f"pair.agreement.{pid}"):
        st.multiselect(T("agreement.goals"), list(titles), format_func=titles.__getitem__,
                       key=f"pair.goals.{pid}", help=T("agreement.goals_help"),
                       placeholder=T("agreement.goals_placeholder"))
        st.text_input(T("agreement.own_goal", name=senior), key=f"pair.own_goal.{pid}",
                      max_chars=A.MAX_OWN_GOAL, placeholder=T("agreement.own_goal_example"))
        left, mid, right = st.columns(3)
        left.number_input(T("agreement.sessions"), min_value=1, max_value=A.MAX_SESSIONS,
                          step=1, key=f"pair.sessions.{pid}")
        mid.selectbox(T("agreement.minutes"), A.MINUTES, key=f"pair.minutes.{pid}",
                      format_func=lambda m: T("agreement.minutes_value", n=m))
        right.radio(T("agreement.rhythm"), A.RHYTHMS, key=f"pair.rhythm.{pid}",
                    format_func=lambda r: T(f"agreement.{r}"))
        st.text_area(T("agreement.rules"), key=f"pair.rules.{pid}", height=160,
                     help=T("agreement.rules_help"))
        st.form_submit_button(T("agreement.save"), type="primary", disabled=not can_edit,
                              on_click=_save_agreement,
                              args=(pid, set(titles), bool(agreement and (
                                  agreement.senior_confirmed_at
                                  or agreement.junior_confirmed_at))))

# --- progress towards the goals -------------------------------------------------------------------

with progress_tab:
    done = report.goals if report else None
    if done is None or not done.goals:
        st.info(T("pair.progress.no_goals"), icon="🎯")
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
            name = escape(titles.get(goal.goal, goal.goal))
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
        st.table({T("pair.progress.week"): [when(datetime.combine(w.week, datetime.min.time(),
                                                             UTC)) for w in report.alone],
                  T("pair.progress.steps_alone"): [T("pair.progress.week_value", alone=w.alone,
                                                steps=w.steps, share=round(100 * w.share))
                                              for w in report.alone]})

# --- history --------------------------------------------------------------------------------------

with history:
    logs = report.sessions if report else ()
    if not logs:
        st.info(T("pair.history.none"), icon="🗓️")
    see_feedback = coordinator or is_senior or is_junior
    see_reflection = coordinator or is_junior
    for log in logs:
        s = log.session
        minutes = T("pair.history.minutes", n=s.minutes) if s.minutes is not None else T(
            "pair.history.open")
        with st.container(border=True):
            st.markdown(f"**{when(s.started_at)}** · {minutes}")
            if log.lessons:
                st.markdown(T("pair.history.lessons", lessons=", ".join(
                    escape(lesson_title(p, lid)) for p, lid in log.lessons)))
            st.markdown(T("pair.history.steps", n=log.steps, alone=log.alone, hinted=log.hinted,
                          helped=log.helped))
            if s.notes:
                st.markdown(T("pair.history.notes", notes=escape(s.notes)))
            if log.feedback is not None and see_feedback:
                f = log.feedback
                faces = " · ".join(f"{T(f'pair.score.{k}')} {FACES[v]} {v}/5"
                                   for k, v in f.scores.items())
                st.markdown(T("pair.history.feedback", senior=senior, faces=faces))
                if f.comment:
                    st.markdown(T("pair.history.comment", comment=escape(f.comment)))
            if log.reflection is not None and see_reflection:
                r = log.reflection
                for field in ("went_well", "do_differently", "learnt", "next_plan"):
                    if getattr(r, field):
                        st.markdown(f"{T(f'pair.history.{field}')} {escape(getattr(r, field))}")

    if (is_junior or coordinator) and report and report.feedback:
        st.subheader(T("pair.history.over_time", junior=junior))
        rows = [(s, f) for s, f in report.feedback]
        table = {T("pair.progress.date"): [when(s.started_at) for s, _ in rows]}
        for k in F.SCORES:
            table[T(f"pair.score.{k}")] = [f"{f.scores[k]}/5" if k in f.scores else "—"
                                           for _, f in rows]
        table[T("pair.history.comment_column")] = [escape(f.comment) or "—"  # Markdown cells
                                                   for _, f in rows]
        st.table(table)
        averages = [f.average for _, f in rows if f.average is not None]
        if averages:
            st.markdown(T("pair.history.average", n=len(averages), first=f"{averages[0]:.1f}",
                          last=f"{averages[-1]:.1f}",
                          mean=f"{sum(averages) / len(averages):.1f}"))
