"""kind: social (a practice app). Keys: see the issue "Practice apps inside the lessons"."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import FieldRule, PracticeStep


class SocialStep(PracticeStep):
    kind: Literal["social"]
    expect: dict[str, FieldRule] = Field(description="One rule per field; all must hold")
