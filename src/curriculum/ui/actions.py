"""What the player's buttons do (Streamlit callbacks): call the core, write the store.

Each callback gets a `Ctx` (ids only, plus the step model) and keeps what the page must
show next in session_state under keys built by `key()`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import BaseModel

from .. import clock, today
from ..checking import Outcome, check, infer_autonomy, solution_markdown
from ..errors import DiskFullError
from ..model import Lesson, Step
from ..review.schedule import Try
from ..store import progress, session
from .state import error_text


@dataclass(frozen=True)
class Ctx:
    run_id: int
    person_id: int
    session_id: int | None
    pack_id: str
    lesson_id: str
    mode: str
    lang: str = "en"  # the pack's language (for checking: decimal comma, function names)


LAST_EVENT = "player.last_event"  # ("check" | "move", n): what the page brings into view


def _event(kind: str) -> None:
    count = st.session_state.get(LAST_EVENT, ("", 0))[1] + 1
    st.session_state[LAST_EVENT] = (kind, count)


def key(ctx: Ctx, step_id: str, what: str) -> str:
    return f"player.{what}.{ctx.run_id}.{step_id}"


def shown_since(ctx: Ctx, step_id: str) -> float:
    "When this step was first shown in this browser session (for durations)."
    return st.session_state.setdefault(key(ctx, step_id, "shown"), time.monotonic())


def _elapsed(ctx: Ctx, step_id: str) -> float:
    return time.monotonic() - shown_since(ctx, step_id)


def answer_of(ctx: Ctx, step: Step) -> Any:
    "Read the answer from the step's widgets in session_state."
    base = key(ctx, step.id, "answer")
    if step.kind == "choice":
        if step.multiple:  # type: ignore[union-attr]
            return [o.id for o in step.options  # type: ignore[union-attr]
                    if st.session_state.get(f"{base}.{o.id}")]
        picked = st.session_state.get(base)
        return [picked] if picked else []
    if step.kind == "order":
        return list(st.session_state.get(key(ctx, step.id, "order"), []))
    return st.session_state.get(base, "")


def on_check(ctx: Ctx, step: Step) -> None:
    "Check what the senior entered in the step's widgets."
    on_answer(ctx, step, answer_of(ctx, step))


def on_answer(ctx: Ctx, step: Step, answer: Any) -> None:
    "Check an answer (for practice apps: what the senior did, as a dict), record it."
    outcome = check(step, answer, ctx.lang)
    st.session_state[key(ctx, step.id, "outcome")] = outcome
    _event("check")
    if not outcome.counts:
        return
    try:
        _record(ctx, step, answer, outcome)
    except DiskFullError as exc:  # nothing was saved: say so instead of a crash
        st.session_state.pop(key(ctx, step.id, "outcome"), None)
        st.session_state[key(ctx, step.id, "error")] = error_text(exc)


def _said_in_words(callback: Callable[..., None]) -> Callable[..., None]:
    "A player button on a full disk: the step says so in words (nothing saved is lost)."

    @functools.wraps(callback)
    def run(ctx: Ctx, *args: Any) -> None:
        try:
            callback(ctx, *args)
        except DiskFullError as exc:
            step = next(a for a in args if isinstance(a, BaseModel) and hasattr(a, "kind"))
            st.session_state[key(ctx, step.id, "error")] = error_text(exc)

    return run


def _record(ctx: Ctx, step: Step, answer: Any, outcome: Outcome) -> None:
    with session() as db:
        state = progress.step_results(db, ctx.run_id).get(step.id)
        hints = state.hints_used if state else 0
        shown = state.answer_shown if state else False
        autonomy = infer_autonomy(hints, shown)
        progress.record_attempt(db, progress.Attempt(
            ctx.run_id, ctx.person_id, ctx.pack_id, ctx.lesson_id, step.id, answer,
            outcome.status, outcome.rule, hints, shown, autonomy,
            int(_elapsed(ctx, step.id) * 1000), ctx.session_id))
        if outcome.correct:
            progress.complete_step(db, ctx.run_id, step.id, autonomy, int(_elapsed(ctx, step.id)))
            if state is None or state.status != "done":
                _review(db, ctx, step, Try(hints, shown, True, bool(state and state.attempts)))


def _review(db: Any, ctx: Ctx, step: Step, done: Try) -> None:
    "A checked step ended: grade it for today's practice (a senior's own tries only)."
    today.record_try(db, ctx.person_id, ctx.pack_id, ctx.lesson_id, step, done, clock.now())


def leave_unsolved(db: Any, ctx: Ctx, step: Step) -> None:
    "Moving on from a checked step that is not done: shown or never right is graded Again."
    state = progress.step_results(db, ctx.run_id).get(step.id)
    if step.checked and state is not None and state.status != "done" and (
            state.answer_shown or state.attempts):
        _review(db, ctx, step, Try(state.hints_used, state.answer_shown, False,
                                   bool(state.attempts)))


@_said_in_words
def on_hint(ctx: Ctx, step: Step) -> None:
    with session() as db:
        progress.record_hint(db, ctx.run_id, step.id)


@_said_in_words
def on_show_answer(ctx: Ctx, step: Step) -> None:
    with session() as db:
        progress.record_answer_shown(db, ctx.run_id, step.id)


@_said_in_words
def on_autonomy(ctx: Ctx, step: Step) -> None:
    value = st.session_state.get(key(ctx, step.id, "autonomy"))
    if value:
        with session() as db:
            progress.set_autonomy(db, ctx.run_id, step.id, value, by="mentor")


@_said_in_words
def on_do(ctx: Ctx, step: Step, needed_help: bool) -> None:
    "A senior alone says 'I did it' (True: after asking for help)."
    with session() as db:
        state = progress.step_results(db, ctx.run_id).get(step.id)
        hints = state.hints_used if state else 0
        autonomy = infer_autonomy(hints, False, helped=needed_help)
        progress.complete_step(db, ctx.run_id, step.id, autonomy, int(_elapsed(ctx, step.id)))
    st.session_state[key(ctx, step.id, "outcome")] = Outcome("done")  # said in words
    _event("check")


def help_left(step: Step, hints_used: int, answer_shown: bool) -> str | None:
    "What 'I need help' shows next alone: 'hint', 'answer', or None when all is shown."
    if hints_used < len(step.hints):
        return "hint"
    if not answer_shown and solution_markdown(step) is not None:
        return "answer"
    return None


@_said_in_words
def on_need_help(ctx: Ctx, step: Step) -> None:
    "Alone: the step's hints one at a time, then its solution (the page says what is shown)."
    st.session_state[key(ctx, step.id, "help")] = True
    with session() as db:
        state = progress.step_results(db, ctx.run_id).get(step.id)
        nxt = help_left(step, state.hints_used if state else 0,
                        bool(state and state.answer_shown))
        if nxt == "hint":
            progress.record_hint(db, ctx.run_id, step.id)
        elif nxt == "answer":
            progress.record_answer_shown(db, ctx.run_id, step.id)


@_said_in_words
def on_move(ctx: Ctx, lesson: Lesson, step: Step, delta: int) -> None:
    "Next (+1) or back (-1). Leaving a step finishes it when it can be finished."
    _event("move")
    with session() as db:
        if delta > 0:
            leave_unsolved(db, ctx, step)
        state = progress.step_results(db, ctx.run_id).get(step.id)
        if delta > 0 and (state is None or state.status != "done"):
            hints = state.hints_used if state else 0
            shown = state.answer_shown if state else False
            if step.kind == "do" and ctx.mode == "solo":
                pass  # alone, only "I did it" finishes a task done for real
            elif not step.checked:
                helped = st.session_state.get(key(ctx, step.id, "help"), False)
                autonomy = (infer_autonomy(hints, shown, helped)
                            if step.kind == "do" else None)
                progress.complete_step(db, ctx.run_id, step.id, autonomy,
                                       int(_elapsed(ctx, step.id)))
            elif shown:
                progress.complete_step(db, ctx.run_id, step.id, "helped",
                                       int(_elapsed(ctx, step.id)))
        index = lesson.index_of(step.id) + delta
        if index >= len(lesson.steps):
            progress.complete_run(db, ctx.run_id)
        else:
            progress.set_current_step(db, ctx.run_id, lesson.steps[max(0, index)].id)


TODAY_PLAN = "today.plan"  # senior id -> the ids of today's items, fixed for the session
TODAY_INDEX = "today.index"  # senior id -> how many of them are behind


def on_today_next(ctx: Ctx, step: Step) -> None:
    "Today's practice: leave this item (graded if it was tried) for the next one."
    _event("move")
    with session() as db:
        leave_unsolved(db, ctx, step)
    index = st.session_state.setdefault(TODAY_INDEX, {})
    index[ctx.person_id] = index.get(ctx.person_id, 0) + 1
