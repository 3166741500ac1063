"""The social practice app's engine (pure). To be completed: see the practice-apps issue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..checking import Outcome
from ..model import SocialStep
from .fields import Found, check_fields, rule_fields_problems

FIELDS: tuple[str, ...] = (
    "text",
    "photo",
    "audience",
    "flagged",
    "liked",
    "comments",
    "profile",
    "tag_review",
)


def check(step: SocialStep, answer: Any, lang: str = "en") -> Outcome:
    if not isinstance(answer, dict):
        return Outcome("invalid", notice="check.unreadable")
    return check_fields(step, step.expect, answer)


def problems(step: SocialStep, folder: Path) -> Iterator[Found]:
    yield from rule_fields_problems(step, step.expect, FIELDS)


def selftest(step: SocialStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    yield from ()


def solution_markdown(step: SocialStep) -> str | None:
    return step.solution
