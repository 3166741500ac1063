"""The practice apps on screen, one module per kind: each has
`draw(step, ctx, pack_dir, tr, solved)`, keeps the app's state in session_state under
`key(ctx, step.id, "app")`, and sends what the senior did to `actions.on_answer`.

That state (and the app's own text boxes, keyed `<app key>.<name>`) is saved with the run
when it changes, and brought back when the step is first drawn in a new browser session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ....model import PracticeStep
from ....store import app_states, session
from ...actions import Ctx, key
from . import chat, email, social, spreadsheet

WIDGETS = {"email": email, "spreadsheet": spreadsheet, "chat": chat, "social": social}


def _snapshot(app: str) -> dict[str, Any]:
    "The app's state and its own text boxes, as saved."
    prefix = f"{app}."
    fields = {k[len(prefix):]: v for k, v in st.session_state.items()
              if isinstance(k, str) and k.startswith(prefix) and isinstance(v, str)}
    return {"app": st.session_state.get(app), "fields": fields}


def _restore(ctx: Ctx, step: PracticeStep, app: str, saved_key: str) -> None:
    "On the first draw in this browser session: the state saved with the run, if any."
    with session() as db:
        saved = app_states.app_state(db, ctx.run_id, step.id)
    if saved and saved.get("app") is not None:
        st.session_state[app] = saved["app"]
        for name, value in saved.get("fields", {}).items():
            st.session_state[f"{app}.{name}"] = value
    st.session_state[saved_key] = app_states.dump(_snapshot(app))


def _save_if_changed(ctx: Ctx, step: PracticeStep, app: str, saved_key: str) -> None:
    "Written only when the state changed since it was last saved or read (cheap reruns)."
    if st.session_state.get(app) is None:
        return
    snapshot = _snapshot(app)
    text = app_states.dump(snapshot)
    if text != st.session_state.get(saved_key):
        with session() as db:
            app_states.save_app_state(db, ctx.run_id, step.id, snapshot)
        st.session_state[saved_key] = text


def draw_practice(step: PracticeStep, ctx: Ctx, pack_dir: Path, tr: Callable[..., str],
                  solved: bool) -> None:
    app, saved_key = key(ctx, step.id, "app"), key(ctx, step.id, "app_saved")
    if saved_key not in st.session_state:
        _restore(ctx, step, app, saved_key)
    st.caption(tr('practice.safe'))
    WIDGETS[step.kind].draw(step, ctx, pack_dir, tr, solved)
    _save_if_changed(ctx, step, app, saved_key)
