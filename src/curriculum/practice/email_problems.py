"""Semantic checks of an email step (what the model alone cannot say), with YAML paths.

Errors: a rule on a field the kind lacks; a message id that does not exist (in `expect`,
`feedback` or `example`); two messages with the same id; an attachment that is neither
a file of the pack's media/ folder nor a plain name; a rule naming a file nobody offers;
a reply, forward or triage task with an empty mailbox; a compose task that asks for a
`message`. Warnings: an empty `expect`; no `solution` nor `example` to show.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..messages import did_you_mean
from ..model import EmailStep, Rule
from ..packfiles import MAX_FILE_BYTES, picture_problem
from ..rules import normalise
from ..semantics import IMAGE_TYPES
from .email import FIELDS, ID_FIELDS, attachment_file
from .fields import Found, matches_field, options_of, rule_fields_problems

_VALUE_KEYS = ("equals", "one_of", "contains", "not_contains", "contains_all", "contains_any",
               "close_to")


def problems(step: EmailStep, folder: Path) -> Iterator[Found]:
    yield from rule_fields_problems(step, step.expect, FIELDS)
    yield from _duplicate_messages(step)
    yield from _attachments(step, folder)
    ids = [m.id for m in step.mailbox]
    for where, rules in _rule_sets(step):
        yield from _named_ids(rules, ids, where)
        yield from _named_files(step, rules, where)
    yield from _example(step, ids)
    yield from _task(step)
    if not step.expect:
        yield ("expect",), "warning", ("'expect' is empty: every email is right; add one rule "
                                       "per field to check, like to: {contains: sam@example.org}")
    if not step.solution and step.example is None:
        yield ("prompt",), "warning", ("no 'solution' nor 'example': 'show the answer' needs "
                                       "one; add solution: with what to do")


def _rule_sets(step: EmailStep) -> Iterator[tuple[tuple[Any, ...], Mapping[str, Rule]]]:
    yield ("expect",), step.expect
    for i, fb in enumerate(step.feedback):
        yield ("feedback", i, "when"), fb.when


def _duplicate_messages(step: EmailStep) -> Iterator[Found]:
    seen: dict[str, int] = {}
    for j, message in enumerate(step.mailbox):
        if message.id in seen:
            yield (("mailbox", j, "id"), "error",
                   f"duplicate message id '{message.id}' (also message {seen[message.id] + 1})")
        seen.setdefault(message.id, j)


def attachment_problem(name: str, folder: Path) -> str | None:
    "Why an attachment cannot be shown: it must be a plain name or a file of media/."
    if not name.strip():
        return "an attachment needs a name, like beach.jpg"
    plain = not any(c in name for c in "/\\:") and not name.startswith(".")
    if plain:
        return None
    found = attachment_file(name, folder)
    if found is not None and name.startswith("media/"):
        return _attachment_file_problem(name, found, folder)
    media = folder / "media"
    files = [f"media/{p.name}" for p in sorted(media.iterdir()) if p.is_file()] \
        if media.is_dir() else []
    return (f"attachment '{name}' is neither a file of the pack's media/ folder nor a plain "
            f"name{did_you_mean(name, files)}: write media/<file> for a file in media/, or "
            "just a name like invoice.pdf")


def _attachment_file_problem(name: str, path: Path, folder: Path) -> str | None:
    "An attachment file too large to offer, or a picture that cannot be drawn."
    if path.suffix.lower() in IMAGE_TYPES:
        problem = picture_problem(path, folder)
    else:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        problem = (f"is larger than {MAX_FILE_BYTES // 1_000_000} MB: make it smaller"
                   if size > MAX_FILE_BYTES else None)
    return f"attachment '{name}' {problem}" if problem else None


def _attachments(step: EmailStep, folder: Path) -> Iterator[Found]:
    for j, message in enumerate(step.mailbox):
        for k, name in enumerate(message.attachments):
            problem = attachment_problem(name, folder)
            if problem:
                yield ("mailbox", j, "attachments", k), "error", problem
    for k, name in enumerate(step.files):
        problem = attachment_problem(name, folder)
        if problem:
            yield ("files", k), "error", problem


def _values(rule: Rule, where: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    "Every value a rule names, with its path (nested any/all/not included)."
    for key in _VALUE_KEYS:
        value = getattr(rule, key)
        if isinstance(value, str):
            yield value, (*where, key)
        elif isinstance(value, list):
            for k, item in enumerate(value):
                yield item, (*where, key, k)
    for key in ("any", "all"):
        for k, sub in enumerate(getattr(rule, key + "_") or []):
            yield from _values(sub, (*where, key, k))
    if rule.not_ is not None:
        yield from _values(rule.not_, (*where, "not"))


def _named_ids(rules: Mapping[str, Rule], ids: list[str],
               where: tuple[Any, ...]) -> Iterator[Found]:
    for name in ID_FIELDS:
        if name not in rules:
            continue
        for value, path in _values(rules[name], (*where, name)):
            if value not in ids:
                yield path, "error", _no_message(value, ids)


def _no_message(value: str, ids: list[str]) -> str:
    listed = f"; the messages are: {', '.join(ids)}" if ids else "; the mailbox is empty"
    return f"no message '{value}' in the mailbox{did_you_mean(value, ids)}{listed}"


def _offered(step: EmailStep) -> list[str]:
    names = [*step.files, *(a for m in step.mailbox for a in m.attachments)]
    return list(dict.fromkeys(names))


def _named_files(step: EmailStep, rules: Mapping[str, Rule],
                 where: tuple[Any, ...]) -> Iterator[Found]:
    if "attachments" not in rules:
        return
    offered = _offered(step)
    options = options_of(step)
    known = {normalise(n, options) for n in offered}
    for value, path in _values(rules["attachments"], (*where, "attachments")):
        if normalise(value, options) not in known:
            listed = (f"; the files are: {', '.join(offered)}" if offered else
                      "; add it to 'files' or to a message's 'attachments'")
            yield path, "error", (f"no file '{value}' can be attached"
                                  f"{did_you_mean(value, offered)}{listed}")


def _example(step: EmailStep, ids: list[str]) -> Iterator[Found]:
    if step.example is None:
        return
    for name in ID_FIELDS:
        value = getattr(step.example, name)
        for k, item in enumerate([value] if isinstance(value, str) else value or []):
            if item not in ids:
                path = ("example", name) if isinstance(value, str) else ("example", name, k)
                yield path, "error", _no_message(item, ids)


def _task(step: EmailStep) -> Iterator[Found]:
    if step.task in ("reply", "forward", "triage") and not step.mailbox:
        what = {"reply": "a message to reply to", "forward": "a message to forward",
                "triage": "messages to sort"}[step.task]
        yield ("task",), "error", (f"a {step.task} step needs {what}: add it under 'mailbox'")
    rule = step.expect.get("message")
    if step.task == "compose" and rule is not None \
            and not matches_field(rule, "", options_of(step)):
        yield ("expect", "message"), "error", (
            "in a compose step the senior writes a new email, so 'message' is always empty: "
            "use task: reply or task: forward to answer or pass on a message")
