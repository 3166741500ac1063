"""The lesson-pack types: the single source of truth for the format (and its JSON Schema).

Every model is frozen and forbids unknown keys, so a misspelt key is reported to the
author instead of being silently ignored. Keys follow ``shared/design/lesson-format.md``
(format 1); extensions are marked as such in their descriptions.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveInt,
    StrictBool,
    StringConstraints,
    model_validator,
)

FORMAT_VERSION = 1
TOPICS = ("email", "spreadsheets", "messaging", "social-media", "mentoring", "other")
LEVELS = ("beginner", "intermediate", "advanced")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$"
CHECKED_KINDS = ("choice", "text", "order")
Autonomy = Literal["alone", "hinted", "helped"]
AUTONOMY_LEVELS: tuple[str, ...] = ("alone", "hinted", "helped")


def _to_text(value: Any) -> Any:
    "Numbers written without quotes in YAML (`equals: 42`) are meant as text."
    if isinstance(value, bool):
        return value  # let validation say "must be text"
    if isinstance(value, int | float):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_to_text)]
Markdown = Annotated[str, BeforeValidator(_to_text), Field(description="Markdown text")]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), BeforeValidator(_to_text)]
LessonRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$"),
    Field(description="A lesson id of the same pack, or pack-id/lesson-id"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Rule(_Model):
    "A rule: every key given must hold (AND). `any`, `all` and `not` nest."

    equals: Text | None = None
    one_of: list[Text] | None = None
    contains: Text | None = None
    not_contains: Text | None = None
    contains_all: list[Text] | None = None
    contains_any: list[Text] | None = None
    starts_with: Text | None = None
    ends_with: Text | None = None
    close_to: Text | None = None
    min_words: NonNegativeInt | None = None
    max_words: NonNegativeInt | None = None
    empty: StrictBool | None = None
    regex: Text | None = None
    number: float | None = None
    tolerance: NonNegativeFloat | None = None
    any_: list[Rule] | None = Field(default=None, alias="any")
    all_: list[Rule] | None = Field(default=None, alias="all")
    not_: Rule | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _tolerance_needs_number(self) -> Rule:
        if self.tolerance is not None and self.number is None:
            raise ValueError("'tolerance' only goes with 'number'")
        return self

    def is_blank(self) -> bool:
        "True for `{}`: a rule with no condition holds for every answer."
        return not self.model_fields_set


class FeedbackRule(_Model):
    when: Rule
    say: Markdown


class Image(_Model):
    src: str = Field(description="A file inside the pack, e.g. media/compose.png")
    alt: Annotated[str, StringConstraints(min_length=1)] = Field(
        description="What the picture shows, for people who cannot see it"
    )


class _Step(_Model):
    id: Slug
    title: Text | None = None
    mentor: Markdown | None = Field(default=None, description="Shown only to the mentor")
    hints: list[Markdown] = Field(default_factory=list, description="Revealed one at a time")
    solution: Markdown | None = None
    image: Image | None = None
    review: StrictBool | None = Field(
        default=None, description="A card in spaced practice; default true for checked steps"
    )

    @property
    def checked(self) -> bool:
        return self.kind in CHECKED_KINDS  # type: ignore[attr-defined]

    @property
    def in_review(self) -> bool:
        return self.checked if self.review is None else self.review


class ExplainStep(_Step):
    kind: Literal["explain"]
    body: Markdown


class Option(_Model):
    id: Slug
    text: Markdown
    correct: StrictBool = False
    feedback: Markdown | None = None


class ChoiceStep(_Step):
    kind: Literal["choice"]
    prompt: Markdown
    multiple: StrictBool = False
    shuffle: StrictBool = True
    options: Annotated[list[Option], Field(min_length=2)]

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


class TextStep(_Step):
    kind: Literal["text"]
    prompt: Markdown
    accept: Annotated[list[Rule], Field(min_length=1)] = Field(
        description="Correct if ANY rule matches"
    )
    feedback: list[FeedbackRule] = Field(
        default_factory=list, description="For a wrong answer: the first rule that matches speaks"
    )
    otherwise: Markdown | None = None
    case_sensitive: StrictBool = False
    accent_sensitive: StrictBool = False


class OrderItem(_Model):
    id: Slug
    text: Markdown


class OrderStep(_Step):
    kind: Literal["order"]
    prompt: Markdown
    items: Annotated[list[OrderItem], Field(min_length=2)] = Field(
        description="Written in the correct order; shown shuffled"
    )
    otherwise: Markdown | None = Field(
        default=None, description="Extension: feedback for a wrong order"
    )


class DoStep(_Step):
    kind: Literal["do"]
    task: Markdown
    checklist: list[Markdown] = Field(default_factory=list)


Step = Annotated[
    ExplainStep | ChoiceStep | TextStep | OrderStep | DoStep, Field(discriminator="kind")
]
STEP_KINDS = ("explain", "choice", "text", "order", "do")


class Lesson(_Model):
    id: Slug
    title: Text
    goal: Markdown = Field(description="The objective, in one sentence")
    minutes: PositiveInt | None = None
    requires: list[LessonRef] = Field(default_factory=list)
    mentor_intro: Markdown | None = None
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
    digcomp: list[Annotated[Text, StringConstraints(pattern=r"^\d+(\.\d+)*$")]] = Field(
        default_factory=list
    )
    lessons: Annotated[list[Slug], Field(min_length=1)]
    glossary: dict[Text, Markdown] = Field(default_factory=dict)

    @property
    def base_language(self) -> str:
        return re.split(r"[-_]", self.language)[0].lower()


def json_schemas() -> dict[str, dict[str, Any]]:
    "The JSON Schemas of pack.yaml and of a lesson file, for editors."
    return {
        "pack": Pack.model_json_schema(by_alias=True),
        "lesson": Lesson.model_json_schema(by_alias=True),
    }
