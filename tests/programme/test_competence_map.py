"""The competences a senior reached, through the lessons they finished (a real SQLite file)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from curriculum.packs import load_catalogue
from curriculum.programme.competence_map import (
    CSV_COLUMNS,
    by_person,
    competence_map,
    csv_rows,
    lesson_competences,
)
from curriculum.store import open_db
from curriculum.store import people as P
from curriculum.store import progress as R

GOOD = Path(__file__).resolve().parents[1] / "packs" / "good"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    "A database file whose clock moves one minute at each write (injected, not the real one)."
    ticks = iter(range(10_000))
    monkeypatch.setattr(R, "now", lambda: (T0 + timedelta(minutes=next(ticks))).isoformat())
    database = open_db(tmp_path / "curriculum.db")
    yield database
    database.close()


@pytest.fixture
def competences(tmp_path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    "The good 'tour' pack (digcomp 2.1, 1.1), its 'practice' lesson naming its own (4.2)."
    shutil.copytree(GOOD / "tour", tmp_path / "packs" / "tour")
    lesson = tmp_path / "packs" / "tour" / "practice.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("\ngoal:", '\ndigcomp: ["4.2"]\ngoal:', 1), encoding="utf-8")
    catalogue = load_catalogue([tmp_path / "packs"])
    assert catalogue.errors == []
    return lesson_competences(catalogue)


def finish(db: Database, person: int, pack: str, lesson: str) -> None:
    run = R.open_run(db, person, pack, lesson, "alone")
    R.complete_run(db, run.id)


def test_a_lesson_counts_with_its_own_competences_or_else_its_pack_s(competences) -> None:
    assert competences[("tour", "basics")] == ("2.1", "1.1")
    assert competences[("tour", "practice")] == ("4.2",)


def test_the_competences_reached_through_finished_lessons_only(db, competences) -> None:
    marie = P.create_person(db, "Marie", "senior").id
    finish(db, marie, "tour", "practice")
    finish(db, marie, "tour", "basics")
    R.open_run(db, marie, "gone", "old", "alone")  # started, never finished: no count
    finish(db, marie, "tour", "basics")  # done twice: counts once
    done = R.finished_lessons(db, marie)
    assert done == [(marie, "tour", "practice"), (marie, "tour", "basics")]  # in that order
    reached = competence_map([(p, lesson) for _, p, lesson in done], competences)
    assert [(r.code, r.lessons) for r in reached] == [
        ("1.1", (("tour", "basics"),)),
        ("2.1", (("tour", "basics"),)),
        ("4.2", (("tour", "practice"),)),
    ]
    assert reached[1].title("fr") == "Interagir par l’intermédiaire des technologies numériques"
    assert [p.code for p in reached[2].pix()] == ["4.2"]


def test_a_senior_who_finished_nothing_reached_nothing(db, competences) -> None:
    bob = P.create_person(db, "Bob", "senior").id
    R.open_run(db, bob, "tour", "basics", "alone")
    assert R.finished_lessons(db, bob) == []
    assert competence_map([], competences) == ()
    assert by_person(R.finished_lessons(db), competences) == {}


def test_lessons_gone_from_the_catalogue_and_unknown_codes_are_left_out(competences) -> None:
    mapping = {**competences, ("old", "x"): ("9.9", "2.5")}
    reached = competence_map([("gone", "lesson"), ("old", "x")], mapping)
    assert [(r.code, r.lessons) for r in reached] == [("2.5", (("old", "x"),))]


def test_every_senior_and_the_csv_rows(db, competences) -> None:
    marie = P.create_person(db, "Marie", "senior").id
    albert = P.create_person(db, "Albert", "senior").id
    finish(db, marie, "tour", "basics")
    finish(db, albert, "tour", "practice")
    finish(db, albert, "tour", "basics")
    per = by_person(R.finished_lessons(db), competences)
    assert {p: [r.code for r in reached] for p, reached in per.items()} == {
        marie: ["1.1", "2.1"], albert: ["1.1", "2.1", "4.2"]}
    rows = csv_rows(per, {marie: "Marie", albert: "Albert"}, "en")
    assert CSV_COLUMNS == ("person", "digcomp", "competence", "pix", "lessons")
    assert rows[0] == ("Albert", "1.1", "Browsing, searching and filtering data, information "
                       "and digital content", "1.1", "tour/basics")
    assert rows[2] == ("Albert", "4.2", "Protecting personal data and privacy", "4.2",
                       "tour/practice")
    assert [r[0] for r in rows] == ["Albert", "Albert", "Albert", "Marie", "Marie"]
