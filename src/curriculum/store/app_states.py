"""The practice apps' state, saved with the run (one JSON row per run and step).

A practice app keeps what the senior did in a plain dict (ids, typed text); it is saved
when it changes and brought back when the step is drawn in a new browser session or after
a server restart.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from . import now, write


def dump(state: dict[str, Any]) -> str:
    "The stored form of an app's state (stable: equal states give equal text)."
    return json.dumps(state, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def save_app_state(db: Database, run_id: int, step_id: str, state: dict[str, Any]) -> None:
    with write(db):
        db.execute("insert into app_states (run_id, step_id, state, updated_at) "
                   "values (?, ?, ?, ?) on conflict (run_id, step_id) do update set "
                   "state = excluded.state, updated_at = excluded.updated_at",
                   [run_id, step_id, dump(state), now()])


def app_state(db: Database, run_id: int, step_id: str) -> dict[str, Any] | None:
    "The saved state of a step's app in a run, or None."
    row = db.execute("select state from app_states where run_id = ? and step_id = ?",
                     [run_id, step_id]).fetchone()
    return json.loads(row[0]) if row else None
