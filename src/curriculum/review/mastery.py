"""How far a senior is with a lesson: not started, started, done, mastered.

A lesson is mastered when every checked step was done alone on two different days (the
days are taken in UTC from the completion moments)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

LEVELS = ("not_started", "started", "done", "mastered")


def mastered(checked_steps: Iterable[str],
             alone: Iterable[tuple[str, datetime]]) -> bool:
    "`alone`: (step id, when it was done alone). True when each step has two distinct days."
    days: dict[str, set] = {}
    for step_id, moment in alone:
        days.setdefault(step_id, set()).add(moment.date())
    steps = list(checked_steps)
    return bool(steps) and all(len(days.get(s, ())) >= 2 for s in steps)


def level(started: bool, done: bool, is_mastered: bool) -> str:
    if is_mastered and done:
        return "mastered"
    if done:
        return "done"
    return "started" if started else "not_started"
