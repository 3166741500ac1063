"""Agreements, the session log and feedback both ways, in SQLite; the CSV exports."""

from __future__ import annotations

import csv
import io

import pytest
from sqlite_utils import Database

from curriculum.store import feedback as F
from curriculum.store import now, progress
from curriculum.store.agreements import (
    Agreement,
    AgreementError,
    agreements,
    confirm,
    default_rules,
    draft,
    get_agreement,
    rules_from_text,
    save_agreement,
)
from curriculum.store.people import create_person


@pytest.fixture
def pair(db: Database) -> dict[str, int]:
    senior = create_person(db, "Marie Dupont", "senior", "fr")
    junior = create_person(db, "Léa Moreau", "junior", "fr")
    pair_id = int(db["pairs"].insert({"senior_id": senior.id, "junior_id": junior.id,
                                      "status": "active", "created_at": now(),
                                      "accepted_at": now()}).last_pk)
    return {"pair": pair_id, "senior": senior.id, "junior": junior.id}


def agreement(pair_id: int, **changes: object) -> Agreement:
    base = Agreement(pair_id, ("email-basics", "email-basics/first-email"),
                     "Send photos to my grandchildren", 6, 60, "weekly", default_rules("en"))
    return Agreement(**{**base.__dict__, **changes})


# --- agreements ---------------------------------------------------------------------------------

def test_a_draft_has_the_template_rules_in_the_language() -> None:
    fr = draft(3, "fr")
    assert fr.pair_id == 3 and not fr.saved and not fr.confirmed
    assert (fr.sessions_planned, fr.minutes, fr.rhythm) == (6, 60, "weekly")
    assert any("Aucune question n'est bête" in r for r in fr.ground_rules)
    assert any("No question is silly" in r for r in draft(3, "de").ground_rules)
    assert len(fr.ground_rules) == len(default_rules("en")) == 4


def test_save_and_read_back(db: Database, pair: dict[str, int]) -> None:
    saved = save_agreement(db, agreement(pair["pair"], own_goal="  Send   photos  "))
    assert saved.saved and saved.own_goal == "Send photos"
    again = get_agreement(db, pair["pair"])
    assert again == saved
    assert again.goals == ("email-basics", "email-basics/first-email")
    assert again.ground_rules == default_rules("en")
    assert agreements(db) == {pair["pair"]: saved}
    assert agreements(db, [999]) == {}


def test_both_confirm_and_an_edit_asks_both_again(db: Database, pair: dict[str, int]) -> None:
    save_agreement(db, agreement(pair["pair"]))
    first = confirm(db, pair["pair"], "senior")
    assert first.senior_confirmed_at and first.junior_confirmed_at is None
    assert not first.confirmed
    both = confirm(db, pair["pair"], "junior")
    assert both.confirmed
    assert confirm(db, pair["pair"], "junior") == both  # once is enough
    same = save_agreement(db, agreement(pair["pair"]))  # saved again, unchanged
    assert same.confirmed
    changed = save_agreement(db, agreement(pair["pair"], minutes=45))
    assert changed.minutes == 45
    assert changed.senior_confirmed_at is None and changed.junior_confirmed_at is None


def test_editing_a_ground_rule_also_asks_again(db: Database, pair: dict[str, int]) -> None:
    save_agreement(db, agreement(pair["pair"]))
    confirm(db, pair["pair"], "senior")
    rules = rules_from_text("- We start on time\n\n• No question is silly\n")
    assert rules == ("- We start on time", "• No question is silly")
    changed = save_agreement(db, agreement(pair["pair"], ground_rules=rules))
    assert changed.ground_rules == ("We start on time", "No question is silly")
    assert changed.senior_confirmed_at is None


@pytest.mark.parametrize(("changes", "key"), [
    ({"goals": ("Email Basics",)}, "agreement.error.goal"),
    ({"goals": (), "own_goal": "  "}, "agreement.error.no_goal"),
    ({"own_goal": "x" * 301}, "agreement.error.own_goal"),
    ({"sessions_planned": 0}, "agreement.error.sessions"),
    ({"sessions_planned": 53}, "agreement.error.sessions"),
    ({"minutes": 5}, "agreement.error.minutes"),
    ({"rhythm": "daily"}, "agreement.error.rhythm"),
    ({"ground_rules": ("x" * 201,)}, "agreement.error.rule_length"),
    ({"ground_rules": tuple(f"rule {n}" for n in range(13))}, "agreement.error.rules"),
])
def test_what_cannot_be_saved(db: Database, pair: dict[str, int], changes: dict,
                              key: str) -> None:
    with pytest.raises(AgreementError) as caught:
        save_agreement(db, agreement(pair["pair"], **changes))
    assert caught.value.key == key
    assert get_agreement(db, pair["pair"]) is None


