"""The email practice app's state and what its buttons do (Streamlit callbacks).

The app's state is a dict in `st.session_state[key(ctx, step.id, "app")]` holding ids
only: the view (inbox or compose), the open message, what was opened, replied to,
deleted and reported, the draft's mode and attachments, and the last notice. The draft's
text lives in its widgets (`<app>.to`, `.cc`, `.subject`, `.body`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ....model import EmailStep
from ....practice.email import TEXT_FIELDS, TRIAGE_FIELDS, prefill, send_problem
from ...actions import Ctx, key, on_answer

TEXT_WIDGETS = TEXT_FIELDS  # to, cc, subject, body


def app_key(ctx: Ctx, step: EmailStep) -> str:
    return key(ctx, step.id, "app")


def state(ctx: Ctx, step: EmailStep) -> dict[str, Any]:
    "The app's state, created on first use."
    return st.session_state.setdefault(app_key(ctx, step), {
        "view": "inbox", "open": None, "draft": None, "notice": None, "last": None,
        **{f: [] for f in TRIAGE_FIELDS},
    })


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def on_open(ctx: Ctx, step: EmailStep, message_id: str) -> None:
    s = state(ctx, step)
    s["open"] = message_id
    s["notice"] = None
    _add(s["opened"], message_id)


def on_start(ctx: Ctx, step: EmailStep, mode: str, message_id: str | None) -> None:
    "New email, Reply or Forward: open the form, filled in as a real client does."
    s = state(ctx, step)
    app = app_key(ctx, step)
    draft = prefill(step, mode, message_id, ctx.lang)
    for name in TEXT_WIDGETS:
        st.session_state[f"{app}.{name}"] = draft[name]
    s["draft"] = {"mode": mode, "message": draft["message"],
                  "attachments": list(draft["attachments"])}
    s["view"] = "compose"
    s["notice"] = None


def on_attach(ctx: Ctx, step: EmailStep) -> None:
    app = app_key(ctx, step)
    picked = st.session_state.get(f"{app}.pick")
    draft = state(ctx, step)["draft"]
    if picked and draft is not None:
        _add(draft["attachments"], picked)
    st.session_state[f"{app}.pick"] = None


def on_remove(ctx: Ctx, step: EmailStep, name: str) -> None:
    draft = state(ctx, step)["draft"]
    if draft is not None and name in draft["attachments"]:
        draft["attachments"].remove(name)


def on_discard(ctx: Ctx, step: EmailStep) -> None:
    s = state(ctx, step)
    s["view"], s["draft"], s["notice"] = "inbox", None, None


def on_delete(ctx: Ctx, step: EmailStep, message_id: str) -> None:
    s = state(ctx, step)
    _add(s["deleted"], message_id)
    s["open"], s["notice"] = None, ("deleted", message_id)


def on_report(ctx: Ctx, step: EmailStep, message_id: str) -> None:
    s = state(ctx, step)
    _add(s["reported"], message_id)
    s["open"], s["notice"] = None, ("reported", message_id)


def on_undo(ctx: Ctx, step: EmailStep) -> None:
    "Undo the last delete or report: the message comes back to the inbox."
    s = state(ctx, step)
    what, message_id = s["notice"] or (None, None)
    if what in ("deleted", "reported") and message_id in s[what]:
        s[what].remove(message_id)
        s["open"] = message_id
    s["notice"] = None


def on_restart(ctx: Ctx, step: EmailStep) -> None:
    "Start the exercise again: the inbox as it was at first."
    app = app_key(ctx, step)
    for name in (*TEXT_WIDGETS, "pick"):
        st.session_state.pop(f"{app}.{name}", None)
    st.session_state.pop(app, None)


def draft_action(ctx: Ctx, step: EmailStep) -> dict[str, Any]:
    "The email being written, as fields."
    app = app_key(ctx, step)
    draft = state(ctx, step)["draft"] or {"message": "", "attachments": []}
    fields = {name: st.session_state.get(f"{app}.{name}") or "" for name in TEXT_WIDGETS}
    return {**fields, "attachments": list(draft["attachments"]), "message": draft["message"]}


def visible(step: EmailStep, s: dict[str, Any]) -> list[Any]:
    "The messages still in the inbox (not deleted, not reported)."
    gone = set(s["deleted"]) | set(s["reported"])
    return [m for m in step.mailbox if m.id not in gone]


def on_send(ctx: Ctx, step: EmailStep) -> None:
    """Send: in a triage task the email joins what was done (a real client refuses an
    email without an address); otherwise what the senior did is checked and recorded."""
    s = state(ctx, step)
    email = draft_action(ctx, step)
    mode = (s["draft"] or {}).get("mode")
    replied = list(s["replied"])
    if mode == "reply" and email["message"]:
        _add(replied, email["message"])
    if step.task == "triage":
        problem = send_problem(email)
        if problem:
            s["notice"] = ("refused", problem)
            return
        s["replied"], s["last"] = replied, email
        s["view"], s["draft"], s["notice"] = "inbox", None, ("sent", email["to"])
        return
    answer = {**email, "opened": list(s["opened"]), "replied": replied,
              "deleted": list(s["deleted"]), "reported": list(s["reported"])}
    on_answer(ctx, step, answer)
    outcome = st.session_state.get(key(ctx, step.id, "outcome"))
    if outcome is not None and outcome.correct:
        s["replied"], s["last"] = replied, email
        s["view"], s["draft"], s["notice"] = "inbox", None, ("sent", email["to"])
    else:
        s["notice"] = ("not_sent", "")


def on_finish(ctx: Ctx, step: EmailStep) -> None:
    "A triage task: 'I have finished' checks what was done in the inbox."
    s = state(ctx, step)
    last = s["last"] or {}
    answer = {**{name: last.get(name, "") for name in TEXT_WIDGETS},
              "attachments": list(last.get("attachments", [])),
              "message": last.get("message", ""),
              **{f: list(s[f]) for f in TRIAGE_FIELDS}}
    on_answer(ctx, step, answer)
