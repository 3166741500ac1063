"""Checking an answer against a step (pure: no I/O, no clock).

`check(step, answer) -> Outcome`. Answers by kind:

- choice: a list of option ids (a single id is accepted for a single choice)
- text:   the typed text
- order:  the list of item ids, in the order the learner put them
- explain, do: nothing to check (the outcome is "done")
- email, spreadsheet, chat, social: what the senior did in the practice app (see
  `practice`); "partial" means right so far, with more to do (a chat's next turn)

A blank or unreadable answer is `invalid`: it gets a gentle notice and is not an attempt.
Built-in messages are given as `notice` keys of the UI catalogue, so they can be translated;
author feedback is Markdown, shown as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .model import ChoiceStep, DoStep, ExplainStep, OrderStep, PracticeStep, Step, TextStep
from .rules import MAX_ANSWER, Options, examples, is_blank, matches

Status = Literal["correct", "partial", "wrong", "invalid", "done"]


@dataclass(frozen=True)
class Outcome:
    status: Status
    feedback: tuple[str, ...] = ()  # author Markdown, in the order to show it
    notice: str | None = None  # UI catalogue key of a built-in message
    params: dict[str, Any] = field(default_factory=dict)
    rule: str | None = None  # what decided: "accept[0]", "feedback[2]", "otherwise", "nearly"

    @property
    def correct(self) -> bool:
        return self.status in ("correct", "done")

    @property
    def counts(self) -> bool:
        "Whether this was a real attempt (blank or unreadable answers are not)."
        return self.status in ("correct", "partial", "wrong")


def check(step: Step, answer: Any, lang: str = "en") -> Outcome:
    "Check an answer; `lang` is the pack's language (decimal comma, function names...)."
    if _too_long(answer):  # never judged on a part of it: say it is too long
        return Outcome("invalid", notice="check.too_long", params={"n": MAX_ANSWER})
    if isinstance(step, PracticeStep):
        from .practice import engine

        return engine(step.kind).check(step, answer, lang)
    if isinstance(step, ChoiceStep):
        return _check_choice(step, answer)
    if isinstance(step, TextStep):
        return _check_text(step, answer)
    if isinstance(step, OrderStep):
        return _check_order(step, answer)
    if isinstance(step, ExplainStep | DoStep):
        return Outcome("done")
    raise TypeError(f"no checker for {type(step).__name__}")


def _too_long(answer: Any, depth: int = 0) -> bool:
    "Whether any text in the answer is longer than the rules look at (MAX_ANSWER)."
    if isinstance(answer, str):
        return len(answer) > MAX_ANSWER
    if depth > 20:
        return True
    if isinstance(answer, dict):
        return any(_too_long(v, depth + 1) or _too_long(k, depth + 1) for k, v in answer.items())
    if isinstance(answer, list | tuple | set | frozenset):
        return any(_too_long(v, depth + 1) for v in answer)
    return False


def _ids(answer: Any) -> list[str] | None:
    if answer is None:
        return []
    if isinstance(answer, str):
        return [answer] if answer else []
    if isinstance(answer, Sequence | set | frozenset) and all(isinstance(a, str) for a in answer):
        return list(answer)
    return None


def _check_choice(step: ChoiceStep, answer: Any) -> Outcome:
    picked = _ids(answer)
    known = {o.id for o in step.options}
    if picked is None or any(p not in known for p in picked) or len(set(picked)) != len(picked):
        return Outcome("invalid", notice="check.unreadable")
    if not picked:
        return Outcome("invalid", notice="check.blank_choice")
    if not step.multiple and len(picked) > 1:
        return Outcome("invalid", notice="check.one_only")
    chosen = [o for o in step.options if o.id in picked]
    correct = step.correct_ids
    said = tuple(dict.fromkeys(o.feedback for o in chosen if o.feedback))  # each said once
    if set(picked) == correct:
        return Outcome("correct", said, None if said else "check.correct", rule="options")
    wrong_said = tuple(dict.fromkeys(o.feedback for o in chosen if o.feedback and not o.correct))
    if step.multiple and set(picked) < correct:
        found = len(picked)
        return Outcome("wrong", wrong_said, "check.missing_some",
                       {"found": found, "total": len(correct)}, rule="options")
    if wrong_said:
        return Outcome("wrong", wrong_said, rule="options")
    return Outcome("wrong", notice="check.wrong", rule="options")


def _check_text(step: TextStep, answer: Any) -> Outcome:
    if not isinstance(answer, str):
        return Outcome("invalid", notice="check.unreadable")
    if is_blank(answer):
        return Outcome("invalid", notice="check.blank_text")
    opts = Options(step.case_sensitive, step.accent_sensitive)
    for i, rule in enumerate(step.accept):
        if matches(rule, answer, opts):
            return Outcome("correct", notice="check.correct", rule=f"accept[{i}]")
    for i, fb in enumerate(step.feedback):
        if matches(fb.when, answer, opts):
            return Outcome("wrong", (fb.say,), rule=f"feedback[{i}]")
    if step.otherwise:
        return Outcome("wrong", (step.otherwise,), rule="otherwise")
    return Outcome("wrong", notice="check.wrong", rule="otherwise")


def one_out_of_place(given: list[str], right: list[str]) -> bool:
    "True when moving a single item elsewhere makes the order right."
    if given == right:
        return False
    return any(
        [x for x in given if x != item] == [x for x in right if x != item] for item in given
    )


def _check_order(step: OrderStep, answer: Any) -> Outcome:
    given = _ids(answer)
    right = [i.id for i in step.items]
    if given is None or sorted(given) != sorted(right):
        return Outcome("invalid", notice="check.unreadable")
    if given == right:
        return Outcome("correct", notice="check.correct", rule="order")
    said = (step.otherwise,) if step.otherwise else ()
    if one_out_of_place(given, right):
        return Outcome("wrong", said, "check.nearly", rule="nearly")
    return Outcome("wrong", said, None if said else "check.wrong_order", rule="otherwise")


def correct_answer(step: Step) -> Any:
    "An answer that passes, where the format makes one plain (None for free text)."
    if isinstance(step, ChoiceStep):
        return sorted(step.correct_ids) if step.multiple else next(iter(step.correct_ids), None)
    if isinstance(step, OrderStep):
        return [i.id for i in step.items]
    if isinstance(step, TextStep):
        return next((r.equals for r in step.accept if isinstance(r.equals, str)), None)
    return None


def solution_markdown(step: Step) -> str | None:
    "What 'show the answer' shows: the author's solution, else one derived from the step."
    if step.solution:
        return step.solution
    if isinstance(step, PracticeStep):
        from .practice import engine

        return engine(step.kind).solution_markdown(step)
    if isinstance(step, ChoiceStep):
        return "\n".join(f"- {o.text}" for o in step.options if o.correct)
    if isinstance(step, OrderStep):
        return "\n".join(f"{n}. {i.text}" for n, i in enumerate(step.items, 1))
    if isinstance(step, TextStep):
        first = correct_answer(step) or _accepted_example(step)
        return f"`{first}`" if first is not None else None
    return None


def _accepted_example(step: TextStep) -> str | None:
    "An answer the step accepts, made from its own rules (when no solution is written)."
    return next((c for rule in step.accept for c in examples(rule)
                 if c.strip() and _check_text(step, c).status == "correct"), None)


def infer_autonomy(hints_used: int, answer_shown: bool, helped: bool = False) -> str:
    "alone / hinted / helped, as the contract defines them."
    if answer_shown or helped:
        return "helped"
    if hints_used > 0:
        return "hinted"
    return "alone"
