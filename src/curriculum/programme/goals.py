"""Progress towards a pair's goals (pure): lessons done, and steps the senior now does alone.

A goal is a whole pack ("email-basics") or one lesson ("email-basics/first-email"). The
*outline* says which lessons a pack has and which of their steps measure autonomy (every
step but explanations). A step counts as done alone when the senior's latest result for it
is "alone": what they can do *now*, not on their first try.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..packs import Catalogue
from ..render import plain_text
from ..store.feedback import LessonDone, StepRecord

Outline = Mapping[str, Mapping[str, Sequence[str]]]  # pack -> lesson -> steps that count
StepKey = tuple[str, str, str]  # pack, lesson, step


def outline_of(catalogue: Catalogue) -> dict[str, dict[str, tuple[str, ...]]]:
    "The catalogue's packs, lessons and the steps that measure autonomy."
    return {pack_id: {lesson_id: tuple(s.id for s in lesson.steps if s.kind != "explain")
                      for lesson_id, lesson in lp.lessons.items()}
            for pack_id, lp in catalogue.packs.items()}


def topics_of(catalogue: Catalogue) -> dict[str, str]:
    "pack id -> its topic."
    return {pack_id: lp.pack.topic for pack_id, lp in catalogue.packs.items()}


@dataclass(frozen=True)
class Choice:
    "A goal that can be chosen: a whole pack, or one of its lessons."
    value: str  # "pack" or "pack/lesson"
    pack_title: str
    lesson_title: str | None
    language: str
    topic: str


def choices(catalogue: Catalogue, languages: Collection[str] | None = None) -> list[Choice]:
    "Every pack and lesson as a goal, packs in these languages (all if None), in order."
    out: list[Choice] = []
    for pack_id, lp in catalogue.packs.items():
        lang = lp.pack.base_language
        if not lp.lessons or (languages and lang not in languages):
            continue
        out.append(Choice(pack_id, lp.pack.title, None, lang, lp.pack.topic))
        out += [Choice(f"{pack_id}/{lid}", lp.pack.title, lesson.title, lang, lp.pack.topic)
                for lid, lesson in lp.lessons.items()]
    return out


def titles(catalogue: Catalogue) -> dict[str, str]:
    "Each goal that can be chosen -> its title in plain text: 'Pack' or 'Pack — Lesson'."
    return {c.value: plain_text(c.pack_title) + (f" — {plain_text(c.lesson_title)}"
                                                 if c.lesson_title else "")
            for c in choices(catalogue)}


def lesson_names(catalogue: Catalogue, languages: Collection[str] = ()) -> dict[str, str]:
    "Every lesson ('pack/lesson' -> 'Pack: Lesson'), of packs in these languages (all if none)."
    return {f"{lp.id}/{lesson.id}": f"{lp.pack.title}: {lesson.title}"
            for lp in catalogue.packs.values()
            if not languages or lp.pack.base_language in languages
            for lesson in lp.lessons.values()}


def lessons_of(goal: str, outline: Outline) -> tuple[tuple[str, str], ...]:
    "The (pack, lesson) pairs a goal stands for; () if the catalogue does not have it."
    pack, _, lesson = goal.partition("/")
    lessons = outline.get(pack)
    if lessons is None:
        return ()
    if lesson:
        return ((pack, lesson),) if lesson in lessons else ()
    return tuple((pack, lid) for lid in lessons)


@dataclass(frozen=True)
class GoalProgress:
    goal: str
    lessons_total: int
    lessons_done: int
    steps_total: int
    steps_alone: int

    @property
    def known(self) -> bool:
        "The catalogue has it (a pack removed since is not counted as reached)."
        return self.lessons_total > 0

    @property
    def reached(self) -> bool:
        return self.known and self.lessons_done == self.lessons_total

    @property
    def share_alone(self) -> float | None:
        return self.steps_alone / self.steps_total if self.steps_total else None


@dataclass(frozen=True)
class GoalsProgress:
    goals: tuple[GoalProgress, ...]
    lessons_total: int  # every lesson of every goal, each counted once
    lessons_done: int
    steps_total: int
    steps_alone: int

    @property
    def reached(self) -> int:
        return sum(g.reached for g in self.goals)

    @property
    def share_done(self) -> float | None:
        return self.lessons_done / self.lessons_total if self.lessons_total else None

    @property
    def share_alone(self) -> float | None:
        return self.steps_alone / self.steps_total if self.steps_total else None


def latest_autonomy(steps: Iterable[StepRecord]) -> dict[StepKey, str]:
    "For each step, how the senior did it the last time they finished it (with a level)."
    latest: dict[StepKey, tuple] = {}
    for s in steps:
        if s.autonomy is None or s.completed_at is None:
            continue
        key = (s.pack_id, s.lesson_id, s.step_id)
        stamp = (s.completed_at, s.run_id)
        if key not in latest or stamp >= latest[key][0]:
            latest[key] = (stamp, s.autonomy)
    return {k: v[1] for k, v in latest.items()}


def _count(lessons: Iterable[tuple[str, str]], outline: Outline,
           done: Collection[tuple[str, str]], latest: Mapping[StepKey, str]) -> tuple[int, ...]:
    lessons = list(dict.fromkeys(lessons))
    steps = [(p, lid, s) for p, lid in lessons for s in outline[p][lid]]
    return (len(lessons), sum((p, lid) in done for p, lid in lessons), len(steps),
            sum(latest.get(k) == "alone" for k in steps))


def progress(goals: Sequence[str], outline: Outline, done: Collection[tuple[str, str]],
             latest: Mapping[StepKey, str]) -> GoalsProgress:
    """How far the senior is towards each goal, and overall.

    `done`: the (pack, lesson) the senior has finished at least once; `latest`: see
    `latest_autonomy`. A lesson in two goals (a pack and one of its lessons) counts once
    overall."""
    each = tuple(GoalProgress(g, *_count(lessons_of(g, outline), outline, done, latest))
                 for g in goals)
    every = [pl for g in goals for pl in lessons_of(g, outline)]
    return GoalsProgress(each, *_count(every, outline, done, latest))


def senior_progress(goals: Sequence[str], outline: Outline, senior_id: int,
                    steps: Iterable[StepRecord], lessons_done: Iterable[LessonDone]
                    ) -> GoalsProgress:
    "`progress` from the store's records of one senior."
    mine = [s for s in steps if s.person_id == senior_id]
    done = {(d.pack_id, d.lesson_id) for d in lessons_done if d.person_id == senior_id}
    return progress(goals, outline, done, latest_autonomy(mine))
