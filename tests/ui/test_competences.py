"""The DigComp competences reached: on the learner's profile and on the coordinator's
dashboard (AppTest, on the good test packs: 'tour' builds DigComp 2.1 and 1.1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from curriculum.store import people as P
from curriculum.store import progress, session

GOOD = Path(__file__).resolve().parents[1] / "packs" / "good"


@pytest.fixture
def team(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    "Marie finished the tour's first lesson; Bob started it; Claire coordinates."
    monkeypatch.setenv("CURRICULUM_LESSONS", str(GOOD))
    with session(db_file) as db:
        ids = {name: P.create_person(db, name, role).id for name, role in (
            ("Claire", "coordinator"), ("Marie", "senior"), ("Bob", "senior"))}
        db["people"].update(ids["Claire"], {"pin_hash": "set-by-the-test"})
        run = progress.open_run(db, ids["Marie"], "tour", "basics", "alone")
        progress.complete_run(db, run.id)
        progress.open_run(db, ids["Bob"], "tour", "basics", "alone")
    return ids


def table(at, column: str):
    return next(t.value for t in at.table if column in t.value.columns)


def test_the_learner_sees_the_competences_reached_on_the_profile(make_app, team):
    at = make_app("profile", who__senior=team["Marie"])
    assert "Competences reached" in [s.value for s in at.subheader]
    reached = table(at, "DigComp competence")
    assert list(reached.columns) == ["DigComp competence", "Pix / CRCN", "Through the lessons"]
    assert list(reached["DigComp competence"]) == [
        "1.1 Browsing, searching and filtering data, information and digital content",
        "2.1 Interacting through digital technologies"]
    assert list(reached["Pix / CRCN"]) == [
        "1.1 Conducting information searches and monitoring", "2.1 Interacting"]
    assert list(reached["Through the lessons"]) == [r"A tour of every feature\: The basics"] * 2


def test_in_french_the_titles_are_french(make_app, team):
    at = make_app("profile", who__senior=team["Marie"], ui__lang="fr")
    reached = table(at, "Compétence DigComp")
    assert list(reached["Compétence DigComp"])[1] == (
        "2.1 Interagir par l’intermédiaire des technologies numériques")
    assert list(reached["Pix / CRCN"])[1] == "2.1 Interagir"


def test_a_learner_who_finished_nothing_is_told_how_to_reach_one(make_app, team):
    at = make_app("profile", who__senior=team["Bob"])
    assert ("No competence reached yet: each lesson finished adds the competences it builds."
            in [i.value for i in at.info])
    assert not [t for t in at.table if "DigComp competence" in t.value.columns]


def test_the_dashboard_shows_each_learner_s_competences_and_a_csv(make_app, team,
                                                                  monkeypatch):
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, make, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = make
        return original(self, make, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = make_app("dashboard", who__coordinator=team["Claire"])
    assert "Competences reached by each learner" in [s.value for s in at.subheader]
    per = table(at, "Learner")
    assert list(per["Learner"]) == ["Marie"]  # Bob finished nothing yet
    assert list(per["How many"]) == [2]
    assert list(per["DigComp competence"]) == [
        "1.1 Browsing, searching and filtering data, information and digital content · "
        "2.1 Interacting through digital technologies"]
    name = next(n for n in made if n.startswith("binome-competences-"))
    rows = list(csv.DictReader(io.StringIO(made[name]())))
    assert [(r["person"], r["digcomp"], r["pix"], r["lessons"]) for r in rows] == [
        ("Marie", "1.1", "1.1", "tour/basics"), ("Marie", "2.1", "2.1", "tour/basics")]
