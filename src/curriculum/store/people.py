"""People: seniors, juniors, coordinators, with their language and text size."""

from __future__ import annotations

from dataclasses import dataclass

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
    role: str
    language: str = "en"
    text_size: str = "large"


def _person(row: dict) -> Person:
    return Person(row["id"], row["name"], row["role"], row["language"], row["text_size"])


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
           "text_size": text_size, "created_at": now()}
    with write(db):
        pk = db["people"].insert(row).last_pk
    return Person(int(pk), row["name"], role, language, text_size)


def get_person(db: Database, person_id: int | None) -> Person | None:
    if person_id is None:
        return None
    try:
        return _person(db["people"].get(int(person_id)))
    except (NotFoundError, ValueError, TypeError):
        return None


def list_people(db: Database, role: str | None = None) -> list[Person]:
    where, args = ("role = ?", [role]) if role else (None, None)
    return [_person(r) for r in db["people"].rows_where(where, args, order_by="name, id")]


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
