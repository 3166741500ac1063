"""The coordinator's view and each pair's log, as plain aggregates (pure: the clock is `now`).

From `store.feedback.ProgrammeData`: active pairs, sessions in the last 30 days, goals reached, the
share of steps seniors do alone week by week, competence gained per topic, average
feedback, and the pairs that need attention (no session for three weeks, falling feedback).
Per pair: its sessions (with the lessons and steps covered), goals progress, autonomy
trend and feedback.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..store.agreements import Agreement
from ..store.feedback import (
    SCORES,
    Feedback,
    PairRecord,
    ProgrammeData,
    SessionRecord,
    StepRecord,
)
from .goals import GoalsProgress, Outline, senior_progress

QUIET_DAYS = 21  # no session for three weeks: the pair needs attention
FALL = 0.75  # the latest feedback this much below the ones before: it is falling
EARLIER = 3  # how many earlier feedbacks the latest one is compared with
FIRST_DAYS = 7  # "at first" / "now" windows for competence gained per topic


def week_of(moment: datetime | date) -> date:
    "The Monday of that week."
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


# --- the share of steps done alone, week by week -------------------------------------------------

RECENT_DAYS = 30  # "sessions in the last 30 days": alive on any day of the month

@dataclass(frozen=True)
class WeekShare:
    week: date  # its Monday
    alone: int
    steps: int  # steps finished that week with a level (alone, with a hint, shown)

    @property
    def share(self) -> float:
        return self.alone / self.steps if self.steps else 0.0


def alone_by_week(steps: Iterable[StepRecord], person_ids: Iterable[int] | None = None
                  ) -> tuple[WeekShare, ...]:
    "For each week with finished steps: how many the seniors did alone."
    wanted = None if person_ids is None else set(person_ids)
    counts: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for s in steps:
        if s.autonomy is None or s.completed_at is None or (
                wanted is not None and s.person_id not in wanted):
            continue
        c = counts[week_of(s.completed_at)]
        c[0] += s.autonomy == "alone"
        c[1] += 1
    return tuple(WeekShare(w, a, n) for w, (a, n) in sorted(counts.items()))


# --- competence gained per topic ------------------------------------------------------------------

@dataclass(frozen=True)
class TopicGain:
    topic: str
    seniors: int
    lessons_done: int
    first_alone: int  # in each senior's first week on the topic
    first_steps: int
    now_alone: int  # in each senior's latest week on the topic
    now_steps: int

    @property
    def first_share(self) -> float:
        return self.first_alone / self.first_steps if self.first_steps else 0.0

    @property
    def now_share(self) -> float:
        return self.now_alone / self.now_steps if self.now_steps else 0.0

    @property
    def gain(self) -> float:
        "In points of share (0.25: a quarter more of the steps done alone)."
        return self.now_share - self.first_share


def topic_gains(data: ProgrammeData, topics: Mapping[str, str]) -> tuple[TopicGain, ...]:
    "Per topic: how many steps seniors did alone in their first week on it, and lately."
    by: dict[tuple[str, int], list[StepRecord]] = defaultdict(list)
    for s in data.steps:
        if s.autonomy is not None and s.completed_at is not None:
            by[(topics.get(s.pack_id, "other"), s.person_id)].append(s)
    done: dict[str, int] = defaultdict(int)
    for d in data.lessons_done:
        done[topics.get(d.pack_id, "other")] += 1
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for (topic, _), steps in by.items():
        start = min(s.completed_at for s in steps)  # type: ignore[type-var]
        end = max(s.completed_at for s in steps)  # type: ignore[type-var]
        first = [s for s in steps if s.completed_at < start + timedelta(days=FIRST_DAYS)]
        last = [s for s in steps if s.completed_at > end - timedelta(days=FIRST_DAYS)]
        t = totals[topic]
        t[0] += 1
        t[1] += sum(s.autonomy == "alone" for s in first)
        t[2] += len(first)
        t[3] += sum(s.autonomy == "alone" for s in last)
        t[4] += len(last)
    return tuple(TopicGain(topic, t[0], done.get(topic, 0), t[1], t[2], t[3], t[4])
                 for topic, t in sorted(totals.items()))


# --- feedback -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedbackAverage:
    count: int
    by_score: dict[str, float]  # tact, patience, clarity, respect (those given)

    @property
    def overall(self) -> float | None:
        return sum(self.by_score.values()) / len(self.by_score) if self.by_score else None


def average_feedback(feedback: Iterable[Feedback]) -> FeedbackAverage:
    "The seniors' scores, averaged per question (1 to 5)."
    given = [f for f in feedback if f.role == "senior" and f.scores]
    by = {k: [f.scores[k] for f in given if k in f.scores] for k in SCORES}
    return FeedbackAverage(len(given), {k: sum(v) / len(v) for k, v in by.items() if v})


def seniors_feedback(data: ProgrammeData, pair_id: int) -> list[tuple[SessionRecord, Feedback]]:
    "The senior's feedback on the junior, session by session (oldest first)."
    sessions = {s.id: s for s in data.sessions if s.pair_id == pair_id}
    found = [(sessions[f.session_id], f) for f in data.feedback
             if f.role == "senior" and f.session_id in sessions]
    return sorted(found, key=lambda x: (x[0].started_at, x[0].id))


def session_averages(feedback: Iterable[tuple[SessionRecord, Feedback]]) -> list[float]:
    "The average score of each session's feedback, in order (feedback without scores left out)."
    return [f.average for _, f in feedback if f.average is not None]


@dataclass(frozen=True)
class FeedbackTrend:
    "The senior's feedback over the sessions (1 to 5): how many, first, last and mean."
    count: int
    first: float
    last: float
    mean: float


def feedback_trend(feedback: Iterable[tuple[SessionRecord, Feedback]]) -> FeedbackTrend | None:
    "None until a session has feedback with scores."
    averages = session_averages(feedback)
    if not averages:
        return None
    return FeedbackTrend(len(averages), averages[0], averages[-1],
                         sum(averages) / len(averages))


# --- pairs that need attention --------------------------------------------------------------------

@dataclass(frozen=True)
class Reason:
    code: str  # "no_session", "never_met", "feedback_fell"
    params: dict[str, object]


def attention(pair: PairRecord, data: ProgrammeData, now: datetime) -> tuple[Reason, ...]:
    "Why a running pair needs the coordinator's attention (nothing if it does not)."
    if not pair.active:
        return ()
    reasons: list[Reason] = []
    started = [s.started_at for s in data.sessions if s.pair_id == pair.id]
    if started:
        days = (now - max(started)).days
        if days >= QUIET_DAYS:
            reasons.append(Reason("no_session", {"days": days}))
    elif pair.since is not None and (now - pair.since).days >= QUIET_DAYS:
        reasons.append(Reason("never_met", {"days": (now - pair.since).days}))
    averages = session_averages(seniors_feedback(data, pair.id))
    if len(averages) >= 2:
        before = averages[-1 - EARLIER:-1]
        mean = sum(before) / len(before)
        if averages[-1] <= mean - FALL:
            reasons.append(Reason("feedback_fell", {"before": round(mean, 1),
                                                     "now": round(averages[-1], 1)}))
    return tuple(reasons)


# --- one pair -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionLog:
    session: SessionRecord
    lessons: tuple[tuple[str, str], ...]  # (pack, lesson) worked on
    steps: int  # steps worked on (finished in the session, or answered)
    alone: int
    hinted: int
    helped: int
    feedback: Feedback | None  # the senior's, on the junior
    reflection: Feedback | None  # the junior's

    @property
    def next_plan(self) -> str:
        return self.reflection.next_plan if self.reflection else ""


def session_logs(data: ProgrammeData, pair_id: int, now: datetime) -> tuple[SessionLog, ...]:
    "The pair's sessions, newest first, with what was covered in each."
    logs = []
    for s in (x for x in data.sessions if x.pair_id == pair_id):
        end = s.ended_at or now
        finished = {(r.run_id, r.step_id): r for r in data.steps
                    if r.person_id == s.senior_id and r.completed_at is not None
                    and s.started_at <= r.completed_at <= end}
        answered = {(a.run_id, a.step_id): (a.pack_id, a.lesson_id)
                    for a in data.attempts if a.session_id == s.id}
        lessons = dict.fromkeys([(r.pack_id, r.lesson_id) for r in finished.values()]
                                + list(answered.values()))
        levels = [r.autonomy for r in finished.values()]
        mine = {f.role: f for f in data.feedback if f.session_id == s.id}
        logs.append(SessionLog(s, tuple(lessons), len(set(finished) | set(answered)),
                               levels.count("alone"), levels.count("hinted"),
                               levels.count("helped"), mine.get("senior"), mine.get("junior")))
    return tuple(sorted(logs, key=lambda x: (x.session.started_at, x.session.id), reverse=True))


@dataclass(frozen=True)
class PairReport:
    pair: PairRecord
    agreement: Agreement | None
    goals: GoalsProgress | None  # None without an agreement
    sessions: tuple[SessionLog, ...]  # newest first
    alone: tuple[WeekShare, ...]  # the senior, week by week
    feedback: tuple[tuple[SessionRecord, Feedback], ...]  # the senior's, oldest first
    reasons: tuple[Reason, ...]

    @property
    def last_session(self) -> SessionRecord | None:
        return self.sessions[0].session if self.sessions else None

    @property
    def last_ended(self) -> SessionLog | None:
        "The latest session that has ended (the one feedback is asked for)."
        return next((s for s in self.sessions if s.session.ended_at), None)

    @property
    def next_plan(self) -> str:
        return next((s.next_plan for s in self.sessions if s.next_plan), "")

    @property
    def average_feedback(self) -> float | None:
        return average_feedback(f for _, f in self.feedback).overall


def pair_report(data: ProgrammeData, pair_id: int, outline: Outline, now: datetime
                ) -> PairReport | None:
    pair = data.pair(pair_id)
    if pair is None:
        return None
    agreement = data.agreements.get(pair_id)
    goals = (senior_progress(agreement.goals, outline, pair.senior_id, data.steps,
                             data.lessons_done) if agreement else None)
    return PairReport(pair, agreement, goals, session_logs(data, pair_id, now),
                      alone_by_week(data.steps, [pair.senior_id]),
                      tuple(seniors_feedback(data, pair_id)), attention(pair, data, now))


# --- the programme at a glance --------------------------------------------------------------------

@dataclass(frozen=True)
class Overview:
    active_pairs: int
    pairs: tuple[PairReport, ...]  # every pair, running ones first
    sessions_recent: int  # pairs' sessions in the last RECENT_DAYS days
    minutes_recent: int
    goals_reached: int
    goals_total: int
    feedback: FeedbackAverage
    alone: tuple[WeekShare, ...]
    topics: tuple[TopicGain, ...]

    @property
    def needing_attention(self) -> tuple[PairReport, ...]:
        return tuple(p for p in self.pairs if p.reasons)


def by_pair(data: ProgrammeData) -> dict[int, ProgrammeData]:
    "Each pair's own records (its sessions and feedback, its senior's steps), in one pass."
    pair_of = {s.id: s.pair_id for s in data.sessions}
    sessions, feedback, attempts = (defaultdict(list) for _ in range(3))
    steps, done = defaultdict(list), defaultdict(list)
    for s in data.sessions:
        sessions[s.pair_id].append(s)
    for f in data.feedback:
        feedback[pair_of.get(f.session_id)].append(f)
    for a in data.attempts:
        attempts[pair_of.get(a.session_id)].append(a)
    for r in data.steps:
        steps[r.person_id].append(r)
    for d in data.lessons_done:
        done[d.person_id].append(d)
    return {p.id: ProgrammeData(
        (p,), {p.id: data.agreements[p.id]} if p.id in data.agreements else {},
        tuple(sessions[p.id]), tuple(feedback[p.id]), tuple(steps[p.senior_id]),
        tuple(attempts[p.id]), tuple(done[p.senior_id])) for p in data.pairs}


def overview(data: ProgrammeData, outline: Outline, topics: Mapping[str, str],
             now: datetime) -> Overview:
    each = by_pair(data)
    reports = tuple(r for r in (pair_report(each[p.id], p.id, outline, now)
                                for p in data.pairs) if r is not None)
    running = [r for r in reports if r.pair.active]
    since = now - timedelta(days=RECENT_DAYS)
    recent = [s for s in data.sessions if s.pair_id is not None
              and since <= s.started_at <= now]
    goals = [r.goals for r in running if r.goals is not None]
    return Overview(
        active_pairs=len(running), pairs=reports,
        sessions_recent=len(recent),
        minutes_recent=sum(s.minutes or 0 for s in recent),
        goals_reached=sum(g.reached for g in goals),
        goals_total=sum(len(g.goals) for g in goals),
        feedback=average_feedback(data.feedback),
        alone=alone_by_week(data.steps, {p.senior_id for p in data.pairs}),
        topics=topic_gains(data, topics),
    )

