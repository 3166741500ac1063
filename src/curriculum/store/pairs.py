"""Pairs (binômes): proposed by the matcher, accepted, swapped, made by hand, ended.

A pair's status goes proposed -> active -> ended. Asking for new proposals withdraws the
current ones (status `withdrawn`), and so does pairing their senior by hand. Columns
`explanation` and `warnings` hold the matcher's reasons as JSON, a list of
`{"kind", "params"}` (see `curriculum.programme.matching`): pages put them into words.
A pair changed by the coordinator (swapped, or made by hand) has `hand_made` = 1, and its
`warnings` list the constraints it breaks.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlite_utils import Database

from ..errors import CurriculumError
from ..programme import matching
from ..programme.matching import Match, Proposals, Reason, Unpaired
from . import now, write
from .people import Person, get_person, list_people

STATUSES = ("proposed", "active", "ended", "withdrawn")


class PairError(CurriculumError):
    "A pair cannot be changed as asked; `key` and `params` say why in any language."

    def __init__(self, key: str, message: str, **params: object):
        self.key, self.params = key, params
        super().__init__(message)


@dataclass(frozen=True)
class Pair:
    id: int
    senior: Person
    junior: Person
    status: str
    score: float | None
    reasons: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    hand_made: bool
    created_at: str
    accepted_at: str | None
    ended_at: str | None


def _reasons(value: str | None) -> tuple[Reason, ...]:
    return tuple(Reason.from_dict(d) for d in json.loads(value)) if value else ()


def _dump(reasons: Iterable[Reason]) -> str:
    return json.dumps([r.to_dict() for r in reasons], ensure_ascii=False)


def list_pairs(db: Database, status: str | None = None) -> list[Pair]:
    "Pairs with their people (all, or with one status), the best scores first."
    where, args = ("status = ?", [status]) if status else (None, None)
    rows = list(db["pairs"].rows_where(where, args, order_by="score desc, id"))
    everyone = {p.id: p for p in list_people(db)} if rows else {}
    return [_pair(r, everyone[r["senior_id"]], everyone[r["junior_id"]]) for r in rows]


def _pair(r: dict, senior: Person, junior: Person) -> Pair:
    return Pair(r["id"], senior, junior, r["status"], r["score"], _reasons(r["explanation"]),
                _reasons(r["warnings"]), bool(r["hand_made"]), r["created_at"],
                r["accepted_at"], r["ended_at"])


def get_pair(db: Database, pair_id: int) -> Pair:
    rows = list(db["pairs"].rows_where("id = ?", [pair_id]))
    if not rows:
        raise PairError("pairs.error.no_pair", f"there is no pair {pair_id}", id=pair_id)
    r = rows[0]
    senior, junior = get_person(db, r["senior_id"]), get_person(db, r["junior_id"])
    assert senior is not None and junior is not None  # foreign keys
    return _pair(r, senior, junior)


def _ids(db: Database, status: str) -> list[tuple[int, int]]:
    return [(r[0], r[1]) for r in db.execute(
        "select senior_id, junior_id from pairs where status = ?", [status])]


def active_pair_id(db: Database, senior_id: int, junior_id: int | None) -> int | None:
    "The running pair of this senior and junior, if they are one."
    if junior_id is None:
        return None
    row = db.execute("select id from pairs where senior_id = ? and junior_id = ? and "
                     "status = 'active' order by id desc limit 1",
                     [senior_id, junior_id]).fetchone()
    return int(row[0]) if row else None


def active_pairs(db: Database) -> list[tuple[int, int]]:
    "(senior_id, junior_id) of the pairs that are running."
    return _ids(db, "active")


def _people(db: Database) -> tuple[list[Person], list[Person]]:
    "Seniors with the topics they want, juniors with those they teach (one may be both)."
    topics: dict[tuple[int, str], dict[str, int]] = {}
    for person_id, kind, topic, level in db.execute(
            "select person_id, kind, topic, level from interests"):
        topics.setdefault((person_id, kind), {})[topic] = level
    return ([replace(p, interests=topics.get((p.id, "wants"), {}))
             for p in list_people(db, "senior")],
            [replace(p, interests=topics.get((p.id, "teaches"), {}))
             for p in list_people(db, "junior")])


def propose(db: Database) -> Proposals:
    "Withdraw the current proposals and store the best new set (see `matching.propose`)."
    with write(db):
        seniors, juniors = _people(db)
        result = matching.propose(seniors, juniors, active_pairs(db))
        db.execute("update pairs set status = 'withdrawn', ended_at = ? "
                   "where status = 'proposed'", [now()])
        db["pairs"].insert_all(
            {"senior_id": m.senior_id, "junior_id": m.junior_id, "status": "proposed",
             "score": m.score, "explanation": _dump(m.reasons), "warnings": "[]",
             "hand_made": 0, "created_at": now()} for m in result.pairs)
    return result


def unpaired(db: Database) -> list[Unpaired]:
    "Who is in no pair (active or proposed) now, and why."
    seniors, juniors = _people(db)
    return matching.unpaired(seniors, juniors, active_pairs(db), _ids(db, "proposed"))


def check(db: Database, senior_id: int, junior_id: int) -> Match:
    "Score, reasons and warnings of a pair the coordinator may make by hand."
    senior, junior = _person(db, senior_id, "senior"), _person(db, junior_id, "junior")
    senior, junior = _topics(db, senior, "wants"), _topics(db, junior, "teaches")
    active = active_pairs(db)
    free = matching.capacity(junior) - sum(1 for _, j in active if j == junior.id)
    partners = [j for s, j in active if s == senior.id and j != junior.id]
    partner = get_person(db, partners[0]) if partners else None
    return matching.explain(senior, junior, free, partner.name if partner else None)


def _topics(db: Database, person: Person, kind: str) -> Person:
    return replace(person, interests={r[0]: r[1] for r in db.execute(
        "select topic, level from interests where person_id = ? and kind = ?",
        [person.id, kind])})


def _person(db: Database, person_id: int, role: str) -> Person:
    person = get_person(db, person_id)
    if person is None or not person.has_role(role):
        raise PairError(f"pairs.error.no_{role}", f"person {person_id} is not a {role}",
                        id=person_id)
    return person


def _proposed(db: Database, pair_id: int) -> Pair:
    pair = get_pair(db, pair_id)
    if pair.status != "proposed":
        raise PairError("pairs.error.not_proposed",
                        f"the pair of {pair.senior.name} and {pair.junior.name} is "
                        f"{pair.status}, not proposed", senior=pair.senior.name,
                        junior=pair.junior.name)
    return pair


def accept(db: Database, pair_id: int) -> Pair:
    """Start a proposed pair. A proposal that no longer fits (a constraint broken since it
    was made) is refused; a swapped one is accepted with its warnings brought up to date."""
    with write(db):
        pair = _proposed(db, pair_id)
        match = check(db, pair.senior.id, pair.junior.id)
        if match.problems and not pair.hand_made:
            raise PairError("pairs.error.stale",
                            f"{pair.senior.name} and {pair.junior.name} no longer fit "
                            "together: ask for new proposals, or pair them by hand",
                            senior=pair.senior.name, junior=pair.junior.name)
        db["pairs"].update(pair_id, {"status": "active", "accepted_at": now(),
                                     "warnings": _dump(match.problems)})
    return get_pair(db, pair_id)


def accept_all(db: Database) -> tuple[int, int]:
    """Accept every proposal that still fits, the best first (as `accept`, in one pass):
    (accepted, left) counts."""
    accepted = left = 0
    with write(db):
        seniors, juniors = ({p.id: p for p in side} for side in _people(db))
        names = {r[0]: r[1] for r in db.execute("select id, name from people")}
        active = active_pairs(db)
        used = Counter(j for _, j in active)
        mentor = {s: j for s, j in active}
        for pair_id, s, j, hand_made in list(db.execute(
                "select id, senior_id, junior_id, hand_made from pairs "
                "where status = 'proposed' order by score desc, id")):
            if s not in seniors or j not in juniors:
                left += 1
                continue
            partner = names.get(mentor[s]) if mentor.get(s, j) != j else None
            problems = matching.problems(seniors[s], juniors[j],
                                         matching.capacity(juniors[j]) - used[j], partner)
            if problems and not hand_made:
                left += 1
                continue
            db["pairs"].update(pair_id, {"status": "active", "accepted_at": now(),
                                         "warnings": _dump(problems)})
            used[j] += 1
            mentor.setdefault(s, j)
            accepted += 1
    return accepted, left


def swap(db: Database, first_id: int, second_id: int) -> tuple[Pair, Pair]:
    "Exchange the juniors of two proposals; each is rescored and keeps its warnings."
    with write(db):
        a, b = _proposed(db, first_id), _proposed(db, second_id)
        if a.id == b.id or a.junior.id == b.junior.id:
            raise PairError("pairs.error.same_junior",
                            "choose two proposals with different mentors")
        for pair, junior in ((a, b.junior), (b, a.junior)):
            match = check(db, pair.senior.id, junior.id)
            db["pairs"].update(pair.id, {
                "junior_id": junior.id, "score": match.score, "hand_made": 1,
                "explanation": _dump(match.reasons), "warnings": _dump(match.problems)})
    return get_pair(db, first_id), get_pair(db, second_id)


def pair_by_hand(db: Database, senior_id: int, junior_id: int) -> Pair:
    """Start a pair the coordinator chose. It may break a constraint (language, line
    manager, capacity): the warnings are stored with it. The senior's proposals are withdrawn."""
    with write(db):
        match = check(db, senior_id, junior_id)
        if any(r.kind == "same_person" for r in match.problems):
            raise PairError("pairs.error.same_person", "a person cannot mentor themselves")
        if (senior_id, junior_id) in active_pairs(db):
            raise PairError("pairs.error.already", "these two are already a pair")
        db.execute("update pairs set status = 'withdrawn', ended_at = ? "
                   "where status = 'proposed' and senior_id = ?", [now(), senior_id])
        stamp = now()
        pk = db["pairs"].insert({
            "senior_id": senior_id, "junior_id": junior_id, "status": "active",
            "score": match.score, "explanation": _dump(match.reasons),
            "warnings": _dump(match.problems), "hand_made": 1, "created_at": stamp,
            "accepted_at": stamp}).last_pk
    return get_pair(db, int(pk))  # type: ignore[arg-type]


def end(db: Database, pair_id: int) -> Pair:
    "End a running pair (its sessions and agreement stay)."
    with write(db):
        pair = get_pair(db, pair_id)
        if pair.status != "active":
            raise PairError("pairs.error.not_active",
                            f"the pair of {pair.senior.name} and {pair.junior.name} is not "
                            "running", senior=pair.senior.name, junior=pair.junior.name)
        db["pairs"].update(pair_id, {"status": "ended", "ended_at": now()})
    return get_pair(db, pair_id)
