"""The chat practice app on screen: bubbles, a message box, emoji, photos, reactions, voice.

The contact's messages are on the left with their picture and name, the senior's on the
right under "You". What the senior did is kept in session_state (`key(ctx, step.id, "app")`)
as the transcript of actions; each one sent goes to `actions.on_answer` with the whole
transcript, which the engine (`practice/chat.py`) replays to show what comes next.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ....model import ChatStep
from ....practice import chat as engine
from ....render import escape
from ...actions import Ctx, key, on_answer, on_hint
from ..content import markdown, picture

T = Callable[..., str]

# The emoji picker: a small set, each named in words (screen readers read the label).
EMOJIS: tuple[tuple[str, str], ...] = (
    ("👍", "chat.emoji.thumbs_up"),
    ("😀", "chat.emoji.smile"),
    ("😂", "chat.emoji.laughing"),
    ("❤️", "chat.emoji.heart"),
    ("😘", "chat.emoji.kiss"),
    ("🎉", "chat.emoji.party"),
    ("🌸", "chat.emoji.flower"),
    ("🙏", "chat.emoji.thank_you"),
)
# The reactions (the engine's offered set), named in words.
REACTION_WORDS: dict[str, str] = {
    "❤️": "chat.reaction.heart",
    "👍": "chat.reaction.thumbs_up",
    "😂": "chat.reaction.laughing",
    "😮": "chat.reaction.surprised",
    "😢": "chat.reaction.sad",
}
YOU_AVATAR = ":material/person:"
MEMBER_AVATAR = ":material/person:"
# Bubbles as in a phone: theirs grey on the left, yours green on the right (and named:
# never by colour alone).
_CSS = """
<style>
[class*="st-key-chatapp-"] [data-testid="stChatMessage"] {
  border: 1px solid #767676; border-radius: 1rem; padding: .6rem 1rem; color: #111;
}
[class*="st-key-chattheirs-"] [data-testid="stChatMessage"] { background: #f1f3f5 !important; }
[class*="st-key-chatmine-"] [data-testid="stChatMessage"] { background: #dcf8c6 !important; }
</style>
"""


# --- State and callbacks ------------------------------------------------------------


def app_state(ctx: Ctx, step: ChatStep) -> dict[str, Any]:
    "The app's state: the transcript, the photo ready to send, hints shown per turn."
    return st.session_state.setdefault(
        key(ctx, step.id, "app"), {"actions": [], "photo": None, "hints": {}})


def _text_key(ctx: Ctx, step: ChatStep) -> str:
    return key(ctx, step.id, "chat.text")


def _act(ctx: Ctx, step: ChatStep, action: dict[str, Any]) -> None:
    "Add an action to the transcript and check the whole transcript."
    state = app_state(ctx, step)
    state["actions"].append(action)
    on_answer(ctx, step, {"actions": [dict(a) for a in state["actions"]]})


def _send(ctx: Ctx, step: ChatStep) -> None:
    state = app_state(ctx, step)
    text = " ".join(str(st.session_state.get(_text_key(ctx, step)) or "").split())
    action: dict[str, Any] = {}
    if state["photo"]:
        action["photo"] = state["photo"]
    if text:
        action["text"] = text
    if not action:  # nothing to send: a gentle word, not an attempt
        on_answer(ctx, step, {"actions": []})
        return
    st.session_state[_text_key(ctx, step)] = ""
    state["photo"] = None
    _act(ctx, step, action)


def _add_emoji(ctx: Ctx, step: ChatStep, emoji: str) -> None:
    text = str(st.session_state.get(_text_key(ctx, step)) or "")
    st.session_state[_text_key(ctx, step)] = (text + " " if text.strip() else "") + emoji


def _attach(ctx: Ctx, step: ChatStep, photo: str | None) -> None:
    app_state(ctx, step)["photo"] = photo


def _hint(ctx: Ctx, step: ChatStep, turn: int) -> None:
    hints = app_state(ctx, step)["hints"]
    hints[str(turn)] = hints.get(str(turn), 0) + 1  # str: the state is saved as JSON
    on_hint(ctx, step)


# --- Drawing ------------------------------------------------------------------------


def _emoji_or(value: str, default: str) -> str:
    "An author's avatar when it is an emoji (no letters or digits), else the default."
    value = value.strip()
    ok = value and len(value) <= 8 and not any(c.isascii() and c.isalnum() for c in value)
    return value if ok else default


def photo_name(step: ChatStep, name: str) -> str:
    "How a photo is named on screen: its `alt`, else its file name without folders."
    entry = step.photo(name)
    return entry.alt if entry and entry.alt else Path(name).name


def _photo(step: ChatStep, name: str, pack_dir: Path, tr: T, width: int = 260) -> None:
    "A photo: the pack's picture with words that describe it, or a card with its name."
    entry = step.photo(name)
    shown = photo_name(step, name)
    path = engine.photo_file(name, pack_dir)
    if path is not None:
        picture(path, tr("chat.photo_alt", name=shown), tr("player.picture_broken"), width)
        st.caption(escape(shown))
    else:
        with st.container(border=True):
            st.markdown(f"**{escape(Path(name).name)}**")
            if entry and entry.alt:
                st.caption(escape(entry.alt))


def _header(step: ChatStep, tr: T) -> None:
    if step.group is not None:
        st.markdown(f"### {escape(step.group.name)}")
        st.caption(tr("chat.group_members",
                      members=", ".join(escape(m) for m in step.group.members)))
    elif step.contact is not None:
        st.markdown(f"### {escape(step.contact.name)}")
        st.caption(tr("chat.online"))


def _avatar(step: ChatStep) -> str:
    if step.contact is not None:
        return _emoji_or(step.contact.avatar, MEMBER_AVATAR)
    return MEMBER_AVATAR


def _contact_bubble(step: ChatStep, index: int, bubble: engine.Bubble, pack_dir: Path,
                    tr: T, react: Callable[[], None] | None) -> None:
    left, _ = st.columns([5, 1])
    with left, st.container(key=f"chattheirs-{index}"), \
            st.chat_message(bubble.who or step.title_name, avatar=_avatar(step)):
        st.markdown(f"**{escape(bubble.who)}**")
        markdown(bubble.text, pack_dir)
        if bubble.photo:
            _photo(step, bubble.photo, pack_dir, tr)
        if bubble.reaction:
            word = REACTION_WORDS.get(bubble.reaction)
            st.markdown(tr("chat.your_reaction", emoji=bubble.reaction,
                           word=tr(word) if word else ""))
        if react is not None:
            react()


def _my_bubble(step: ChatStep, index: int, bubble: engine.Bubble, pack_dir: Path,
               tr: T) -> None:
    _, right = st.columns([1, 5])
    with right, st.container(key=f"chatmine-{index}"), \
            st.chat_message(tr("chat.you"), avatar=YOU_AVATAR):
        st.markdown(f"**{tr('chat.you')}**")
        if bubble.photo:
            _photo(step, bubble.photo, pack_dir, tr)
        if bubble.text:
            st.markdown(escape(bubble.text))
        if bubble.voice:
            duration = f"0:{engine.VOICE_SECONDS:02d}"
            st.markdown(tr('chat.voice_message', duration=duration))
        st.caption(tr("chat.delivered"))


def _react_control(ctx: Ctx, step: ChatStep, who: str, tr: T) -> Callable[[], None]:
    def react() -> None:
        with st.popover(tr("chat.react"), icon=":material/add_reaction:",
                        help=tr("chat.react_help", name=escape(who))):
            row = st.container(horizontal=True, wrap=True, gap="small")
            for emoji, word in REACTION_WORDS.items():
                row.button(f"{emoji} {tr(word)}", key=f"{key(ctx, step.id, 'chat.react')}.{word}",
                           on_click=_act, args=(ctx, step, {"reaction": emoji}))
    return react


def _hints(ctx: Ctx, step: ChatStep, turn: int, pack_dir: Path, tr: T) -> None:
    "The current turn's hints: one more on each press (recorded as a hint used)."
    hints = step.script[turn].hints
    if not hints:
        return
    shown = app_state(ctx, step)["hints"].get(str(turn), 0)
    for n, hint in enumerate(hints[:shown], 1):
        with st.container(border=True):
            st.markdown(f"**{tr('chat.hint_n', n=n)}**")
            markdown(hint, pack_dir)
    left = len(hints) - shown
    st.button(tr("chat.hint_button", n=shown + 1, total=len(hints)) if left
              else tr("chat.no_more_hints"), key=f"{key(ctx, step.id, 'chat.hint')}.{turn}",
              on_click=_hint, args=(ctx, step, turn), disabled=left <= 0)


def _composer(ctx: Ctx, step: ChatStep, pack_dir: Path, tr: T) -> None:
    "The message box, Send, and the emoji, photo and voice buttons."
    state = app_state(ctx, step)
    base = key(ctx, step.id, "chat")
    if state["photo"]:
        with st.container(border=True):
            st.markdown(tr("chat.photo_ready", name=escape(photo_name(step, state["photo"]))))
            _photo(step, state["photo"], pack_dir, tr, width=160)
            st.button(tr("chat.remove_photo"), key=f"{base}.unattach", on_click=_attach,
                      args=(ctx, step, None))
    with st.form(f"{base}.form", border=False):
        st.text_input(tr("chat.message_label"), key=_text_key(ctx, step), max_chars=1000,
                      placeholder=tr("chat.message_placeholder"), autocomplete="off")
        row = st.container(horizontal=True, wrap=True, gap="small")
        # Send first: Enter in the message box presses the form's first button
        row.form_submit_button(tr("chat.send"), icon=":material/send:", type="primary",
                               key=f"{base}.send",
                               on_click=_send, args=(ctx, step))
        with row.popover(tr("chat.emoji"), icon=":material/mood:", help=tr("chat.emoji_help")):
            grid = st.container(horizontal=True, wrap=True, gap="small")
            for char, word in EMOJIS:
                grid.form_submit_button(f"{char} {tr(word)}", key=f"{base}.emoji.{word}",
                                        on_click=_add_emoji, args=(ctx, step, char))
        if step.gallery:
            with row.popover(tr("chat.photos"), icon=":material/attach_file:",
                             help=tr("chat.photos_help")):
                for n, photo in enumerate(step.gallery):
                    _photo(step, photo.file, pack_dir, tr, width=200)
                    st.form_submit_button(
                        tr("chat.choose_photo", name=escape(photo_name(step, photo.file))),
                        key=f"{base}.photo.{n}", on_click=_attach, args=(ctx, step, photo.file))
        row.form_submit_button(tr("chat.record"), icon=":material/mic:", key=f"{base}.voice",
                               help=tr("chat.record_help"), on_click=_act,
                               args=(ctx, step, {"voice": True}))


def draw(step: ChatStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    played = engine.replay(step, app_state(ctx, step)["actions"])
    open_chat = not solved and not played.done
    last_contact = max((i for i, b in enumerate(played.bubbles) if not b.mine), default=None)
    st.html(_CSS)
    with st.container(border=True, key=f"chatapp-{step.id}"):
        _header(step, tr)
        for i, bubble in enumerate(played.bubbles):
            if bubble.mine:
                _my_bubble(step, i, bubble, pack_dir, tr)
            else:
                react = (_react_control(ctx, step, bubble.who, tr)
                         if open_chat and i == last_contact else None)
                _contact_bubble(step, i, bubble, pack_dir, tr, react)
        if open_chat:
            assert played.turn is not None
            _hints(ctx, step, played.turn, pack_dir, tr)
            _composer(ctx, step, pack_dir, tr)
        else:
            st.markdown(tr("chat.finished"))
