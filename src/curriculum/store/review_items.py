"""Review items in SQLite: one fsrs card per (senior, pack, lesson, step), due in UTC.

The scheduling itself is in `curriculum.review`; this module only reads and writes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from . import now, write


@dataclass(frozen=True)
class Item:
    id: int
    person_id: int
    pack_id: str
    lesson_id: str
    step_id: str
    card: dict[str, Any]
    due: datetime
    reviews: int
    lapses: int
    last_grade: str | None


_COLUMNS = ("id, person_id, pack_id, lesson_id, step_id, card, due, reviews, lapses, "
            "last_grade")


def _iso(moment: datetime) -> str:
    "Stored form of a moment: UTC to the second (so that text order is time order)."
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _item(row: tuple) -> Item:
    return Item(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]),
                datetime.fromisoformat(row[6]), row[7], row[8], row[9])


def get_item(db: Database, person_id: int, pack_id: str, lesson_id: str,
             step_id: str) -> Item | None:
    row = db.execute(f"select {_COLUMNS} from review_items where person_id = ? and "
                     "pack_id = ? and lesson_id = ? and step_id = ?",
                     [person_id, pack_id, lesson_id, step_id]).fetchone()
    return _item(row) if row else None


def item_by_id(db: Database, item_id: int) -> Item | None:
    row = db.execute(f"select {_COLUMNS} from review_items where id = ?", [item_id]).fetchone()
    return _item(row) if row else None


def save_review(db: Database, person_id: int, pack_id: str, lesson_id: str, step_id: str,
                card: dict[str, Any], due: datetime, grade: str) -> None:
    "Create the item or record one more review of it (`grade`: again, hard or good)."
    stamp = now()
    lapse = int(grade == "again")
    with write(db):
        db.execute(
            "insert into review_items (person_id, pack_id, lesson_id, step_id, card, due, "
            "reviews, lapses, last_grade, created_at, updated_at) "
            "values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) "
            "on conflict (person_id, pack_id, lesson_id, step_id) do update set "
            "card = excluded.card, due = excluded.due, reviews = reviews + 1, "
            "lapses = lapses + excluded.lapses, last_grade = excluded.last_grade, "
            "updated_at = excluded.updated_at",
            [person_id, pack_id, lesson_id, step_id, json.dumps(card), _iso(due),
             lapse, grade, stamp, stamp])


def due_items(db: Database, person_id: int, at: datetime, limit: int) -> list[Item]:
    "The items due at `at` (UTC), oldest due first, at most `limit` (an index does it)."
    return [_item(r) for r in db.execute(
        f"select {_COLUMNS} from review_items where person_id = ? and due <= ? "
        "order by due, id limit ?", [person_id, _iso(at), limit])]


def count_due(db: Database, person_id: int, at: datetime) -> int:
    return int(db.execute("select count(*) from review_items where person_id = ? and due <= ?",
                          [person_id, _iso(at)]).fetchone()[0])


def slipping(db: Database, person_id: int, limit: int = 5) -> list[Item]:
    "What keeps slipping: the items that came back to Again most often."
    return [_item(r) for r in db.execute(
        f"select {_COLUMNS} from review_items where person_id = ? and lapses > 0 "
        "order by lapses desc, due limit ?", [person_id, limit])]


def alone_moments(db: Database, person_id: int) -> dict[tuple[str, str], list[tuple[str, str]]]:
    "(pack, lesson) -> [(step id, completed_at)] of the steps a senior did alone."
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pack, lesson, step, at in db.execute(
            "select r.pack_id, r.lesson_id, sr.step_id, sr.completed_at from step_results sr "
            "join runs r on r.id = sr.run_id where r.person_id = ? and sr.status = 'done' "
            "and sr.autonomy = 'alone' and sr.completed_at is not null", [person_id]):
        out.setdefault((pack, lesson), []).append((step, at))
    return out


def next_due(db: Database, person_id: int, after: datetime) -> datetime | None:
    "When the senior's next item falls due after `after` (UTC), or None."
    row = db.execute("select min(due) from review_items where person_id = ? and due > ?",
                     [person_id, _iso(after)]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None
