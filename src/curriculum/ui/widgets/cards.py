"""A lesson in the catalogue: title, level in words (not started to mastered), goal,
minutes, what to do first."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...model import Lesson
from ...packs import Catalogue, LoadedPack
from ...render import label
from .mastery import badge as mastery_badge

T = Callable[..., str]


def lesson_card(cat: Catalogue, lp: LoadedPack, lesson: Lesson,
                states: dict[tuple[str, str], str], tr: T,
                on_open: Callable[[str], None]) -> bool:
    "Draw one lesson; True when its Start/Continue button was pressed."
    ref = f"{lp.id}/{lesson.id}"
    status = states.get((lp.id, lesson.id))
    with st.container(border=True):
        text, action = st.columns([4, 1], vertical_alignment="center")
        badge = mastery_badge(status, tr)
        minutes = tr("catalogue.minutes", n=lesson.minutes) if lesson.minutes else ""
        text.markdown(f"**{label(lesson.title)}** {badge}  \n"
                      + tr("player.goal", goal=label(lesson.goal)) + f"  \n{minutes}")
        refs = [tuple(r.split("/")) if "/" in r else (lp.id, r) for r in lesson.requires]
        missing = [cat.lesson(*r) for r in refs if states.get(r) not in ("done", "mastered")]  # type: ignore[arg-type]
        if any(missing):
            titles = ", ".join(label(m.title) for m in missing if m)
            text.caption(tr("catalogue.first", lessons=titles))
        text_label = tr("catalogue.resume") if status == "started" else tr("catalogue.start")
        return action.button(text_label, key=f"catalogue.open.{ref}", type="primary",
                             on_click=on_open, args=(ref,), width="stretch",
                             help=f"{text_label}: {label(lesson.title)}")