def test_goals_are_checked_against_the_catalogue_when_given(db: Database,
                                                            pair: dict[str, int]) -> None:
    with pytest.raises(AgreementError, match="'email-basics/first-email' is not a pack"):
        save_agreement(db, agreement(pair["pair"]), known_goals={"email-basics"})
    saved = save_agreement(db, agreement(pair["pair"], goals=("email-basics", "email-basics")),
                           known_goals={"email-basics"})
    assert saved.goals == ("email-basics",)  # repeated once


def test_confirming_needs_a_saved_agreement_and_a_role(db: Database,
                                                       pair: dict[str, int]) -> None:
    with pytest.raises(AgreementError) as caught:
        confirm(db, pair["pair"], "senior")
    assert caught.value.key == "agreement.error.not_saved"
    with pytest.raises(AgreementError):
        confirm(db, pair["pair"], "coordinator")
    with pytest.raises(AgreementError) as missing:
        save_agreement(db, agreement(999))
    assert missing.value.key == "agreement.error.no_pair"


# --- sessions and feedback ------------------------------------------------------------------------

def test_a_pair_session_is_opened_ended_with_notes_once(db: Database,
                                                        pair: dict[str, int]) -> None:
    assert F.open_session(db, pair["pair"]) is None
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    found = F.open_session(db, pair["pair"])
    assert found is not None and found.id == sid and found.minutes is None
    ended = F.end_session(db, sid, "  We did the first email.  ")
    assert ended.notes == "We did the first email." and ended.ended_at is not None
    assert ended.minutes == 0
    assert F.open_session(db, pair["pair"]) is None
    again = F.end_session(db, sid)  # ending twice keeps the time and the notes
    assert again.ended_at == ended.ended_at and again.notes == ended.notes
    with pytest.raises(F.FeedbackError):
        F.end_session(db, 999)


def test_feedback_both_ways(db: Database, pair: dict[str, int]) -> None:
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    F.give_feedback(db, sid, pair["senior"], {"tact": 5, "patience": 4, "clarity": None,
                                              "respect": 5}, "Very patient")
    F.give_reflection(db, sid, pair["junior"], went_well="All alone at the end",
                      learnt="How to file papers", next_plan="Reply and forward")
    got = F.session_feedback(db, sid)
    assert got["senior"].scores == {"tact": 5, "patience": 4, "respect": 5}
    assert got["senior"].comment == "Very patient"
    assert got["senior"].average == pytest.approx(14 / 3)
    assert got["junior"].went_well == "All alone at the end"
    assert got["junior"].do_differently == "" and got["junior"].next_plan == "Reply and forward"
    F.give_feedback(db, sid, pair["senior"], {"tact": 3}, "")  # again: replaces
    assert F.session_feedback(db, sid)["senior"].scores == {"tact": 3}
    assert db["feedback"].count == 2


@pytest.mark.parametrize(("who", "scores", "comment", "key"), [
    ("senior", {"tact": 6}, "", "pair.error.score"),
    ("senior", {"kindness": 4}, "", "pair.error.score"),
    ("senior", {}, " ", "pair.error.empty_feedback"),
    ("junior", {"tact": 4}, "", "pair.error.not_yours"),  # only the senior gives it
])
def test_feedback_that_is_refused(db: Database, pair: dict[str, int], who: str,
                                  scores: dict, comment: str, key: str) -> None:
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    with pytest.raises(F.FeedbackError) as caught:
        F.give_feedback(db, sid, pair[who], scores, comment)
    assert caught.value.key == key
    assert db["feedback"].count == 0


def test_a_reflection_is_the_junior_s_and_not_empty(db: Database, pair: dict[str, int]) -> None:
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    with pytest.raises(F.FeedbackError, match="only the session's junior"):
        F.give_reflection(db, sid, pair["senior"], went_well="x")
    with pytest.raises(F.FeedbackError, match="at least one"):
        F.give_reflection(db, sid, pair["junior"], went_well="  ")
    with pytest.raises(F.FeedbackError, match="does not exist"):
        F.give_reflection(db, 999, pair["junior"], went_well="x")


