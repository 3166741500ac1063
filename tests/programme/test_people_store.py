"""People in the store: PINs (only the hash kept, waits after wrong PINs), the first-run
coordinator, roles, the profile sections, running-pair partners."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from curriculum.errors import CurriculumError
from curriculum.i18n import LANGUAGES, catalogue
from curriculum.programme import pins
from curriculum.store import people as P

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _cheap_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    "Hash with a tiny cost: these tests are about the rules, not the hash's slowness."
    monkeypatch.setattr(pins, "COST", {"n": 2**4, "r": 1, "p": 1})


def stored(db: Database, person_id: int) -> dict:
    return db["people"].get(person_id)


def test_a_pin_is_stored_as_its_hash_only(db):
    marie = P.create_person(db, "Marie", "senior")
    assert not marie.has_pin
    P.set_pin(db, marie.id, "2468", "2468")
    row = stored(db, marie.id)
    assert row["pin_hash"].startswith("scrypt$") and "2468" not in row["pin_hash"]
    assert "2468" not in repr(row)
    assert P.get_person(db, marie.id).has_pin
    assert P.check_pin(db, marie.id, "2468").ok
    assert not P.check_pin(db, marie.id, "8642").ok


def test_pin_rules_are_enforced_before_anything_is_stored(db):
    marie = P.create_person(db, "Marie", "senior")
    for pin, again in (("12", "12"), ("12ab", "12ab"), ("1234", "4321")):
        with pytest.raises(pins.PinError):
            P.set_pin(db, marie.id, pin, again)
    assert stored(db, marie.id)["pin_hash"] is None
    with pytest.raises(CurriculumError, match="nobody with the number 99"):
        P.set_pin(db, 99, "1234")


def test_no_pin_never_checks_and_unknown_people_neither(db):
    marie = P.create_person(db, "Marie", "senior")
    assert P.check_pin(db, marie.id, "1234") == P.PinCheck(False)
    assert P.check_pin(db, 404, "1234") == P.PinCheck(False)


def test_clear_pin(db):
    marie = P.create_person(db, "Marie", "senior")
    P.set_pin(db, marie.id, "1234")
    P.clear_pin(db, marie.id)
    assert not P.get_person(db, marie.id).has_pin


def test_wrong_pins_in_a_row_lock_for_a_while_then_a_right_one_resets(db):
    lea = P.create_person(db, "Léa", "junior")
    P.set_pin(db, lea.id, "1357")
    for _ in range(4):
        assert P.check_pin(db, lea.id, "0000", at=T0) == P.PinCheck(False, 0)
    assert P.check_pin(db, lea.id, "0000", at=T0) == P.PinCheck(False, 30)
    # locked: even the right PIN is not checked until the wait is over
    assert P.check_pin(db, lea.id, "1357", at=T0 + timedelta(seconds=10)) \
        == P.PinCheck(False, 20)
    assert P.check_pin(db, lea.id, "1357", at=T0 + timedelta(seconds=31)).ok
    row = stored(db, lea.id)
    assert row["pin_failures"] == 0 and row["pin_locked_until"] is None
    for _ in range(4):
        P.check_pin(db, lea.id, "0000", at=T0 + timedelta(minutes=1))
    assert P.check_pin(db, lea.id, "1357", at=T0 + timedelta(minutes=1)).ok


def test_the_wait_doubles(db):
    lea = P.create_person(db, "Léa", "junior")
    P.set_pin(db, lea.id, "1357")
    at = T0
    for _ in range(5):
        check = P.check_pin(db, lea.id, "0000", at=at)
    assert check.wait == 30
    at += timedelta(seconds=30)
    assert P.check_pin(db, lea.id, "0000", at=at).wait == 60



def test_the_wait_is_said_in_whole_minutes_at_least_one():
    assert [P.PinCheck(False, w).wait_minutes for w in (0, 20, 30, 60, 89, 91, 3600)] == [
        1, 1, 1, 1, 1, 2, 60]


def test_a_pin_hashed_with_an_old_cost_is_hashed_again_when_right(db, monkeypatch):
    marie = P.create_person(db, "Marie", "senior")
    P.set_pin(db, marie.id, "1234")
    before = stored(db, marie.id)["pin_hash"]
    monkeypatch.setattr(pins, "COST", {"n": 2**5, "r": 1, "p": 1})
    assert P.check_pin(db, marie.id, "1234").ok
    after = stored(db, marie.id)["pin_hash"]
    assert after != before and after.startswith("scrypt$n=32,r=1,p=1$")
    assert P.check_pin(db, marie.id, "1234").ok


def test_first_run_creates_the_coordinator_with_a_pin(db):
    assert P.needs_coordinator(db)
    P.create_person(db, "Marie", "senior")
    assert P.needs_coordinator(db)
    with pytest.raises(pins.PinError):
        P.ensure_coordinator(db, "Claire", "12", "12")
    assert P.list_people(db, "coordinator") == []  # nobody half-made
    claire = P.ensure_coordinator(db, "  Claire   Martin ", "9876", "9876", "fr")
    assert claire.name == "Claire Martin" and claire.roles == ("coordinator",)
    assert claire.has_pin and claire.language == "fr"
    assert not P.needs_coordinator(db)
    assert [c.name for c in P.coordinators(db)] == ["Claire Martin"]
    with pytest.raises(P.PeopleError, match="already has a coordinator") as err:
        P.ensure_coordinator(db, "Intruder", "1111", "1111")
    assert err.value.key == "people.err_has_coordinator"
    assert len(P.list_people(db, "coordinator")) == 1


def test_a_coordinator_without_pin_gets_it_rather_than_a_twin(db):
    imported = P.create_person(db, "Claire", "coordinator")
    assert P.needs_coordinator(db)  # cannot sign in without a PIN
    claire = P.ensure_coordinator(db, "claire", "9876", "9876")
    assert claire.id == imported.id and claire.has_pin


def test_a_coordinator_always_keeps_a_pin_and_the_last_one_keeps_the_role(db):
    claire = P.ensure_coordinator(db, "Claire", "9876")
    with pytest.raises(P.PeopleError, match="always needs a PIN"):
        P.clear_pin(db, claire.id)
    with pytest.raises(P.PeopleError, match="only coordinator"):
        P.set_roles(db, claire.id, ["junior"])
    with pytest.raises(P.PeopleError, match="only coordinator"):
        P.set_roles(db, claire.id, ["coordinator"], active=False)
    nina = P.create_person(db, "Nina", "junior")
    P.set_roles(db, nina.id, ["junior", "coordinator"])
    P.set_pin(db, nina.id, "5555")
    claire = P.set_roles(db, claire.id, ["senior"])  # now someone else can sign in
    assert claire.roles == ("senior",) and claire.role == "senior"
    assert [c.name for c in P.coordinators(db)] == ["Nina"]


def test_set_roles_checks_and_keeps_capacity_sensible(db):
    marie = P.create_person(db, "Marie", "senior")
    with pytest.raises(P.PeopleError, match="at least one role"):
        P.set_roles(db, marie.id, [])
    with pytest.raises(CurriculumError, match="not 'boss'"):
        P.set_roles(db, marie.id, ["boss"])
    both = P.set_roles(db, marie.id, ["senior", "junior", "senior"])
    assert both.roles == ("senior", "junior") and both.capacity == 2
    assert P.list_people(db, "junior")[0].name == "Marie"
    gone = P.set_roles(db, marie.id, ["senior"], active=False)
    assert not gone.active


def test_about_section_is_checked(db):
    marie = P.create_person(db, "Marie", "senior")
    lea = P.create_person(db, "Léa", "junior")
    saved = P.save_about(db, marie.id, languages=["fr", "xx", "en", "fr"], site="  Lyon  ",
                         remote=False, availability=["thu-pm", "tue-am", "someday"],
                         manager_id=lea.id)
    assert saved.languages == ("fr", "en") and saved.site == "Lyon" and not saved.remote
    assert saved.availability == ("tue-am", "thu-pm") and saved.manager_id == lea.id
    remote = P.save_about(db, marie.id, languages=["fr"], site="Lyon", remote=True,
                          availability=[], manager_id=None)
    assert remote.remote and remote.site is None and remote.manager_id is None
    cases = [({"languages": []}, "profile.err_language"),
             ({"site": " ", "remote": False}, "profile.err_site"),
             ({"manager_id": marie.id}, "profile.err_own_manager")]
    for change, key in cases:
        args = {"languages": ["fr"], "site": "Lyon", "remote": False, "availability": [],
                "manager_id": None, **change}
        with pytest.raises(P.PeopleError) as err:
            P.save_about(db, marie.id, **args)
        assert err.value.key == key
    with pytest.raises(CurriculumError, match="nobody"):
        P.save_about(db, marie.id, languages=["fr"], site="", remote=True, availability=[],
                     manager_id=404)


def test_learning_and_teaching_sections(db):
    marie = P.create_person(db, "Marie", "senior")
    P.save_learning(db, marie.id, {"email": 1, "spreadsheets": 0, "messaging": 3},
                    [("email-basics", "first-email"), ("email-basics", "first-email")])
    assert P.interests(db, marie.id) == {"email": 1, "messaging": 3}
    assert P.wanted_lessons(db, marie.id) == [("email-basics", "first-email")]
    with pytest.raises(CurriculumError, match="'gardening' is not a topic"):
        P.save_learning(db, marie.id, {"gardening": 2}, [])
    lea = P.create_person(db, "Léa", "junior")
    P.save_teaching(db, lea.id, {"email": 3, "social-media": 2}, 3)
    person = P.get_person(db, lea.id)
    assert person.interests == {"email": 3, "social-media": 2} and person.capacity == 3
    with pytest.raises(P.PeopleError) as err:
        P.save_teaching(db, lea.id, {}, 11)
    assert err.value.key == "profile.err_capacity"


def test_someone_both_learning_and_mentoring_keeps_both_lists(db):
    nina = P.create_person(db, "Nina", "junior")
    P.set_roles(db, nina.id, ["junior", "senior"])
    P.save_teaching(db, nina.id, {"email": 3}, 1)
    P.save_learning(db, nina.id, {"spreadsheets": 1}, [])
    assert P.interests(db, nina.id, "teaches") == {"email": 3}
    assert P.interests(db, nina.id, "wants") == {"spreadsheets": 1}


def test_partners_are_those_of_running_pairs_only(db):
    marie, robert = (P.create_person(db, n, "senior").id for n in ("Marie", "Robert"))
    lea, sam = (P.create_person(db, n, "junior").id for n in ("Léa", "Sam"))
    rows = [(marie, lea, "active"), (robert, lea, "proposed"), (robert, sam, "ended"),
            (marie, sam, "withdrawn")]
    db["pairs"].insert_all({"senior_id": s, "junior_id": j, "status": st,
                            "created_at": "2026-03-01"} for s, j, st in rows)
    assert P.partners(db, {lea}) == [(marie, lea)]
    assert P.partners(db, {robert}) == []
    assert P.partners(db, {marie, sam}) == [(marie, lea)]
    assert P.partners(db, set()) == []


def test_every_message_key_of_the_store_is_in_both_catalogues():
    import inspect
    import re

    source = inspect.getsource(P) + inspect.getsource(pins)
    keys = set(re.findall(r'PeopleError\(\s*"([a-z_.]+)"', source))
    keys |= {f"pin.rule_{r}" for r in ("digits", "length", "different")}
    assert len(keys) >= 10
    for lang in LANGUAGES:
        assert sorted(keys - set(catalogue(lang))) == [], lang
    for slot in P.SLOTS:
        assert f"slot.{slot}" in catalogue("en") and f"slot.{slot}" in catalogue("fr")
