"""Self-test of an email step: recorded actions that must pass, and typical slips that fail.

The correct action is the author's `example` (completed by what the app fills in), else
one derived from `expect`: the message the rules name, the form as Reply/Forward fills
it, then each field changed until its rule holds. Then: a blank action is invalid; each
feedback gets an action that makes its `when` hold and must be wrong with feedback;
typical slips (an empty message, the wrong message, nothing attached, doing nothing but
opening) are wrong with feedback, unless the author accepts them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..model import EmailStep, Rule
from .email import LIST_FIELDS, TEXT_FIELDS, check, empty_action, prefill
from .fields import all_hold, feedback_tries, matches_field, options_of

Action = dict[str, Any]


def selftest(step: EmailStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    blank = check(step, empty_action(), lang)
    yield blank.status == "invalid", f"a blank action should be invalid, got {blank.status}"
    right = correct_action(step, lang)
    if right is None:
        yield False, ("no action derived from 'expect' passes: add an 'example:' with what "
                      "the senior would do (to, subject, body...)")
    else:
        out = check(step, right, lang)
        yield out.status == "correct", (
            f"the {'example' if step.example else 'action derived from expect'} should be "
            f"correct, got {out.status} ({_show(right)})")
    base = right or natural_action(step, lang)
    for i, sample, out in feedback_tries(step, lambda when: satisfy(step, when, base, lang),
                                         lambda action: check(step, action, lang)):
        yield out.status == "wrong" and bool(out.feedback), \
            f"feedback rule {i + 1}: {_show(sample)} should be wrong with feedback"
    for what, slip in typical_slips(step, base, lang):
        out = check(step, slip, lang)
        if out.status in ("correct", "invalid"):
            continue  # the author accepts it, or there is nothing to send
        yield out.status == "wrong" and bool(out.feedback or out.notice), \
            f"{what} should be wrong with feedback, got {out.status}"


def _show(action: Action) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in action.items() if v)


def natural_action(step: EmailStep, lang: str = "en", target: str | None = None) -> Action:
    "What the senior does before typing anything: open the message, press Reply/Forward."
    action = empty_action()
    if step.task not in ("reply", "forward") or not step.mailbox:
        return action
    target = target or _target(step)
    action.update(prefill(step, step.task, target, lang))
    action["opened"] = [target]
    if step.task == "reply":
        action["replied"] = [target]
    return action


def _target(step: EmailStep) -> str:
    rule = step.expect.get("message")
    for candidate in _id_candidates(rule, step) if rule else []:
        if matches_field(rule, candidate, options_of(step)):
            return candidate
    honest = [m.id for m in step.mailbox if not m.scam]
    return (honest or [m.id for m in step.mailbox])[0]


def correct_action(step: EmailStep, lang: str = "en") -> Action | None:
    "The example completed by the app's own filling, else an action derived from expect."
    if step.example is not None:
        given = step.example.model_dump(exclude_none=True)
        base = natural_action(step, lang, given.get("message"))
        if step.task == "triage" and given.get("message"):
            base.update(prefill(step, "reply", given["message"], lang))
        return {**base, **given}
    return satisfy(step, step.expect, natural_action(step, lang), lang)


def satisfy(step: EmailStep, rules: Mapping[str, Rule], base: Action,
            lang: str = "en") -> Action | None:
    "The base action changed, field by field, until every rule holds (None if it cannot)."
    options = options_of(step)
    action = {k: (list(v) if isinstance(v, list) else v) for k, v in base.items()}
    if "message" in rules:
        picked = next((c for c in _id_candidates(rules["message"], step)
                       if matches_field(rules["message"], c, options)), None)
        if picked is None:
            return None
        if picked != action["message"]:
            mode = step.task if step.task in ("reply", "forward") else "reply"
            action.update(prefill(step, mode, picked, lang) if picked else
                          {"message": ""})
    for name in LIST_FIELDS:
        if name in rules:
            found = _first(rules[name], _list_candidates(rules[name], action[name]),
                           options)
            if found is None:
                return None
            action[name] = found
    if step.task == "triage" and "message" not in rules and action["replied"] \
            and action["message"] not in action["replied"]:
        action.update(prefill(step, "reply", action["replied"][-1], lang))
    acted = [*action["replied"], *action["deleted"], *action["reported"]]
    seen = list(dict.fromkeys([*action["opened"], *acted]))
    if "opened" not in rules or matches_field(rules["opened"], seen, options):
        action["opened"] = seen
    for name in TEXT_FIELDS:
        if name in rules:
            found = _first(rules[name], _text_candidates(rules[name], action[name]), options)
            if found is None:
                return None
            action[name] = found
    return action if all_hold(rules, action, options) else None


def _first(rule: Rule, candidates: list[Any], options: Any) -> Any:
    return next((c for c in candidates if matches_field(rule, c, options)), None)


def _id_candidates(rule: Rule, step: EmailStep) -> list[str]:
    from ..selftest import candidates

    return [*candidates(rule), *(m.id for m in step.mailbox), ""]


def _text_candidates(rule: Rule, current: str) -> list[str]:
    from ..selftest import candidates

    found = candidates(rule)
    out = [current, *found]
    out += [f"{current} {c}".strip() for c in found]
    out += [f"{c} {current}".strip() for c in found]
    if rule.starts_with is not None:
        out += [f"{rule.starts_with} {c}" for c in [current, *found]]
    out += ["", "Hello, thank you. See you soon!"]
    return out


def _list_candidates(rule: Rule, current: list[str]) -> list[list[str]]:
    out: list[list[str]] = [current]
    subs = [rule, *(rule.any_ or []), *(rule.all_ or [])]
    for sub in subs:
        if isinstance(sub.equals, list):
            out.append(list(sub.equals))
        elif isinstance(sub.equals, str):
            out.append([sub.equals])
        wanted = [*([sub.contains] if sub.contains else []), *(sub.contains_all or []),
                  *(sub.contains_any or [])[:1], *(sub.one_of or [])[:1]]
        if wanted:
            out.append(list(dict.fromkeys([*current, *wanted])))
            out.append(list(dict.fromkeys(wanted)))
    if rule.not_contains is not None:
        out.append([x for x in current if x != rule.not_contains])
    out.append([])
    return out


def typical_slips(step: EmailStep, right: Action, lang: str = "en") -> Iterator[tuple[str, Action]]:
    "Typical mistakes of a senior, as actions (the check must say something about each)."
    if step.task == "triage":
        everything = [m.id for m in step.mailbox]
        yield "opening every message and nothing else", {**empty_action(),
                                                         "opened": everything}
        yield "deleting every message", {**empty_action(), "opened": everything,
                                         "deleted": everything}
        return
    yield "an email with an empty message", {**right, "body": ""}
    yield "an email with no address in To", {**right, "to": ""}
    if step.task in ("reply", "forward"):
        for message in step.mailbox:
            if message.id != right["message"]:
                other = {**right, **prefill(step, step.task, message.id, lang),
                         "body": right["body"]}
                if step.task == "forward":
                    other["to"] = right["to"]
                yield f"a {step.task} to message '{message.id}' instead", other
                break
    if right["attachments"]:
        yield "an email without its attachments", {**right, "attachments": []}

