"""The step kinds of format 1: explain, choice, text, order, do."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool

from .base import FeedbackRule, Markdown, Rule, Slug, _Model, _Step


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
