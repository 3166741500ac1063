"""The bundled curriculum (lessons/): what "a curriculum for work" promises.

- email, spreadsheets, messaging and social media: at least 6 lessons each, in English
  and in French; a mentoring pack (for the juniors) in both languages with 6 lessons;
- every English lesson has a French twin (in the pack whose translation_of names its
  pack) with the same lesson ids and the same step ids, in the same order;
- every lesson: at most 10 steps, 10 to 20 minutes, a first step that explains, at least
  one practice app, and a last step done for real (kind do) with a solution and hints;
- `curriculum validate lessons`: no error and no warning (French typography included).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.model import PRACTICE_KINDS, Lesson
from curriculum.packs import Catalogue, LoadedPack, load_catalogue

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
TOPICS = ("email", "spreadsheets", "messaging", "social-media")
LANGUAGES = ("en", "fr")
MIN_LESSONS = 6
MAX_STEPS = 10
MINUTES = (10, 20)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue([LESSONS])


def learners_packs(catalogue: Catalogue) -> list[LoadedPack]:
    return [lp for lp in catalogue.packs.values() if lp.pack.audience != "authors"]


def every_lesson() -> list[tuple[str, str, Lesson]]:
    "(pack id, lesson id, lesson) of every learners' lesson (read once, at collection)."
    return [(lp.id, lesson_id, lesson)
            for lp in learners_packs(load_catalogue([LESSONS]))
            for lesson_id, lesson in lp.lessons.items()]


def lesson_count(catalogue: Catalogue, topic: str, language: str) -> int:
    return sum(len(lp.pack.lessons) for lp in learners_packs(catalogue)
               if lp.pack.topic == topic and lp.pack.base_language == language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
def test_each_topic_has_enough_lessons_in_each_language(catalogue: Catalogue, topic: str,
                                                        language: str) -> None:
    assert lesson_count(catalogue, topic, language) >= MIN_LESSONS


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mentoring_pack_in_each_language(catalogue: Catalogue, language: str) -> None:
    packs = [lp for lp in learners_packs(catalogue)
             if lp.pack.topic == "mentoring" and lp.pack.base_language == language]
    assert packs, f"no mentoring pack in {language}"
    assert any(len(lp.pack.lessons) >= MIN_LESSONS for lp in packs), \
        [f"{lp.id}: {len(lp.pack.lessons)} lessons" for lp in packs]


def test_every_english_pack_has_a_french_twin_with_the_same_ids(catalogue: Catalogue) -> None:
    packs = learners_packs(catalogue)
    twins = {lp.pack.translation_of: lp for lp in packs
             if lp.pack.base_language == "fr" and lp.pack.translation_of}
    english = [lp for lp in packs if lp.pack.base_language == "en"]
    assert english
    for lp in english:
        twin = twins.get(lp.id)
        assert twin is not None, f"{lp.id}: no French pack has translation_of: {lp.id}"
        assert list(twin.pack.lessons) == list(lp.pack.lessons), f"{twin.id} vs {lp.id}"
        for lesson_id, lesson in lp.lessons.items():
            other = twin.lessons.get(lesson_id)
            assert other is not None, f"{twin.id}/{lesson_id} is missing or has errors"
            assert [s.id for s in other.steps] == [s.id for s in lesson.steps], \
                f"{twin.id}/{lesson_id}: not the same steps as {lp.id}/{lesson_id}"


ALL_LESSONS = every_lesson()


@pytest.mark.parametrize(("pack_id", "lesson_id", "lesson"), ALL_LESSONS,
                         ids=[f"{pack_id}/{lesson_id}" for pack_id, lesson_id, _ in ALL_LESSONS])
def test_every_lesson_has_the_shape_of_a_session(pack_id: str, lesson_id: str,
                                                 lesson: Lesson) -> None:
    steps = lesson.steps
    assert len(steps) <= MAX_STEPS, f"{len(steps)} steps"
    assert lesson.minutes is not None and MINUTES[0] <= lesson.minutes <= MINUTES[1], \
        f"minutes: {lesson.minutes}"
    assert steps[0].kind == "explain", f"first step '{steps[0].id}' is {steps[0].kind}"
    assert any(s.kind in PRACTICE_KINDS for s in steps), "no practice step"
    last = steps[-1]
    assert last.kind == "do", f"last step '{last.id}' is {last.kind}"
    assert last.solution, f"last step '{last.id}' has no solution"
    assert last.hints, f"last step '{last.id}' has no hints"


def test_the_curriculum_validates_without_errors_nor_warnings(catalogue: Catalogue) -> None:
    assert [str(p) for p in catalogue.problems] == []
