"""Sessions, lesson runs, step results and attempts: what the senior did, and how.

A *session* is a sitting (a pair, or a senior alone). A *run* is one walk through one
lesson by one senior; it remembers the current step, so it can be resumed. A *step result*
holds a step's state in a run (hints used, answer shown, autonomy); every checked answer
that counts is an *attempt*.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from . import now, write

MAX_STEP_SECONDS = 30 * 60  # a step left open over lunch does not count for hours
MAX_ANSWER_CHARS = 10_000


@dataclass(frozen=True)
class Run:
    id: int
    person_id: int
    session_id: int | None
    mode: str
    pack_id: str
    lesson_id: str
    current_step: str | None
    started_at: str
    completed_at: str | None


@dataclass(frozen=True)
class StepResult:
    step_id: str
    status: str  # open | done
    attempts: int
    hints_used: int
    answer_shown: bool
    autonomy: str | None
    autonomy_by: str | None
    seconds: int


@dataclass(frozen=True)
class Attempt:
    run_id: int
    person_id: int
    pack_id: str
    lesson_id: str
    step_id: str
    answer: Any
    outcome: str
    rule: str | None
    hints_used: int
    answer_shown: bool
    autonomy: str | None
    duration_ms: int
    session_id: int | None = None


@dataclass(frozen=True)
class Summary:
    alone: int
    hinted: int
    helped: int
    steps_done: int
    seconds: int
    attempts: int


def _run(row: dict) -> Run:
    return Run(row["id"], row["person_id"], row["session_id"], row["mode"], row["pack_id"],
               row["lesson_id"], row["current_step"], row["started_at"], row["completed_at"])


def start_session(db: Database, mode: str, senior_id: int, junior_id: int | None = None,
                  pair_id: int | None = None) -> int:
    with write(db):
        return int(db["sessions"].insert({
            "mode": mode, "senior_id": senior_id, "junior_id": junior_id, "pair_id": pair_id,
            "started_at": now(),
        }).last_pk)


def end_session(db: Database, session_id: int) -> None:
    with write(db):
        db["sessions"].update(session_id, {"ended_at": now()})


def open_run(db: Database, person_id: int, pack_id: str, lesson_id: str, mode: str,
             session_id: int | None = None) -> Run:
    "The senior's unfinished run of this lesson (to resume), or a new one."
    with write(db):
        rows = list(db["runs"].rows_where(
            "person_id = ? and pack_id = ? and lesson_id = ? and completed_at is null "
            "and mode != 'review'",
            [person_id, pack_id, lesson_id], order_by="id desc", limit=1))
        stamp = now()
        if rows:
            db["runs"].update(rows[0]["id"], {"mode": mode, "session_id": session_id,
                                              "updated_at": stamp})
            return get_run(db, rows[0]["id"])
        pk = db["runs"].insert({
            "person_id": person_id, "session_id": session_id, "mode": mode,
            "pack_id": pack_id, "lesson_id": lesson_id, "current_step": None,
            "started_at": stamp, "updated_at": stamp, "completed_at": None,
        }).last_pk
        return get_run(db, int(pk))


def start_review_run(db: Database, person_id: int, pack_id: str, lesson_id: str,
                     step_id: str, session_id: int | None = None) -> Run:
    "A run of one step replayed in today's practice (never resumed as a lesson)."
    stamp = now()
    with write(db):
        pk = db["runs"].insert({
            "person_id": person_id, "session_id": session_id, "mode": "review",
            "pack_id": pack_id, "lesson_id": lesson_id, "current_step": step_id,
            "started_at": stamp, "updated_at": stamp, "completed_at": None,
        }).last_pk
    return get_run(db, int(pk))


def get_run(db: Database, run_id: int) -> Run:
    rows = list(db["runs"].rows_where("id = ?", [run_id]))
    if not rows:
        raise StoreError(f"lesson run {run_id} does not exist")
    return _run(rows[0])


def unfinished_run(db: Database, person_id: int, pack_id: str, lesson_id: str) -> Run | None:
    rows = list(db["runs"].rows_where(
        "person_id = ? and pack_id = ? and lesson_id = ? and completed_at is null "
        "and mode != 'review'",
        [person_id, pack_id, lesson_id], order_by="id desc", limit=1))
    return _run(rows[0]) if rows else None


def set_current_step(db: Database, run_id: int, step_id: str) -> None:
    with write(db):
        db["runs"].update(run_id, {"current_step": step_id, "updated_at": now()})


def step_results(db: Database, run_id: int) -> dict[str, StepResult]:
    return {
        r["step_id"]: StepResult(r["step_id"], r["status"], r["attempts"], r["hints_used"],
                                 bool(r["answer_shown"]), r["autonomy"], r["autonomy_by"],
                                 r["seconds"])
        for r in db["step_results"].rows_where("run_id = ?", [run_id])
    }


def _ensure_step(db: Database, run_id: int, step_id: str) -> None:
    db.execute(
        "insert or ignore into step_results (run_id, step_id, updated_at) values (?, ?, ?)",
        [run_id, step_id, now()])


def record_hint(db: Database, run_id: int, step_id: str) -> int:
    "One more hint revealed; returns how many are now shown."
    with write(db):
        _ensure_step(db, run_id, step_id)
        db.execute("update step_results set hints_used = hints_used + 1, updated_at = ? "
                   "where run_id = ? and step_id = ?", [now(), run_id, step_id])
        row = db.execute("select hints_used from step_results where run_id = ? and step_id = ?",
                         [run_id, step_id]).fetchone()
    return int(row[0])


def record_answer_shown(db: Database, run_id: int, step_id: str) -> None:
    with write(db):
        _ensure_step(db, run_id, step_id)
        db.execute("update step_results set answer_shown = 1, updated_at = ? "
                   "where run_id = ? and step_id = ?", [now(), run_id, step_id])


def stored_answer(answer: object) -> str:
    "The answer as JSON, at most MAX_ANSWER_CHARS: a longer one is kept as its valid start."
    text = json.dumps(answer, ensure_ascii=False, default=str)
    keep = MAX_ANSWER_CHARS // 2
    while len(text) > MAX_ANSWER_CHARS:
        text_start = json.dumps(answer, ensure_ascii=False, default=str)[:keep]
        text = json.dumps({"cut": True, "start": text_start}, ensure_ascii=False)
        keep //= 2
    return text


def record_attempt(db: Database, attempt: Attempt) -> int:
    "Store a checked answer that counts, and bump the step's attempt count."
    answer = stored_answer(attempt.answer)
    with write(db):
        _ensure_step(db, attempt.run_id, attempt.step_id)
        pk = db["attempts"].insert({
            "run_id": attempt.run_id, "session_id": attempt.session_id,
            "person_id": attempt.person_id, "pack_id": attempt.pack_id,
            "lesson_id": attempt.lesson_id, "step_id": attempt.step_id, "answer": answer,
            "outcome": attempt.outcome, "rule": attempt.rule,
            "hints_used": attempt.hints_used, "answer_shown": int(attempt.answer_shown),
            "autonomy": attempt.autonomy, "duration_ms": attempt.duration_ms,
            "created_at": now(),
        }).last_pk
        db.execute("update step_results set attempts = attempts + 1, updated_at = ? "
                   "where run_id = ? and step_id = ?",
                   [now(), attempt.run_id, attempt.step_id])
    return int(pk)


def complete_step(db: Database, run_id: int, step_id: str, autonomy: str | None,
                  seconds: int, by: str = "inferred") -> None:
    "Mark a step done with how the senior got there (None for explain steps)."
    seconds = max(0, min(int(seconds), MAX_STEP_SECONDS))
    stamp = now()
    with write(db):
        _ensure_step(db, run_id, step_id)
        row = db.execute("select status, autonomy_by from step_results "
                         "where run_id = ? and step_id = ?", [run_id, step_id]).fetchone()
        if row[0] == "done":
            return
        keep_mentor = row[1] == "mentor"
        db.execute(
            "update step_results set status = 'done', seconds = seconds + ?, updated_at = ?, "
            "completed_at = ?" + ("" if keep_mentor else ", autonomy = ?, autonomy_by = ?")
            + " where run_id = ? and step_id = ?",
            [seconds, stamp, stamp, *([] if keep_mentor else [autonomy, by]), run_id, step_id])


def set_autonomy(db: Database, run_id: int, step_id: str, autonomy: str,
                 by: str = "mentor") -> None:
    "The mentor's one tap: how the senior did this step. Also marks the last attempt."
    with write(db):
        _ensure_step(db, run_id, step_id)
        db.execute("update step_results set autonomy = ?, autonomy_by = ?, updated_at = ? "
                   "where run_id = ? and step_id = ?", [autonomy, by, now(), run_id, step_id])
        db.execute("update attempts set autonomy = ? where id = (select max(id) from attempts "
                   "where run_id = ? and step_id = ?)", [autonomy, run_id, step_id])


def complete_run(db: Database, run_id: int) -> None:
    stamp = now()
    with write(db):
        db["runs"].update(run_id, {"completed_at": stamp, "updated_at": stamp})


def summary(db: Database, run_id: int) -> Summary:
    row = db.execute(
        "select sum(autonomy = 'alone'), sum(autonomy = 'hinted'), sum(autonomy = 'helped'), "
        "sum(status = 'done'), sum(seconds), sum(attempts) from step_results where run_id = ?",
        [run_id]).fetchone()
    return Summary(*(int(x or 0) for x in row))


def lesson_states(db: Database, person_id: int) -> dict[tuple[str, str], str]:
    "(pack, lesson) -> 'done' or 'started', for the catalogue."
    out: dict[tuple[str, str], str] = {}
    for r in db.execute("select pack_id, lesson_id, max(completed_at is not null) from runs "
                        "where person_id = ? and mode != 'review' group by pack_id, lesson_id",
                        [person_id]):
        out[(r[0], r[1])] = "done" if r[2] else "started"
    return out


def finished_lessons(db: Database, person_id: int | None = None
                     ) -> list[tuple[int, str, str]]:
    "(person, pack, lesson) of every lesson finished (by one person, or anyone), in order."
    where, args = ("where completed_at is not null and mode != 'review'", [])
    if person_id is not None:
        where, args = where + " and person_id = ?", [person_id]
    return [(r[0], r[1], r[2]) for r in db.execute(
        "select person_id, pack_id, lesson_id, min(completed_at) as first, min(id) from runs "
        f"{where} group by person_id, pack_id, lesson_id order by first, min(id)", args)]


EXPORT_COLUMNS = ("attempt_id", "created_at", "person", "role", "mode", "pack_id",
                  "lesson_id", "step_id", "outcome", "hints_used", "answer_shown", "autonomy",
                  "duration_ms", "answer")


def export_rows(db: Database) -> list[tuple]:
    "Every attempt, with who and how, oldest first (for CSV)."
    return list(db.execute(
        "select a.id, a.created_at, p.name, p.role, r.mode, a.pack_id, a.lesson_id, a.step_id, "
        "a.outcome, a.hints_used, a.answer_shown, a.autonomy, a.duration_ms, a.answer "
        "from attempts a join people p on p.id = a.person_id join runs r on r.id = a.run_id "
        "order by a.id").fetchall())


def memo_notes(db: Database, person_id: int, pack_id: str,
               lesson_id: str) -> tuple[str | None, str | None]:
    """For the memo card: the senior's own notes (what they wrote they learnt) and the
    mentor's tip (their plan for next time, else the session's notes), from the latest
    session in which the senior did this lesson."""
    row = db.execute(
        "select s.id, s.notes from runs r join sessions s on s.id = r.session_id "
        "where r.person_id = ? and r.pack_id = ? and r.lesson_id = ? and s.mode = 'pair' "
        "order by s.started_at desc, s.id desc limit 1",
        [person_id, pack_id, lesson_id]).fetchone()
    if row is None:
        return None, None
    mine = db.execute("select learnt from feedback where session_id = ? and author_id = ? "
                      "order by id desc limit 1", [row[0], person_id]).fetchone()
    theirs = db.execute("select next_plan from feedback where session_id = ? and "
                        "author_id != ? order by id desc limit 1",
                        [row[0], person_id]).fetchone()
    return (mine[0] if mine else None) or None, (theirs[0] if theirs else None) or row[1]
