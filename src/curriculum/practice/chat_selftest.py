"""Self-test of a chat step: a transcript derived from the rules walks the script right
(partial, then correct), typical wrong tries fail with feedback, nothing sent is invalid."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..model import ChatStep, Rule
from ..selftest import candidates
from .chat import REACTIONS, Action, check, field_holds, field_rule, fields_of, holds
from .fields import options_of


def sample_action(step: ChatStep, rules: Mapping[str, Rule]) -> Action | None:
    "An action for which every rule holds (derived from the rules), or None."
    options = options_of(step)
    action: Action = {}
    for name, rule in rules.items():
        pools: dict[str, list[Any]] = {
            "text": [*candidates(field_rule("text", rule)), "Hello", ""],
            "photo": [*(p.file for p in step.gallery), *candidates(rule), None],
            "reaction": [*REACTIONS, *candidates(field_rule("reaction", rule)), None],
            "voice": [True, False],
        }
        if name not in pools:
            return None
        value = next((v for v in pools[name]
                      if field_holds(name, rule, {name: v}, options)), "no value")
        if value == "no value":
            return None
        if value not in (None, "", False):
            action[name] = value
    if not action:
        action = {"text": "Hello"}
    return action if holds(rules, fields_of(action), options) else None


def correct_actions(step: ChatStep) -> list[Action] | None:
    "A transcript that walks the whole script right, or None when one cannot be derived."
    out: list[Action] = []
    for i in step.turns_expecting:
        action = sample_action(step, step.script[i].expect or {})
        if action is None:
            return None
        out.append(action)
    return out


def _wrong_tries(step: ChatStep) -> list[Action]:
    tries: list[Action] = [{"text": "zzzz qqqq"}, {"voice": True}, {"reaction": "😮"},
                           {"reaction": "😢"}]
    tries += [{"photo": p.file} for p in step.gallery]
    return tries


def selftest(step: ChatStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    blank = check(step, {"actions": []}, lang)
    yield blank.status == "invalid", f"nothing sent should be invalid, got {blank.status}"
    empty = check(step, {"actions": [{"text": "  "}]}, lang)
    yield empty.status == "invalid", f"an empty message should be invalid, got {empty.status}"
    options = options_of(step)
    done: list[Action] = []
    expecting = step.turns_expecting
    for n, i in enumerate(expecting, 1):
        turn = step.script[i]
        expect = turn.expect or {}
        right = sample_action(step, expect)
        yield right is not None, (f"turn {i + 1}: no action derived from 'expect' passes: "
                                  "give an example value in the rule (equals, contains...)")
        if right is None:
            return
        for j, fb in enumerate(turn.feedback):
            sample = sample_action(step, fb.when)
            if sample is None or holds(expect, fields_of(sample), options):
                continue  # no example, or the example is a right answer
            out = check(step, {"actions": [*done, sample]}, lang)
            yield out.status == "wrong" and bool(out.feedback), (
                f"turn {i + 1}, feedback {j + 1}: sending {sample} should be wrong with "
                "this feedback")
        wrong = next((a for a in _wrong_tries(step)
                      if not holds(expect, fields_of(a), options)), None)
        if wrong is not None:
            out = check(step, {"actions": [*done, wrong]}, lang)
            yield out.status == "wrong" and bool(out.feedback or out.notice), (
                f"turn {i + 1}: sending {wrong} should be wrong, with feedback")
        done.append(right)
        out = check(step, {"actions": list(done)}, lang)
        want = "correct" if n == len(expecting) else "partial"
        yield out.status == want, (f"turn {i + 1}: sending {right} should be {want}, "
                                   f"got {out.status}")


