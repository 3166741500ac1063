"""Composing pairs: scores, hard constraints, explanations, and the optimal set (vs brute force)."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from curriculum.i18n import catalogue
from curriculum.programme import matching
from curriculum.programme.matching import Reason, explain, problems, propose, score_matrix
from curriculum.store.people import SLOTS, Person


def person(pid: int, name: str = "", role: str = "senior", *, langs=("fr",), site="Lyon",
           remote=False, slots=(), manager=None, capacity=None, topics=None,
           active=True) -> Person:
    return Person(pid, name or f"P{pid}", role, roles=(role,), languages=tuple(langs),
                  site=site, remote=remote, availability=tuple(slots), manager_id=manager,
                  capacity=capacity, active=active, interests=dict(topics or {}))


def junior(pid: int, name: str = "", **kw) -> Person:
    kw.setdefault("capacity", 1)
    return person(pid, name, "junior", **kw)


def kinds(reasons) -> list[str]:
    return [r.kind for r in reasons]


# --- scoring ------------------------------------------------------------------------------

def test_a_perfect_pair_scores_one():
    s = person(1, topics={"email": 1}, slots=["tue-am", "thu-pm"], langs=["fr", "en"])
    j = junior(2, topics={"email": 3}, slots=["tue-am", "thu-pm", "fri-am"], langs=["fr"])
    assert explain(s, j).score == pytest.approx(1.0)


def test_topics_weigh_the_seniors_need_by_the_juniors_confidence():
    # need = 4 - level: email 3 (beginner), spreadsheets 1 (at ease)
    s = person(1, topics={"email": 1, "spreadsheets": 3}, site=None)
    only_email = junior(2, topics={"email": 3}, site="Paris")
    only_sheets = junior(3, topics={"spreadsheets": 3}, site="Paris")
    unsure_email = junior(4, topics={"email": 1}, site="Paris")
    w = matching.WEIGHTS
    base = w["language"]  # French is the senior's first language; no time, no place
    assert explain(s, only_email).score == pytest.approx(base + w["topics"] * 9 / 12)
    assert explain(s, only_sheets).score == pytest.approx(base + w["topics"] * 3 / 12)
    assert explain(s, unsure_email).score == pytest.approx(base + w["topics"] * 3 / 12)


def test_a_topic_at_level_zero_is_not_chosen():
    s = person(1, topics={"email": 1, "messaging": 0}, site=None)
    j = junior(2, topics={"email": 3, "messaging": 0}, site=None)
    assert explain(s, j).reasons[0].params["wanted"] == 1
    assert explain(s, j).score == pytest.approx(0.15 + 0.5)
    assert score_matrix([s], [j])[0][0, 0] == pytest.approx(0.65)


def test_time_counts_shared_slots_up_to_two():
    s = person(1, slots=["mon-am", "tue-am", "wed-am"], site=None)
    one = junior(2, slots=["mon-am"], site=None)
    three = junior(3, slots=["mon-am", "tue-am", "wed-am"], site=None)
    assert explain(s, one).score == pytest.approx(0.15 + 0.25 / 2)
    assert explain(s, three).score == pytest.approx(0.15 + 0.25)


def test_the_seniors_first_language_earns_a_bonus():
    s = person(1, langs=["fr", "en"], site=None)
    assert explain(s, junior(2, langs=["fr"], site=None)).score == pytest.approx(0.15)
    assert explain(s, junior(3, langs=["en"], site=None)).score == pytest.approx(0.075)


def test_same_site_or_both_remote():
    s = person(1, site=" lyon  ", langs=["en"])
    assert explain(s, junior(2, site="Lyon", langs=["en"])).score == pytest.approx(0.25)
    assert explain(s, junior(3, site="Paris", langs=["en"])).score == pytest.approx(0.15)
    assert explain(s, junior(4, remote=True, langs=["en"])).score == pytest.approx(0.15)
    home = person(5, remote=True, site=None, langs=["en"])
    assert explain(home, junior(6, remote=True, site=None, langs=["en"])).score == \
        pytest.approx(0.25)
    unknown = person(7, site=None, langs=["en"])
    assert explain(unknown, junior(8, site=None, langs=["en"])).score == pytest.approx(0.15)


# --- explanations -------------------------------------------------------------------------

def test_the_explanation_says_why_in_numbers_and_names():
    marie = person(1, "Marie", topics={"email": 1, "spreadsheets": 2, "messaging": 1,
                                       "social-media": 3}, slots=["tue-am", "fri-pm"])
    lea = junior(2, "Léa", topics={"email": 3, "messaging": 2, "social-media": 1,
                                   "other": 3}, slots=["tue-am", "wed-am"])
    m = explain(marie, lea)
    assert [r.to_dict() for r in m.reasons] == [
        {"kind": "topics", "params": {"covered": 3, "wanted": 4, "name": "Marie",
                                      "topics": ["email", "messaging", "social-media"]}},
        {"kind": "slots", "params": {"slots": ["tue-am"]}},
        {"kind": "first_language", "params": {"language": "fr", "name": "Marie"}},
        {"kind": "same_site", "params": {"site": "Lyon"}},
    ]
    assert m.problems == ()


def test_the_explanation_also_says_what_is_missing():
    s = person(1, "Robert", langs=["en", "fr"], site="Paris")
    j = junior(2, langs=["fr"], remote=True, site=None)
    assert kinds(explain(s, j).reasons) == ["no_topics", "no_slots", "language",
                                            "different_place"]
    assert kinds(explain(person(3, remote=True), junior(4, remote=True)).reasons)[-1] == \
        "both_remote"


def test_reasons_round_trip_as_data():
    r = Reason("slots", {"slots": ["tue-am"]})
    assert Reason.from_dict(r.to_dict()) == r


def test_every_reason_kind_has_words_in_both_languages():
    kinds_ = (*matching.EXPLANATIONS, *matching.CONSTRAINTS, *matching.UNPAIRED)
    assert len(set(kinds_)) == len(kinds_)
    for lang in ("en", "fr"):
        variants = ("topics_one", "topics_none")  # the page words "topics" with 1 or 0
        missing = [k for k in (*kinds_, *variants)
                   if f"pairs.reason.{k}" not in catalogue(lang)]
        assert missing == [], lang
        days = [f"pairs.day.{s.split('-')[0]}" for s in SLOTS]
        parts = [f"pairs.part.{s.split('-')[1]}" for s in SLOTS]
        assert [k for k in days + parts if k not in catalogue(lang)] == []


# --- hard constraints ---------------------------------------------------------------------

def test_no_common_language_is_a_problem():
    s, j = person(1, "Ana", langs=["es"]), junior(2, "Tom", langs=["en"])
    assert [r.to_dict() for r in problems(s, j)] == [
        {"kind": "no_language", "params": {"senior": "Ana", "junior": "Tom"}}]


@pytest.mark.parametrize("who_manages", ["junior", "senior"])
def test_never_with_ones_line_manager_or_direct_report(who_manages):
    if who_manages == "junior":  # the junior manages the senior
        s, j = person(1, "Ana", manager=2), junior(2, "Tom")
        expected = {"manager": "Tom", "report": "Ana"}
    else:
        s, j = person(1, "Ana"), junior(2, "Tom", manager=1)
        expected = {"manager": "Ana", "report": "Tom"}
    assert [r.to_dict() for r in problems(s, j)] == [{"kind": "manager", "params": expected}]
    result = propose([s], [j])
    assert result.pairs == ()
    assert [(u.person_id, u.reason.kind) for u in result.unpaired] == [
        (1, "manager_only"), (2, "manager_only")]


def test_capacity_and_a_senior_who_has_a_mentor_are_warnings_for_a_pair_by_hand():
    s, j = person(1, "Ana"), junior(2, "Tom", capacity=1)
    assert kinds(problems(s, j, free=0, partner="Zoé")) == ["no_capacity", "already_paired"]
    assert problems(s, j, free=0)[0].params == {"name": "Tom", "capacity": 1}
    assert problems(s, j, free=1) == []
    assert kinds(problems(s, person(1, "Ana", role="junior"))) == ["same_person"]


def test_a_proposal_never_breaks_a_constraint():
    seniors = [person(1, langs=["es"]), person(2, manager=10), person(3), person(4)]
    juniors = [junior(10, capacity=1), junior(11, capacity=1, manager=3),
               junior(12, capacity=0)]
    result = propose(seniors, juniors)
    # 2 cannot have 10 (their manager), 3 cannot have 11 (their report), 1 speaks Spanish
    assert {(m.senior_id, m.junior_id) for m in result.pairs} == {(2, 11), (3, 10)}
    assert {u.person_id: u.reason.kind for u in result.unpaired} == {
        1: "no_language_any", 4: "mentors_taken", 12: "capacity_zero"}


def test_active_pairs_count_against_capacity_and_their_seniors_are_not_proposed():
    seniors = [person(1), person(2), person(3)]
    juniors = [junior(10, capacity=2), junior(11, capacity=1)]
    result = propose(seniors, juniors, active=[(1, 10), (9, 11)])
    assert [(m.senior_id, m.junior_id) for m in result.pairs] == [(2, 10)]
    assert [(u.person_id, u.reason.kind) for u in result.unpaired] == [(3, "mentors_taken")]
    full = propose([person(1), person(2)], [junior(10, capacity=1)], active=[(2, 10)])
    assert full.pairs == ()
    assert [(u.person_id, u.reason.kind) for u in full.unpaired] == [(1, "mentors_full")]


def test_inactive_people_and_empty_sides():
    assert propose([], []).pairs == ()
    result = propose([person(1)], [junior(2, active=False)])
    assert [(u.person_id, u.reason.kind) for u in result.unpaired] == [(1, "no_juniors")]
    result = propose([person(1, active=False)], [junior(2)])
    assert [(u.person_id, u.reason.kind) for u in result.unpaired] == [(2, "no_seniors")]


def test_a_junior_whose_seniors_all_have_a_partner():
    result = propose([person(1)], [junior(10, capacity=1), junior(11, capacity=1)])
    assert len(result.pairs) == 1
    assert [u.reason.kind for u in result.unpaired] == ["seniors_taken"]


def test_no_capacity_set_means_the_default():
    j = junior(10, capacity=None)
    result = propose([person(i) for i in range(1, 5)], [j])
    assert len(result.pairs) == matching.DEFAULT_CAPACITY


# --- the optimal set ----------------------------------------------------------------------

def test_not_greedy_everyone_who_can_be_paired_is_paired():
    # Ana would score best with Léa, but Bob can only talk with Léa: both get a mentor.
    ana = person(1, "Ana", langs=["fr", "en"], topics={"email": 1})
    bob = person(2, "Bob", langs=["fr"], site="Nice")
    lea = junior(10, "Léa", langs=["fr"], topics={"email": 3})
    sam = junior(11, "Sam", langs=["en"], site="Paris")
    assert explain(ana, lea).score > explain(ana, sam).score
    result = propose([ana, bob], [lea, sam])
    assert sorted((m.senior_id, m.junior_id) for m in result.pairs) == [(1, 11), (2, 10)]
    assert result.unpaired == ()


def test_not_greedy_the_total_score_is_the_highest():
    # greedy takes the best single pair (1, 10) = 0.9 and is left with (2, 11) = 0.1
    s1 = person(1, topics={"email": 1, "messaging": 1}, site=None)
    s2 = person(2, topics={"email": 1}, site=None)
    j10 = junior(10, topics={"email": 3, "messaging": 3}, site=None)
    j11 = junior(11, topics={"messaging": 3}, site=None)
    result = propose([s1, s2], [j10, j11])
    assert sorted((m.senior_id, m.junior_id) for m in result.pairs) == [(1, 11), (2, 10)]


def random_case(rng: random.Random):
    ns, nj = rng.randint(1, 4), rng.randint(1, 3)
    topics, langs, sites = ["email", "spreadsheets", "messaging"], ["en", "fr", "de"], \
        ["Lyon", "Paris", None]
    def profile() -> dict:
        return {"langs": rng.sample(langs, rng.randint(1, 2)), "site": rng.choice(sites),
                "remote": rng.random() < 0.2, "slots": rng.sample(SLOTS[:6], rng.randint(0, 3)),
                "topics": {t: rng.randint(1, 3) for t in rng.sample(topics, rng.randint(0, 3))}}
    seniors = [person(i + 1, **profile()) for i in range(ns)]
    juniors = [junior(i + 11, capacity=rng.randint(0, 2), **profile()) for i in range(nj)]
    ids_s, ids_j = [p.id for p in seniors], [p.id for p in juniors]
    for i, s in enumerate(seniors):  # line managers, both ways
        if rng.random() < 0.25:
            seniors[i] = person(s.id, langs=s.languages, site=s.site, remote=s.remote,
                                slots=s.availability, topics=s.interests,
                                manager=rng.choice(ids_j))
    for i, j in enumerate(juniors):
        if rng.random() < 0.25:
            juniors[i] = junior(j.id, langs=j.languages, site=j.site, remote=j.remote,
                                slots=j.availability, topics=j.interests,
                                capacity=j.capacity, manager=rng.choice(ids_s))
    active = [(rng.choice(ids_s), rng.choice(ids_j))] if rng.random() < 0.3 else []
    return seniors, juniors, active


def brute_force(seniors, juniors, active) -> tuple[int, float]:
    "The best (number of pairs, total score) over every assignment that keeps the rules."
    paired = {s for s, _ in active}
    free = {j.id: matching.capacity(j) - sum(1 for _, x in active if x == j.id)
            for j in juniors}
    waiting = [s for s in seniors if s.id not in paired]
    best = (0, 0.0)
    for choice in itertools.product([None, *juniors], repeat=len(waiting)):
        used: dict[int, int] = {}
        count, total, ok = 0, 0.0, True
        for s, j in zip(waiting, choice, strict=True):
            if j is None:
                continue
            used[j.id] = used.get(j.id, 0) + 1
            if used[j.id] > free[j.id] or problems(s, j):
                ok = False
                break
            count, total = count + 1, total + explain(s, j).score
        if ok and (count, round(total, 9)) > (best[0], round(best[1], 9)):
            best = (count, total)
    return best


@pytest.mark.parametrize("seed", range(300))
def test_the_set_is_as_good_as_brute_force(seed):
    rng = random.Random(seed)
    seniors, juniors, active = random_case(rng)
    result = propose(seniors, juniors, active)
    by_id = {p.id: p for p in (*seniors, *juniors)}
    used: dict[int, int] = {}
    for m in result.pairs:  # feasible: constraints and capacities kept
        assert problems(by_id[m.senior_id], by_id[m.junior_id]) == []
        used[m.junior_id] = used.get(m.junior_id, 0) + 1
    for j in juniors:
        taken = sum(1 for _, x in active if x == j.id)
        assert used.get(j.id, 0) <= max(0, matching.capacity(j) - taken)
    assert len({m.senior_id for m in result.pairs}) == len(result.pairs)
    assert not {m.senior_id for m in result.pairs} & {s for s, _ in active}
    count, total = brute_force(seniors, juniors, active)
    assert len(result.pairs) == count
    assert result.total == pytest.approx(total, abs=1e-6)
    # everyone is either paired (active or proposed) or listed with a reason
    listed = {u.person_id for u in result.unpaired}
    in_pair = {x for m in result.pairs for x in (m.senior_id, m.junior_id)}
    in_pair |= {x for pair in active for x in pair}
    assert listed | in_pair >= {p.id for p in (*seniors, *juniors)}
    assert not listed & in_pair


@pytest.mark.parametrize("seed", range(20))
def test_the_score_matrix_agrees_with_explain(seed):
    rng = random.Random(1000 + seed)
    seniors, juniors, _ = random_case(rng)
    scores, allowed = score_matrix(seniors, juniors)
    for (i, s), (j, jun) in itertools.product(enumerate(seniors), enumerate(juniors)):
        assert scores[i, j] == pytest.approx(explain(s, jun).score, abs=1e-6)
        assert bool(allowed[i, j]) == (not problems(s, jun))


def test_score_matrix_shape_when_a_side_is_empty():
    scores, allowed = score_matrix([person(1)], [])
    assert scores.shape == allowed.shape == (1, 0)
    assert isinstance(scores, np.ndarray)


def test_before_any_proposal_people_are_waiting_to_be_proposed():
    seniors, juniors = [person(1), person(2, langs=["es"])], [junior(10), junior(11, langs=["de"])]
    found = [(u.person_id, u.reason.kind) for u in matching.unpaired(seniors, juniors, [])]
    assert found == [(1, "not_proposed"), (2, "no_language_any"), (10, "not_proposed"),
                     (11, "no_language_any")]
