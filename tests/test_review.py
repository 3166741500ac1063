"""Today's practice and mastery: which steps come back, their grades, the daily limit, and
60 days of one senior with the injected clock (a new connection each day: a restart)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from curriculum import clock, today
from curriculum.checking import infer_autonomy
from curriculum.packs import load_catalogue
from curriculum.review import mastery, schedule
from curriculum.review.schedule import Try
from curriculum.store import people, progress, review_items, session

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def cat():
    return load_catalogue([ROOT / "lessons"])


@pytest.mark.parametrize(("done", "grade"), [
    (Try(0, False, True, False), "good"),
    (Try(1, False, True, False), "hard"),
    (Try(0, False, True, True), "hard"),
    (Try(2, True, True, False), "again"),
    (Try(0, False, False, True), "again"),
])
def test_grades(done, grade):
    assert schedule.grade(done) == grade


def test_what_becomes_a_review_item():
    alone = Try(0, False, True, False)
    assert not schedule.needs_review(None, True, alone)
    assert schedule.needs_review(True, True, alone)  # the pack marks it `review: true`
    assert schedule.needs_review(None, True, Try(1, False, True, False))
    assert schedule.needs_review(None, True, Try(0, True, True, False))
    assert schedule.needs_review(None, True, Try(0, False, True, True))
    assert not schedule.needs_review(False, True, Try(1, False, True, False))
    assert not schedule.needs_review(None, False, Try(1, False, True, False))  # not checked


def test_mastery_needs_two_different_days():
    day1, day2 = START, START + timedelta(days=1)
    assert not mastery.mastered(["a", "b"], [("a", day1), ("b", day1), ("a", day1)])
    assert not mastery.mastered(["a", "b"], [("a", day1), ("a", day2), ("b", day1)])
    assert mastery.mastered(["a", "b"], [("a", day1), ("a", day2), ("b", day1), ("b", day2)])
    assert mastery.level(True, True, True) == "mastered"
    assert mastery.level(True, False, False) == "started"


def _do(db, run, step, *, hints=0, shown=False, wrong=0, right=True) -> str | None:
    "One step of a run, done as a senior does it; returns the grade given (None: no item)."
    for _ in range(hints):
        progress.record_hint(db, run.id, step.id)
    if shown:
        progress.record_answer_shown(db, run.id, step.id)
    outcomes = ["wrong"] * wrong + (["correct"] if right else [])
    for outcome in outcomes:
        progress.record_attempt(db, progress.Attempt(
            run.id, run.person_id, run.pack_id, run.lesson_id, step.id, "x", outcome, None,
            hints, shown, infer_autonomy(hints, shown), 1000))
    if right:
        progress.complete_step(db, run.id, step.id, infer_autonomy(hints, shown), 10)
    return today.record_try(db, run.person_id, run.pack_id, run.lesson_id, step,
                            Try(hints, shown, right, wrong > 0), clock.now())


def _whole_lesson(db, senior, cat, ref: str, how: dict[str, dict] | None = None) -> None:
    pack, lesson_id = ref.split("/")
    lesson = cat.lesson(pack, lesson_id)
    run = progress.open_run(db, senior, pack, lesson_id, "solo")
    for step in lesson.steps:
        if step.checked:
            _do(db, run, step, **(how or {}).get(step.id, {}))
        else:
            progress.complete_step(db, run.id, step.id, None, 5)
    progress.complete_run(db, run.id)


def test_sixty_days_of_one_senior(tmp_path, cat):
    path = tmp_path / "c.db"
    pack, lesson_id = "email-basics", "first-email"
    lesson = cat.lesson(pack, lesson_id)
    checked = [s for s in lesson.steps if s.checked]
    hinted, shown, wrong, alone = checked[0], checked[1], checked[2], checked[3]
    with clock.frozen(START), session(path) as db:
        senior = people.create_person(db, "Marie", "senior").id
        run = progress.open_run(db, senior, pack, lesson_id, "solo")
        assert _do(db, run, hinted, hints=1) == "hard"
        assert _do(db, run, shown, shown=True) == "again"
        assert _do(db, run, wrong, wrong=1) == "hard"
        assert _do(db, run, alone) is None  # right first time alone: no item
        assert today.due_today(db, senior, clock.now()) == []  # nothing due the same day
        # another lesson, done alone twice on the first day: done, not mastered
        _whole_lesson(db, senior, cat, "spreadsheet-basics/first-sum")
        _whole_lesson(db, senior, cat, "spreadsheet-basics/first-sum")
        assert today.levels(db, cat, senior)[("spreadsheet-basics", "first-sum")] == "done"
        assert today.levels(db, cat, senior)[(pack, lesson_id)] == "started"

    reviewed: dict[str, list[datetime]] = {s.id: [] for s in (hinted, shown, wrong)}
    for day in range(1, 61):
        moment = START + timedelta(days=day)
        with clock.frozen(moment), session(path) as db:  # a new connection: a restart
            if day == 1:
                _whole_lesson(db, senior, cat, "spreadsheet-basics/first-sum")
                assert today.levels(db, cat, senior)[
                    ("spreadsheet-basics", "first-sum")] == "mastered"
            items = today.due_today(db, senior, clock.now())
            assert len(items) <= schedule.DAILY
            assert all(i.due <= moment for i in items)
            for item in items:
                step = next(s for s in lesson.steps if s.id == item.step_id)
                run = progress.start_review_run(db, senior, pack, lesson_id, step.id)
                # the step shown on day 0 keeps slipping; the others are now right alone
                grade = (_do(db, run, step, right=False, wrong=1) if step.id == shown.id
                         else _do(db, run, step))
                assert grade == ("again" if step.id == shown.id else "good")
                reviewed[step.id].append(moment)
    with session(path) as db:
        slips = review_items.slipping(db, senior)
        assert [i.step_id for i in slips] == [shown.id]
        assert slips[0].lapses == 1 + len(reviewed[shown.id])
        for step_id, days in reviewed.items():
            item = review_items.get_item(db, senior, pack, lesson_id, step_id)
            assert item.reviews == 1 + len(days)  # nothing lost across the restarts
        # graded Again each day: back every day; graded Good: the gaps grow
        assert len(reviewed[shown.id]) == 60
        gaps = [(b - a).days for a, b in zip(reviewed[hinted.id], reviewed[hinted.id][1:],
                                             strict=False)]
        assert gaps == sorted(gaps) and gaps[-1] > 7 and len(reviewed[hinted.id]) < 12
        assert today.levels(db, cat, senior)[(pack, lesson_id)] == "started"
        # review runs are never resumed as the lesson, nor count as finishing it
        assert progress.unfinished_run(db, senior, pack, lesson_id).mode == "solo"


def test_a_missed_month_is_never_a_wall(tmp_path):
    with clock.frozen(START), session(tmp_path / "c.db") as db:
        senior = people.create_person(db, "Marie", "senior").id
        for n in range(40):
            review_items.save_review(db, senior, "p", "l", f"s{n:02}", {}, START
                                     - timedelta(days=40 - n), "hard")
        items = today.due_today(db, senior, clock.now())
        assert [i.step_id for i in items] == [f"s{n:02}" for n in range(8)]  # oldest first
        assert review_items.count_due(db, senior, clock.now()) == 40
