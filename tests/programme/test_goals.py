"""Progress towards a pair's goals: lessons done, steps the senior now does alone (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from curriculum.packs import load_catalogue
from curriculum.programme.goals import (
    choices,
    latest_autonomy,
    lesson_names,
    lessons_of,
    outline_of,
    progress,
    senior_progress,
    titles,
    topics_of,
)
from curriculum.store.feedback import LessonDone, StepRecord

OUTLINE = {
    "email": {"first": ("a", "b", "c", "d"), "reply": ("e", "f")},
    "sheet": {"cells": ("g", "h")},
}
T0 = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
GOOD = Path(__file__).resolve().parents[1] / "packs" / "good"


def step(step_id: str, autonomy: str | None, minutes: int = 0, run: int = 1,
         lesson: str = "first", pack: str = "email", person: int = 1) -> StepRecord:
    return StepRecord(person, run, pack, lesson, step_id, autonomy,
                      T0 + timedelta(minutes=minutes))


def test_a_goal_is_a_pack_or_one_lesson() -> None:
    assert lessons_of("email", OUTLINE) == (("email", "first"), ("email", "reply"))
    assert lessons_of("email/reply", OUTLINE) == (("email", "reply"),)
    assert lessons_of("email/gone", OUTLINE) == ()
    assert lessons_of("nothing", OUTLINE) == ()


def test_the_latest_result_of_each_step_counts() -> None:
    latest = latest_autonomy([
        step("a", "helped", 0, run=1), step("a", "alone", 60, run=2),
        step("b", "alone", 1, run=1), step("b", "hinted", 61, run=2),
        step("c", None, 2),  # an explanation: no level
        StepRecord(1, 1, "email", "first", "d", "alone", None),  # not finished
    ])
    assert latest == {("email", "first", "a"): "alone", ("email", "first", "b"): "hinted"}


def test_progress_per_goal_and_overall() -> None:
    latest = {("email", "first", "a"): "alone", ("email", "first", "b"): "alone",
              ("email", "first", "c"): "helped", ("email", "reply", "e"): "alone",
              ("sheet", "cells", "g"): "hinted"}
    done = {("email", "first")}
    got = progress(["email", "email/first", "sheet/cells", "old-pack"], OUTLINE, done, latest)
    email, first, cells, old = got.goals
    assert (email.lessons_done, email.lessons_total, email.steps_alone, email.steps_total) == (
        1, 2, 3, 6)
    assert not email.reached and email.share_alone == pytest.approx(0.5)
    assert first.reached and (first.steps_alone, first.steps_total) == (2, 4)
    assert not cells.reached and cells.steps_alone == 0
    assert not old.known and not old.reached and old.share_alone is None
    # overall, email/first counts once although two goals hold it
    assert (got.lessons_done, got.lessons_total, got.steps_alone, got.steps_total) == (
        1, 3, 3, 8)
    assert got.reached == 1
    assert got.share_done == pytest.approx(1 / 3)
    assert got.share_alone == pytest.approx(3 / 8)


def test_no_goals_is_no_progress() -> None:
    got = progress([], OUTLINE, set(), {})
    assert got.goals == () and got.reached == 0
    assert got.share_done is None and got.share_alone is None


def test_senior_progress_keeps_to_the_senior() -> None:
    steps = [step("a", "alone"), step("b", "alone", person=2),
             step("e", "alone", lesson="reply")]
    done = [LessonDone(1, "email", "reply", T0), LessonDone(2, "email", "first", T0)]
    got = senior_progress(["email"], OUTLINE, 1, steps, done)
    assert (got.lessons_done, got.steps_alone) == (1, 2)


def test_outline_choices_and_topics_from_a_catalogue() -> None:
    cat = load_catalogue([GOOD])
    outline = outline_of(cat)
    assert set(outline) == {"tour", "visite"}
    assert all("explain" not in s for lessons in outline.values() for s in lessons)
    lessons = cat.packs["tour"].lessons
    first = next(iter(lessons))
    kinds = {s.id: s.kind for s in lessons[first].steps}
    assert outline["tour"][first] == tuple(i for i, k in kinds.items() if k != "explain")
    everything = choices(cat)
    assert everything[0].value == "tour" and everything[0].lesson_title is None
    assert f"tour/{first}" in [c.value for c in everything]
    french = choices(cat, {"fr"})
    assert {c.language for c in french} == {"fr"} and french
    assert topics_of(cat)["tour"] == cat.packs["tour"].pack.topic


def test_titles_of_goals_and_names_of_lessons() -> None:
    cat = load_catalogue([GOOD])
    named = titles(cat)
    assert named["visite"] == "Une visite guidée"
    assert named["visite/bases"] == "Une visite guidée — Les bases"
    assert set(named) == {c.value for c in choices(cat)}
    assert lesson_names(cat) == {"tour/basics": "A tour of every feature: The basics",
                                 "tour/practice": "A tour of every feature: Practice",
                                 "visite/bases": "Une visite guidée: Les bases"}
    assert lesson_names(cat, {"fr"}) == {"visite/bases": "Une visite guidée: Les bases"}
    assert lesson_names(cat, ()) == lesson_names(cat)  # no language spoken: every lesson
