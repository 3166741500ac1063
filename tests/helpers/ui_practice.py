"""Helpers for the practice apps under AppTest (tests/ui/test_practice_*.py): run the
page, open a step of a lesson, read what the senior's attempts recorded.

On the pythonpath (see pyproject.toml) as the browser tests' helpers are: pytest imports
test files with --import-mode=importlib, so they cannot import one another.
"""

from __future__ import annotations

import json
import sqlite3

from curriculum.render import to_html


def ok(at):
    "The AppTest, once it ran without an exception."
    assert not at.exception, at.exception
    return at


def click(at, key: str):
    return ok(at.button(key=key).click().run())


def open_step(make_app, people, step_id: str, *, lesson: str, steps: list[str], **state):
    "The player on step `step_id` of `lesson` (its steps in order), pressing Next to it."
    at = make_app("player", who__senior=people["senior"], player__lesson=lesson, **state)
    for _ in range(steps.index(step_id)):
        click(at, next(b.key for b in at.button if b.key.startswith("player.next")))
    return at


def run_id(db_file) -> int:
    "The latest lesson run."
    with sqlite3.connect(db_file) as conn:
        return conn.execute("select max(id) from runs").fetchone()[0]


def attempts(db_file, step_id: str) -> list[tuple[str, dict]]:
    "(outcome, what the senior did) of each attempt at a step, oldest first."
    with sqlite3.connect(db_file) as conn:
        rows = conn.execute("select outcome, answer from attempts where step_id = ? "
                            "order by id", [step_id]).fetchall()
    return [(outcome, json.loads(answer)) for outcome, answer in rows]


def said(at) -> str:
    "Everything the feedback area says: notices and author feedback (drawn as HTML)."
    parts = [e.value for e in [*at.success, *at.warning, *at.info]]
    parts += [h.proto.body for h in at.get("html")]
    return "\n".join(parts)


def html(markdown: str) -> str:
    "What author Markdown looks like once drawn (the safe renderer's HTML)."
    return to_html(markdown, None, inline=True)
