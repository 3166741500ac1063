"""Mastery in words: a lesson's level as a badge, a senior's lessons, what keeps slipping."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...packs import Catalogue
from ...render import label
from ...store.review_items import Item

T = Callable[..., str]
_COLOURS = {"not_started": "gray", "started": "orange", "done": "green", "mastered": "violet"}


def badge(level: str | None, tr: T) -> str:
    "The level as a badge in words (never by colour alone)."
    level = level or "not_started"
    return f":{_COLOURS[level]}-badge[{tr(f'mastery.{level}')}]"


def lessons(levels: dict[tuple[str, str], str], refs: list[tuple[str, str]], cat: Catalogue,
            tr: T) -> None:
    "One line per lesson: its title and level (the lessons wanted, then any started)."
    shown = list(dict.fromkeys([*refs, *levels]))
    lines = []
    for ref in shown:
        lesson = cat.lesson(*ref)
        if lesson is not None:
            lines.append(f"- {label(lesson.title)} {badge(levels.get(ref), tr)}")
    if lines:
        st.subheader(tr("mastery.title"))
        st.markdown("\n".join(lines))


def slipping(items: list[Item], cat: Catalogue, tr: T) -> None:
    "For the mentor: the steps that came back to Again most often."
    st.subheader(tr("slipping.title"))
    lines = []
    for item in items:
        lesson = cat.lesson(item.pack_id, item.lesson_id)
        step = next((s for s in lesson.steps if s.id == item.step_id), None) if lesson else None
        if lesson is None or step is None:
            continue
        name = label(step.title) if step.title else item.step_id
        which = "slipping.line_once" if item.lapses == 1 else "slipping.line"
        lines.append("- " + tr(which, lesson=label(lesson.title), step=name, n=item.lapses))
    if lines:
        st.caption(tr("slipping.help"))
        st.markdown("\n".join(lines))
    else:
        st.caption(tr("slipping.none"))
