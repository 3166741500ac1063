"""Adding a second person with a name already taken asks first, on the coordinator's People
page and on the Welcome page alike; pressing the button again adds them all the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.programme import pins
from curriculum.store import people as P
from curriculum.store import session


@pytest.fixture(autouse=True)
def _cheap_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "COST", {"n": 2**4, "r": 1, "p": 1})


def names(db_file: Path) -> list[str]:
    with session(db_file) as db:
        return [p.name for p in P.list_people(db) if "coordinator" not in p.roles]


def test_the_coordinator_is_warned_before_adding_a_twin(make_app, db_file) -> None:
    with session(db_file) as db:
        P.create_person(db, "Marie Dupont", "senior")
        claire = P.ensure_coordinator(db, "Claire", "1357").id
    at = make_app("people", who__coordinator=claire)
    at.text_input(key="people.new_name").input("  marie   DUPONT ")
    at.button(key="people.add_go").click().run()
    assert names(db_file) == ["Marie Dupont"]
    assert any("There is already someone called Marie Dupont (" in e.value
               for e in at.error), [e.value for e in at.error]
    at.text_input(key="people.new_name").input("marie DUPONT")
    at.button(key="people.add_go").click().run()  # the second press adds them
    assert sorted(names(db_file)) == ["Marie Dupont", "marie DUPONT"]


def add_button(at):
    return next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:welcome.add-"))


def test_the_welcome_page_warns_too_in_french(make_app, db_file) -> None:
    with session(db_file) as db:
        P.create_person(db, "Gérard Lambert", "senior")
    at = make_app(ui__lang="fr")
    at.text_input(key="welcome.new_name").input("Gerard Lambert")
    add_button(at).click().run()
    assert names(db_file) == ["Gérard Lambert"]
    assert any("Il y a déjà une personne nommée Gérard Lambert" in e.value for e in at.error)
    at.text_input(key="welcome.new_name").input("Anne Martin")  # another name: no question
    add_button(at).click().run()
    assert "Anne Martin" in names(db_file)
