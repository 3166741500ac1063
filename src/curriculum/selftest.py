"""Self-test of a pack: every checked step behaves as its author meant.

For each checked step: a correct answer passes; each wrong option (or each feedback rule,
or a typical wrong order) fails with feedback; a blank answer is invalid, not wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .checking import check, correct_answer
from .model import ChoiceStep, OrderStep, PracticeStep, Step, TextStep
from .packs import LoadedPack
from .render import plain_text
from .rules import Options, matches
from .rules import examples as candidates


@dataclass(frozen=True)
class Failure:
    pack_id: str
    lesson_id: str
    step_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.pack_id}/{self.lesson_id}#{self.step_id}: {self.message}"


@dataclass(frozen=True)
class Report:
    steps: int
    checks: int
    failures: list[Failure]


def run(packs: list[LoadedPack]) -> Report:
    "Self-test every checked step of the packs."
    steps = checks = 0
    failures: list[Failure] = []
    for lp in packs:
        for lesson in lp.lessons.values():
            for step in lesson.steps:
                if not step.checked:
                    continue
                steps += 1
                for ok, message in _check_step(step, lp.pack.base_language):
                    checks += 1
                    if not ok:
                        failures.append(Failure(lp.id, lesson.id, step.id, message))
    return Report(steps, checks, failures)


def _check_step(step: Step, lang: str = "en") -> Iterator[tuple[bool, str]]:
    if isinstance(step, PracticeStep):
        from .practice import engine

        yield from engine(step.kind).selftest(step, lang)
        return
    blank = check(step, "" if isinstance(step, TextStep) else [])
    yield blank.status == "invalid", f"a blank answer should be invalid, got {blank.status}"
    if isinstance(step, ChoiceStep):
        yield from _choice(step)
    elif isinstance(step, OrderStep):
        yield from _order(step)
    elif isinstance(step, TextStep):
        yield from _text(step)


def _choice(step: ChoiceStep) -> Iterator[tuple[bool, str]]:
    right = check(step, correct_answer(step))
    yield right.status == "correct", "the correct option(s) are not accepted"
    for option in step.options:
        if option.correct:
            continue
        picked = [*sorted(step.correct_ids), option.id] if step.multiple else option.id
        out = check(step, picked)
        yield out.status == "wrong", f"choosing '{option.id}' should be wrong"
        yield bool(out.feedback or out.notice), f"choosing '{option.id}' gives no feedback"


def _order(step: OrderStep) -> Iterator[tuple[bool, str]]:
    right = [i.id for i in step.items]
    yield check(step, right).status == "correct", "the items in order are not accepted"
    backwards = check(step, right[::-1])
    yield backwards.status == "wrong", "the items backwards should be wrong"
    swapped = [right[1], right[0], *right[2:]]
    near = check(step, swapped)
    yield near.status == "wrong" and bool(near.feedback or near.notice), \
        "swapping the first two items should be wrong, with feedback"


def _text(step: TextStep) -> Iterator[tuple[bool, str]]:
    opts = Options(step.case_sensitive, step.accent_sensitive)
    pool = [c for r in step.accept for c in candidates(r)]
    if step.solution:
        pool.append(plain_text(step.solution))
    passing = next((c for c in pool if c.strip() and check(step, c).status == "correct"), None)
    yield passing is not None, ("no answer derived from 'accept' or 'solution' passes: make "
                                "'solution' the expected answer")
    for i, fb in enumerate(step.feedback):
        sample = next((c for c in candidates(fb.when)
                       if c.strip() and matches(fb.when, c, opts)), None)
        if sample is None:
            continue  # a rule we cannot make an example for (e.g. a bare regex)
        out = check(step, sample)
        if out.status == "correct":
            continue  # the example happens to be a right answer
        yield out.status == "wrong" and bool(out.feedback), \
            f"feedback rule {i + 1}: the answer '{sample}' should be wrong with feedback"
    wrong = check(step, "zzzz qqqq")
    if wrong.status != "correct":
        yield wrong.status == "wrong" and bool(wrong.feedback or wrong.notice), \
            "a wrong answer gets no feedback"
