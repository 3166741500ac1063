"""kind: chat (a practice app): a conversation with a contact or a group.

The `script` is a list of turns: what the contact `says` (or a `photo` they send), and
what the senior must do (`expect`, with its own hints, feedback and the contact's
`reply`). The checks the models cannot express (one of contact/group, turns that are
either a message or a task, photos in the gallery...) are in `practice/chat.py`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from .base import FieldFeedback, FieldRule, Markdown, PracticeStep, Text, _Model

Name = Annotated[Text, StringConstraints(min_length=1)]


class Contact(_Model):
    "The one person the senior chats with."

    name: Name = Field(description="Shown at the top of the chat and beside their messages")
    avatar: Text = Field(default="👤", description="An emoji for their picture, like 👦 or 👵")


class Group(_Model):
    "A group chat: several people in one conversation."

    name: Name = Field(description="The group's name, shown at the top (e.g. Family)")
    members: Annotated[list[Name], Field(min_length=1)] = Field(
        description="The people in the group (besides the senior); a turn's `from` names one"
    )
    avatar: Text = Field(default="👥", description="An emoji for the group's picture")


class Photo(_Model):
    "A photo of the gallery: a file of the pack (media/...) or just a name."

    file: Name = Field(
        description="cake.jpg (looked for in the pack's media/ folder), media/cake.jpg, or "
        "just a name; rules on `photo` name it as written here"
    )
    alt: Text | None = Field(
        default=None, description="What the photo shows, for people who cannot see it "
        "(default: the file name)"
    )


def _photo_from_text(value: Any) -> Any:
    "`cake.jpg` is short for `{file: cake.jpg}`."
    return {"file": value} if isinstance(value, str) else value


GalleryPhoto = Annotated[
    Photo,
    BeforeValidator(_photo_from_text),
    WithJsonSchema({
        "anyOf": [
            {"type": "string", "description": "A file name, like cake.jpg or media/cake.jpg"},
            Photo.model_json_schema(),
        ]
    }),
]


class ChatTurn(_Model):
    """One turn of the script: what the contact says (`says`, `photo`), OR what the senior
    must do (`expect`, with `hints`, `feedback`, `otherwise`, `reply`)."""

    says: Markdown | None = Field(
        default=None, description="A message from the contact (in a group: from `from`)"
    )
    from_: Name | None = Field(
        default=None, alias="from",
        description="In a group: which member says it (default: the first member)",
    )
    photo: GalleryPhoto | None = Field(
        default=None, description="A photo the contact sends: a file of the pack (media/...) "
        "or just a name, or {file, alt}"
    )
    expect: dict[str, FieldRule] | None = Field(
        default=None,
        description="What the senior must send, one rule per field (all must hold): text "
        "(the message), photo (a gallery file), reaction (an emoji put on the contact's last "
        "message: ❤️ 👍 😂 😮 😢, or heart, thumbs up, laughing, surprised, sad), voice (true: a "
        "voice message)",
    )
    hints: list[Markdown] = Field(
        default_factory=list, description="Hints for this turn, revealed one at a time"
    )
    feedback: list[FieldFeedback] = Field(
        default_factory=list,
        description="For a wrong try at this turn: the first `when` that holds speaks",
    )
    otherwise: Markdown | None = Field(
        default=None, description="For a wrong try at this turn when no feedback holds"
    )
    reply: Markdown | None = Field(
        default=None, description="What the contact answers once the senior did it"
    )

    @property
    def expecting(self) -> bool:
        return self.expect is not None


class ChatStep(PracticeStep):
    """A pretend chat: the contact's messages appear one after the other; the senior
    answers by typing, with emoji, photos, reactions or a voice message."""

    kind: Literal["chat"]
    prompt: Markdown = Field(
        default="", description="Optional: the task, shown above the chat (the contact's "
        "messages often say it already)"
    )
    contact: Contact | None = Field(default=None, description="One person (or use `group`)")
    group: Group | None = Field(default=None, description="A group chat (or use `contact`)")
    gallery: list[GalleryPhoto] = Field(
        default_factory=list, description="The photos the senior can attach"
    )
    script: Annotated[list[ChatTurn], Field(min_length=1)] = Field(
        description="The conversation, in order: turns with `says` (the contact) and turns "
        "with `expect` (the senior's part)"
    )

    @property
    def turns_expecting(self) -> list[int]:
        "Indexes of the turns where the senior must do something."
        return [i for i, t in enumerate(self.script) if t.expecting]

    @property
    def turn_hints(self) -> list[str]:
        "Every turn's hints (for the 'has hints' check)."
        return [h for t in self.script for h in t.hints]

    @property
    def all_hints(self) -> list[str]:
        "The step's hints and its turns' hints."
        return [*self.hints, *self.turn_hints]

    def photo(self, name: str) -> Photo | None:
        "The gallery's photo of that name, else a photo the contact sends."
        sent = [t.photo for t in self.script if t.photo is not None]
        return next((p for p in [*self.gallery, *sent] if p.file == name), None)

    @property
    def title_name(self) -> str:
        "The contact's or the group's name."
        who = self.contact or self.group
        return who.name if who else ""

    def speaker(self, index: int) -> str:
        """Who says turn `index`: its `from` (default: the first member); for the `reply`
        of an expecting turn, whoever spoke last before it."""
        if self.contact is not None:
            return self.contact.name
        if self.group is None:
            return ""
        for turn in reversed(self.script[: index + 1]):
            if not turn.expecting:
                return turn.from_ or self.group.members[0]
        return self.group.members[0]
