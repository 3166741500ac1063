"""The lesson-pack types: the single source of truth for the format (and its JSON Schema).

Every model is frozen and forbids unknown keys, so a misspelt key is reported to the
author instead of being silently ignored. Keys follow ``docs/lesson-format.md``
(format 1); extensions are marked as such in their descriptions.

- base.py: text types, the rule language, images, the step bases
- basic.py: explain, choice, text, order, do
- email.py, spreadsheet.py, chat.py, social.py: the practice apps
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, PositiveInt, StringConstraints

from .base import (
    AUTONOMY_LEVELS,
    CHECKED_KINDS,
    FORMAT_VERSION,
    LANGUAGE_PATTERN,
    LEVELS,
    PRACTICE_KINDS,
    SLUG_PATTERN,
    TOPICS,
    Autonomy,
    FeedbackRule,
    FieldFeedback,
    FieldRule,
    Image,
    LessonRef,
    Markdown,
    PracticeStep,
    Rule,
    Slug,
    Text,
    _Model,
)
from .basic import ChoiceStep, DoStep, ExplainStep, Option, OrderItem, OrderStep, TextStep
from .chat import ChatStep
from .email import EmailStep
from .social import SocialStep
from .spreadsheet import SpreadsheetStep

DigCompCode = Annotated[Text, StringConstraints(pattern=r"^\d+(\.\d+)*$")]

Step = Annotated[
    ExplainStep | ChoiceStep | TextStep | OrderStep | DoStep
    | EmailStep | SpreadsheetStep | ChatStep | SocialStep,
    Field(discriminator="kind"),
]
STEP_KINDS = ("explain", "choice", "text", "order", "do", *PRACTICE_KINDS)

__all__ = [
    "AUTONOMY_LEVELS", "CHECKED_KINDS", "FORMAT_VERSION", "LANGUAGE_PATTERN", "LEVELS",
    "PRACTICE_KINDS", "SLUG_PATTERN", "STEP_KINDS", "TOPICS", "Autonomy", "ChatStep",
    "ChoiceStep", "DoStep", "EmailStep", "ExplainStep", "FeedbackRule", "FieldFeedback",
    "FieldRule", "Image", "Lesson", "LessonRef", "Markdown", "Option", "OrderItem", "OrderStep",
    "Pack", "PracticeStep", "Rule", "SocialStep", "SpreadsheetStep", "Step", "Text",
    "TextStep", "json_schemas",
]


class Lesson(_Model):
    id: Slug
    title: Text
    goal: Markdown = Field(description="The objective, in one sentence")
    minutes: PositiveInt | None = None
    requires: list[LessonRef] = Field(default_factory=list)
    mentor_intro: Markdown | None = None
    level: Literal["beginner", "intermediate", "advanced"] | None = Field(
        default=None,
        description="Extension: this lesson's level; the pack's level when left out",
    )
    digcomp: list[DigCompCode] = Field(
        default_factory=list,
        description="Extension: the DigComp 2.2 competences this lesson builds "
                    "(e.g. '2.1'); the pack's list when left out",
    )
    steps: Annotated[list[Step], Field(min_length=1)]

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def index_of(self, step_id: str | None) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        return 0


class Pack(_Model):
    format: PositiveInt = Field(description="The format version; this app knows 1")
    id: Slug
    title: Text
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
    topic: Literal["email", "spreadsheets", "messaging", "social-media", "mentoring", "other"]
    level: Literal["beginner", "intermediate", "advanced"] = "beginner"
    summary: Markdown | None = None
    authors: list[Text] = Field(default_factory=list)
    translation_of: Slug | None = None
    digcomp: list[DigCompCode] = Field(default_factory=list)
    lessons: Annotated[list[Slug], Field(min_length=1)]
    glossary: dict[Text, Markdown] = Field(default_factory=dict)
    audience: Literal["learners", "authors"] = Field(
        default="learners",
        description="Extension: 'authors' keeps a pack of examples out of the learners' "
                    "catalogue (it stays in the authors' preview)",
    )

    @property
    def base_language(self) -> str:
        return re.split(r"[-_]", self.language)[0].lower()


def json_schemas() -> dict[str, dict[str, Any]]:
    "The JSON Schemas of pack.yaml and of a lesson file, for editors."
    return {
        "pack": Pack.model_json_schema(by_alias=True),
        "lesson": Lesson.model_json_schema(by_alias=True),
    }
