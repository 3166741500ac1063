"""Rules on the fields of a practice app: text fields, lists of ids, yes/no fields.

A field holds text (`subject`), a list (`attachments`, `reported`), a yes/no (`voice`)
or nothing. On a list, `equals` compares the items (in any order), `contains` asks for
one item, `empty` for no item; text keys (`starts_with`, `regex`...) read the items joined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..checking import Outcome
from ..messages import did_you_mean
from ..model import PracticeStep, Rule
from ..rules import Options, matches, normalise
from ..semantics import pattern_problems

Matcher = Callable[[Rule, Any, Options], bool]
Found = tuple[tuple[Any, ...], str, str]


def options_of(step: PracticeStep) -> Options:
    return Options(step.case_sensitive, step.accent_sensitive)


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(as_text(v) for v in value)
    return str(value)


def matches_field(rule: Rule, value: Any, options: Options) -> bool:
    "Whether a rule holds for the value of one field."
    if not isinstance(value, list | tuple | set | frozenset):
        return matches(rule, as_text(value), options)
    items = {normalise(as_text(v), options) for v in value}

    def n(x: Any) -> str:
        return normalise(as_text(x), options)

    checks: list[bool] = []
    if rule.equals is not None:
        wanted = rule.equals if isinstance(rule.equals, list) else [rule.equals]
        checks.append(items == {n(x) for x in wanted})
    if rule.one_of is not None:
        checks.append(items <= {n(x) for x in rule.one_of} and bool(items))
    if rule.contains is not None:
        checks.append(n(rule.contains) in items)
    if rule.not_contains is not None:
        checks.append(n(rule.not_contains) not in items)
    if rule.contains_all is not None:
        checks.append(all(n(x) in items for x in rule.contains_all))
    if rule.contains_any is not None:
        checks.append(any(n(x) in items for x in rule.contains_any))
    if rule.empty is not None:
        checks.append((not items) == rule.empty)
    if rule.any_ is not None:
        checks.append(any(matches_field(r, value, options) for r in rule.any_))
    if rule.all_ is not None:
        checks.append(all(matches_field(r, value, options) for r in rule.all_))
    if rule.not_ is not None:
        checks.append(not matches_field(rule.not_, value, options))
    text_keys = rule.model_copy(update={
        "equals": None, "one_of": None, "contains": None, "not_contains": None,
        "contains_all": None, "contains_any": None, "empty": None, "any_": None,
        "all_": None, "not_": None,
    })
    if any(v is not None for v in text_keys.model_dump(exclude_none=True).values()):
        checks.append(matches(text_keys, as_text(value), options))
    return all(checks)


def all_hold(rules: Mapping[str, Rule], state: Mapping[str, Any], options: Options,
             matcher: Matcher = matches_field) -> bool:
    return all(matcher(rule, state.get(field), options) for field, rule in rules.items())


def otherwise(step: PracticeStep) -> Outcome:
    "A wrong try that no feedback speaks to: the author's `otherwise`, else the usual words."
    if step.otherwise:
        return Outcome("wrong", (step.otherwise,), rule="otherwise")
    return Outcome("wrong", notice="check.wrong", rule="otherwise")


def verdict(step: PracticeStep, expect: Any, holds: Callable[[Any], bool]) -> Outcome:
    """correct when `holds(expect)`; else the first feedback whose `when` holds speaks;
    else `otherwise`. `expect` and each `when` are the kind's rules (fields, cells...)."""
    if holds(expect):
        return Outcome("correct", notice="check.correct", rule="expect")
    for i, fb in enumerate(step.feedback):
        if holds(fb.when):
            return Outcome("wrong", (fb.say,), rule=f"feedback[{i}]")
    return otherwise(step)


def check_fields(step: PracticeStep, expect: Mapping[str, Rule], state: Mapping[str, Any],
                 matcher: Matcher = matches_field) -> Outcome:
    "correct when every expected field holds; else the first feedback that holds speaks."
    options = options_of(step)
    return verdict(step, expect, lambda rules: all_hold(rules, state, options, matcher))


def feedback_tries(step: PracticeStep, sample_of: Callable[[Any], Any | None],
                   check: Callable[[Any], Outcome]) -> Iterator[tuple[int, Any, Outcome]]:
    """For `selftest`: (index, a sample answer, its outcome) for each feedback rule whose
    `when` a sample can be made for (`sample_of`) and is checked neither right nor blank."""
    for i, fb in enumerate(step.feedback):
        sample = sample_of(fb.when)
        if sample is None:
            continue  # a rule we cannot make an example for (e.g. a bare regex)
        out = check(sample)
        if out.status in ("correct", "invalid"):
            continue  # the example happens to be right, or blank
        yield i, sample, out


def unknown_fields(rules: Mapping[str, Rule], fields: tuple[str, ...],
                   where: tuple[Any, ...], kind: str) -> Iterator[Found]:
    "A rule on a field the kind does not have."
    for name in rules:
        if name not in fields:
            yield ((*where, name), "error",
                   f"'{name}' is not a field of {'an' if kind[0] in 'aeiou' else 'a'} {kind} "
                   f"step{did_you_mean(name, fields)}; "
                   f"the fields are: {', '.join(fields)}")


def rule_fields_problems(step: PracticeStep, expect: Mapping[str, Rule],
                         fields: tuple[str, ...]) -> Iterator[Found]:
    "Unknown fields in `expect` and in every `feedback` `when`."
    options = options_of(step)
    yield from unknown_fields(expect, fields, ("expect",), step.kind)
    for name, rule in expect.items():
        yield from pattern_problems(rule, ("expect", name), options)
    for i, fb in enumerate(step.feedback):
        yield from unknown_fields(fb.when, fields, ("feedback", i, "when"), step.kind)
        for name, rule in fb.when.items():
            yield from pattern_problems(rule, ("feedback", i, "when", name), options)
