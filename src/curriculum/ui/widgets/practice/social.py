"""The social practice app on screen: a feed of cards, a composer, a settings page.

What the senior did lives in `st.session_state[key(ctx, step.id, "app")]` (see
`practice.social_app`); what is only on screen (the photo picked for a draft, the comment
or report box that is open) lives under `key(ctx, step.id, "social.ui")`. Posting, reporting,
saving (and, in a react task, liking and commenting) send the answer to `on_answer`.
`scam` and `fake` are never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ....model.social import AUDIENCES, SETTINGS, Post, SocialStep
from ....practice import social_app
from ....render import escape, label
from ...actions import Ctx, key, on_answer
from ..content import markdown, picture
from .what_is import what_is

T = Callable[..., str]

_CSS = """
<style>
[class*="st-key-social-app-"] { background: #e9edf2; border-radius: .75rem; padding: .75rem; }
[class*="st-key-social-card"], [class*="st-key-social-box-"] {
  background: #ffffff; border: 1px solid #6b7280; border-radius: .75rem; padding: .75rem;
}
[class*="st-key-social-card"] img, [class*="st-key-social-box-"] img {
  border-radius: .5rem; border: 1px solid #6b7280;
}
</style>
"""


def _k(ctx: Ctx, step: SocialStep, what: str) -> str:
    return key(ctx, step.id, f"social.{what}")


def _state(ctx: Ctx, step: SocialStep) -> dict[str, Any]:
    return st.session_state.setdefault(key(ctx, step.id, "app"), social_app.new_state(step))


def _ui(ctx: Ctx, step: SocialStep) -> dict[str, Any]:
    return st.session_state.setdefault(_k(ctx, step, "ui"), {
        "photo": None, "gallery": False, "comment": None, "report": None, "sent": None})


def _set_state(ctx: Ctx, step: SocialStep, state: dict[str, Any]) -> None:
    st.session_state[key(ctx, step.id, "app")] = state


def _send(ctx: Ctx, step: SocialStep, state: dict[str, Any], action: str,
          where: str | None = None) -> str:
    "Check what the senior did; the outcome's status. `where`: the place to point from."
    _ui(ctx, step)["sent"] = where
    on_answer(ctx, step, social_app.answer(step, state, action))
    outcome = st.session_state.get(key(ctx, step.id, "outcome"))
    return outcome.status if outcome is not None else "invalid"


def _forget_outcome(ctx: Ctx, step: SocialStep) -> None:
    "What was said about an earlier try no longer applies once it is undone."
    st.session_state.pop(key(ctx, step.id, "outcome"), None)


# --- callbacks ----------------------------------------------------------------------------


def _on_like(ctx: Ctx, step: SocialStep, post_id: str) -> None:
    state = social_app.toggle_like(_state(ctx, step), post_id)
    _set_state(ctx, step, state)
    if step.task == "react":
        if post_id in state["liked"]:
            _send(ctx, step, state, "like", post_id)
        else:
            _forget_outcome(ctx, step)


def _on_open(ctx: Ctx, step: SocialStep, box: str, post_id: str | None) -> None:
    ui = _ui(ctx, step)
    ui[box] = None if ui.get(box) == post_id else post_id
    if box == "comment":
        ui["report"] = None
    elif box == "report":
        ui["comment"] = None


def _on_comment(ctx: Ctx, step: SocialStep, post_id: str) -> None:
    text_key = _k(ctx, step, f"ctext.{post_id}")
    text = st.session_state.get(text_key) or ""
    if not text.strip():
        return
    state = social_app.add_comment(_state(ctx, step), post_id, text)
    _set_state(ctx, step, state)
    st.session_state[text_key] = ""
    _ui(ctx, step)["comment"] = None
    if step.task == "react":
        _send(ctx, step, state, "comment", post_id)


def _on_report(ctx: Ctx, step: SocialStep, post_id: str) -> None:
    reason = st.session_state.get(_k(ctx, step, f"reason.{post_id}")) or "other"
    state = social_app.report(_state(ctx, step), post_id, reason)
    _set_state(ctx, step, state)
    _ui(ctx, step)["report"] = None
    if step.task == "spot":
        _send(ctx, step, state, "report", post_id)


def _on_undo_report(ctx: Ctx, step: SocialStep, post_id: str) -> None:
    _set_state(ctx, step, social_app.undo_report(_state(ctx, step), post_id))
    if step.task == "spot":
        _forget_outcome(ctx, step)


def _on_done(ctx: Ctx, step: SocialStep) -> None:
    _send(ctx, step, _state(ctx, step), "done")


def _on_pick_photo(ctx: Ctx, step: SocialStep, src: str | None) -> None:
    ui = _ui(ctx, step)
    ui["photo"] = src
    ui["gallery"] = False


def _on_gallery(ctx: Ctx, step: SocialStep) -> None:
    ui = _ui(ctx, step)
    ui["gallery"] = not ui["gallery"]


def _on_post(ctx: Ctx, step: SocialStep) -> None:
    ui = _ui(ctx, step)
    text = st.session_state.get(_k(ctx, step, "text")) or ""
    audience = st.session_state.get(_k(ctx, step, "audience")) or social_app.start_audience(step)
    posted = social_app.publish(_state(ctx, step), text, ui["photo"], audience)
    if _send(ctx, step, posted, "post", "composer") == "invalid":
        return  # an empty post is not posted: the notice says what to do
    _set_state(ctx, step, posted)
    st.session_state[_k(ctx, step, "text")] = ""
    st.session_state[_k(ctx, step, "audience")] = social_app.start_audience(step)
    ui.update(photo=None, gallery=False)


def _on_change_post(ctx: Ctx, step: SocialStep, post_id: str) -> None:
    "Take the senior's post back into the composer, to change it and post it again."
    state, post = social_app.unpublish(_state(ctx, step), post_id)
    if post is None:
        return
    _set_state(ctx, step, state)
    st.session_state[_k(ctx, step, "text")] = post["text"]
    st.session_state[_k(ctx, step, "audience")] = post["audience"]
    _ui(ctx, step).update(photo=post["photo"], gallery=False)
    _forget_outcome(ctx, step)


def _on_save(ctx: Ctx, step: SocialStep, names: list[str]) -> None:
    values = {n: st.session_state.get(_k(ctx, step, f"set.{n}")) for n in names}
    state = social_app.save_settings(_state(ctx, step), values)
    _send(ctx, step, state, "save")
    _set_state(ctx, step, state)


def _preset(widget: str, value: Any) -> None:
    "A widget's first value, set through session_state (callbacks change it there too)."
    st.session_state.setdefault(widget, value)


def _pointer(ctx: Ctx, step: SocialStep, tr: T, where: str) -> None:
    "Under what the senior just did: where the lesson's message is (below the feed)."
    if _ui(ctx, step).get("sent") == where and \
            st.session_state.get(key(ctx, step.id, "outcome")) is not None:
        st.markdown(f"**{tr('social.see_below')}**")


# --- drawing ------------------------------------------------------------------------------


def draw(step: SocialStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    st.html(_CSS)
    _state(ctx, step)
    with st.container(key=f"social-app-{step.id}"):
        st.markdown(f"#### {tr('social.app_name')}")
        if step.task == "settings":
            _settings(step, ctx, tr, solved)
            return
        if step.task == "post":
            _composer(step, ctx, pack_dir, tr, solved)
        _feed(step, ctx, pack_dir, tr, solved)
        if step.task == "spot":
            st.button(tr('social.done_looking'), icon=":material/check_circle:", key=_k(ctx, step,
                                                                                     "done"),
                      type="primary", on_click=_on_done, args=(ctx, step), disabled=solved,
                      width="stretch")


def _image(src: str, alt: str, pack_dir: Path, width: int | str = 420) -> None:
    path = pack_dir / social_app.image_path(src, pack_dir)
    if path.is_file():
        picture(path, alt, width=width)
    else:  # the validator reports it; the app still works
        st.markdown(f"*{escape(alt)}*")


def _composer(step: SocialStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    ui = _ui(ctx, step)
    with st.container(key=f"social-box-composer-{step.id}"):
        st.markdown(f"**{tr('social.create_post')}**")
        _preset(_k(ctx, step, "text"), "")
        st.text_area(tr("social.write_label"), None, key=_k(ctx, step, "text"), max_chars=2000,
                     placeholder=tr("social.write_placeholder"), disabled=solved, height=120)
        if ui["photo"]:
            alt = social_app.gallery_alt(step, ui["photo"])
            st.markdown(f"**{tr('social.your_photo')}**")
            _image(ui["photo"], alt, pack_dir, width=240)
            st.caption(escape(alt))
            st.button(tr('social.remove_photo'), icon=":material/close:", key=_k(ctx, step,
                                                                                 "nophoto"),
                      on_click=_on_pick_photo, args=(ctx, step, None), disabled=solved)
        elif step.gallery:
            st.button(tr('social.close_gallery' if ui['gallery'] else 'social.add_photo'),
                      icon=":material/photo_camera:",
                      key=_k(ctx, step, "gallery"), on_click=_on_gallery, args=(ctx, step),
                      disabled=solved)
            if ui["gallery"]:
                _gallery(step, ctx, pack_dir, tr, solved)
        widget = _k(ctx, step, "audience")
        _preset(widget, social_app.start_audience(step))
        st.radio(tr("social.audience_label"), AUDIENCES, key=widget, index=None,
                 format_func=lambda a: tr('social.value.' + a),
                 captions=[tr(f"social.audience_help.{a}") for a in AUDIENCES],
                 disabled=solved)
        st.button(tr('social.post'), icon=":material/send:", key=_k(ctx, step, "post"),
                  type="primary",
                  on_click=_on_post, args=(ctx, step), disabled=solved, width="stretch")
        _pointer(ctx, step, tr, "composer")


def _gallery(step: SocialStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    st.markdown(f"**{tr('social.pick_photo')}**")
    photos = st.container(horizontal=True, wrap=True)
    for n, entry in enumerate(step.gallery):
        src = social_app.photo_src(entry)
        alt = social_app.photo_alt(entry)
        with photos, st.container(border=True, width=260):
            _image(src, alt, pack_dir, width="stretch")
            st.markdown(escape(alt))
            st.button(tr('social.choose_photo'), icon=":material/check:", key=_k(ctx, step,
                                                                              f"pick.{n}"),
                      on_click=_on_pick_photo, args=(ctx, step, src), disabled=solved,
                      width="stretch")


def _feed(step: SocialStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    state = _state(ctx, step)
    st.markdown(f"**{tr('social.feed')}**")
    for mine in state["posts"]:
        _my_post(step, ctx, mine, pack_dir, tr, solved)
    for post in step.feed:
        if post.id in state["reports"]:
            _reported(step, ctx, post, tr, solved)
        else:
            _card(step, ctx, post, pack_dir, tr, solved)


def _count(tr: T, name: str, n: int) -> str:
    return tr(f"social.{name}_one" if n == 1 else f"social.{name}_many", n=n)


def _my_post(step: SocialStep, ctx: Ctx, mine: dict[str, Any], pack_dir: Path, tr: T,
             solved: bool) -> None:
    with st.container(key=f"social-card_{mine['id']}"):  # "_": never in an author's id
        audience = mine["audience"]
        st.markdown(f"**{tr('social.you')}**  \n"
                    f"{tr('social.just_now')} · "
                    f"{tr('social.value.' + audience)}")
        if mine["text"]:
            st.markdown(escape(mine["text"]))
        if mine["photo"]:
            _image(mine["photo"], social_app.gallery_alt(step, mine["photo"]), pack_dir)
        st.button(tr('social.change_post'), icon=":material/edit:", key=_k(ctx, step,
                                                                        f"change.{mine['id']}"),
                  on_click=_on_change_post, args=(ctx, step, mine["id"]), disabled=solved)


def _card(step: SocialStep, ctx: Ctx, post: Post, pack_dir: Path, tr: T,
          solved: bool) -> None:
    state, ui = _state(ctx, step), _ui(ctx, step)
    liked = post.id in state["liked"]
    mine = [c["text"] for c in state["comments"] if c["post"] == post.id]
    with st.container(key=f"social-card-{post.id}"):
        details = [tr("social.sponsored")] if post.sponsored else []
        details += [escape(post.time)] if post.time else []
        st.markdown(f"**{escape(post.author)}**" +
                    (f"  \n{' · '.join(details)}" if details else ""))
        if post.sponsored:
            what_is(tr("social.sponsored_what"), tr("social.sponsored_help"))
        markdown(post.text, pack_dir)
        if post.link:
            st.markdown(f"{tr('social.link')} **{escape(post.link)}**")
        if post.image:
            _image(post.image, social_app.photo_alt(post.image, post.alt), pack_dir)
        likes = post.likes + (1 if liked else 0)
        comments = len(post.comments) + len(mine)
        st.markdown(f"{_count(tr, 'likes', likes)} · "
                    f"{_count(tr, 'comments', comments)}")
        actions = st.container(horizontal=True, wrap=True)
        actions.button(tr('social.liked' if liked else 'social.like'), icon=":material/thumb_up:",
                       key=_k(ctx, step, f"like.{post.id}"),
                       type="primary" if liked else "secondary", on_click=_on_like,
                       args=(ctx, step, post.id), disabled=solved)
        actions.button(tr('social.comment'), icon=":material/chat:", key=_k(ctx, step,
                                                                         f"comment.{post.id}"),
                       on_click=_on_open, args=(ctx, step, "comment", post.id),
                       disabled=solved)
        actions.button(tr('social.report'), icon=":material/flag:", key=_k(ctx, step,
                                                                        f"report.{post.id}"),
                       on_click=_on_open, args=(ctx, step, "report", post.id),
                       disabled=solved)
        for c in post.comments:
            st.markdown(f"**{escape(c.author)}**: {label(c.text)}")
        for text in mine:
            st.markdown(f"**{tr('social.you')}**: {escape(text)}")
        _pointer(ctx, step, tr, post.id)
        if ui["comment"] == post.id and not solved:
            _comment_box(step, ctx, post, tr)
        if ui["report"] == post.id and not solved:
            _report_box(step, ctx, post, tr)


def _comment_box(step: SocialStep, ctx: Ctx, post: Post, tr: T) -> None:
    with st.form(_k(ctx, step, f"cform.{post.id}"), border=True):
        text_key = _k(ctx, step, f"ctext.{post.id}")
        _preset(text_key, "")
        st.text_input(tr("social.write_comment", name=escape(post.author)), None,
                      key=text_key, max_chars=1000,
                      autocomplete="off")
        st.form_submit_button(tr('social.send_comment'), icon=":material/send:", type="primary",
                              on_click=_on_comment, args=(ctx, step, post.id))


def _report_box(step: SocialStep, ctx: Ctx, post: Post, tr: T) -> None:
    with st.container(border=True):
        st.radio(tr("social.report_why"), social_app.REPORT_REASONS, index=None,
                 key=_k(ctx, step, f"reason.{post.id}"),
                 format_func=lambda r: tr('social.reason.' + r))
        buttons = st.container(horizontal=True, wrap=True)
        buttons.button(tr('social.send_report'), icon=":material/flag:",
                       key=_k(ctx, step, f"sendreport.{post.id}"), type="primary",
                       on_click=_on_report, args=(ctx, step, post.id))
        buttons.button(tr("social.cancel"), key=_k(ctx, step, f"cancel.{post.id}"),
                       on_click=_on_open, args=(ctx, step, "report", post.id))


def _reported(step: SocialStep, ctx: Ctx, post: Post, tr: T, solved: bool) -> None:
    with st.container(key=f"social-card-{post.id}"):
        st.markdown(tr('social.reported', name=escape(post.author)))
        st.button(tr("social.undo_report"), key=_k(ctx, step, f"undo.{post.id}"),
                  on_click=_on_undo_report, args=(ctx, step, post.id), disabled=solved)
        _pointer(ctx, step, tr, post.id)


def shown_settings(step: SocialStep) -> list[str]:
    "The settings on the page: those the step names (all of them if it names none)."
    named = set(step.settings.model_dump(exclude_none=True)) if step.settings else set()
    named |= set(step.expect) | {f for fb in step.feedback for f in fb.when}
    return [n for n in SETTINGS if n in named] or list(SETTINGS)


def _settings(step: SocialStep, ctx: Ctx, tr: T, solved: bool) -> None:
    state = _state(ctx, step)
    names = shown_settings(step)
    with st.container(key=f"social-box-settings-{step.id}"):
        st.markdown(f"**{tr('social.settings_title')}**")
        for name in names:
            values = SETTINGS[name]
            widget = _k(ctx, step, f"set.{name}")
            _preset(widget, state["settings"][name])
            st.radio(tr(f"social.set.{name}"), values, key=widget, index=None,
                     format_func=lambda v: tr(f"social.value.{v}"),
                     captions=[tr(f"social.set.{name}.{v}") for v in values],
                     disabled=solved)
        st.button(tr('social.save'), icon=":material/save:", key=_k(ctx, step, "save"),
                  type="primary",
                  on_click=_on_save, args=(ctx, step, names), disabled=solved,
                  width="stretch")
