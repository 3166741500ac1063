"""The pairs table: propose, accept (one or all), swap, pair by hand with warnings, end."""

from __future__ import annotations

import pytest
from people_builder import add
from sqlite_utils import Database

from curriculum.errors import CurriculumError
from curriculum.store import pairs as PA
from curriculum.store import people as P


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    ids = {
        "marie": add(db, "Marie", "senior", topics={"email": 1, "messaging": 2},
                     slots=["tue-am"]),
        "robert": add(db, "Robert", "senior", langs=("en", "fr"), topics={"spreadsheets": 1}),
        "lea": add(db, "Léa", "junior", topics={"email": 3, "messaging": 3},
                   slots=["tue-am"], capacity=1),
        "sam": add(db, "Sam", "junior", langs=("en",), topics={"spreadsheets": 3},
                   capacity=1),
    }
    return ids


def statuses(db: Database) -> list[tuple[str, str, str]]:
    return sorted((p.senior.name, p.junior.name, p.status) for p in PA.list_pairs(db))


def test_propose_stores_the_best_set_with_scores_and_explanations(db, team):
    result = PA.propose(db)
    assert len(result.pairs) == 2 and result.unpaired == ()
    assert statuses(db) == [("Marie", "Léa", "proposed"), ("Robert", "Sam", "proposed")]
    marie = next(p for p in PA.list_pairs(db) if p.senior.name == "Marie")
    assert marie.score == pytest.approx(1.0 - 0.25 / 2)  # one shared slot of the two wanted
    assert [r.kind for r in marie.reasons] == ["topics", "slots", "first_language",
                                               "same_site"]
    assert marie.reasons[0].params == {"covered": 2, "wanted": 2, "name": "Marie",
                                       "topics": ["email", "messaging"]}
    assert marie.warnings == () and not marie.hand_made


def test_asking_again_withdraws_the_old_proposals(db, team):
    PA.propose(db)
    PA.propose(db)
    rows = list(db["pairs"].rows)
    assert sorted(r["status"] for r in rows) == ["proposed"] * 2 + ["withdrawn"] * 2


def test_accept_one_then_the_rest(db, team):
    PA.propose(db)
    first = PA.list_pairs(db, "proposed")[0]
    accepted = PA.accept(db, first.id)
    assert accepted.status == "active" and accepted.accepted_at
    assert PA.accept_all(db) == (1, 0)
    assert [s for *_, s in statuses(db)] == ["active", "active"]
    assert sorted(PA.active_pairs(db)) == sorted([(team["marie"], team["lea"]),
                                                  (team["robert"], team["sam"])])
    with pytest.raises(PA.PairError) as err:
        PA.accept(db, first.id)
    assert err.value.key == "pairs.error.not_proposed"


def test_active_pairs_count_against_capacity_next_time(db, team):
    PA.propose(db)
    PA.accept_all(db)
    add(db, "Josiane", "senior", topics={"email": 1})
    result = PA.propose(db)
    assert result.pairs == ()
    assert [(u.role, u.reason.kind) for u in result.unpaired] == [("senior", "mentors_full")]
    assert [u.reason.kind for u in PA.unpaired(db)] == ["mentors_full"]


def test_a_proposal_that_no_longer_fits_is_refused(db, team):
    PA.propose(db)
    marie = next(p for p in PA.list_pairs(db, "proposed") if p.senior.name == "Marie")
    P.save_profile(db, team["lea"], manager_id=team["marie"])  # Marie became Léa's manager
    with pytest.raises(CurriculumError) as err:
        PA.accept(db, marie.id)
    assert err.value.key == "pairs.error.stale"  # type: ignore[attr-defined]
    assert "Marie and Léa no longer fit together" in str(err.value)
    assert PA.accept_all(db) == (1, 1)
    assert statuses(db) == [("Marie", "Léa", "proposed"), ("Robert", "Sam", "active")]


def test_swap_exchanges_the_juniors_and_keeps_the_warnings(db, team):
    PA.propose(db)
    a, b = PA.list_pairs(db, "proposed")
    first, second = PA.swap(db, a.id, b.id)
    assert (first.junior.id, second.junior.id) == (b.junior.id, a.junior.id)
    assert first.hand_made and second.hand_made
    marie_sam = first if first.senior.name == "Marie" else second
    assert marie_sam.junior.name == "Sam"
    assert [w.kind for w in marie_sam.warnings] == ["no_language"]  # Sam speaks English only
    assert marie_sam.score < a.score
    # a swapped pair is accepted with its warnings: the coordinator chose it
    assert PA.accept(db, marie_sam.id).warnings[0].kind == "no_language"
    with pytest.raises(PA.PairError):
        PA.swap(db, a.id, a.id)


