"""The session log of the pairs, and feedback both ways.

A *pair session* is a `sessions` row with a pair_id, started from the pair's page and ended
there with notes. At the end the senior gives quick feedback on the junior (tact, patience,
clarity, respect: 1 to 5, and a comment) and the junior writes a reflection (what went well,
what they will do differently, what they learnt from the senior, the next session's plan).
Each person gives one of each per session; giving it again replaces it.

Reads for the pair page and the coordinator's dashboard come as plain records
(`programme_data`), which the pure modules `programme.goals` and `programme.dashboard` turn
into progress and aggregates. `export(db, what)` gives the CSV tables.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from ..errors import CurriculumError
from . import now, write
from .agreements import Agreement, agreements
from .progress import EXPORT_COLUMNS, export_rows

SCORES = ("tact", "patience", "clarity", "respect")
FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}  # the 1-5 scale, as it is shown
MAX_TEXT = 2000
ACTIVE = "active"  # the status of a running pair (see store.pairs)
SHOWN = ("active", "ended")  # pairs that are (or were) real: not proposals


class FeedbackError(CurriculumError):
    "Feedback that cannot be recorded; `key` names the UI message."

    def __init__(self, message: str, key: str, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class PairRecord:
    id: int
    senior_id: int
    junior_id: int
    senior_name: str
    junior_name: str
    status: str
    created_at: datetime | None = None
    accepted_at: datetime | None = None
    ended_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.status == ACTIVE

    @property
    def since(self) -> datetime | None:
        return self.accepted_at or self.created_at


@dataclass(frozen=True)
class SessionRecord:
    id: int
    pair_id: int | None
    senior_id: int
    junior_id: int | None
    started_at: datetime
    ended_at: datetime | None
    notes: str = ""

    @property
    def minutes(self) -> int | None:
        if self.ended_at is None:
            return None
        return max(0, round((self.ended_at - self.started_at).total_seconds() / 60))


@dataclass(frozen=True)
class Feedback:
    session_id: int
    author_id: int
    role: str  # "senior": feedback on the junior; "junior": the junior's reflection
    created_at: datetime
    scores: dict[str, int] = field(default_factory=dict)  # tact, patience, clarity, respect
    comment: str = ""
    went_well: str = ""
    do_differently: str = ""
    learnt: str = ""
    next_plan: str = ""

    @property
    def average(self) -> float | None:
        return sum(self.scores.values()) / len(self.scores) if self.scores else None


@dataclass(frozen=True)
class StepRecord:
    "One step of one lesson run of a senior, with how they did it."
    person_id: int
    run_id: int
    pack_id: str
    lesson_id: str
    step_id: str
    autonomy: str | None
    completed_at: datetime | None


@dataclass(frozen=True)
class AttemptRecord:
    session_id: int
    run_id: int
    pack_id: str
    lesson_id: str
    step_id: str


@dataclass(frozen=True)
class LessonDone:
    person_id: int
    pack_id: str
    lesson_id: str
    completed_at: datetime


@dataclass(frozen=True)
class ProgrammeData:
    "Everything the pair page and the dashboard compute from (plain records)."
    pairs: tuple[PairRecord, ...] = ()
    agreements: dict[int, Agreement] = field(default_factory=dict)
    sessions: tuple[SessionRecord, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    steps: tuple[StepRecord, ...] = ()
    attempts: tuple[AttemptRecord, ...] = ()
    lessons_done: tuple[LessonDone, ...] = ()

    def pair(self, pair_id: int) -> PairRecord | None:
        return next((p for p in self.pairs if p.id == pair_id), None)


# --- pairs ----------------------------------------------------------------------------------

_PAIRS = ("select p.id, p.senior_id, p.junior_id, s.name, j.name, p.status, p.created_at, "
          "p.accepted_at, p.ended_at from pairs p join people s on s.id = p.senior_id "
          "join people j on j.id = p.junior_id")


def _pair(row: Sequence) -> PairRecord:
    return PairRecord(row[0], row[1], row[2], row[3], row[4], row[5], parse_time(row[6]),
                      parse_time(row[7]), parse_time(row[8]))


def pairs_for(db: Database, person_ids: Iterable[int] | None = None,
              active_only: bool = False) -> list[PairRecord]:
    """Running and ended pairs (of these people, as senior or junior; proposals left
    aside), running ones first, then by names."""
    where, args = ["p.status in (?, ?)"], list(SHOWN)
    if person_ids is not None:
        ids = list(person_ids)
        marks = ",".join("?" * len(ids)) or "null"
        where.append(f"(p.senior_id in ({marks}) or p.junior_id in ({marks}))")
        args += ids + ids
    if active_only:
        where.append("p.status = ?")
        args.append(ACTIVE)
    sql = _PAIRS + " where " + " and ".join(where) + " order by s.name, j.name"
    pairs = [_pair(r) for r in db.execute(sql, args)]
    return sorted(pairs, key=lambda p: not p.active)


def get_pair(db: Database, pair_id: int) -> PairRecord | None:
    row = db.execute(_PAIRS + " where p.id = ?", [pair_id]).fetchone()
    return _pair(row) if row else None


# --- sessions -------------------------------------------------------------------------------

def _session(row: Sequence) -> SessionRecord:
    return SessionRecord(row[0], row[1], row[2], row[3], parse_time(row[4]),  # type: ignore[arg-type]
                         parse_time(row[5]), row[6] or "")


_SESSIONS = ("select id, pair_id, senior_id, junior_id, started_at, ended_at, notes "
             "from sessions")


def get_session(db: Database, session_id: int) -> SessionRecord | None:
    row = db.execute(_SESSIONS + " where id = ?", [session_id]).fetchone()
    return _session(row) if row else None


def open_session(db: Database, pair_id: int) -> SessionRecord | None:
    "The pair's session that was started and not ended yet (the latest one)."
    row = db.execute(_SESSIONS + " where pair_id = ? and ended_at is null "
                     "order by started_at desc, id desc limit 1", [pair_id]).fetchone()
    return _session(row) if row else None


def end_session(db: Database, session_id: int, notes: str = "") -> SessionRecord:
    "End a pair session (once) and keep its notes."
    notes = str(notes or "").strip()[:MAX_TEXT]
    with write(db):
        found = get_session(db, session_id)
        if found is None:
            raise FeedbackError(f"session {session_id} does not exist", "pair.error.no_session")
        changes: dict[str, object] = {"notes": notes or found.notes or None}
        if found.ended_at is None:
            changes["ended_at"] = now()
        db["sessions"].update(session_id, changes)
    return get_session(db, session_id)  # type: ignore[return-value]


# --- feedback -------------------------------------------------------------------------------

def _text(value: object) -> str:
    return str(value or "").strip()[:MAX_TEXT]


def _save(db: Database, session_id: int, author_id: int, role: str, row: dict) -> None:
    with write(db):
        found = get_session(db, session_id)
        if found is None:
            raise FeedbackError(f"session {session_id} does not exist", "pair.error.no_session")
        expected = found.senior_id if role == "senior" else found.junior_id
        if author_id != expected:
            raise FeedbackError(f"only the session's {role} can write this",
                                "pair.error.not_yours")
        db.execute("delete from feedback where session_id = ? and role = ?", [session_id, role])
        db["feedback"].insert({"session_id": session_id, "author_id": author_id, "role": role,
                               "created_at": now(), **row})


def give_feedback(db: Database, session_id: int, author_id: int,
                  scores: dict[str, int | None], comment: str = "") -> None:
    "The senior's quick feedback on the junior: each score 1-5 (or left out), a comment."
    kept = {k: v for k, v in scores.items() if v is not None}
    for key, value in kept.items():
        if key not in SCORES or not isinstance(value, int) or not 1 <= value <= 5:
            raise FeedbackError(f"'{key}' must be a score from 1 to 5", "pair.error.score")
    if not kept and not _text(comment):
        raise FeedbackError("choose at least one face, or write a comment",
                            "pair.error.empty_feedback")
    _save(db, session_id, author_id, "senior", {**kept, "comment": _text(comment) or None})


def give_reflection(db: Database, session_id: int, author_id: int, *, went_well: str = "",
                    do_differently: str = "", learnt: str = "", next_plan: str = "") -> None:
    "The junior's reflection on the session, and the next session's plan."
    row = {"went_well": _text(went_well), "do_differently": _text(do_differently),
           "learnt": _text(learnt), "next_plan": _text(next_plan)}
    if not any(row.values()):
        raise FeedbackError("write at least one answer", "pair.error.empty_reflection")
    _save(db, session_id, author_id, "junior", {k: v or None for k, v in row.items()})


def _feedback(row: dict) -> Feedback:
    return Feedback(
        row["session_id"], row["author_id"], row["role"],
        parse_time(row["created_at"]),  # type: ignore[arg-type]
        {k: row[k] for k in SCORES if row[k] is not None}, row["comment"] or "",
        row["went_well"] or "", row["do_differently"] or "", row["learnt"] or "",
        row["next_plan"] or "")


def session_feedback(db: Database, session_id: int) -> dict[str, Feedback]:
    "role -> feedback, for one session."
    return {r["role"]: _feedback(r)
            for r in db["feedback"].rows_where("session_id = ?", [session_id])}


# --- everything the pure modules need ---------------------------------------------------------

def programme_data(db: Database, pair_ids: Iterable[int] | None = None) -> ProgrammeData:
    "The pairs (all, or these), their agreements, sessions, feedback and the seniors' steps."
    wanted = None if pair_ids is None else set(pair_ids)
    pairs = [p for p in pairs_for(db) if wanted is None or p.id in wanted]
    ids = [p.id for p in pairs]
    seniors = sorted({p.senior_id for p in pairs})
    marks = ",".join("?" * len(ids)) or "null"
    sessions = tuple(_session(r) for r in db.execute(
        _SESSIONS + f" where pair_id in ({marks}) order by started_at, id", ids))
    session_ids = [s.id for s in sessions]
    s_marks = ",".join("?" * len(session_ids)) or "null"
    feedback = tuple(_feedback(r) for r in db.query(
        f"select * from feedback where session_id in ({s_marks}) order by created_at, id",
        session_ids))
    p_marks = ",".join("?" * len(seniors)) or "null"
    steps = tuple(StepRecord(r[0], r[1], r[2], r[3], r[4], r[5], parse_time(r[6]))
                  for r in db.execute(
        "select r.person_id, r.id, r.pack_id, r.lesson_id, sr.step_id, sr.autonomy, "
        "sr.completed_at from step_results sr join runs r on r.id = sr.run_id "
        f"where r.person_id in ({p_marks}) and sr.status = 'done' "
        "order by sr.completed_at, r.id", seniors))
    attempts = tuple(AttemptRecord(*r) for r in db.execute(
        "select distinct session_id, run_id, pack_id, lesson_id, step_id from attempts "
        f"where session_id in ({s_marks})", session_ids))
    done = tuple(LessonDone(r[0], r[1], r[2], parse_time(r[3]))  # type: ignore[arg-type]
                 for r in db.execute(
        "select person_id, pack_id, lesson_id, min(completed_at) from runs "
        f"where person_id in ({p_marks}) and completed_at is not null "
        "group by person_id, pack_id, lesson_id", seniors))
    return ProgrammeData(tuple(pairs), agreements(db, ids), sessions, feedback, steps,
                         attempts, done)


# --- CSV ------------------------------------------------------------------------------------

EXPORTS = ("pairs", "sessions", "feedback")
_EXPORT_SQL = {
    "pairs": (
        ("pair_id", "senior", "junior", "status", "accepted_at", "ended_at", "goals",
         "own_goal", "sessions_planned", "minutes", "rhythm", "senior_confirmed_at",
         "junior_confirmed_at", "sessions_held", "last_session"),
        "select p.id, s.name, j.name, p.status, p.accepted_at, p.ended_at, "
        "(select group_concat(value, '; ') from json_each(a.goals)), "
        "a.own_goal, a.sessions_planned, a.minutes, a.rhythm, a.senior_confirmed_at, "
        "a.junior_confirmed_at, (select count(*) from sessions x where x.pair_id = p.id), "
        "(select max(started_at) from sessions x where x.pair_id = p.id) "
        "from pairs p join people s on s.id = p.senior_id join people j on j.id = p.junior_id "
        "left join agreements a on a.pair_id = p.id where p.status in ('active', 'ended') "
        "order by p.id"),
    "sessions": (
        ("session_id", "pair_id", "senior", "junior", "started_at", "ended_at", "minutes",
         "lessons", "steps_attempted", "notes"),
        "select x.id, x.pair_id, s.name, j.name, x.started_at, x.ended_at, "
        "cast(round((julianday(x.ended_at) - julianday(x.started_at)) * 1440) as integer), "
        "(select group_concat(distinct a.pack_id || '/' || a.lesson_id) from attempts a "
        "where a.session_id = x.id), "
        "(select count(distinct a.run_id || '/' || a.step_id) from attempts a "
        "where a.session_id = x.id), x.notes "
        "from sessions x join people s on s.id = x.senior_id "
        "left join people j on j.id = x.junior_id where x.pair_id is not null "
        "order by x.started_at, x.id"),
    "feedback": (
        ("session_id", "pair_id", "session_date", "author", "role", *SCORES, "comment",
         "went_well", "do_differently", "learnt", "next_plan", "created_at"),
        "select f.session_id, x.pair_id, x.started_at, p.name, f.role, f.tact, f.patience, "
        "f.clarity, f.respect, f.comment, f.went_well, f.do_differently, f.learnt, "
        "f.next_plan, f.created_at from feedback f join sessions x on x.id = f.session_id "
        "join people p on p.id = f.author_id order by x.started_at, f.session_id, f.role desc"),
}


def export(db: Database, what: str) -> tuple[tuple[str, ...], list[tuple]]:
    "The columns and rows of a CSV table: pairs, sessions or feedback."
    if what not in _EXPORT_SQL:
        raise CurriculumError(f"cannot export '{what}': choose one of {', '.join(EXPORTS)}")
    columns, sql = _EXPORT_SQL[what]
    return columns, [tuple(r) for r in db.execute(sql).fetchall()]


def export_csv(db: Database, what: str) -> str:
    "A CSV table as text: one of `EXPORTS`, or every attempt ('attempts')."
    if what == "attempts":
        return csv_text(EXPORT_COLUMNS, export_rows(db))
    return csv_text(*export(db, what))


def csv_text(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    "CSV (with a header line) as text, for a download button."
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return out.getvalue()


def safe_cell(value: object) -> object:
    "Text that a spreadsheet would run as a formula (=, +, -, @) starts with a quote."
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