def test_pairs_are_listed_for_their_people_running_first(db: Database,
                                                         pair: dict[str, int]) -> None:
    other = create_person(db, "Ann", "senior")
    db["pairs"].insert({"senior_id": other.id, "junior_id": pair["junior"], "status": "ended",
                        "created_at": now(), "ended_at": now()})
    db["pairs"].insert({"senior_id": other.id, "junior_id": pair["junior"],
                        "status": "proposed", "created_at": now()})  # not a pair yet
    every = F.pairs_for(db)
    assert [p.senior_name for p in every] == ["Marie Dupont", "Ann"]
    assert [p.active for p in every] == [True, False]
    assert [p.senior_name for p in F.pairs_for(db, [other.id])] == ["Ann"]
    assert [p.senior_name for p in F.pairs_for(db, [pair["junior"]], active_only=True)] == [
        "Marie Dupont"]
    assert F.pairs_for(db, []) == []
    assert F.get_pair(db, pair["pair"]).junior_name == "Léa Moreau"
    assert F.get_pair(db, 999) is None


def test_programme_data_gathers_the_records(db: Database, pair: dict[str, int]) -> None:
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    run = progress.open_run(db, pair["senior"], "email-basics", "first-email", "pair", sid)
    progress.record_attempt(db, progress.Attempt(
        run.id, pair["senior"], "email-basics", "first-email", "which-box", "to", "correct",
        "options", 0, False, "alone", 1000, sid))
    progress.complete_step(db, run.id, "which-box", "alone", 30)
    progress.complete_run(db, run.id)
    F.give_feedback(db, sid, pair["senior"], {"tact": 5}, "")
    data = F.programme_data(db)
    assert [p.id for p in data.pairs] == [pair["pair"]]
    assert [s.id for s in data.sessions] == [sid]
    assert [(s.step_id, s.autonomy) for s in data.steps] == [("which-box", "alone")]
    assert [(a.session_id, a.step_id) for a in data.attempts] == [(sid, "which-box")]
    assert [(d.pack_id, d.lesson_id) for d in data.lessons_done] == [
        ("email-basics", "first-email")]
    assert [f.role for f in data.feedback] == ["senior"]
    assert F.programme_data(db, [999]).sessions == ()


# --- CSV ------------------------------------------------------------------------------------------

def test_the_csv_tables(db: Database, pair: dict[str, int]) -> None:
    save_agreement(db, agreement(pair["pair"]))
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    F.end_session(db, sid, "=HYPERLINK(\"http://evil\")")
    F.give_feedback(db, sid, pair["senior"], {"tact": 5, "respect": 4}, "Merci, Léa")
    columns, rows = F.export(db, "pairs")
    row = dict(zip(columns, rows[0], strict=True))
    assert row["senior"] == "Marie Dupont" and row["sessions_held"] == 1
    assert row["rhythm"] == "weekly"
    columns, rows = F.export(db, "sessions")
    assert dict(zip(columns, rows[0], strict=True))["minutes"] == 0
    text = F.csv_text(columns, rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed[0]["notes"].startswith("'=HYPERLINK")  # not run as a formula
    columns, rows = F.export(db, "feedback")
    parsed = list(csv.DictReader(io.StringIO(F.csv_text(columns, rows))))
    assert (parsed[0]["tact"], parsed[0]["clarity"], parsed[0]["comment"]) == (
        "5", "", "Merci, Léa")
    with pytest.raises(F.CurriculumError, match="choose one of pairs, sessions, feedback"):
        F.export(db, "people")


def test_export_csv_of_each_table_and_of_every_attempt(db: Database,
                                                       pair: dict[str, int]) -> None:
    sid = progress.start_session(db, "pair", pair["senior"], pair["junior"], pair["pair"])
    F.give_feedback(db, sid, pair["senior"], {"tact": 5}, "")
    for what in F.EXPORTS:
        assert F.export_csv(db, what) == F.csv_text(*F.export(db, what))
    run = progress.open_run(db, pair["senior"], "email-basics", "first-email", "pair", sid)
    progress.record_attempt(db, progress.Attempt(
        run.id, pair["senior"], "email-basics", "first-email", "s1", "=1+1", "wrong", None, 0,
        False, None, 1000, sid))
    rows = list(csv.DictReader(io.StringIO(F.export_csv(db, "attempts"))))
    assert list(rows[0]) == list(progress.EXPORT_COLUMNS)
    assert (rows[0]["step_id"], rows[0]["answer"]) == ("s1", '"=1+1"')  # stored as JSON


def test_confirmed_by_anyone_is_one_or_both() -> None:
    assert not Agreement(1).confirmed_by_anyone
    assert Agreement(1, senior_confirmed_at="2025-04-01").confirmed_by_anyone
    assert Agreement(1, junior_confirmed_at="2025-04-01").confirmed_by_anyone
    both = Agreement(1, senior_confirmed_at="2025-04-01", junior_confirmed_at="2025-04-02")
    assert both.confirmed_by_anyone and both.confirmed
