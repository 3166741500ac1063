"""The end of a lesson: what the senior did alone, with hints, or was shown; time spent."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...model import Lesson
from ...store.progress import Run, StepResult
from ..frame import PAGES

T = Callable[..., str]


def counts(results: dict[str, StepResult]) -> dict[str, int]:
    out = {"alone": 0, "hinted": 0, "helped": 0}
    for r in results.values():
        if r.status == "done" and r.autonomy in out:
            out[r.autonomy] += 1
    return out


def draw(lesson: Lesson, run: Run, results: dict[str, StepResult], name: str, tr: T,
         memo: Callable[[], None] | None = None) -> None:
    st.success(f"**{tr('summary.well_done', name=name)}**", icon=":material/celebration:")
    c = counts(results)
    seconds = sum(r.seconds for r in results.values())
    minutes = max(1, round(seconds / 60)) if seconds else 0
    left, mid, right, time_col = st.columns(4)
    left.metric(tr('autonomy.alone'), c["alone"])
    mid.metric(tr('autonomy.hinted'), c["hinted"])
    right.metric(tr('autonomy.helped'), c["helped"])
    time_col.metric(tr('summary.time'), tr("summary.minutes", n=minutes))
    st.markdown(tr("summary.sentence", alone=c["alone"], hinted=c["hinted"],
                   helped=c["helped"], minutes=minutes))
    open_steps = [s for s in lesson.steps if s.checked
                  and (s.id not in results or results[s.id].status != "done")]
    if open_steps:
        st.info(tr("summary.skipped", n=len(open_steps)), icon=":material/info:")
    if memo is not None:
        memo()
    st.page_link(PAGES / "catalogue.py", label=tr("summary.back"), icon=":material/menu_book:")
    st.button(tr("summary.again"), key="summary.again", on_click=_again)


def _again() -> None:
    "Forget this run in the page, so the next view opens a fresh one."
    st.session_state.pop("player.run_for", None)
