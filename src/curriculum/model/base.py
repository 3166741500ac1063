"""Shared pieces of the format: text types, the rule language, images, the step base."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    StrictBool,
    StringConstraints,
    model_validator,
)

FORMAT_VERSION = 1
TOPICS = ("email", "spreadsheets", "messaging", "social-media", "mentoring", "other")
LEVELS = ("beginner", "intermediate", "advanced")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$"
CHECKED_KINDS = ("choice", "text", "order", "email", "spreadsheet", "chat", "social")
PRACTICE_KINDS = ("email", "spreadsheet", "chat", "social")
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

    equals: Text | list[Text] | None = Field(
        default=None, description="A list only for list fields of practice apps (same items)"
    )
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




def _bare_to_equals(value: Any) -> Any:
    "A field rule written as a plain value (`voice: true`, `message: m1`) means equals."
    if isinstance(value, dict):
        return value
    if isinstance(value, bool):
        return {"equals": "true" if value else "false"}
    return {"equals": value}


FieldRule = Annotated[Rule, BeforeValidator(_bare_to_equals)]


class FieldFeedback(_Model):
    "Feedback for a practice app: `when` maps fields to rules (all must hold)."

    when: dict[str, FieldRule]
    say: Markdown


class PracticeStep(_Step):
    "A step in a small, safe imitation of a real app (email, spreadsheet, chat, social)."

    prompt: Markdown
    feedback: list[FieldFeedback] = Field(
        default_factory=list, description="For a wrong try: the first `when` that holds speaks"
    )
    otherwise: Markdown | None = None
    case_sensitive: StrictBool = False
    accent_sensitive: StrictBool = False
