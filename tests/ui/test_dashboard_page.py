"""The coordinator's dashboard (AppTest): the programme at a glance, one pair in detail,
CSV exports; nobody else reaches it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from curriculum.demo import seed
from curriculum.packs import load_catalogue
from curriculum.store import agreements as A
from curriculum.store import feedback as F
from curriculum.store import now, progress, session
from curriculum.store import people as P

LESSONS = Path(__file__).resolve().parents[2] / "lessons"


@pytest.fixture
def small(db_file: Path) -> dict[str, int]:
    "A coordinator (with a PIN), one pair with an agreement, a session and feedback."
    with session(db_file) as db:
        ids = {name: P.create_person(db, name, role).id for name, role in (
            ("Claire", "coordinator"), ("Marie", "senior"), ("Léa", "junior"))}
        db["people"].update(ids["Claire"], {"pin_hash": "set-by-the-test"})
        pid = int(db["pairs"].insert({"senior_id": ids["Marie"], "junior_id": ids["Léa"],
                                      "status": "active", "created_at": now(),
                                      "accepted_at": now()}).last_pk)
        A.save_agreement(db, A.Agreement(pid, ("email-basics/first-email",), "Photos"))
        sid = progress.start_session(db, "pair", ids["Marie"], ids["Léa"], pid)
        run = progress.open_run(db, ids["Marie"], "email-basics", "first-email", "pair", sid)
        for step, level in (("which-box", "alone"), ("address", "hinted")):
            progress.complete_step(db, run.id, step, level, 30)
        F.end_session(db, sid, "First email *sent*")
        F.give_feedback(db, sid, ids["Marie"], {"tact": 5, "patience": 4, "clarity": 5,
                                                "respect": 4}, "Merci [Léa](http://x)")
        ids["pair"] = pid
    return ids


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [w.value for w in at.warning]
                     + [i.value for i in at.info] + [s.value for s in at.success])


def tables(at) -> list:
    return [t.value for t in at.table]


def test_the_programme_at_a_glance(make_app, small):
    at = make_app("dashboard", who__coordinator=small["Claire"])
    assert at.title[0].value == "The programme"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Pairs at work": "1", "Sessions in the last 30 days": "1",
                       "Goals reached": "0 of 1", "Feedback from the learners": "4.5 out of 5",
                       "Steps done alone": "50 %"}
    assert "No pair needs attention." in texts(at)
    weeks = tables(at)[0]
    assert list(weeks.columns) == ["Week of", "Steps done alone", "Steps done alone (%)"]
    assert list(weeks["Steps done alone"]) == ["1 of 2"]
    assert "The learners did 50 % of their steps alone in the week of" in texts(at)
    every = next(t for t in tables(at) if "Pair" in t.columns)
    assert list(every["Pair"]) == ["Marie and Léa"]
    assert list(every["Attention"]) == ["Fine"]


def test_one_pair_in_detail_with_user_text_escaped(make_app, small):
    at = make_app("dashboard", who__coordinator=small["Claire"])
    assert at.selectbox(key="dashboard.pair").value == small["pair"]
    assert "Their agreement is not confirmed by both yet." in texts(at)
    sessions = next(t for t in tables(at) if "Notes" in t.columns)
    assert list(sessions["Notes"]) == [r"First email \*sent\*"]  # Markdown cells: escaped
    assert list(sessions["Comment"]) == [r"Merci \[Léa\]\(http\://x\)"]
    assert list(sessions["Steps"]) == ["2 (1 alone)"]
    goals = next(t for t in tables(at) if "Goal" in t.columns)
    assert list(goals["Goal"]) == ["Email basics — Write your first email"]
    assert list(goals["Reached"]) == ["Not yet"]


def test_open_the_pair_s_page_from_the_dashboard(make_app, small):
    at = make_app("dashboard", who__coordinator=small["Claire"])
    at.button(key="dashboard.open_pair").click().run()
    assert not at.exception
    assert at.title[0].value == "Our pair"
    assert at.header[0].value == "Marie and Léa"


def test_csv_downloads(make_app, small, monkeypatch):
    made: dict[str, object] = {}  # file name -> the function that makes the file on a click
    original = MediaFileManager.add_deferred

    def spy(self, make, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = make
        return original(self, make, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = make_app("dashboard", who__coordinator=small["Claire"])
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Pairs and agreements", "Sessions", "Feedback", "Every answer",
                      "Competences reached"]
    by_kind = {name.split("-")[1]: make() for name, make in made.items()}
    assert set(by_kind) == {"pairs", "sessions", "feedback", "attempts", "competences"}
    assert all(name.endswith(".csv") for name in made)
    pairs = list(csv.DictReader(io.StringIO(by_kind["pairs"])))
    assert (pairs[0]["senior"], pairs[0]["goals"], pairs[0]["sessions_held"]) == (
        "Marie", "email-basics/first-email", "1")
    fb = list(csv.DictReader(io.StringIO(by_kind["feedback"])))
    assert (fb[0]["author"], fb[0]["tact"], fb[0]["comment"]) == (
        "Marie", "5", "Merci [Léa](http://x)")
    assert by_kind["sessions"].startswith("session_id,pair_id,senior,junior")
    assert by_kind["attempts"].startswith("attempt_id,")


@pytest.mark.parametrize("who", ["senior", "junior", "coordinator_without_pin"])
def test_nobody_else_reaches_the_dashboard(make_app, small, db_file, who):
    if who == "coordinator_without_pin":
        with session(db_file) as db:
            db["people"].update(small["Claire"], {"pin_hash": None})
        state = {"who__coordinator": small["Claire"]}
    else:
        state = {f"who__{who}": small["Marie" if who == "senior" else "Léa"]}
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        make_app("dashboard", **state)


def test_the_demo_makes_a_living_dashboard_in_french(make_app, db_file):
    with session(db_file) as db:
        seed(db, load_catalogue([LESSONS]))
        claire = P.list_people(db, "coordinator")[0].id
    at = make_app("dashboard", who__coordinator=claire, ui__lang="fr")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Binômes au travail"] == "9"
    assert int(metrics["Séances des 30 derniers jours"]) >= 1
    warnings = [w.value for w in at.warning]
    assert any("Bernard Petit et Léa Moreau" in w and "pas de séance depuis" in w
               for w in warnings)
    assert any("Margaret Hughes" in w and "sont passés de" in w for w in warnings)
    topics = next(t for t in tables(at) if "Thème" in t.columns)
    assert set(topics["Thème"]) == {"Courriel", "Tableur", "Messagerie", "Réseaux sociaux"}
    assert len(tables(at)[0]) >= 5  # weeks of the chart, as a table


def test_an_empty_programme(make_app, db_file):
    with session(db_file) as db:
        claire = P.create_person(db, "Claire", "coordinator").id
        db["people"].update(claire, {"pin_hash": "set-by-the-test"})
    at = make_app("dashboard", who__coordinator=claire)
    assert "No pair yet. Compose pairs first." in texts(at)
    assert "No step done yet." in texts(at)
    assert {m.label: m.value for m in at.metric}["Pairs at work"] == "0"