def test_pair_by_hand_stores_the_warnings_and_withdraws_the_seniors_proposal(db, team):
    PA.propose(db)
    boss = add(db, "Chef", "junior", capacity=1)
    P.save_profile(db, team["marie"], manager_id=boss)
    preview = PA.check(db, team["marie"], boss)
    assert [w.kind for w in preview.problems] == ["manager"]
    pair = PA.pair_by_hand(db, team["marie"], boss)
    assert pair.status == "active" and pair.hand_made
    assert [w.to_dict() for w in pair.warnings] == [
        {"kind": "manager", "params": {"manager": "Chef", "report": "Marie"}}]
    assert ("Marie", "Léa", "withdrawn") in statuses(db)
    # the junior is now full, and Marie has a mentor: both are warnings
    second = PA.pair_by_hand(db, team["marie"], team["lea"])
    assert [w.kind for w in second.warnings] == ["already_paired"]
    third = PA.pair_by_hand(db, team["robert"], boss)
    assert [w.to_dict() for w in third.warnings] == [
        {"kind": "no_capacity", "params": {"name": "Chef", "capacity": 1}}]


def test_pair_by_hand_refuses_nonsense(db, team):
    both = add(db, "Alex", "junior")
    P.save_profile(db, both, roles=["junior", "senior"])
    with pytest.raises(PA.PairError) as err:
        PA.pair_by_hand(db, both, both)
    assert err.value.key == "pairs.error.same_person"
    with pytest.raises(PA.PairError) as err:
        PA.pair_by_hand(db, team["lea"], team["sam"])
    assert err.value.key == "pairs.error.no_senior"
    PA.pair_by_hand(db, team["marie"], team["lea"])
    with pytest.raises(PA.PairError) as err:
        PA.pair_by_hand(db, team["marie"], team["lea"])
    assert err.value.key == "pairs.error.already"


def test_end_a_pair(db, team):
    pair = PA.pair_by_hand(db, team["marie"], team["lea"])
    ended = PA.end(db, pair.id)
    assert ended.status == "ended" and ended.ended_at
    with pytest.raises(PA.PairError) as err:
        PA.end(db, pair.id)
    assert err.value.key == "pairs.error.not_active"
    with pytest.raises(PA.PairError) as err:
        PA.get_pair(db, 999)
    assert err.value.key == "pairs.error.no_pair"


def test_a_failed_change_leaves_nothing_behind(db, team):
    PA.propose(db)
    before = list(db["pairs"].rows)
    with pytest.raises(PA.PairError):
        PA.swap(db, before[0]["id"], 999)
    assert list(db["pairs"].rows) == before
    assert not db.conn.in_transaction


def test_unpaired_lists_people_with_their_reason(db, team):
    add(db, "Ana", "senior", langs=("es",))
    PA.propose(db)
    found = [(u.role, u.reason.kind, u.reason.params) for u in PA.unpaired(db)]
    assert found == [("senior", "no_language_any", {"name": "Ana"})]


def test_accept_all_leaves_a_proposal_whose_mentor_filled_up_meanwhile(db, team):
    PA.propose(db)
    josiane = add(db, "Josiane", "senior")
    PA.pair_by_hand(db, josiane, team["lea"])  # Léa takes one senior: now full
    assert PA.accept_all(db) == (1, 1)
    assert statuses(db) == [("Josiane", "Léa", "active"), ("Marie", "Léa", "proposed"),
                            ("Robert", "Sam", "active")]
    with pytest.raises(PA.PairError) as err:
        PA.accept(db, next(p.id for p in PA.list_pairs(db, "proposed")))
    assert err.value.key == "pairs.error.stale"


def test_before_any_proposal_everyone_is_waiting_to_be_proposed(db, team):
    assert {u.reason.kind for u in PA.unpaired(db)} == {"not_proposed"}
    assert len(PA.unpaired(db)) == 4


def test_someone_who_learns_and_mentors_is_matched_on_the_right_topics(db, team):
    alex = add(db, "Alex", "junior", capacity=1)
    P.save_profile(db, alex, roles=["junior", "senior"])
    db["interests"].insert_all([  # wants to learn spreadsheets, teaches email
        {"person_id": alex, "kind": "wants", "topic": "spreadsheets", "level": 1},
        {"person_id": alex, "kind": "teaches", "topic": "email", "level": 3}])
    as_mentor = PA.check(db, team["marie"], alex)
    assert as_mentor.reasons[0].params["topics"] == ["email"]
    as_learner = PA.check(db, alex, team["lea"])
    assert as_learner.reasons[0].params == {"covered": 0, "wanted": 1, "name": "Alex",
                                            "topics": []}
