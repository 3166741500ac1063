"""`curriculum demo`: a realistic programme, so that a first run shows a living dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from curriculum.cli import main
from curriculum.demo import DEMO_PIN, PAIRS, seed
from curriculum.packs import load_catalogue
from curriculum.programme import dashboard, goals, pins
from curriculum.store import open_db, people, session
from curriculum.store import pairs as pairs_store
from curriculum.store.feedback import programme_data

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
NOW = datetime(2025, 4, 16, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue([LESSONS])


@pytest.fixture
def db(tmp_path: Path, catalogue) -> Iterator[Database]:
    database = open_db(tmp_path / "demo.db")
    seed(database, catalogue, now=NOW)
    yield database
    database.close()


def test_people_roles_and_profiles(db: Database) -> None:
    seniors, juniors = people.list_people(db, "senior"), people.list_people(db, "junior")
    coordinators = people.list_people(db, "coordinator")
    assert (len(seniors), len(juniors), len(coordinators)) == (12, 10, 1)
    row = db["people"].get(coordinators[0].id)
    assert pins.verify_pin(DEMO_PIN, row["pin_hash"]) and DEMO_PIN not in row["pin_hash"]
    for p in seniors + juniors:
        assert p.interests and p.availability and p.languages
        assert p.remote == (p.site is None)
    assert all(j.capacity for j in juniors)
    assert {p.language for p in seniors} == {"en", "fr"}
    hugo = next(j for j in juniors if j.name == "Hugo Lefèvre")
    assert people.get_person(db, hugo.manager_id).name == "Bernard Petit"


def test_pairs_agreements_sessions_and_feedback(db: Database, catalogue) -> None:
    data = programme_data(db)
    assert len(data.pairs) == len(PAIRS) == 9 and all(p.active for p in data.pairs)
    made = pairs_store.list_pairs(db, "active")  # as the pairs page sees them
    assert len(made) == 9 and all(p.reasons and not p.warnings for p in made)
    paired = {p.senior_id for p in data.pairs}
    assert len(paired) == 9  # three seniors wait for a partner
    assert set(data.agreements) == {p.id for p in data.pairs}
    assert sum(a.confirmed for a in data.agreements.values()) == 8  # one waits for the junior
    assert len(data.sessions) >= 30
    assert all(s.ended_at and 30 <= s.minutes <= 90 for s in data.sessions)
    assert db["attempts"].count > 150
    langs = {catalogue.packs[s.pack_id].pack.base_language for s in data.steps}
    assert langs == {"en", "fr"}
    roles = [f.role for f in data.feedback]
    assert roles.count("senior") == roles.count("junior") == len(data.sessions)
    assert all(f.next_plan for f in data.feedback if f.role == "junior")


def test_the_dashboard_is_alive(db: Database, catalogue) -> None:
    view = dashboard.overview(programme_data(db), goals.outline_of(catalogue),
                              goals.topics_of(catalogue), NOW)
    assert view.active_pairs == 9
    assert view.sessions_recent >= 8
    assert 0 < view.goals_reached < view.goals_total
    assert 4 <= view.feedback.overall <= 5
    assert len(view.alone) >= 5
    first, last = view.alone[0], view.alone[-1]
    assert last.share > first.share + 0.3  # seniors do more alone as the weeks go by
    assert {t.topic for t in view.topics} == {"email", "messaging", "social-media",
                                              "spreadsheets"}
    attention = {(p.pair.senior_name, r.code) for p in view.needing_attention
                 for r in p.reasons}
    assert attention == {("Bernard Petit", "no_session"), ("Margaret Hughes", "feedback_fell")}
    started = [r for r in view.pairs if r.sessions and r.sessions[0].session.id]
    assert all(r.next_plan for r in started)


def test_the_same_now_gives_the_same_programme(tmp_path: Path, catalogue) -> None:
    def snapshot(path: Path) -> list:
        with session(path) as db:
            seed(db, catalogue, now=NOW)
            return db.execute("select senior_id, started_at, ended_at from sessions").fetchall()
    assert snapshot(tmp_path / "a.db") == snapshot(tmp_path / "b.db")


def test_the_command_adds_the_demo_once(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(LESSONS.parent)
    monkeypatch.delenv("CURRICULUM_LESSONS", raising=False)
    path = tmp_path / "cli.db"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "23 people" in out and "PIN 1234: change it" in out and "9 pairs" in out
    assert main(["demo", "--db", str(path)]) == 0
    assert "already has people" in capsys.readouterr().out
    with session(path) as db:
        assert db["people"].count == 23


def test_export_the_programme_from_the_command_line(db: Database, tmp_path: Path,
                                                    capsys) -> None:
    path = str(Path(db.conn.execute("pragma database_list").fetchone()[2]))
    assert main(["export", "--db", path, "--what", "pairs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("pair_id,senior,junior,status")
    assert len(out) == 1 + 9
    assert any("courriel-bases; messagerie-bases" in line for line in out)
    target = tmp_path / "feedback.csv"
    assert main(["export", "--db", path, "--what", "feedback", "--out", str(target)]) == 0
    assert "row(s) of feedback" in capsys.readouterr().err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("session_id,pair_id,session_date,author,role,tact")
    assert ",senior,5," in lines[1] or ",senior,4," in lines[1]
    assert main(["export", "--db", path, "--what", "sessions"]) == 0
    assert capsys.readouterr().out.startswith("session_id,pair_id,senior,junior")


def test_seniors_have_practice_due_today(db: Database) -> None:
    from curriculum import today
    from curriculum.store import review_items

    seniors = people.list_people(db, "senior")
    waiting = {s.name: review_items.count_due(db, s.id, NOW) for s in seniors}
    assert sum(1 for n in waiting.values() if n) >= 3, waiting
    some = next(s for s in seniors if waiting[s.name])
    items = today.due_today(db, some.id, NOW)
    assert 0 < len(items) <= 8 and all(i.due <= NOW for i in items)
    assert items == sorted(items, key=lambda i: i.due)
