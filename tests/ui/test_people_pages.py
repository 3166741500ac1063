"""The profile page (one's own, in words a senior uses) and the coordinator's People page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curriculum.programme import pins
from curriculum.store import people as P
from curriculum.store import session


@pytest.fixture(autouse=True)
def _cheap_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "COST", {"n": 2**4, "r": 1, "p": 1})


@pytest.fixture
def team(db_file: Path) -> dict[str, int]:
    with session(db_file) as db:
        ids = {n: P.create_person(db, n, r).id for n, r in (
            ("Marie", "senior"), ("Léa", "junior"), ("*Bob* [x](javascript:1)", "senior"))}
        ids["Claire"] = P.ensure_coordinator(db, "Claire", "1357").id
    return ids


def person(db_file: Path, person_id: int) -> P.Person:
    with session(db_file) as db:
        return P.get_person(db, person_id)


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


# --- one's own profile --------------------------------------------------------------------


def test_a_senior_fills_in_about_me(make_app, team, db_file):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie)
    assert at.title[0].value == "Marie"
    assert [h.value for h in at.header] == ["About me", "What I want to learn", "PIN"]
    at.multiselect(key=f"profile.{marie}.languages").set_value(["fr", "en"])
    at.radio(key=f"profile.{marie}.where").set_value("site")
    at.text_input(key=f"profile.{marie}.site").input("  Lyon   office ")
    boxes = [c for c in at.checkbox if c.key.startswith(f"profile.{marie}.slot.")]
    assert len(boxes) == 14 and boxes[0].label == "Monday morning"
    assert boxes[-1].label == "Sunday afternoon"
    at.checkbox(key=f"profile.{marie}.slot.tue-am").check()
    at.checkbox(key=f"profile.{marie}.slot.thu-pm").check()
    at.selectbox(key=f"profile.{marie}.manager").set_value(team["Claire"])
    click(at, f"profile.{marie}.about_save")
    assert "Saved." in [s.value for s in at.success]
    saved = person(db_file, marie)
    assert saved.languages == ("fr", "en") and saved.site == "Lyon office"
    assert saved.availability == ("tue-am", "thu-pm") and saved.manager_id == team["Claire"]
    assert at.checkbox(key=f"profile.{marie}.slot.tue-am").value  # shown as saved


def test_a_mistake_is_said_in_words(make_app, team, db_file):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie)
    at.multiselect(key=f"profile.{marie}.languages").set_value([])
    click(at, f"profile.{marie}.about_save")
    assert [e.value for e in at.error] == ["Choose at least one language you speak."]
    at.multiselect(key=f"profile.{marie}.languages").set_value(["fr"])
    at.radio(key=f"profile.{marie}.where").set_value("site")
    at.text_input(key=f"profile.{marie}.site").input("")
    click(at, f"profile.{marie}.about_save")
    assert [e.value for e in at.error] == [
        "Type the name of your site, or say that you work remotely."]
    at.radio(key=f"profile.{marie}.where").set_value("remote")
    click(at, f"profile.{marie}.about_save")
    assert not at.error and person(db_file, marie).remote


def test_a_senior_says_what_she_wants_to_learn_in_plain_words(make_app, team, db_file):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie)
    email = at.radio(key=f"profile.{marie}.want.email")
    assert email.label == "Email"
    assert email.options == ["Not for now", "I've never done it", "A little", "I'm at ease"]
    email.set_value(1)
    at.radio(key=f"profile.{marie}.want.social-media").set_value(2)
    lessons = at.multiselect(key=f"profile.{marie}.lessons")
    first = next(o for o in lessons.options if "Write your first email" in o)
    assert first.endswith(": Write your first email")
    lessons.select("email-basics/first-email")
    click(at, f"profile.{marie}.learn_save")
    with session(db_file) as db:
        assert P.interests(db, marie, "wants") == {"email": 1, "social-media": 2}
        assert P.wanted_lessons(db, marie) == [("email-basics", "first-email")]
    assert at.radio(key=f"profile.{marie}.want.email").value == 1


def test_a_junior_says_what_they_can_teach_and_how_many(make_app, team, db_file):
    lea = team["Léa"]
    at = make_app("profile", who__junior=lea)
    assert [h.value for h in at.header] == ["About me", "What I can teach", "PIN"]
    assert at.radio(key=f"profile.{lea}.teach.email").options == [
        "Not this one", "I know a little", "Confident", "Very confident"]
    at.radio(key=f"profile.{lea}.teach.spreadsheets").set_value(3)
    at.number_input(key=f"profile.{lea}.capacity").set_value(3)
    click(at, f"profile.{lea}.teach_save")
    saved = person(db_file, lea)
    assert saved.interests == {"spreadsheets": 3} and saved.capacity == 3


def test_set_change_and_remove_ones_own_pin(make_app, team, db_file):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie)
    assert "No PIN yet" in " ".join(m.value for m in at.markdown)
    at.text_input(key=f"profile.{marie}.pin_new").input("2468")
    at.text_input(key=f"profile.{marie}.pin_again").input("2468")
    click(at, f"profile.{marie}.pin_save")
    assert "Your PIN is saved." in [s.value for s in at.success]
    assert person(db_file, marie).has_pin
    # changing it asks for the current one
    at.text_input(key=f"profile.{marie}.pin_now").input("0000")
    at.text_input(key=f"profile.{marie}.pin_new").input("1111")
    at.text_input(key=f"profile.{marie}.pin_again").input("1111")
    click(at, f"profile.{marie}.pin_save")
    assert [e.value for e in at.error] == ["Your current PIN is not right. Please try again."]
    at.text_input(key=f"profile.{marie}.pin_now").input("2468")
    at.text_input(key=f"profile.{marie}.pin_new").input("1111")
    at.text_input(key=f"profile.{marie}.pin_again").input("1111")
    click(at, f"profile.{marie}.pin_save")
    with session(db_file) as db:
        assert P.check_pin(db, marie, "1111").ok
    at.text_input(key=f"profile.{marie}.pin_now").input("1111")
    click(at, f"profile.{marie}.pin_remove")
    assert "Your PIN is removed." in [s.value for s in at.success]
    assert not person(db_file, marie).has_pin


def test_a_pin_that_breaks_the_rules(make_app, team):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie)
    at.text_input(key=f"profile.{marie}.pin_new").input("12ab")
    at.text_input(key=f"profile.{marie}.pin_again").input("12ab")
    click(at, f"profile.{marie}.pin_save")
    assert [e.value for e in at.error] == ["A PIN is made of digits only (0 to 9)."]


def test_the_coordinator_cannot_remove_their_own_pin(make_app, team):
    claire = team["Claire"]
    at = make_app("profile", who__coordinator=claire)
    assert at.title[0].value == "Claire"
    assert f"profile.{claire}.pin_remove" not in [b.key for b in at.button]
    assert f"profile.{claire}.pin_now" in [t.key for t in at.text_input]


def test_the_profile_in_french(make_app, team):
    marie = team["Marie"]
    at = make_app("profile", who__senior=marie, ui__lang="fr")
    assert [h.value for h in at.header] == ["À propos de moi", "Ce que je veux apprendre",
                                            "Code"]
    assert at.checkbox(key=f"profile.{marie}.slot.wed-pm").label == "Mercredi après-midi"
    assert at.radio(key=f"profile.{marie}.want.email").options[1] == "Je ne l'ai jamais fait"


# --- the coordinator's People page ---------------------------------------------------------


def people_page(make_app, team, **state) -> AppTest:
    return make_app("people", who__coordinator=team["Claire"], **state)


def test_everyone_is_listed_with_names_as_text(make_app, team):
    at = people_page(make_app, team)
    table = at.table[0].value
    names = list(table.iloc[:, 0])
    assert len(names) == 4 and "Marie" in names
    assert r"\*Bob\* \[x\]\(javascript\:1\)" in names  # Markdown escaped, never a link
    assert list(table.columns) == ["Name", "Roles", "Languages", "Where", "Free half-days",
                                   "PIN", "Active"]


def test_add_a_person_with_two_roles(make_app, team, db_file):
    at = people_page(make_app, team)
    at.text_input(key="people.new_name").input("Nina")
    at.checkbox(key="people.new.role.senior").uncheck()
    at.checkbox(key="people.new.role.junior").check()
    at.checkbox(key="people.new.role.coordinator").check()
    click(at, "people.add_go")
    assert "Nina is added." in [s.value for s in at.success]
    with session(db_file) as db:
        nina = next(p for p in P.list_people(db) if p.name == "Nina")
    assert nina.roles == ("junior", "coordinator") and nina.capacity == 2
    assert at.selectbox(key="people.pick").value == nina.id  # ready to be changed
    # a coordinator without a PIN is told to get one
    assert any("Set one so they can sign in" in w.value for w in at.warning)


def test_no_role_is_said_in_words(make_app, team):
    at = people_page(make_app, team)
    at.text_input(key="people.new_name").input("Nobody")
    at.checkbox(key="people.new.role.senior").uncheck()
    click(at, "people.add_go")
    assert [e.value for e in at.error] == ["Choose at least one role."]


def test_change_roles_and_who_is_still_in(make_app, team, db_file):
    marie = team["Marie"]
    at = people_page(make_app, team)
    at.selectbox(key="people.pick").set_value(marie).run()
    at.checkbox(key=f"people.{marie}.edit.role.junior").check()
    at.checkbox(key=f"people.{marie}.active").uncheck()
    at.text_input(key=f"people.{marie}.name").input("Marie  Dupont")
    click(at, f"people.{marie}.save")
    saved = person(db_file, marie)
    assert saved.roles == ("senior", "junior") and not saved.active
    assert saved.name == "Marie Dupont"


def test_the_last_coordinator_keeps_the_role(make_app, team, db_file):
    claire = team["Claire"]
    at = people_page(make_app, team)
    at.selectbox(key="people.pick").set_value(claire).run()
    at.checkbox(key=f"people.{claire}.edit.role.coordinator").uncheck()
    at.checkbox(key=f"people.{claire}.edit.role.junior").check()
    at.text_input(key=f"people.{claire}.name").input("Claire M.")
    click(at, f"people.{claire}.save")
    assert [e.value for e in at.error] == [
        "This is the only coordinator: give the role to someone else first."]
    kept = person(db_file, claire)
    assert kept.roles == ("coordinator",) and kept.name == "Claire"  # nothing half-saved


def test_reset_a_pin(make_app, team, db_file):
    lea = team["Léa"]
    at = people_page(make_app, team)
    at.selectbox(key="people.pick").set_value(lea).run()
    assert "Léa has no PIN." in [m.value for m in at.markdown]
    at.text_input(key=f"people.{lea}.pin").input("4321")
    at.text_input(key=f"people.{lea}.again").input("4321")
    click(at, f"people.{lea}.pin_save")
    assert any("The new PIN is saved" in s.value for s in at.success)
    with session(db_file) as db:
        assert P.check_pin(db, lea, "4321").ok
    click(at, f"people.{lea}.clear")
    assert not person(db_file, lea).has_pin


def test_open_a_persons_profile(make_app, team):
    at = people_page(make_app, team)
    at.selectbox(key="people.pick").set_value(team["Léa"]).run()
    click(at, f"people.{team['Léa']}.open")
    assert at.title[0].value == "Léa"
    assert "What I can teach" in [h.value for h in at.header]


def test_people_page_in_french(make_app, team):
    at = people_page(make_app, team, ui__lang="fr")
    assert [h.value for h in at.header] == ["Tous les participants", "Modifier une personne",
                                            "Ajouter une personne"]
    assert "Nom" in list(at.table[0].value.columns)
