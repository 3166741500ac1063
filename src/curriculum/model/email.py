"""kind: email (a practice app): an inbox, a reading pane and a compose form.

The senior composes a new email, replies to or forwards a message of the simulated
mailbox, or sorts the mailbox (open, reply, delete, report as scam). What they did is
checked with the rule language, one rule per field (see ``practice/email.py``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from .base import FieldRule, Markdown, PracticeStep, Slug, Text, _Model

EmailTask = Literal["compose", "reply", "forward", "triage"]


class EmailMessage(_Model):
    "An email already in the simulated inbox."

    id: Slug = Field(description="Unique in the step; rules name it (message: m1, reported: [m2])")
    from_: Text = Field(
        alias="from",
        description="The sender as the inbox shows it, e.g. 'Sam <sam@example.org>'",
    )
    subject: Text = Field(description="The title shown in the list of messages")
    body: Markdown = Field(
        default="",
        description="The message. Links are shown with their address and cannot be opened",
    )
    date: Text | None = Field(
        default=None, description="Shown as written beside the sender, e.g. 'Sunday 10:42'"
    )
    to: Text | None = Field(
        default=None, description="Who it was sent to (default: the senior, shown as 'me')"
    )
    cc: Text | None = Field(default=None, description="Others who received a copy")
    attachments: list[Text] = Field(
        default_factory=list,
        description="Files attached: a file of the pack's media/ folder (beach.jpg or "
        "media/beach.jpg, shown as a picture) or just a name (invoice.pdf)",
    )
    unread: StrictBool = Field(
        default=True, description="Shown in bold and marked 'Unread' until the senior opens it"
    )
    scam: StrictBool = Field(
        default=False,
        description="An authoring fact for rules and mentor notes: never shown to the senior",
    )


class EmailAction(_Model):
    "What a senior does in the app, as recorded with an attempt (every key optional)."

    to: Text | None = None
    cc: Text | None = None
    subject: Text | None = None
    body: Text | None = None
    attachments: list[Text] | None = None
    message: Slug | None = Field(
        default=None, description="The message replied to or forwarded"
    )
    opened: list[Slug] | None = None
    replied: list[Slug] | None = None
    deleted: list[Slug] | None = None
    reported: list[Slug] | None = None


class EmailStep(PracticeStep):
    """Practice email. Fields rules may name: to, cc, subject, body, attachments, message
    (the id replied to or forwarded) and, for triage, opened, replied, deleted, reported
    (lists of message ids)."""

    kind: Literal["email"]
    task: EmailTask = Field(
        default="compose",
        description="compose (a new email) | reply | forward (a message of the mailbox) | "
        "triage (act on the messages, then press 'I have finished')",
    )
    mailbox: list[EmailMessage] = Field(
        default_factory=list, description="The messages already in the inbox, newest first"
    )
    files: list[Text] = Field(
        default_factory=list,
        description="Files the senior can attach from their device: in media/ or just names",
    )
    me: Text | None = Field(
        default=None, description="The senior's address shown in From (default: 'me')"
    )
    expect: dict[str, FieldRule] = Field(
        description="One rule per field; all must hold. A bare value means equals "
        "(message: m1). Lists (attachments, reported...) compare items in any order"
    )
    example: EmailAction | None = Field(
        default=None,
        description="Extension: a correct action, as the senior would do it. "
        "`curriculum selftest` checks that it passes; 'show the answer' shows it when "
        "there is no solution. Fields left out are what the app fills in itself",
    )

    def message(self, message_id: str | None) -> EmailMessage | None:
        return next((m for m in self.mailbox if m.id == message_id), None)
