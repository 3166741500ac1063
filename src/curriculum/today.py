"""Today's practice and mastery: the pure rules of `review/` over the records of `store/`.

`record_try` is called when a checked step ends (right, shown, or left never right), in a
lesson or in today's practice; `levels` gives each lesson's level for a senior."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from .model import Step
from .packs import Catalogue
from .review import mastery, schedule
from .review.schedule import Try
from .store import progress, review_items


def record_try(db: Database, person_id: int, pack_id: str, lesson_id: str, step: Step,
               done: Try, at: datetime) -> str | None:
    "Grade one try at a step and reschedule its item (made when the step needs review)."
    item = review_items.get_item(db, person_id, pack_id, lesson_id, step.id)
    if item is None and not schedule.needs_review(step.review, step.checked, done):
        return None
    grade = schedule.grade(done)
    card, due = schedule.reviewed(item.card if item else None,
                                  schedule.card_id(person_id, pack_id, lesson_id, step.id),
                                  grade, at)
    review_items.save_review(db, person_id, pack_id, lesson_id, step.id, card, due, grade)
    return grade


def due_today(db: Database, person_id: int, at: datetime,
              limit: int = schedule.DAILY) -> list[review_items.Item]:
    "At most `limit` items due at `at`, oldest due first (never a wall of overdue ones)."
    return schedule.today(review_items.due_items(db, person_id, at, limit), limit)


def levels(db: Database, cat: Catalogue, person_id: int) -> dict[tuple[str, str], str]:
    "(pack, lesson) -> started, done or mastered (lessons not started are left out)."
    states = progress.lesson_states(db, person_id)
    alone = review_items.alone_moments(db, person_id)
    out: dict[tuple[str, str], str] = {}
    for (pack_id, lesson_id), state in states.items():
        lesson = cat.lesson(pack_id, lesson_id)
        checked = [s.id for s in lesson.steps if s.checked] if lesson else []
        moments = [(s, datetime.fromisoformat(at)) for s, at in alone.get((pack_id, lesson_id),
                                                                          [])]
        out[(pack_id, lesson_id)] = mastery.level(
            True, state == "done", mastery.mastered(checked, moments))
    return out
