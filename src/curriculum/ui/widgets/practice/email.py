"""The email practice app on screen: an inbox, a reading pane, and a form to write.

Like a real mail app: the list shows the sender, the subject, a paperclip for attached
files, and unread messages in bold AND marked with a word. Opening a message shows it
with Reply, Forward, Delete and Report as scam. Writing (New email, Reply, Forward)
shows the form alone, one thing at a time. Every action is a real, labelled widget,
so the keyboard reaches everything; author text goes through the safe renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ....model import EmailStep
from ....model.email import EmailMessage
from ....practice.email import attachment_file, unlink
from ....render import escape, label
from ...actions import Ctx
from ..content import markdown, picture
from . import email_state as act
from .what_is import what_is

T = Callable[..., str]
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp")

# Inbox rows read left to right, like a real list of emails (constant CSS, no author text).
_CSS = """<style>
.stApp [class*="-emailrows"] button { justify-content: flex-start; text-align: left; }
.stApp [class*="-emailrows"] button div { justify-content: flex-start; text-align: left; }
.stApp [class*="-emailquote"] { border-left: 4px solid #555; padding-left: .75rem; }
.stApp [class*="-emailbar"] { background: #eef1f5; border: 1px solid #555;
  border-radius: .5rem; padding: .25rem .75rem; }
.stApp [class*="-emailbar"] p { color: #111; }
</style>"""


def draw(step: EmailStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    st.html(_CSS)
    s = act.state(ctx, step)
    if s["view"] == "compose" and s["draft"] is not None:
        _compose(step, ctx, pack_dir, tr, solved, s)
    else:
        _inbox(step, ctx, pack_dir, tr, solved, s)


def sender_name(sender: str) -> str:
    "'Sam <sam@example.org>' -> 'Sam', as lists of emails show it."
    name = re.sub(r"<[^<>]*>", "", sender).strip().strip('"')
    return name or sender.strip("<> ")


def row_label(message: EmailMessage, unread: bool, is_open: bool, tr: T) -> str:
    "One line of the inbox: unread ones in bold and marked with a word."
    sender, subject = escape(sender_name(message.from_)), escape(message.subject)
    parts = [f"**{sender}**", f"**{subject}**"] if unread else [sender, subject]
    if unread:
        parts.insert(0, f"**{tr('email.unread')}**")
    if message.attachments:
        parts.append(tr("email.has_file"))
    if message.date:
        parts.append(escape(message.date))
    return " · ".join(parts)


def _inbox(step: EmailStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool,
           s: dict[str, Any]) -> None:
    app = act.app_key(ctx, step)
    shown = act.visible(step, s)
    unread = [m for m in shown if m.unread and m.id not in s["opened"]]
    with st.container(border=True, key=f"{app}.emailbox"):
        head, new = st.columns([3, 2], vertical_alignment="center")
        head.markdown(f"**{tr('email.inbox')}** · "
                      f"{tr('email.unread_count', n=len(unread))}")
        new.button(tr('email.new'), icon=":material/edit:", key=f"{app}.new", on_click=act.on_start,
                   args=(ctx, step, "new", None), width="stretch")
        _notice(step, ctx, tr, s)
        if not shown:
            st.markdown(tr("email.empty_inbox"))
        with st.container(key=f"{app}.emailrows", gap="small"):
            for m in shown:
                st.button(row_label(m, m in unread, m.id == s["open"], tr),
                          icon=":material/chevron_right:" if m.id == s["open"] else None,
                          key=f"{app}.open.{m.id}", on_click=act.on_open,
                          args=(ctx, step, m.id), width="stretch",
                          type="primary" if m.id == s["open"] else "secondary")
    opened = step.message(s["open"]) if s["open"] in {m.id for m in shown} else None
    with st.container(border=True, key=f"{app}.emailpane"):
        if opened is None:
            st.markdown(f"*{tr('email.choose')}*")
        else:
            _reading(step, ctx, pack_dir, tr, opened, step.me)
    with st.container(horizontal=True):
        if step.task == "triage":
            st.button(tr('email.finish'), icon=":material/check_circle:", key=f"{app}.finish",
                      type="primary",
                      on_click=act.on_finish, args=(ctx, step), disabled=solved)
        st.button(tr('email.restart'), icon=":material/refresh:", key=f"{app}.restart",
                  on_click=act.on_restart,
                  args=(ctx, step), help=tr("email.restart_help"))


def _notice(step: EmailStep, ctx: Ctx, tr: T, s: dict[str, Any]) -> None:
    what, value = s["notice"] or (None, None)
    app = act.app_key(ctx, step)
    if what in ("deleted", "reported"):
        message = step.message(value)
        subject = escape(message.subject) if message else ""
        with st.container(horizontal=True, vertical_alignment="center", key=f"{app}.emailbar"):
            st.markdown(tr(f'email.{what}', subject=subject))
            st.button(tr('email.undo'), icon=":material/undo:", key=f"{app}.undo",
                      on_click=act.on_undo,
                      args=(ctx, step))
    elif what == "sent":
        with st.container(key=f"{app}.emailbar"):
            st.markdown(tr('email.sent', to=escape(value or '')))


def _reading(step: EmailStep, ctx: Ctx, pack_dir: Path, tr: T, m: EmailMessage,
             me: str | None) -> None:
    app = act.app_key(ctx, step)
    markdown(f"#### {escape(m.subject)}")
    lines = [f"**{tr('email.from')}** {escape(m.from_)}",
             f"**{tr('email.to')}** {escape(m.to or me or tr('email.me'))}"]
    if m.cc:
        lines.append(f"**{tr('email.cc')}** {escape(m.cc)}")
    if m.date:
        lines.append(f"**{tr('email.date')}** {escape(m.date)}")
    markdown("  \n".join(lines))
    markdown(unlink(m.body), pack_dir)
    _attachments(m.attachments, pack_dir, tr)
    with st.container(horizontal=True, key=f"{app}.emailactions"):
        st.button(tr('email.reply'), icon=":material/reply:", key=f"{app}.reply.{m.id}",
                  on_click=act.on_start, args=(ctx, step, "reply", m.id))
        st.button(tr('email.forward'), icon=":material/forward:", key=f"{app}.forward.{m.id}",
                  on_click=act.on_start, args=(ctx, step, "forward", m.id))
        st.button(tr('email.delete'), icon=":material/delete:", key=f"{app}.delete.{m.id}",
                  on_click=act.on_delete, args=(ctx, step, m.id))
        st.button(tr('email.report'), icon=":material/report:", key=f"{app}.report.{m.id}",
                  on_click=act.on_report, args=(ctx, step, m.id))


def _attachments(names: list[str], pack_dir: Path, tr: T) -> None:
    if not names:
        return
    st.markdown(f"**{tr('email.attachments')}**")
    for name in names:
        path = attachment_file(name, pack_dir)
        shown = Path(name).name
        if path is not None and path.suffix.lower() in PICTURES:
            picture(path, tr("email.picture", name=shown), tr("player.picture_broken"), 280)
        st.markdown(escape(shown))


def _compose(step: EmailStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool,
             s: dict[str, Any]) -> None:
    app = act.app_key(ctx, step)
    draft = s["draft"]
    mode = draft["mode"]
    with st.container(border=True, key=f"{app}.emailform"):
        st.markdown(f"#### {tr(f'email.title_{mode}')}")
        markdown(f"**{tr('email.from')}** {escape(step.me or tr('email.me'))}")
        st.text_input(tr("email.to"), key=f"{app}.to", max_chars=500, autocomplete="off",
                      placeholder="name@example.org")
        st.text_input(tr("email.cc"), key=f"{app}.cc", max_chars=500, autocomplete="off")
        what_is(tr("email.cc_what"), tr("email.cc_help"))
        st.text_input(tr("email.subject"), key=f"{app}.subject", max_chars=300,
                      autocomplete="off")
        st.text_area(tr("email.message"), key=f"{app}.body", max_chars=5000, height=180)
        _draft_files(step, ctx, tr, draft)
        original = step.message(draft["message"])
        if original is not None:
            _quoted(original, mode, pack_dir, tr, app)
        what, value = s["notice"] or (None, None)
        if what in ("refused", "not_sent"):
            with st.container(key=f"{app}.emailbar"):
                st.markdown(tr(value) if what == 'refused' else tr('email.not_sent'))
        with st.container(horizontal=True):
            st.button(tr('email.send'), icon=":material/send:", key=f"{app}.send", type="primary",
                      on_click=act.on_send, args=(ctx, step), disabled=solved)
            st.button(tr("email.discard"), key=f"{app}.discard", on_click=act.on_discard,
                      args=(ctx, step))


def _draft_files(step: EmailStep, ctx: Ctx, tr: T, draft: dict[str, Any]) -> None:
    app = act.app_key(ctx, step)
    attached = draft["attachments"]
    if attached:
        st.markdown(f"**{tr('email.attached')}**")
        for name in attached:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(escape(Path(name).name))
                st.button(tr("email.remove", name=label(Path(name).name)),
                          key=f"{app}.remove.{name}", on_click=act.on_remove,
                          args=(ctx, step, name))
    original = step.message(draft["message"])
    offered = [*step.files, *(original.attachments if original else [])]
    choices = [n for n in dict.fromkeys(offered) if n not in attached]
    if choices:
        st.selectbox(tr('email.attach'), choices, index=None,
                     key=f"{app}.pick",
                     placeholder=tr("email.attach_placeholder"), on_change=act.on_attach,
                     args=(ctx, step), format_func=lambda n: Path(n).name)


def _quoted(m: EmailMessage, mode: str, pack_dir: Path, tr: T, app: str) -> None:
    "The original under the form, as real clients show it (not part of what is typed)."
    with st.container(key=f"{app}.emailquote"):
        if mode == "forward":
            markdown(f"*{tr('email.forwarded')}*  \n"
                        f"**{tr('email.from')}** {escape(m.from_)}  \n"
                        f"**{tr('email.subject')}** {escape(m.subject)}")
        elif m.date:
            markdown(f"*{tr('email.wrote', date=escape(m.date), sender=escape(m.from_))}*")
        else:
            markdown(f"*{tr('email.wrote_nodate', sender=escape(m.from_))}*")
        markdown(unlink(m.body), pack_dir)
