"""Who sees what (pure rules): pages by role, people, pairs, progress, editing."""

import pytest

from curriculum.programme import access
from curriculum.store.feedback import PairRecord
from curriculum.store.people import Person
from curriculum.ui.registry import PAGES

MARIE = Person(1, "Marie", "senior", roles=("senior",))
ROBERT = Person(2, "Robert", "senior", roles=("senior",))
LEA = Person(3, "Léa", "junior", roles=("junior",))
SAM = Person(4, "Sam", "junior", roles=("junior",))
CLAIRE = Person(5, "Claire", "coordinator", roles=("coordinator",), has_pin=True)
# both a mentor and the coordinator (signs in as one or the other)
NINA = Person(6, "Nina", "junior", roles=("junior", "coordinator"), has_pin=True)
GONE = Person(7, "Old", "senior", roles=("senior",), active=False)
PAIRS = [(MARIE.id, LEA.id)]  # Marie learns with Léa; Robert and Sam are not paired
ROLE_PAGES = {spec.url_path: spec.roles for spec in PAGES}


def pages_for(*viewers):
    return {spec.url_path for spec in PAGES if access.can_open(spec.roles, viewers)}


def test_pages_each_role_may_open():
    public = {"welcome", "catalogue", "player", "authors"}
    assert pages_for() == public
    assert pages_for(MARIE) == public | {"pair", "profile", "today"}
    assert pages_for(LEA) == public | {"pair", "profile", "today"}
    assert pages_for(CLAIRE) == public | {"pair", "profile", "today", "pairs", "people",
                                          "dashboard"}
    assert pages_for(MARIE, LEA) == pages_for(MARIE)


def test_signed_in_as_a_mentor_is_not_the_coordinator():
    as_mentor = access.acting(NINA, "junior")
    assert as_mentor.roles == ("junior",) and as_mentor.role == "junior"
    assert not access.is_coordinator([as_mentor])
    assert "people" not in pages_for(as_mentor)
    assert access.is_coordinator([access.acting(NINA, "coordinator")])


def test_acting_in_a_role_one_does_not_have_or_when_gone():
    assert access.acting(MARIE, "coordinator") is None
    assert access.acting(LEA, "senior") is None
    assert access.acting(GONE, "senior") is None
    assert access.acting(MARIE, "senior") == MARIE


@pytest.mark.parametrize(("viewers", "person", "allowed"), [
    ([MARIE], MARIE, True),     # oneself
    ([MARIE], LEA, True),       # one's mentor
    ([MARIE], ROBERT, False),   # another senior
    ([MARIE], SAM, False),      # a mentor of nobody she knows
    ([LEA], MARIE, True),       # one's senior
    ([LEA], ROBERT, False),     # a senior who is not hers
    ([LEA], SAM, False),        # another mentor
    ([SAM], MARIE, False),
    ([CLAIRE], ROBERT, True),   # the coordinator sees everyone
    ([], MARIE, False),         # nobody signed in
    ([ROBERT, SAM], MARIE, False),
])
def test_who_may_see_a_profile(viewers, person, allowed):
    assert access.can_see_person(viewers, person.id, PAIRS) is allowed


@pytest.mark.parametrize(("viewers", "pair", "allowed"), [
    ([MARIE], (MARIE.id, LEA.id), True), ([LEA], (MARIE.id, LEA.id), True),
    ([SAM], (MARIE.id, LEA.id), False), ([ROBERT], (MARIE.id, LEA.id), False),
    ([CLAIRE], (MARIE.id, LEA.id), True), ([], (MARIE.id, LEA.id), False),
    ([access.acting(NINA, "junior")], (MARIE.id, LEA.id), False),
])
def test_who_may_see_a_pair(viewers, pair, allowed):
    assert access.can_see_pair(viewers, *pair) is allowed


def test_visible_pairs_and_the_pair_to_open_first():
    marie_lea = PairRecord(10, MARIE.id, LEA.id, "Marie", "Léa", "active")
    robert_lea = PairRecord(11, ROBERT.id, LEA.id, "Robert", "Léa", "active")
    robert_sam = PairRecord(12, ROBERT.id, SAM.id, "Robert", "Sam", "ended")
    every = [marie_lea, robert_lea, robert_sam]
    assert access.visible_pairs([LEA], every) == [marie_lea, robert_lea]
    assert access.visible_pairs([MARIE], every) == [marie_lea]
    assert access.visible_pairs([CLAIRE], every) == every
    assert access.visible_pairs([], every) == []
    assert access.pair_to_open(every, {LEA.id}) == 10  # nobody's pair is all here: the first
    assert access.pair_to_open(every, {ROBERT.id, LEA.id}) == 11  # both of this pair are here
    assert access.pair_to_open(every, {CLAIRE.id, ROBERT.id, SAM.id}) == 12


@pytest.mark.parametrize(("viewers", "senior", "allowed"), [
    ([MARIE], MARIE, True), ([ROBERT], MARIE, False), ([LEA], MARIE, True),
    ([SAM], MARIE, False), ([CLAIRE], ROBERT, True), ([LEA], ROBERT, False),
    # a pair the other way round (Marie as "junior" of Léa) gives Marie nothing
    ([MARIE], LEA, False),
])
def test_who_may_see_a_seniors_progress(viewers, senior, allowed):
    assert access.can_see_progress(viewers, senior.id, PAIRS) is allowed


def test_only_oneself_or_the_coordinator_changes_a_profile():
    assert access.can_edit_person([MARIE], MARIE.id)
    assert not access.can_edit_person([LEA], MARIE.id)  # her mentor may look, not change
    assert access.can_edit_person([CLAIRE], MARIE.id)
    assert access.can_edit_person([MARIE, LEA], LEA.id)  # a pair on one computer
    assert not access.can_edit_person([], MARIE.id)


def test_only_the_coordinator_manages_people():
    assert access.can_manage_people([CLAIRE])
    assert not access.can_manage_people([MARIE, LEA])
    assert not access.can_manage_people([access.acting(NINA, "junior")])
    assert not access.can_manage_people([])


def test_visible_people():
    everyone = [MARIE, ROBERT, LEA, SAM, CLAIRE]
    assert [p.name for p in access.visible([LEA], everyone, PAIRS)] == ["Marie", "Léa"]
    assert [p.name for p in access.visible([ROBERT], everyone, PAIRS)] == ["Robert"]
    assert access.visible([CLAIRE], everyone, PAIRS) == everyone
    assert access.visible([], everyone, PAIRS) == []


def test_registry_roles_are_what_the_issue_says():
    assert ROLE_PAGES["people"] == ROLE_PAGES["pairs"] == ROLE_PAGES["dashboard"] \
        == frozenset({"coordinator"})
    assert ROLE_PAGES["profile"] == ROLE_PAGES["pair"] \
        == frozenset({"senior", "junior", "coordinator"})
