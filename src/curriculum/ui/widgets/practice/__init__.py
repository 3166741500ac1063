"""The practice apps on screen, one module per kind: each has
`draw(step, ctx, pack_dir, tr, solved)`, keeps the app's state in session_state under
`key(ctx, step.id, "app")`, and sends what the senior did to `actions.on_answer`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ....model import PracticeStep
from ...actions import Ctx
from . import chat, email, social, spreadsheet

WIDGETS = {"email": email, "spreadsheet": spreadsheet, "chat": chat, "social": social}


def draw_practice(step: PracticeStep, ctx: Ctx, pack_dir: Path, tr: Callable[..., str],
                  solved: bool) -> None:
    st.caption(tr('practice.safe'))
    WIDGETS[step.kind].draw(step, ctx, pack_dir, tr, solved)
