"""One renderer per step kind: the senior's area (prompt, answer widgets, Check)."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ... import speech
from ...checking import Outcome, solution_markdown
from ...model import ChoiceStep, DoStep, ExplainStep, OrderStep, PracticeStep, Step, TextStep
from ...render import label, plain_label
from ...store.progress import StepResult
from ..actions import Ctx, help_left, key, on_check, on_do, on_need_help
from .content import markdown, picture

T = Callable[..., str]


def _seeded(ctx: Ctx, step: Step, items: list, avoid_same: bool = False) -> list:
    "A shuffle that stays put across reruns (seeded by run and step)."
    out = list(items)
    rng = random.Random(f"{ctx.run_id}:{step.id}")
    rng.shuffle(out)
    if avoid_same and out == items and len(items) > 1:
        out = out[1:] + out[:1]
    return out


def draw(step: Step, ctx: Ctx, pack_dir: Path, tr: T, solved: bool,
         result: StepResult | None = None) -> None:
    if step.title:
        st.subheader(label(step.title))
    read_aloud(step, ctx, tr)
    if step.image is not None:
        picture(pack_dir / step.image.src, step.image.alt, tr("player.picture_broken"))
        markdown(step.image.alt, pack_dir)  # not st.caption: it links addresses, too pale
    if isinstance(step, ExplainStep):
        markdown(step.body, pack_dir)
    elif isinstance(step, ChoiceStep):
        _choice(step, ctx, pack_dir, tr, solved)
    elif isinstance(step, TextStep):
        _text(step, ctx, pack_dir, tr, solved)
    elif isinstance(step, OrderStep):
        _order(step, ctx, pack_dir, tr, solved)
    elif isinstance(step, DoStep):
        _do(step, ctx, pack_dir, tr, result)
    elif isinstance(step, PracticeStep):
        from .practice import draw_practice

        draw_practice(step, ctx, pack_dir, tr, solved)


def read_aloud(step: Step, ctx: Ctx, tr: T) -> None:
    "Read aloud, Pause and Stop: the browser reads the step in the pack's language."
    words = {w: tr(f"read.{w}") for w in ("group", "play", "pause", "resume", "stop",
                                          "no_voice")}
    st.html(speech.reader_html(speech.step_words(step), ctx.lang, words,
                               f"binome-read-{ctx.run_id}-{step.id}"),
            unsafe_allow_javascript=True)


def _choice(step: ChoiceStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    options = _seeded(ctx, step, step.options) if step.shuffle else list(step.options)
    base = key(ctx, step.id, "answer")
    with st.form(key(ctx, step.id, "form"), border=False, enter_to_submit=False):
        if step.multiple:
            st.markdown(f"**{tr('player.pick_all')}**")
            for o in options:
                # plain: a checkbox's aria-label is its raw label (WCAG 2.5.3 label in name)
                st.checkbox(plain_label(o.text), key=f"{base}.{o.id}")
        else:
            labels = {o.id: label(o.text) for o in options}
            st.radio(tr("player.pick_one"), [o.id for o in options], index=None,
                     format_func=labels.__getitem__, key=base)
        st.form_submit_button(tr("player.check"), type="primary", on_click=on_check,
                              args=(ctx, step), disabled=solved)


def _text(step: TextStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    with st.form(key(ctx, step.id, "form"), border=False):
        st.text_input(tr("player.your_answer"), key=key(ctx, step.id, "answer"),
                      max_chars=2000, autocomplete="off")
        st.form_submit_button(tr("player.check"), type="primary", on_click=on_check,
                              args=(ctx, step), disabled=solved)


def _move(order_key: str, index: int, delta: int) -> None:
    items = st.session_state[order_key]
    j = index + delta
    if 0 <= j < len(items):
        items[index], items[j] = items[j], items[index]


def _order(step: OrderStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    order_key = key(ctx, step.id, "order")
    if order_key not in st.session_state:
        st.session_state[order_key] = [i.id for i in _seeded(ctx, step, step.items, True)]
    texts = {i.id: i.text for i in step.items}
    st.caption(tr("player.order_help"))
    count = len(st.session_state[order_key])
    for n, item_id in enumerate(st.session_state[order_key]):
        with st.container(border=True):
            text_col, up_col, down_col = st.columns([6, 2, 2], vertical_alignment="center")
            text_col.markdown(f"**{n + 1}.** {label(texts[item_id])}")
            up_col.button(tr("player.move_up"), key=f"{order_key}.up.{item_id}",
                          on_click=_move, args=(order_key, n, -1),
                          disabled=solved or n == 0, help=tr("player.move_up_help", n=n + 1),
                          width="stretch")
            down_col.button(tr("player.move_down"), key=f"{order_key}.down.{item_id}",
                            on_click=_move, args=(order_key, n, 1),
                            disabled=solved or n == count - 1,
                            help=tr("player.move_down_help", n=n + 1), width="stretch")
    st.button(tr("player.check"), type="primary", key=key(ctx, step.id, "check"),
              on_click=on_check, args=(ctx, step), disabled=solved)


def _do(step: DoStep, ctx: Ctx, pack_dir: Path, tr: T, result: StepResult | None) -> None:
    markdown(step.task, pack_dir)
    for n, item in enumerate(step.checklist):
        st.checkbox(plain_label(item), key=f"{key(ctx, step.id, 'tick')}.{n}")  # see _choice
    if ctx.mode == "solo":
        asked = bool(st.session_state.get(key(ctx, step.id, "help")))
        hints = result.hints_used if result else 0
        shown = bool(result and result.answer_shown)
        nothing = not step.hints and solution_markdown(step) is None
        more = help_left(step, hints, shown)
        done, help_col = st.columns(2)
        done.button(tr("player.did_it"), type="primary", key=key(ctx, step.id, "done"),
                    on_click=on_do, args=(ctx, step, asked or hints > 0 or shown),
                    width="stretch")
        help_col.button(tr("player.need_more_help" if hints or shown else "player.need_help"),
                        key=key(ctx, step.id, "needhelp"), on_click=on_need_help,
                        args=(ctx, step), disabled=not nothing and more is None,
                        width="stretch")
        if nothing and asked:
            st.info(tr("player.help_alone"),
                    icon=":material/handshake:")  # nothing to show: say what to do


def feedback(outcome: Outcome | None, pack_dir: Path, tr: T) -> None:
    "The result of a check, in words and icon (never by colour alone)."
    if outcome is None:
        return
    params = dict(outcome.params)
    notice = tr(outcome.notice, **params) if outcome.notice else None
    if outcome.status == "correct":
        st.success(f"**{tr('feedback.correct_title')}** {notice or ''}",
                   icon=":material/check_circle:")
    elif outcome.status == "partial":
        st.success(f"**{tr('feedback.partial_title')}** {notice or ''}", icon=":material/thumb_up:")
    elif outcome.status == "wrong":
        st.warning(f"**{tr('feedback.wrong_title')}** {notice or ''}", icon=":material/lightbulb:")
    elif outcome.status == "done":  # a `do` step the senior says they did
        st.success(f"**{tr('feedback.correct_title')}**", icon=":material/check_circle:")
    else:
        st.info(notice or tr("check.blank_text"), icon=":material/info:")
    for text in outcome.feedback:
        markdown(text, pack_dir)


def preview(step: Step, pack_dir: Path, tr: T) -> None:
    "A read-only view of a step for authors: its text, answers, hints and mentor notes."
    from ...checking import solution_markdown

    if step.title:
        st.markdown(f"**{label(step.title)}**")
    body = {"explain": "body", "do": "task"}.get(step.kind, "prompt")
    markdown(getattr(step, body), pack_dir)
    if step.image is not None:
        picture(pack_dir / step.image.src, step.image.alt, tr("player.picture_broken"),
                width=320)
    if isinstance(step, ChoiceStep):
        for o in step.options:
            mark = (f"**{tr('authors.right_option')}**" if o.correct
                    else f"**{tr('authors.wrong_option')}**")
            st.markdown(f"{mark} {label(o.text)}" + (f" — *{label(o.feedback)}*"
                                                      if o.feedback else ""))
    answer = solution_markdown(step)
    if answer and step.kind != "choice":
        st.markdown(f"**{tr('player.the_answer')}**")
        markdown(answer, pack_dir)
    for n, hint in enumerate(step.hints, 1):
        st.markdown(f"**{tr('player.hint_n', n=n)}**: {label(hint)}")
    if step.mentor:
        st.markdown(f"**{tr('coach.watch_for')}**")
        markdown(step.mentor, pack_dir)
