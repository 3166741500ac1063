"""People: seniors, juniors, coordinators; their profile, interests and availability."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from ..errors import CurriculumError
from . import now, write

ROLES = ("senior", "junior", "coordinator")
LANGUAGES = ("en", "fr")
TEXT_SIZES = ("large", "larger", "largest")
MAX_NAME = 80


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str  # the main role; `roles` has them all
    language: str = "en"  # the interface language
    text_size: str = "large"
    roles: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # languages spoken (for pairing)
    site: str | None = None  # None with remote=True: works remotely
    remote: bool = False
    availability: tuple[str, ...] = ()  # weekly slots, e.g. "tue-am" (see SLOTS)
    manager_id: int | None = None
    capacity: int | None = None  # juniors: how many seniors they can take
    has_pin: bool = False
    active: bool = True
    interests: dict[str, int] = field(default_factory=dict)  # topic -> level or confidence

    def has_role(self, role: str) -> bool:
        return role in self.roles or role == self.role


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLOTS = tuple(f"{d}-{p}" for d in DAYS for p in ("am", "pm"))


def _list(value: str | None) -> tuple[str, ...]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(str(x) for x in data) if isinstance(data, list) else ()


def _person(row: dict, interests: dict[str, int] | None = None) -> Person:
    roles = _list(row.get("roles")) or (row["role"],)
    return Person(
        row["id"], row["name"], row["role"], row["language"], row["text_size"],
        roles=roles, languages=_list(row.get("languages")) or (row["language"],),
        site=row.get("site"), remote=bool(row.get("remote")),
        availability=_list(row.get("availability")), manager_id=row.get("manager_id"),
        capacity=row.get("capacity"), has_pin=bool(row.get("pin_hash")),
        active=row.get("active") is None or bool(row.get("active")),
        interests=interests or {},
    )


def clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise CurriculumError("Please type a name.")
    if len(cleaned) > MAX_NAME:
        raise CurriculumError(f"A name can have at most {MAX_NAME} characters.")
    return cleaned


def create_person(db: Database, name: str, role: str, language: str = "en",
                  text_size: str = "large") -> Person:
    if role not in ROLES:
        raise CurriculumError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    if language not in LANGUAGES:
        language = "en"
    if text_size not in TEXT_SIZES:
        text_size = "large"
    row = {"name": clean_name(name), "role": role, "language": language,
           "text_size": text_size, "created_at": now(), "roles": json.dumps([role]),
           "languages": json.dumps([language]), "availability": "[]", "active": 1,
           "capacity": 2 if role == "junior" else None}
    with write(db):
        pk = db["people"].insert(row).last_pk
    return get_person(db, int(pk))  # type: ignore[return-value]


def get_person(db: Database, person_id: int | None) -> Person | None:
    if person_id is None:
        return None
    try:
        row = db["people"].get(int(person_id))
    except (NotFoundError, ValueError, TypeError):
        return None
    return _person(row, interests(db, row["id"]))


def list_people(db: Database, role: str | None = None) -> list[Person]:
    "Everyone (with that role among their roles), by name."
    where, args = (("role = ? or exists (select 1 from json_each(roles) where value = ?)",
                    [role, role]) if role else (None, None))
    rows = list(db["people"].rows_where(where, args, order_by="name, id"))
    found: dict[int, dict[str, int]] = {}
    for r in db.execute("select person_id, topic, level from interests"):
        found.setdefault(r[0], {})[r[1]] = r[2]
    return [_person(r, found.get(r["id"])) for r in rows]


def interests(db: Database, person_id: int) -> dict[str, int]:
    "Topics a senior wants to learn (with their level) or a junior can teach (confidence)."
    return {r[0]: r[1] for r in db.execute(
        "select topic, level from interests where person_id = ?", [person_id])}


def set_interests(db: Database, person_id: int, topics: dict[str, int]) -> None:
    "Replace a person's topics: {topic: level 1-3} (1: beginner / a little; 3: at ease)."
    person = get_person(db, person_id)
    kind = "teaches" if person and person.role == "junior" else "wants"
    with write(db):
        db.execute("delete from interests where person_id = ?", [person_id])
        db["interests"].insert_all(
            {"person_id": person_id, "kind": kind, "topic": t, "level": int(level)}
            for t, level in topics.items())


def wanted_lessons(db: Database, person_id: int) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute(
        "select pack_id, lesson_id from wanted_lessons where person_id = ? order by rowid",
        [person_id])]


def set_wanted_lessons(db: Database, person_id: int, lessons: list[tuple[str, str]]) -> None:
    with write(db):
        db.execute("delete from wanted_lessons where person_id = ?", [person_id])
        db["wanted_lessons"].insert_all(
            {"person_id": person_id, "pack_id": p, "lesson_id": lid} for p, lid in lessons)


PROFILE_FIELDS = ("roles", "languages", "site", "remote", "availability", "manager_id",
                  "capacity", "active", "name", "language", "text_size")


def save_profile(db: Database, person_id: int, **changes: object) -> Person:
    "Change profile fields (lists are stored as JSON); unknown fields are refused."
    row: dict[str, object] = {}
    for key, value in changes.items():
        if key not in PROFILE_FIELDS:
            raise CurriculumError(f"'{key}' is not a profile field")
        if key in ("roles", "languages", "availability"):
            value = json.dumps(list(value))  # type: ignore[call-overload]
        elif key == "name":
            value = clean_name(str(value))
        elif key in ("remote", "active"):
            value = int(bool(value))
        row[key] = value
    if changes.get("roles"):
        row["role"] = next(iter(changes["roles"]))  # type: ignore[call-overload]
    with write(db):
        db["people"].update(person_id, row)
    return get_person(db, person_id)  # type: ignore[return-value]


def update_person(db: Database, person_id: int, *, language: str | None = None,
                  text_size: str | None = None) -> None:
    changes: dict[str, str] = {}
    if language in LANGUAGES:
        changes["language"] = language
    if text_size in TEXT_SIZES:
        changes["text_size"] = text_size
    if changes:
        with write(db):
            db["people"].update(person_id, changes)
