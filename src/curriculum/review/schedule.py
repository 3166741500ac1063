"""Which steps come back for review, how a try is graded, and when it is due next (fsrs).

Times are aware UTC datetimes (fsrs accepts only `timezone.utc`); pages show local time.
Intervals are in days (no learning steps of minutes): a senior practises once a day.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

DAILY = 8  # "Today's practice: 5 minutes": never more items than this in a day
SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
GRADES = ("again", "hard", "good")


@dataclass(frozen=True)
class Try:
    "How the senior did a step, once: what the grade and the review choice depend on."
    hints_used: int
    answer_shown: bool
    correct: bool  # right in the end, without the answer shown
    wrong_first: bool  # at least one wrong answer before


def needs_review(review_key: bool | None, checked: bool, done: Try) -> bool:
    "A checked or practice step becomes an item when it was hard, or the pack asks for it."
    if not checked or review_key is False:
        return False
    return bool(review_key or done.hints_used or done.answer_shown or done.wrong_first
                or not done.correct)


def grade(done: Try) -> str:
    "Right first time alone: good; after a hint (or a wrong try): hard; shown, never right: again."
    if done.answer_shown or not done.correct:
        return "again"
    if done.hints_used or done.wrong_first:
        return "hard"
    return "good"


def card_id(person_id: int, pack_id: str, lesson_id: str, step_id: str) -> int:
    "A stable id for the item's card (fsrs sleeps to make one when none is given)."
    return zlib.crc32(f"{person_id}/{pack_id}/{lesson_id}/{step_id}".encode())


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("review times must be aware datetimes")
    return moment.astimezone(UTC)


def reviewed(card: dict[str, Any] | None, cid: int, rating: str,
             at: datetime) -> tuple[dict[str, Any], datetime]:
    "The card after a try graded `rating` at `at`, and its next due moment (UTC)."
    current = Card.from_dict(card) if card else Card(card_id=cid, due=_utc(at))
    new, _log = SCHEDULER.review_card(current, Rating[rating.capitalize()],
                                      review_datetime=_utc(at))
    return new.to_dict(), new.due.astimezone(UTC)


def today(due: list[Any], limit: int = DAILY) -> list[Any]:
    """The items for today: due ones, oldest due first, at most `limit` (a missed week never
    becomes a wall; the rest come back a few at a time on the next days).
    Each item needs a `.due` (aware datetime)."""
    return sorted(due, key=lambda item: item.due)[:limit]
