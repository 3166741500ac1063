"""A pair's agreement: goals from the catalogue, the senior's own goal, rhythm, ground rules.

Both the senior and the junior confirm it (`senior_confirmed_at`, `junior_confirmed_at`);
changing anything after that asks both to confirm again. Goals are catalogue references:
a whole pack ("email-basics") or one lesson ("email-basics/first-email").

Errors a user can fix are `AgreementError`s; each has a `key` (and `params`) for the UI
catalogue, so a page can say it in the interface language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from ..errors import CurriculumError
from . import now, write

RHYTHMS = ("weekly", "fortnightly")
MINUTES = (30, 45, 60, 90, 120)
MAX_SESSIONS = 52
MAX_OWN_GOAL = 300
MAX_RULE = 200
MAX_RULES = 12
GOAL = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$")

GROUND_RULES = {
    "en": (
        "We respect each other: our time, our pace, our way of doing things.",
        "We are patient: learning takes time, for both of us.",
        "What we say and see here stays between us.",
        "No question is silly: we ask whenever something is not clear.",
    ),
    "fr": (
        "Nous nous respectons : notre temps, notre rythme, notre façon de faire.",
        "Nous sommes patients : apprendre prend du temps, pour tous les deux.",
        "Ce que nous disons et voyons ici reste entre nous.",
        "Aucune question n'est bête : nous demandons dès que quelque chose n'est pas clair.",
    ),
}


class AgreementError(CurriculumError):
    "An agreement cannot be saved or confirmed as it is; `key` names the UI message."

    def __init__(self, message: str, key: str, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Agreement:
    pair_id: int
    goals: tuple[str, ...] = ()  # "pack" or "pack/lesson"
    own_goal: str = ""  # the senior's goal, in their words
    sessions_planned: int = 6
    minutes: int = 60
    rhythm: str = "weekly"
    ground_rules: tuple[str, ...] = field(default_factory=tuple)
    senior_confirmed_at: str | None = None
    junior_confirmed_at: str | None = None
    updated_at: str | None = None
    id: int | None = None  # None: not saved yet

    @property
    def saved(self) -> bool:
        return self.id is not None

    @property
    def confirmed(self) -> bool:
        "Both have confirmed this version."
        return bool(self.senior_confirmed_at and self.junior_confirmed_at)

    @property
    def confirmed_by_anyone(self) -> bool:
        "One of them (or both) has confirmed this version."
        return bool(self.senior_confirmed_at or self.junior_confirmed_at)

    def confirmed_by(self, role: str) -> str | None:
        return self.senior_confirmed_at if role == "senior" else self.junior_confirmed_at

    def content(self) -> tuple:
        "What both agree on (a change to any of it asks them to confirm again)."
        return (self.goals, self.own_goal, self.sessions_planned, self.minutes, self.rhythm,
                self.ground_rules)


def default_rules(lang: str) -> tuple[str, ...]:
    "The template of ground rules in a language (English if unknown)."
    return GROUND_RULES.get(lang, GROUND_RULES["en"])


def draft(pair_id: int, lang: str = "en") -> Agreement:
    "A new agreement to fill in: 6 sessions of an hour, weekly, the template's rules."
    return Agreement(pair_id, ground_rules=default_rules(lang))


def split_goal(goal: str) -> tuple[str, str | None]:
    "'pack/lesson' -> ('pack', 'lesson'); 'pack' -> ('pack', None)."
    pack, _, lesson = goal.partition("/")
    return pack, lesson or None


def _rules(value: str | None) -> tuple[str, ...]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(str(x) for x in data) if isinstance(data, list) else ()


def _agreement(row: dict) -> Agreement:
    return Agreement(
        row["pair_id"], _rules(row["goals"]), row["own_goal"] or "",
        row["sessions_planned"] or 6, row["minutes"] or 60, row["rhythm"] or "weekly",
        _rules(row["ground_rules"]), row["senior_confirmed_at"], row["junior_confirmed_at"],
        row["updated_at"], row["id"])


def get_agreement(db: Database, pair_id: int) -> Agreement | None:
    rows = list(db["agreements"].rows_where("pair_id = ?", [pair_id], limit=1))
    return _agreement(rows[0]) if rows else None


def agreements(db: Database, pair_ids: Iterable[int] | None = None) -> dict[int, Agreement]:
    "Every agreement (or those of these pairs), by pair id."
    rows = db["agreements"].rows
    wanted = None if pair_ids is None else set(pair_ids)
    return {r["pair_id"]: _agreement(r) for r in rows
            if wanted is None or r["pair_id"] in wanted}


def clean(agreement: Agreement, known_goals: Collection[str] | None = None) -> Agreement:
    "The agreement tidied up (spaces, empty and repeated lines), or an AgreementError."
    goals: list[str] = []
    for goal in agreement.goals:
        goal = str(goal).strip()
        if not GOAL.match(goal) or (known_goals is not None and goal not in known_goals):
            raise AgreementError(f"'{goal}' is not a pack or lesson of the catalogue",
                                 "agreement.error.goal", goal=goal)
        if goal not in goals:
            goals.append(goal)
    own = " ".join(str(agreement.own_goal or "").split())
    if len(own) > MAX_OWN_GOAL:
        raise AgreementError(f"the senior's own goal can have at most {MAX_OWN_GOAL} "
                             "characters", "agreement.error.own_goal", n=MAX_OWN_GOAL)
    if not goals and not own:
        raise AgreementError("choose at least one goal, or write the senior's own goal",
                             "agreement.error.no_goal")
    try:
        sessions, minutes = int(agreement.sessions_planned), int(agreement.minutes)
    except (TypeError, ValueError):
        sessions = minutes = 0
    if not 1 <= sessions <= MAX_SESSIONS:
        raise AgreementError(f"plan between 1 and {MAX_SESSIONS} sessions",
                             "agreement.error.sessions", n=MAX_SESSIONS)
    if not 10 <= minutes <= 240:
        raise AgreementError("a session lasts between 10 and 240 minutes",
                             "agreement.error.minutes")
    if agreement.rhythm not in RHYTHMS:
        raise AgreementError(f"the rhythm is one of {', '.join(RHYTHMS)}",
                             "agreement.error.rhythm")
    rules: list[str] = []
    for rule in agreement.ground_rules:
        rule = " ".join(str(rule).split()).lstrip("-•* ").strip()
        if len(rule) > MAX_RULE:
            raise AgreementError(f"a ground rule can have at most {MAX_RULE} characters",
                                 "agreement.error.rule_length", n=MAX_RULE)
        if rule and rule not in rules:
            rules.append(rule)
    if len(rules) > MAX_RULES:
        raise AgreementError(f"write at most {MAX_RULES} ground rules",
                             "agreement.error.rules", n=MAX_RULES)
    return replace(agreement, goals=tuple(goals), own_goal=own, sessions_planned=sessions,
                   minutes=minutes, ground_rules=tuple(rules))


def rules_from_text(text: str) -> tuple[str, ...]:
    "Ground rules typed one per line (bullets allowed)."
    return tuple(line for line in (x.strip() for x in str(text).splitlines()) if line)


def _pair_exists(db: Database, pair_id: int) -> None:
    if db.execute("select 1 from pairs where id = ?", [pair_id]).fetchone() is None:
        raise AgreementError(f"pair {pair_id} does not exist", "agreement.error.no_pair")


def save_agreement(db: Database, agreement: Agreement,
                   known_goals: Collection[str] | None = None) -> Agreement:
    """Save the pair's agreement. If it changed after a confirmation, both confirmations
    are cleared: both confirm the new version again."""
    new = clean(agreement, known_goals)
    stamp = now()
    with write(db):
        _pair_exists(db, new.pair_id)
        old = get_agreement(db, new.pair_id)
        if old is not None and old.content() == new.content():
            return old
        row = {"pair_id": new.pair_id, "goals": json.dumps(list(new.goals)),
               "own_goal": new.own_goal, "sessions_planned": new.sessions_planned,
               "minutes": new.minutes, "rhythm": new.rhythm,
               "ground_rules": json.dumps(list(new.ground_rules), ensure_ascii=False),
               "senior_confirmed_at": None, "junior_confirmed_at": None, "updated_at": stamp}
        if old is None:
            db["agreements"].insert(row)
        else:
            db["agreements"].update(old.id, row)
        return get_agreement(db, new.pair_id)  # type: ignore[return-value]


def confirm(db: Database, pair_id: int, role: str) -> Agreement:
    "The senior or the junior confirms the agreement as it is now."
    if role not in ("senior", "junior"):
        raise AgreementError(f"only the senior or the junior confirms, not '{role}'",
                             "agreement.error.role")
    with write(db):
        old = get_agreement(db, pair_id)
        if old is None:
            raise AgreementError("save the agreement before confirming it",
                                 "agreement.error.not_saved")
        if old.confirmed_by(role) is None:
            db["agreements"].update(old.id, {f"{role}_confirmed_at": now()})
        return get_agreement(db, pair_id)  # type: ignore[return-value]
