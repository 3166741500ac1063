"""The email practice app's engine (pure: an action in, an outcome out).

An *action* is what the senior did in the app, a dict of fields (recorded with the
attempt): the email they sent (`to`, `cc`, `subject`, `body`, `attachments`, and
`message`, the id it replies to or forwards) and what they did in the inbox (`opened`,
`replied`, `deleted`, `reported`: lists of message ids).

- `prefill(step, mode, message_id, lang)`: what Reply / Forward / New email put in the
  form, as real clients do ("Re: ...", "RE : ..." in French; a forward keeps the files)
- `check(step, action, lang)`: blank (nothing to send, nothing done) is invalid; else the
  step's rules; a missing or malformed address gets a built-in notice when no author
  feedback speaks
- `problems`, `selftest`: see `email_problems.py` and `email_selftest.py`
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..checking import Outcome
from ..model import EmailStep
from ..render import escape
from ..rules import is_blank
from .fields import Found, check_fields

TEXT_FIELDS: tuple[str, ...] = ("to", "cc", "subject", "body")
TRIAGE_FIELDS: tuple[str, ...] = ("opened", "replied", "deleted", "reported")
LIST_FIELDS: tuple[str, ...] = ("attachments", *TRIAGE_FIELDS)
FIELDS: tuple[str, ...] = (*TEXT_FIELDS, "attachments", "message", *TRIAGE_FIELDS)
ID_FIELDS: tuple[str, ...] = ("message", *TRIAGE_FIELDS)  # fields that hold message ids
MODES = ("new", "reply", "forward")

# What real clients put before the subject, by the pack's language.
PREFIXES = {"en": ("Re: ", "Fwd: "), "fr": ("RE : ", "TR : ")}
_ANY_PREFIX = re.compile(r"^\s*(re|fwd?|tr|aw|wg)\s*:\s*", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")


def empty_action() -> dict[str, Any]:
    "Nothing written, nothing done."
    return {**{f: "" for f in TEXT_FIELDS}, "message": "", **{f: [] for f in LIST_FIELDS}}


def _prefixed(subject: str, prefix: str, already: tuple[str, ...]) -> str:
    "Prefix a subject once: replying to 'Re: Lunch' keeps 'Re: Lunch'."
    m = _ANY_PREFIX.match(subject)
    if m and m.group(1).lower() in already:
        return subject
    return prefix + subject


def reply_subject(subject: str, lang: str = "en") -> str:
    return _prefixed(subject, PREFIXES.get(lang, PREFIXES["en"])[0], ("re", "aw"))


def forward_subject(subject: str, lang: str = "en") -> str:
    return _prefixed(subject, PREFIXES.get(lang, PREFIXES["en"])[1], ("fwd", "fw", "tr", "wg"))


def prefill(step: EmailStep, mode: str, message_id: str | None,
            lang: str = "en") -> dict[str, Any]:
    "The form as New email (mode 'new'), Reply or Forward opens it."
    draft = {"to": "", "cc": "", "subject": "", "body": "", "attachments": [], "message": ""}
    message = step.message(message_id)
    if mode == "new" or message is None:
        return draft
    draft["message"] = message.id
    if mode == "reply":
        draft["to"] = message.from_
        draft["subject"] = reply_subject(message.subject, lang)
    else:
        draft["subject"] = forward_subject(message.subject, lang)
        draft["attachments"] = list(message.attachments)
    return draft


def read_action(answer: Any) -> dict[str, Any] | None:
    "The action as a dict with every field, or None when it cannot be read."
    if not isinstance(answer, dict):
        return None
    action = empty_action()
    for name, value in answer.items():
        if name not in action:
            continue
        if name in LIST_FIELDS:
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                return None
            action[name] = list(value)
        elif value is None:
            action[name] = ""
        elif isinstance(value, str):
            action[name] = value
        else:
            return None
    return action


def nothing_written(action: dict[str, Any]) -> bool:
    "To, Subject and the message all empty: there is nothing to send."
    return all(is_blank(action.get(f, "")) for f in ("to", "subject", "body"))


def nothing_done(action: dict[str, Any]) -> bool:
    return not any(action.get(f) for f in TRIAGE_FIELDS)


def addresses(text: str) -> list[str]:
    "The addresses in a To or Cc box: 'Sam <sam@x.org>, lea@y.org' -> both addresses."
    out = []
    for part in re.split(r"[,;]", text or ""):
        part = part.strip()
        if not part:
            continue
        inside = re.search(r"<([^<>]*)>", part)
        out.append((inside.group(1) if inside else part).strip())
    return out


def bad_address(text: str) -> str | None:
    "The first address that cannot be one (no @, a space, nothing before or after @)."
    for address in addresses(text):
        name, at, domain = address.partition("@")
        if not at or not name or "." not in domain or " " in address or "@" in domain:
            return address
    return None


def send_problem(action: dict[str, Any]) -> str | None:
    "Why a real client would refuse to send this draft (a notice key), or None."
    if nothing_written(action):
        return "email.blank"
    if is_blank(action.get("to", "")):
        return "email.no_to"
    return None


def check(step: EmailStep, answer: Any, lang: str = "en") -> Outcome:
    action = read_action(answer)
    if action is None:
        return Outcome("invalid", notice="check.unreadable")
    if step.task == "triage" and nothing_done(action) and nothing_written(action):
        return Outcome("invalid", notice="email.blank_triage")
    if step.task != "triage" and nothing_written(action):
        return Outcome("invalid", notice="email.blank")
    outcome = check_fields(step, step.expect, action)
    if outcome.status != "wrong" or outcome.rule != "otherwise" or nothing_written(action):
        return outcome
    if is_blank(action["to"]):  # slips a real client would point out
        return Outcome("wrong", outcome.feedback, notice="email.no_to", rule="otherwise")
    wrong = bad_address(action["to"]) or bad_address(action["cc"])
    if wrong:
        return Outcome("wrong", outcome.feedback, notice="email.bad_address",
                       params={"address": escape(wrong)}, rule="otherwise")
    return outcome


def unlink(markdown: str) -> str:
    "Links shown as their text and address, never clickable (the app never leaves)."
    def one(m: re.Match[str]) -> str:
        text, url = m.group(1).strip(), m.group(2).replace("`", "")
        if not url:
            return text
        return f"{text} (`{url}`)" if text and text != url else f"`{url}`"

    return _AUTOLINK.sub(lambda m: f"`{m.group(1)}`", _LINK.sub(one, markdown))


def attachment_file(name: str, folder: Path) -> Path | None:
    "The pack file behind an attachment (media/<name>, or the path given), if there is one."
    if "://" in name or name.startswith(("/", "\\")):
        return None
    base = folder.resolve()
    target = (folder / name if "/" in name else folder / "media" / name).resolve()
    if target.is_relative_to(base) and target.is_file():
        return target
    return None


def problems(step: EmailStep, folder: Path) -> Iterator[Found]:
    from .email_problems import problems as found

    yield from found(step, folder)


def selftest(step: EmailStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    from .email_selftest import selftest as run

    yield from run(step, lang)


def solution_markdown(step: EmailStep) -> str | None:
    "The author's solution; else the example, in the app's own icons (any language)."
    if step.solution:
        return step.solution
    if step.example is None:
        return None
    ex = step.example
    subjects = {m.id: m.subject for m in step.mailbox}
    lines = []
    icons = {"opened": "📖", "replied": "↩️", "deleted": "🗑️", "reported": "⚠️"}
    for name, icon in icons.items():
        for message_id in getattr(ex, name) or []:
            lines.append(f"{icon} {escape(subjects.get(message_id, message_id))}")
    if ex.message and step.task in ("reply", "forward"):
        icon = "↩️" if step.task == "reply" else "↪️"
        lines.append(f"{icon} {escape(subjects.get(ex.message, ex.message))}")
    for value, icon in ((ex.to, "✉️"), (ex.cc, "👥"), (ex.subject, "📝")):
        if value:
            lines.append(f"{icon} **{escape(value)}**")
    for name in ex.attachments or []:
        lines.append(f"📎 {escape(name)}")
    if ex.body:
        lines.append(f"💬 {escape(ex.body)}")
    return "  \n".join(lines) or None
