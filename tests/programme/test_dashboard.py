"""The coordinator's aggregates and each pair's log (pure: records in, numbers out)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from curriculum.programme import dashboard as D
from curriculum.store.agreements import Agreement
from curriculum.store.feedback import (
    AttemptRecord,
    Feedback,
    LessonDone,
    PairRecord,
    ProgrammeData,
    SessionRecord,
    StepRecord,
)

NOW = datetime(2025, 4, 16, 12, 0, tzinfo=UTC)  # a Wednesday
OUTLINE = {"email": {"first": ("a", "b", "c"), "reply": ("d",)},
           "sheet": {"cells": ("e", "f")}}
TOPICS = {"email": "email", "sheet": "spreadsheets"}


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


def pair(pid: int, senior: int, junior: int, since_days: float = 60,
         status: str = "active") -> PairRecord:
    return PairRecord(pid, senior, junior, f"S{senior}", f"J{junior}", status,
                      days_ago(since_days), days_ago(since_days), None)


def session(sid: int, pid: int, senior: int, junior: int, start_days: float,
            minutes: int | None = 60) -> SessionRecord:
    start = days_ago(start_days)
    end = start + timedelta(minutes=minutes) if minutes is not None else None
    return SessionRecord(sid, pid, senior, junior, start, end, "notes")


def scores(sid: int, author: int, value: int, at: datetime | None = None) -> Feedback:
    return Feedback(sid, author, "senior", at or NOW,
                    {"tact": value, "patience": value, "clarity": value, "respect": value})


def step(person: int, step_id: str, autonomy: str | None, when: datetime, run: int = 1,
         pack: str = "email", lesson: str = "first") -> StepRecord:
    return StepRecord(person, run, pack, lesson, step_id, autonomy, when)


def test_week_of_is_the_monday() -> None:
    assert D.week_of(NOW) == date(2025, 4, 14)
    assert D.week_of(date(2025, 4, 14)) == date(2025, 4, 14)
    assert D.week_of(date(2025, 4, 20)) == date(2025, 4, 14)


def test_share_alone_week_by_week() -> None:
    steps = [step(1, "a", "helped", days_ago(15)), step(1, "b", "alone", days_ago(15)),
             step(1, "c", None, days_ago(15)),  # explanations do not count
             step(1, "a", "alone", days_ago(1), run=2), step(1, "b", "alone", days_ago(1), 2),
             step(2, "a", "hinted", days_ago(1)), step(1, "c", "alone", None)]  # type: ignore[arg-type]
    weeks = D.alone_by_week(steps)
    assert [(w.week, w.alone, w.steps) for w in weeks] == [
        (date(2025, 3, 31), 1, 2), (date(2025, 4, 14), 2, 3)]
    assert weeks[0].share == pytest.approx(0.5)
    mine = D.alone_by_week(steps, [2])
    assert [(w.alone, w.steps) for w in mine] == [(0, 1)]
    assert D.WeekShare(date(2025, 1, 6), 0, 0).share == 0.0


def test_attention_no_session_for_three_weeks_never_met_and_ended_pairs() -> None:
    quiet, fresh, never, newish, ended = (pair(1, 10, 20), pair(2, 11, 21), pair(3, 12, 22),
                                          pair(4, 13, 23, since_days=5),
                                          pair(5, 14, 24, status="ended"))
    data = ProgrammeData(pairs=(quiet, fresh, never, newish, ended), sessions=(
        session(1, 1, 10, 20, 30), session(2, 1, 10, 20, 22),
        session(3, 2, 11, 21, 25), session(4, 2, 11, 21, 20)))
    assert D.attention(quiet, data, NOW) == (D.Reason("no_session", {"days": 22}),)
    assert D.attention(fresh, data, NOW) == ()  # 20 days: not yet three weeks
    assert D.attention(never, data, NOW) == (D.Reason("never_met", {"days": 60}),)
    assert D.attention(newish, data, NOW) == ()
    assert D.attention(ended, data, NOW) == ()


def test_attention_falling_feedback() -> None:
    p = pair(1, 10, 20)
    sessions = tuple(session(i, 1, 10, 20, 20 - 5 * i) for i in range(4))
    def data(values: list[int]) -> ProgrammeData:
        return ProgrammeData(pairs=(p,), sessions=sessions,
                             feedback=tuple(scores(i, 10, v) for i, v in enumerate(values)))
    assert D.attention(p, data([5, 5, 4, 3]), NOW) == (
        D.Reason("feedback_fell", {"before": 4.7, "now": 3.0}),)
    assert D.attention(p, data([5, 4]), NOW) == (
        D.Reason("feedback_fell", {"before": 5.0, "now": 4.0}),)
    assert D.attention(p, data([4, 5, 4, 4]), NOW) == ()  # steady
    assert D.attention(p, data([3, 2, 4, 5]), NOW) == ()  # rising
    assert D.attention(p, data([5]), NOW) == ()  # one is not a trend
    # a junior's reflection has no scores and does not count
    only = ProgrammeData(pairs=(p,), sessions=sessions, feedback=(
        scores(0, 10, 5), Feedback(1, 20, "junior", NOW, went_well="good")))
    assert D.attention(p, only, NOW) == ()


def test_feedback_trend_over_the_sessions() -> None:
    s = [session(i, 1, 10, 20, 20 - i) for i in range(3)]
    assert D.feedback_trend([]) is None
    no_scores = Feedback(0, 10, "senior", NOW)
    assert D.feedback_trend([(s[0], no_scores)]) is None
    trend = D.feedback_trend([(s[0], scores(0, 10, 2)), (s[1], no_scores),
                              (s[2], scores(2, 10, 5))])
    assert trend == D.FeedbackTrend(count=2, first=2.0, last=5.0, mean=3.5)
    assert D.session_averages([(s[0], scores(0, 10, 4)), (s[1], no_scores)]) == [4.0]


def test_last_ended_is_the_latest_session_over() -> None:
    data = ProgrammeData(pairs=(pair(1, 10, 20),), sessions=(
        session(1, 1, 10, 20, 9), session(2, 1, 10, 20, 5), session(3, 1, 10, 20, 1, None)))
    report = D.pair_report(data, 1, OUTLINE, NOW)
    assert report.last_session.id == 3 and report.last_ended.session.id == 2
    fresh = ProgrammeData(pairs=(pair(1, 10, 20),), sessions=(session(1, 1, 10, 20, 1, None),))
    assert D.pair_report(fresh, 1, OUTLINE, NOW).last_ended is None


def test_session_logs_say_what_was_covered_and_who_said_what() -> None:
    s1 = session(1, 1, 10, 20, 8)
    s2 = session(2, 1, 10, 20, 1, minutes=None)  # still open
    start1, start2 = s1.started_at, s2.started_at
    data = ProgrammeData(
        pairs=(pair(1, 10, 20),), sessions=(s1, s2),
        steps=(step(10, "a", "alone", start1 + timedelta(minutes=5)),
               step(10, "b", "hinted", start1 + timedelta(minutes=9)),
               step(10, "c", None, start1 + timedelta(minutes=12)),
               step(10, "a", "alone", start1 + timedelta(minutes=90)),  # after the session
               step(11, "b", "alone", start1 + timedelta(minutes=5)),  # someone else
               step(10, "d", "helped", start2 + timedelta(minutes=5), run=2, lesson="reply")),
        attempts=(AttemptRecord(1, 1, "email", "first", "b"),
                  AttemptRecord(2, 3, "sheet", "cells", "e")),  # a wrong try, not finished
        feedback=(scores(1, 10, 4), Feedback(1, 20, "junior", NOW, next_plan="Reply")))
    newest, oldest = D.session_logs(data, 1, NOW)
    assert newest.session.id == 2 and newest.feedback is None and newest.next_plan == ""
    assert newest.lessons == (("email", "reply"), ("sheet", "cells"))
    assert (newest.steps, newest.alone, newest.hinted, newest.helped) == (2, 0, 0, 1)
    assert oldest.lessons == (("email", "first"),)
    assert (oldest.steps, oldest.alone, oldest.hinted, oldest.helped) == (3, 1, 1, 0)
    assert oldest.feedback.scores["tact"] == 4 and oldest.next_plan == "Reply"
    assert oldest.session.minutes == 60


def test_pair_report_and_overview() -> None:
    p1, p2, p3 = pair(1, 10, 20), pair(2, 11, 21), pair(3, 12, 22, status="ended")
    data = ProgrammeData(
        pairs=(p1, p2, p3),
        agreements={1: Agreement(1, ("email",)), 2: Agreement(2, ("sheet/cells", "email/reply")),
                    3: Agreement(3, ("email",))},
        sessions=(session(1, 1, 10, 20, 40), session(2, 1, 10, 20, 2),
                  session(3, 2, 11, 21, 1, minutes=45), session(4, 3, 12, 22, 3)),
        steps=(step(10, "a", "helped", days_ago(40)), step(10, "a", "alone", days_ago(2), 2),
               step(10, "b", "alone", days_ago(2), 2), step(10, "d", "alone", days_ago(2), 3,
                                                            lesson="reply"),
               step(11, "e", "hinted", days_ago(1), 4, "sheet", "cells"),
               step(11, "f", "alone", days_ago(1), 4, "sheet", "cells"),
               step(12, "a", "alone", days_ago(3), 5)),
        lessons_done=(LessonDone(10, "email", "first", days_ago(2)),
                      LessonDone(10, "email", "reply", days_ago(2)),
                      LessonDone(11, "sheet", "cells", days_ago(1)),
                      LessonDone(12, "email", "first", days_ago(3))),
        feedback=(scores(1, 10, 5, days_ago(40)), scores(2, 10, 3, days_ago(2)),
                  scores(3, 11, 4, days_ago(1)),
                  Feedback(2, 20, "junior", days_ago(2), next_plan="Spreadsheets next")))
    report = D.pair_report(data, 1, OUTLINE, NOW)
    assert report.goals.reached == 1 and report.goals.steps_alone == 3
    assert [s.session.id for s in report.sessions] == [2, 1]
    assert report.last_session.id == 2 and report.next_plan == "Spreadsheets next"
    assert report.average_feedback == pytest.approx(4.0)
    assert [r.code for r in report.reasons] == ["feedback_fell"]
    assert [(w.alone, w.steps) for w in report.alone] == [(0, 1), (3, 3)]
    assert D.pair_report(data, 99, OUTLINE, NOW) is None
    split = D.by_pair(data)  # each pair's own records give the same report
    for pid in (1, 2, 3):
        assert D.pair_report(split[pid], pid, OUTLINE, NOW) == D.pair_report(
            data, pid, OUTLINE, NOW)

    view = D.overview(data, OUTLINE, TOPICS, NOW)
    assert view.active_pairs == 2
    assert view.sessions_recent == 3  # the last 30 days: sessions 2, 3 and the ended pair's 4
    assert view.minutes_recent == 60 + 45 + 60
    assert (view.goals_reached, view.goals_total) == (2, 3)  # running pairs only
    assert view.feedback.count == 3 and view.feedback.overall == pytest.approx(4.0)
    assert view.feedback.by_score["tact"] == pytest.approx(4.0)
    assert [p.pair.id for p in view.needing_attention] == [1]
    assert sum(w.steps for w in view.alone) == 7
    email, sheets = view.topics
    assert (email.topic, email.seniors, email.lessons_done) == ("email", 2, 3)
    # senior 10: first week 0 of 1 alone, latest week 3 of 3; senior 12: 1 of 1 both times
    assert (email.first_alone, email.first_steps, email.now_alone, email.now_steps) == (
        1, 2, 4, 4)
    assert email.gain == pytest.approx(0.5)
    assert (sheets.topic, sheets.first_share, sheets.now_share) == ("spreadsheets", 0.5, 0.5)


def test_an_empty_programme() -> None:
    view = D.overview(ProgrammeData(), OUTLINE, TOPICS, NOW)
    assert (view.active_pairs, view.sessions_recent, view.goals_total) == (0, 0, 0)
    assert view.feedback.overall is None and view.alone == () and view.topics == ()
    assert view.needing_attention == ()
