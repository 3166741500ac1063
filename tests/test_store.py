"""Progress in SQLite: migrations, pragmas, people, runs, hints, attempts, autonomy, export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from curriculum.errors import CurriculumError, StoreError
from curriculum.store import db_path, open_db, session, write
from curriculum.store import people as P
from curriculum.store import progress as R
from curriculum.store.schema import MIGRATIONS


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "progress.db")  # not the conftest's: reopened by name
    yield database
    database.close()


@pytest.fixture
def run(db: Database) -> R.Run:
    senior = P.create_person(db, "Marie Dupont", "senior", "fr")
    return R.open_run(db, senior.id, "email-basics", "first-email", "solo")


def attempt(run: R.Run, step: str = "which-box", outcome: str = "wrong", answer: object = "to",
            autonomy: str | None = None) -> R.Attempt:
    return R.Attempt(run.id, run.person_id, run.pack_id, run.lesson_id, step, answer, outcome,
                     "options", 0, False, autonomy, 1500, run.session_id)


# --- the database itself ------------------------------------------------------------------

def test_migrations_applied_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with session(path) as first:
        P.create_person(first, "Ann", "senior")
        applied = [m.name for m in MIGRATIONS.applied(first)]
        schema = first.execute("select sql from sqlite_master order by name").fetchall()
    with session(path) as again:
        assert MIGRATIONS.pending(again) == []
        MIGRATIONS.apply(again)  # explicitly, too
        assert [m.name for m in MIGRATIONS.applied(again)] == applied
        assert again.execute("select sql from sqlite_master order by name").fetchall() == schema
        assert [p.name for p in P.list_people(again)] == ["Ann"]
    assert applied == [m.name for m in MIGRATIONS._migrations]  # every one, in order


def test_the_tables_are_there(db: Database) -> None:
    assert {"people", "sessions", "runs", "step_results", "attempts"} <= set(db.table_names())
    assert "pair_id" in db["sessions"].columns_dict  # room for pairs (another issue)


def test_foreign_keys_are_on(db: Database) -> None:
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        db["runs"].insert({"person_id": 999, "mode": "solo", "pack_id": "p", "lesson_id": "l",
                           "started_at": "x", "updated_at": "x"})


def test_wal_and_busy_timeout(db: Database) -> None:
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma busy_timeout").fetchone()[0] == 30000


def test_memory_database_works() -> None:
    database = open_db(":memory:")
    assert P.create_person(database, "Ann", "senior").id == 1


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), write(db):
        P.create_person(db, "Ghost", "senior")  # nested: a savepoint
        raise RuntimeError("boom")
    assert P.list_people(db) == []
    assert not db.conn.in_transaction


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite, just text " * 100)
    with pytest.raises(StoreError, match=r"bad\.db"):
        open_db(bad)


def test_db_path_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert db_path("") == Path("data/curriculum.db")
    assert db_path("/tmp/x.db") == Path("/tmp/x.db")
    monkeypatch.setenv("CURRICULUM_DB", "/elsewhere/p.db")
    assert db_path() == Path("/elsewhere/p.db")


# --- people -------------------------------------------------------------------------------

def test_people(db: Database) -> None:
    marie = P.create_person(db, "  Marie   Dupont ", "senior", "fr", "larger")
    lea = P.create_person(db, "Léa", "junior")
    bob = P.create_person(db, "Bob", "senior", language="de", text_size="huge")
    assert (marie.name, marie.role, marie.language, marie.text_size, marie.roles) == \
        ("Marie Dupont", "senior", "fr", "larger", ("senior",))
    assert (bob.language, bob.text_size) == ("en", "large")  # unknown values fall back
    assert P.get_person(db, lea.id) == lea
    assert P.get_person(db, None) is None
    assert P.get_person(db, 12345) is None
    assert [p.name for p in P.list_people(db)] == ["Bob", "Léa", "Marie Dupont"]
    assert [p.name for p in P.list_people(db, "senior")] == ["Bob", "Marie Dupont"]
    P.update_person(db, marie.id, language="en", text_size="largest")
    P.update_person(db, marie.id, language="xx", text_size="tiny")  # ignored
    again = P.get_person(db, marie.id)
    assert (again.name, again.language, again.text_size) == ("Marie Dupont", "en", "largest")


@pytest.mark.parametrize(("name", "role", "message"),
                         [("   ", "senior", "type a name"), ("x" * 81, "senior", "at most 80"),
                          ("Ann", "boss", "role must be one of")])
def test_people_refused(db: Database, name: str, role: str, message: str) -> None:
    with pytest.raises(CurriculumError, match=message):
        P.create_person(db, name, role)
    assert P.list_people(db) == []


# --- runs, hints, attempts, autonomy --------------------------------------------------------

def test_a_run_resumes_until_it_is_complete(db: Database, run: R.Run, tmp_path: Path) -> None:
    R.set_current_step(db, run.id, "which-box")
    again = R.open_run(db, run.person_id, "email-basics", "first-email", "pair")
    assert again.id == run.id
    assert (again.current_step, again.mode) == ("which-box", "pair")
    with session(tmp_path / "progress.db") as other:  # a fresh connection (server restart)
        resumed = R.unfinished_run(other, run.person_id, "email-basics", "first-email")
        assert resumed is not None and resumed.current_step == "which-box"
    R.complete_run(db, run.id)
    assert R.get_run(db, run.id).completed_at is not None
    assert R.unfinished_run(db, run.person_id, "email-basics", "first-email") is None
    fresh = R.open_run(db, run.person_id, "email-basics", "first-email", "solo")
    assert fresh.id != run.id
    assert fresh.current_step is None
    other_lesson = R.open_run(db, run.person_id, "email-basics", "reply", "solo")
    assert other_lesson.id not in (run.id, fresh.id)


def test_get_run_of_nothing_is_a_store_error(db: Database) -> None:
    with pytest.raises(StoreError, match="42"):
        R.get_run(db, 42)


def test_hints_are_counted(db: Database, run: R.Run) -> None:
    assert [R.record_hint(db, run.id, "which-box") for _ in range(3)] == [1, 2, 3]
    assert R.record_hint(db, run.id, "other") == 1
    results = R.step_results(db, run.id)
    assert results["which-box"].hints_used == 3
    assert results["other"].hints_used == 1


def test_attempts_are_stored_and_counted(db: Database, run: R.Run) -> None:
    first = R.record_attempt(db, attempt(run, answer=["to", "cc"]))
    second = R.record_attempt(db, attempt(run, outcome="correct", answer="subject"))
    assert second > first
    assert R.step_results(db, run.id)["which-box"].attempts == 2
    rows = list(db["attempts"].rows_where(order_by="id"))
    assert [json.loads(r["answer"]) for r in rows] == [["to", "cc"], "subject"]
    assert [r["outcome"] for r in rows] == ["wrong", "correct"]
    assert rows[0]["duration_ms"] == 1500


def test_a_huge_answer_is_cut_and_stays_valid_json(db: Database, run: R.Run) -> None:
    R.record_attempt(db, attempt(run, answer={"body": "x\"" * 50_000, "to": "sam"}))
    stored = db.execute("select answer from attempts").fetchone()[0]
    assert len(stored) <= R.MAX_ANSWER_CHARS
    kept = json.loads(stored)
    assert kept["cut"] is True and kept["start"].startswith('{"body": "x\\"x')


def test_a_full_disk_is_a_store_error_and_nothing_is_lost(tmp_path: Path, run: R.Run,
                                                          db: Database) -> None:
    from curriculum.errors import DiskFullError

    R.record_attempt(db, attempt(run, answer="saved before"))
    pages = db.execute("pragma page_count").fetchone()[0]
    db.execute(f"pragma max_page_count = {pages}")  # the database cannot grow any more
    with pytest.raises(DiskFullError) as full:
        for i in range(200):
            R.record_attempt(db, attempt(run, answer=f"{i} " + "y" * 5000))
    assert isinstance(full.value, StoreError)
    assert str(full.value) == ("the disk is full: your earlier answers are safe; tell the "
                               "coordinator")
    assert full.value.key == "store.disk_full"
    answers = [json.loads(r[0]) for r in db.execute("select answer from attempts order by id")]
    assert answers[0] == "saved before"
    assert R.step_results(db, run.id)["which-box"].attempts == len(answers)  # whole writes


def test_answer_shown(db: Database, run: R.Run) -> None:
    R.record_answer_shown(db, run.id, "which-box")
    assert R.step_results(db, run.id)["which-box"].answer_shown is True


def test_the_mentors_autonomy_survives_complete_step(db: Database, run: R.Run) -> None:
    R.record_attempt(db, attempt(run))
    R.record_attempt(db, attempt(run, outcome="correct"))
    R.set_autonomy(db, run.id, "which-box", "helped")
    R.complete_step(db, run.id, "which-box", "alone", 40)  # the inferred one must not win
    result = R.step_results(db, run.id)["which-box"]
    assert (result.status, result.autonomy, result.autonomy_by, result.seconds) == (
        "done", "helped", "mentor", 40)
    last = db.execute("select autonomy from attempts order by id").fetchall()
    assert last == [(None,), ("helped",)]  # the last attempt is marked too


def test_complete_step_infers_and_counts_once(db: Database, run: R.Run) -> None:
    R.complete_step(db, run.id, "read", None, 10)
    R.complete_step(db, run.id, "which-box", "hinted", 99_999)
    R.complete_step(db, run.id, "which-box", "alone", 20)  # already done: no change
    results = R.step_results(db, run.id)
    assert (results["read"].autonomy, results["read"].seconds) == (None, 10)
    assert (results["which-box"].autonomy, results["which-box"].autonomy_by) == (
        "hinted", "inferred")
    assert results["which-box"].seconds == R.MAX_STEP_SECONDS


def test_summary(db: Database, run: R.Run) -> None:
    R.record_attempt(db, attempt(run, "a"))
    R.record_attempt(db, attempt(run, "a"))
    R.record_attempt(db, attempt(run, "b"))
    R.complete_step(db, run.id, "a", "alone", 30)
    R.complete_step(db, run.id, "b", "hinted", 20)
    R.complete_step(db, run.id, "c", "helped", 10)
    R.complete_step(db, run.id, "read", None, 5)
    assert R.summary(db, run.id) == R.Summary(alone=1, hinted=1, helped=1, steps_done=4,
                                              seconds=65, attempts=3)


def test_summary_of_an_empty_run(db: Database, run: R.Run) -> None:
    assert R.summary(db, run.id) == R.Summary(0, 0, 0, 0, 0, 0)


def test_lesson_states(db: Database, run: R.Run) -> None:
    R.open_run(db, run.person_id, "email-basics", "reply", "solo")
    R.complete_run(db, run.id)
    assert R.lesson_states(db, run.person_id) == {("email-basics", "first-email"): "done",
                                                  ("email-basics", "reply"): "started"}


def test_sessions(db: Database) -> None:
    senior = P.create_person(db, "Ann", "senior")
    junior = P.create_person(db, "Léa", "junior")
    sid = R.start_session(db, "pair", senior.id, junior.id)
    run = R.open_run(db, senior.id, "p", "l", "pair", sid)
    assert run.session_id == sid
    R.end_session(db, sid)
    assert db["sessions"].get(sid)["ended_at"] is not None


def test_export_rows(db: Database, run: R.Run) -> None:
    R.record_attempt(db, attempt(run, "a", "wrong", "x"))
    R.record_attempt(db, attempt(run, "a", "correct", "y", "alone"))
    rows = R.export_rows(db)
    assert len(rows) == 2
    assert all(len(row) == len(R.EXPORT_COLUMNS) for row in rows)
    first = dict(zip(R.EXPORT_COLUMNS, rows[0], strict=True))
    assert {k: first[k] for k in ("person", "role", "mode", "pack_id", "lesson_id", "step_id",
                                  "outcome", "answer")} == {
        "person": "Marie Dupont", "role": "senior", "mode": "solo", "pack_id": "email-basics",
        "lesson_id": "first-email", "step_id": "a", "outcome": "wrong", "answer": '"x"'}
    assert rows[1][R.EXPORT_COLUMNS.index("autonomy")] == "alone"
    assert rows[0][0] < rows[1][0]


def test_a_database_of_the_first_version_is_upgraded_without_losing_people(tmp_path: Path):
    from curriculum.store import connect, write
    from curriculum.store.schema import m001_core

    path = tmp_path / "old.db"
    old = connect(path)
    with write(old):
        MIGRATIONS.ensure_migrations_table(old)
        m001_core(old)
        MIGRATIONS._record_applied(old, "m001_core")
        old["people"].insert({"name": "Ann", "role": "junior", "language": "fr",
                              "text_size": "larger", "created_at": "2026-01-01"})
    old.close()
    with session(path) as db:
        (ann,) = P.list_people(db)
    assert (ann.name, ann.roles, ann.languages, ann.capacity, ann.text_size) == \
        ("Ann", ("junior",), ("fr",), 2, "larger")


def test_a_learner_alone_recorded_as_a_pair_is_repaired(tmp_path: Path) -> None:
    "Sessions stored as 'pair' with no mentor (a label taken for an id) become solo."
    path = tmp_path / "old.db"
    with session(path) as db:
        ann = P.create_person(db, "Ann", "senior")
        bob = P.create_person(db, "Bob", "junior")
        broken = R.start_session(db, "pair", ann.id)  # what the mix-up stored
        real = R.start_session(db, "pair", ann.id, bob.id)
        alone = R.start_session(db, "solo", ann.id)
        runs = {sid: R.open_run(db, ann.id, "p", f"l{sid}", "pair" if sid != alone else "solo",
                                sid).id for sid in (broken, real, alone)}
        db.execute("delete from _sqlite_migrations where name = 'm004_solo_without_mentor'")
    with session(path) as db:
        MIGRATIONS.apply(db)  # what opening a file from before the repair does
        modes = {r["id"]: r["mode"] for r in db.query("select id, mode from sessions")}
        run_modes = {r["session_id"]: r["mode"] for r in db.query("select * from runs")}
    assert modes == {broken: "solo", real: "pair", alone: "solo"}
    assert run_modes == {broken: "solo", real: "pair", alone: "solo"}
    assert set(runs) == {broken, real, alone}
