"""What every practice kind shares: right, or the first feedback that holds, or otherwise;
and, for selftest, a sample try for each feedback rule."""

from __future__ import annotations

from curriculum.checking import Outcome
from curriculum.model import EmailStep
from curriculum.practice.fields import feedback_tries, otherwise, verdict


def step(**keys) -> EmailStep:
    return EmailStep.model_validate({"id": "s", "kind": "email", "prompt": "Do it.",
                                     "expect": {}, **keys})


FEEDBACK = [{"when": {"subject": "a"}, "say": "Not a."}, {"when": {"subject": "b"}, "say": "B!"},
            {"when": {"subject": "c"}, "say": "Not c either."}]


def holding(*subjects: str):
    "`holds` for `verdict`: 'expect' holds if named, a feedback if its subject is named."
    return lambda rules: (rules if isinstance(rules, str) else rules["subject"].equals) \
        in subjects


def test_verdict_right_then_first_feedback_that_holds_then_otherwise() -> None:
    s = step(feedback=FEEDBACK, otherwise="Try again.")
    assert verdict(s, "expect", holding("expect", "a")) == Outcome(
        "correct", notice="check.correct", rule="expect")
    assert verdict(s, "expect", holding("b", "c")) == Outcome("wrong", ("B!",),
                                                              rule="feedback[1]")
    assert verdict(s, "expect", holding()) == Outcome("wrong", ("Try again.",),
                                                      rule="otherwise")
    assert otherwise(step()) == Outcome("wrong", notice="check.wrong", rule="otherwise")


def test_feedback_tries_leave_out_what_cannot_be_made_right_or_blank() -> None:
    s = step(feedback=FEEDBACK)
    samples = {"a": "sample a", "b": None, "c": "sample c"}  # no sample for b
    outcomes = {"sample a": Outcome("correct"), "sample c": Outcome("wrong", ("Not c",))}
    tries = list(feedback_tries(s, lambda when: samples[when["subject"].equals],
                                outcomes.__getitem__))
    assert tries == [(2, "sample c", Outcome("wrong", ("Not c",)))]
    outcomes["sample a"] = Outcome("invalid")
    assert [i for i, _, _ in feedback_tries(s, lambda when: samples[when["subject"].equals],
                                            outcomes.__getitem__)] == [2]
