"""kind: email (a practice app). Keys: see the issue "Practice apps inside the lessons"."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import FieldRule, PracticeStep


class EmailStep(PracticeStep):
    kind: Literal["email"]
    expect: dict[str, FieldRule] = Field(description="One rule per field; all must hold")
