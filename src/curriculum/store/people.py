"""People: seniors, juniors, coordinators; their profile, interests and availability."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from .. import clock
from ..errors import CurriculumError
from ..programme import pins
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


def _name_key(name: str) -> str:
    "A name as compared for twins: no case, no accents, single spaces."
    folded = unicodedata.normalize("NFKD", " ".join(str(name).split()).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def same_name(db: Database, name: str) -> list[Person]:
    "The people already called this (ignoring case, accents and spaces)."
    wanted = _name_key(name)
    if not wanted:
        return []
    rows = [r for r in db.execute("select id, name from people").fetchall()
            if _name_key(r[1]) == wanted]
    return [p for r in rows if (p := get_person(db, r[0])) is not None]


def list_people(db: Database, role: str | None = None) -> list[Person]:
    "Everyone (with that role among their roles), by name."
    where, args = (("role = ? or exists (select 1 from json_each(roles) where value = ?)",
                    [role, role]) if role else (None, None))
    rows = list(db["people"].rows_where(where, args, order_by="name, id"))
    found: dict[int, dict[str, int]] = {}
    for r in db.execute("select person_id, topic, level from interests"):
        found.setdefault(r[0], {})[r[1]] = r[2]
    return [_person(r, found.get(r["id"])) for r in rows]


INTEREST_KINDS = ("wants", "teaches")


def interests(db: Database, person_id: int, kind: str | None = None) -> dict[str, int]:
    "Topics a senior wants to learn (with their level) or a junior can teach (confidence)."
    sql, args = "select topic, level from interests where person_id = ?", [person_id]
    if kind is not None:
        sql, args = sql + " and kind = ?", [person_id, kind]
    return {r[0]: r[1] for r in db.execute(sql, args)}


def set_interests(db: Database, person_id: int, topics: dict[str, int],
                  kind: str | None = None) -> None:
    """Replace a person's topics: {topic: level 1-3} (1: beginner / a little; 3: at ease).

    Without `kind`, all their topics, as 'teaches' for a junior and 'wants' otherwise;
    with `kind` ('wants' or 'teaches'), only those of that kind (someone both learning
    and mentoring keeps both lists)."""
    if kind is not None and kind not in INTEREST_KINDS:
        raise CurriculumError(f"kind must be one of {', '.join(INTEREST_KINDS)}, not '{kind}'")
    person = get_person(db, person_id)
    if kind is None:
        kind, only = ("teaches" if person and person.role == "junior" else "wants"), False
    else:
        only = True
    with write(db):
        if only:
            db.execute("delete from interests where person_id = ? and kind = ?",
                       [person_id, kind])
        else:
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


# --- PINs, roles and the coordinator ------------------------------------------------------


class PeopleError(CurriculumError):
    "A profile or role change refused; `key` (with `params`) names the UI message."

    def __init__(self, key: str, message: str, **params: object):
        self.key, self.params = key, params
        super().__init__(message)


_IS_COORDINATOR = ("(role = 'coordinator' or exists "
                   "(select 1 from json_each(roles) where value = 'coordinator'))")


@dataclass(frozen=True)
class PinCheck:
    "The answer to a PIN typed in: right or not, and how long to wait if it is locked."

    ok: bool
    wait: int = 0  # seconds before the next try is allowed

    @property
    def wait_minutes(self) -> int:
        "The wait in whole minutes, as said to a user (at least one)."
        return max(1, round(self.wait / 60))


def set_pin(db: Database, person_id: int, pin: str, again: str | None = None) -> None:
    "Set (or change) a person's PIN; only its salted slow hash is stored."
    stored = pins.hash_pin(pins.check_rules(pin, again))
    with write(db):
        _row(db, person_id)
        db["people"].update(person_id, {"pin_hash": stored, "pin_failures": 0,
                                        "pin_locked_until": None})


def clear_pin(db: Database, person_id: int) -> None:
    "Remove a person's PIN (they sign in by name again); a coordinator always keeps one."
    with write(db):
        row = _row(db, person_id)
        if _person(row).has_role("coordinator"):
            raise PeopleError("people.err_coordinator_pin",
                              "A coordinator always needs a PIN: set a new one instead.")
        db["people"].update(person_id, {"pin_hash": None, "pin_failures": 0,
                                        "pin_locked_until": None})


def check_pin(db: Database, person_id: int, pin: str, at: datetime | None = None) -> PinCheck:
    """Whether `pin` is this person's PIN. Wrong PINs in a row lock it for a while
    (`pins.lock_seconds`); a locked PIN is not even checked. No PIN set: never right."""
    at = at or clock.now()
    try:
        person_id = int(person_id)
    except (ValueError, TypeError):
        return PinCheck(False)
    # One step under the write lock: read the lock, check, count. Guesses made at the
    # same moment queue up here, so none of them gets round the count.
    with write(db):
        try:
            row = db["people"].get(person_id)
        except NotFoundError:
            return PinCheck(False)
        locked = _locked_for(row.get("pin_locked_until"), at)
        if locked:
            return PinCheck(False, locked)
        if not row.get("pin_hash"):
            return PinCheck(False)
        if pins.verify_pin(pin, row["pin_hash"]):
            changes: dict[str, object] = {"pin_failures": 0, "pin_locked_until": None}
            if pins.needs_rehash(row["pin_hash"]):
                changes["pin_hash"] = pins.hash_pin(str(pin).strip())
            db["people"].update(person_id, changes)
            return PinCheck(True)
        failures = int(row.get("pin_failures") or 0) + 1
        wait = pins.lock_seconds(failures)
        changes = {"pin_failures": failures}
        if wait:
            changes["pin_locked_until"] = (at + timedelta(seconds=wait)).isoformat(
                timespec="seconds")
        db["people"].update(person_id, changes)
    return PinCheck(False, wait)


def _locked_for(until: str | None, at: datetime) -> int:
    if not until:
        return 0
    try:
        left = (datetime.fromisoformat(until) - at).total_seconds()
    except (ValueError, TypeError):
        return 0
    return max(0, int(left + 0.999))


def _row(db: Database, person_id: int) -> dict:
    try:
        return db["people"].get(int(person_id))
    except (NotFoundError, ValueError, TypeError):
        raise CurriculumError(f"There is nobody with the number {person_id}.") from None


def coordinators(db: Database) -> list[Person]:
    "The active coordinators who can sign in (they have a PIN), by name."
    rows = db["people"].rows_where(
        f"{_IS_COORDINATOR} and pin_hash is not null and coalesce(active, 1) = 1",
        order_by="name, id")
    return [_person(r) for r in rows]


def needs_coordinator(db: Database) -> bool:
    "True on a first run: nobody can sign in as the coordinator yet."
    return not coordinators(db)


def ensure_coordinator(db: Database, name: str, pin: str, again: str | None = None,
                       language: str = "en") -> Person:
    """Create the first coordinator, with their PIN (the first run). A coordinator without
    a PIN of that name (from an import) gets the PIN instead of a twin. Refused once a
    coordinator can sign in."""
    name, stored = clean_name(name), pins.hash_pin(pins.check_rules(pin, again))
    with write(db):
        if not needs_coordinator(db):
            raise PeopleError("people.err_has_coordinator",
                              "The programme already has a coordinator: sign in as them.")
        same = [p for p in list_people(db, "coordinator") if p.name.casefold() == name.casefold()]
        person = same[0] if same else create_person(db, name, "coordinator", language)
        db["people"].update(person.id, {"pin_hash": stored, "active": 1, "pin_failures": 0,
                                        "pin_locked_until": None})
    return get_person(db, person.id)  # type: ignore[return-value]


def set_roles(db: Database, person_id: int, roles: list[str] | tuple[str, ...],
              active: bool = True, name: str | None = None) -> Person:
    """Give a person their roles (the first is their main role), say if they are still in
    the programme (and rename them). The last coordinator who can sign in keeps that role."""
    roles = list(dict.fromkeys(roles))
    if not roles:
        raise PeopleError("people.pick_a_role", "Choose at least one role.")
    wrong = [r for r in roles if r not in ROLES]
    if wrong:
        raise CurriculumError(f"role must be one of {', '.join(ROLES)}, not '{wrong[0]}'")
    with write(db):
        person = _person(_row(db, person_id))
        others = [c for c in coordinators(db) if c.id != person_id]
        keeps = "coordinator" in roles and active
        if person.has_role("coordinator") and person.has_pin and not keeps and not others:
            raise PeopleError("people.err_last_coordinator", "This is the only coordinator: "
                              "give the role to someone else first.")
        changes: dict[str, object] = {"roles": roles, "active": active}
        if name is not None:
            changes["name"] = name
        if person.role == "junior" and "junior" not in roles:
            changes["capacity"] = None
        elif "junior" in roles and person.capacity is None:
            changes["capacity"] = 2
        return save_profile(db, person_id, **changes)


def partners(db: Database, person_ids: list[int] | set[int]) -> list[tuple[int, int]]:
    "The (senior, junior) of the running pairs (status 'active') these people are in."
    ids = [int(i) for i in person_ids]
    if not ids or not db["pairs"].exists():
        return []
    marks = ",".join("?" * len(ids))
    return [(r[0], r[1]) for r in db.execute(
        f"select senior_id, junior_id from pairs where status = 'active' and "
        f"(senior_id in ({marks}) or junior_id in ({marks}))", [*ids, *ids])]


# --- Profile sections, as the profile page saves them -------------------------------------

TOPICS = ("email", "spreadsheets", "messaging", "social-media")
SPOKEN = {"fr": "Français", "en": "English", "es": "Español", "de": "Deutsch",
          "it": "Italiano", "pt": "Português", "nl": "Nederlands", "pl": "Polski",
          "ro": "Română", "ar": "العربية", "tr": "Türkçe", "zh": "中文"}  # names as spoken
MAX_CAPACITY = 10


def save_about(db: Database, person_id: int, *, languages: list[str], site: str | None,
               remote: bool, availability: list[str], manager_id: int | None) -> Person:
    "Languages spoken, where they work, weekly free slots and line manager, checked."
    languages = [lang for lang in dict.fromkeys(languages) if lang in SPOKEN]
    if not languages:
        raise PeopleError("profile.err_language", "Choose at least one language you speak.")
    site = " ".join(str(site or "").split())[:MAX_NAME] or None
    if not remote and site is None:
        raise PeopleError("profile.err_site",
                          "Type the name of your site, or say that you work remotely.")
    if manager_id is not None:
        if int(manager_id) == int(person_id):
            raise PeopleError("profile.err_own_manager",
                              "A person cannot be their own line manager.")
        _row(db, manager_id)
    slots = [s for s in SLOTS if s in set(availability)]
    return save_profile(db, person_id, languages=languages, site=None if remote else site,
                        remote=remote, availability=slots, manager_id=manager_id)


def _levels(topics: dict[str, int]) -> dict[str, int]:
    "Topics with a level 1-3 (0 or none: not chosen); unknown topics refused."
    unknown = [t for t in topics if t not in TOPICS]
    if unknown:
        raise CurriculumError(f"'{unknown[0]}' is not a topic (one of {', '.join(TOPICS)})")
    return {t: int(level) for t, level in topics.items() if level and 1 <= int(level) <= 3}


def save_learning(db: Database, person_id: int, topics: dict[str, int],
                  lessons: list[tuple[str, str]]) -> None:
    "What a senior wants to learn: topics with their own level, and lessons."
    levels = _levels(topics)
    with write(db):
        set_interests(db, person_id, levels, kind="wants")
        set_wanted_lessons(db, person_id, list(dict.fromkeys(lessons)))


def save_teaching(db: Database, person_id: int, topics: dict[str, int], capacity: int) -> None:
    "What a junior can teach (topics with their confidence) and how many seniors they take."
    levels = _levels(topics)
    if not 0 <= int(capacity) <= MAX_CAPACITY:
        raise PeopleError("profile.err_capacity",
                          f"A mentor can take from 0 to {MAX_CAPACITY} learners.",
                          most=MAX_CAPACITY)
    with write(db):
        set_interests(db, person_id, levels, kind="teaches")
        save_profile(db, person_id, capacity=int(capacity))
