"""The hint ladder, the answer, and the mentor's coach panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ...checking import solution_markdown
from ...model import AUTONOMY_LEVELS, Lesson, Step
from ...store.progress import StepResult
from .. import state
from ..actions import Ctx, key, on_autonomy, on_hint, on_show_answer
from .content import markdown

T = Callable[..., str]


def revealed(step: Step, result: StepResult | None, pack_dir: Path, tr: T) -> None:
    "In the senior's area: the hints given so far, and the answer once shown."
    hints = result.hints_used if result else 0
    for n, hint in enumerate(step.hints[:hints], 1):
        with st.container(border=True):
            st.markdown(f"**{tr('player.hint_n', n=n)}**")
            markdown(hint, pack_dir)
    if result and result.answer_shown:
        answer = solution_markdown(step)
        if answer:
            with st.container(border=True):
                st.markdown(f"**{tr('player.the_answer')}**")
                markdown(answer, pack_dir)


def help_buttons(step: Step, ctx: Ctx, result: StepResult | None, tr: T,
                 where: str) -> None:
    "Next hint and show-the-answer buttons (senior's area when alone, coach panel in pairs)."
    hints = result.hints_used if result else 0
    shown = bool(result and result.answer_shown)
    done = bool(result and result.status == "done")
    if step.hints:
        left = len(step.hints) - hints
        text = (tr("coach.next_hint", n=hints + 1, total=len(step.hints)) if where == "coach"
                else tr("player.show_hint", n=hints + 1, total=len(step.hints)))
        st.button(text if left else tr("player.no_more_hints"), key=key(ctx, step.id, "hint"),
                  on_click=on_hint, args=(ctx, step), disabled=left <= 0 or done,
                  width="stretch")
    if solution_markdown(step) is not None and step.kind != "explain":
        st.button(tr("player.show_answer"), key=key(ctx, step.id, "answer_btn"),
                  on_click=on_show_answer, args=(ctx, step), disabled=shown or done,
                  width="stretch")


def panel(lesson: Lesson, step: Step, ctx: Ctx, result: StepResult | None,
          senior_name: str, pack_dir: Path, tr: T, first: bool) -> None:
    "The junior's coach panel: notes, hints, the answer, and how the senior did."
    with st.container(border=True):
        st.subheader(tr('coach.title'))
        if first and lesson.mentor_intro:
            st.markdown(f"**{tr('coach.before_you_start')}**")
            markdown(lesson.mentor_intro, pack_dir)
        if step.mentor:
            st.markdown(f"**{tr('coach.watch_for')}**")
            markdown(step.mentor, pack_dir)
        help_buttons(step, ctx, result, tr, "coach")
        if step.checked or step.kind == "do":
            _autonomy(step, ctx, result, senior_name, tr)


def _autonomy(step: Step, ctx: Ctx, result: StepResult | None, senior_name: str,
              tr: T) -> None:
    widget = key(ctx, step.id, "autonomy")
    if result is None or result.autonomy_by != "mentor":
        st.session_state[widget] = result.autonomy if result else None
    st.radio(tr("coach.how_did", name=senior_name), AUTONOMY_LEVELS, key=state.labelled(widget),
             format_func=lambda a: tr(f"autonomy.{a}"), on_change=on_autonomy,
             args=(ctx, step))
    if result and result.autonomy and result.autonomy_by != "mentor":
        st.caption(tr("coach.inferred", level=tr(f"autonomy.{result.autonomy}")))
