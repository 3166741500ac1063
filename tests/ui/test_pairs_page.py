"""The coordinator's page for composing pairs (AppTest, signed in as the coordinator)."""

from __future__ import annotations

from pathlib import Path

import pytest
from people_builder import add

from curriculum.store import pairs as store_pairs
from curriculum.store import people as P
from curriculum.store import session


@pytest.fixture
def team(db_file: Path) -> dict[str, int]:
    with session(db_file) as db:
        ids = {
            "coordinator": P.create_person(db, "Claire", "coordinator").id,
            "marie": add(db, "Marie", "senior", slots=["tue-am", "thu-pm"],
                         topics={"email": 1, "spreadsheets": 1, "messaging": 2,
                                 "social-media": 3}),
            "robert": add(db, "Robert", "senior", langs=("en", "fr"), site="Paris",
                          topics={"spreadsheets": 1}),
            "ana": add(db, "Ana", "senior", langs=("es",)),
            "lea": add(db, "Léa", "junior", slots=["tue-am"], capacity=1,
                       topics={"email": 3, "messaging": 3, "social-media": 2}),
            "sam": add(db, "Sam", "junior", langs=("en",), site="Paris", capacity=1,
                       topics={"spreadsheets": 3}),
        }
        # signed in as the coordinator means their PIN was entered: they have one
        db["people"].update(ids["coordinator"], {"pin_hash": "set-by-the-test"})
    return ids


@pytest.fixture
def coordinator_page(make_app, team):
    def make(**state):
        return make_app("pairs", who__coordinator=team["coordinator"], **state)
    return make


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def click(at, key: str):
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def statuses(db_file) -> list[tuple[str, str, str]]:
    with session(db_file) as db:
        return sorted((p.senior.name, p.junior.name, p.status)
                      for p in store_pairs.list_pairs(db))


def test_the_coordinator_sees_the_page_before_any_proposal(coordinator_page):
    at = coordinator_page()
    assert at.title[0].value == "Compose pairs"
    assert "No proposals waiting" in at.info[0].value
    assert at.button(key="pairs.propose").label == "Propose pairs"
    assert "**Marie** — Learner (senior): not proposed yet" in texts(at)


@pytest.mark.parametrize("who", ["senior", "junior", "coordinator_without_pin"])
def test_nobody_else_reaches_the_page(make_app, team, db_file, who):
    if who == "coordinator_without_pin":
        with session(db_file) as db:
            db["people"].update(team["coordinator"], {"pin_hash": None})
        state = {"who__coordinator": team["coordinator"]}
    else:
        state = {f"who__{who}": team["marie" if who == "senior" else "lea"]}
    at = make_app(None, **state)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("src/curriculum/ui/pages/pairs.py")  # not even by its URL


def test_propose_shows_each_pair_with_its_score_and_reasons(coordinator_page, db_file):
    at = click(coordinator_page(), "pairs.propose")
    assert at.success[0].value == "Pairs proposed: 2."
    # the best scores first: Robert and Sam match on everything but time
    assert [s.value for s in at.subheader][:2] == ["Robert with Sam", "Marie with Léa"]
    body = texts(at)
    assert ("Why: covers 3 of the 4 topics Marie wants (Email, Messaging and Social media); "
            "both free Tuesday mornings; both speak French, Marie's first language; "
            "same site (Lyon).") in body
    assert "Score: **75** out of 100" in body and "Score: **69** out of 100" in body
    assert "Why: covers the topic Robert wants (Spreadsheets); no free time in common yet" \
        in body
    assert "**Ana** — Learner (senior): nobody on the other side speaks a language Ana " \
           "speaks." in body
    assert statuses(db_file) == [("Marie", "Léa", "proposed"), ("Robert", "Sam", "proposed")]


def test_accept_one_then_all(coordinator_page, db_file):
    at = click(coordinator_page(), "pairs.propose")
    with session(db_file) as db:
        first = store_pairs.list_pairs(db, "proposed")[1]
    click(at, f"pairs.accept.{first.id}")
    assert at.success[0].value == "Marie and Léa are now a pair."
    assert at.header[-1].value == "Running pairs (1)"
    click(at, "pairs.accept_all")
    assert at.success[0].value == "Pairs accepted: 1."
    assert statuses(db_file) == [("Marie", "Léa", "active"), ("Robert", "Sam", "active")]
    assert "Together since" in texts(at)


def test_swap_two_mentors_shows_the_broken_rule(coordinator_page, db_file):
    at = click(coordinator_page(), "pairs.propose")
    with session(db_file) as db:
        a, b = (p.id for p in store_pairs.list_pairs(db, "proposed"))
    assert at.button(key="pairs.swap").disabled
    at.selectbox(key="pairs.swap_a").set_value(a)
    at.selectbox(key="pairs.swap_b").set_value(b).run()
    click(at, "pairs.swap")
    assert at.success[0].value == "Mentors swapped: Robert with Léa; Marie with Sam."
    warnings = [w.value for w in at.warning]
    assert "Take care: Marie and Sam have no language in common." in warnings
    assert statuses(db_file) == [("Marie", "Sam", "proposed"), ("Robert", "Léa", "proposed")]


def test_pair_by_hand_warns_before_and_keeps_the_warning(coordinator_page, team, db_file):
    with session(db_file) as db:
        P.save_profile(db, team["lea"], manager_id=team["marie"])
    at = coordinator_page()
    assert at.button(key="pairs.hand_make").disabled
    at.selectbox(key="pairs.hand_senior").set_value(team["marie"])
    at.selectbox(key="pairs.hand_junior").set_value(team["lea"]).run()
    assert "Take care: Marie is Léa's line manager." in [w.value for w in at.warning]
    button = at.button(key="pairs.hand_make")
    assert button.label == "Pair them anyway" and not button.disabled
    click(at, "pairs.hand_make")
    assert at.success[0].value == "Marie and Léa are now a pair."
    assert statuses(db_file) == [("Marie", "Léa", "active")]
    assert "Chosen by the coordinator." in [c.value for c in at.caption]
    assert "Take care: Marie is Léa's line manager." in [w.value for w in at.warning]


def test_pair_by_hand_that_keeps_every_rule(coordinator_page, team):
    at = coordinator_page()
    at.selectbox(key="pairs.hand_senior").set_value(team["robert"])
    at.selectbox(key="pairs.hand_junior").set_value(team["sam"]).run()
    assert "This pair keeps every rule." in [s.value for s in at.success]
    assert at.button(key="pairs.hand_make").label == "Pair them"


def test_end_a_running_pair(coordinator_page, team, db_file):
    with session(db_file) as db:
        pair = store_pairs.pair_by_hand(db, team["robert"], team["sam"])
    at = coordinator_page()
    click(at, f"pairs.end.{pair.id}")
    assert at.success[0].value == "The pair of Robert and Sam has ended."
    assert statuses(db_file) == [("Robert", "Sam", "ended")]
    assert at.info[-1].value == "No pair is running yet."


def test_an_error_is_said_in_words(coordinator_page, db_file):
    at = click(coordinator_page(), "pairs.propose")
    with session(db_file) as db:
        first = store_pairs.list_pairs(db, "proposed")[0]
        store_pairs.propose(db)  # withdrawn meanwhile (another tab)
    click(at, f"pairs.accept.{first.id}")
    assert at.error[0].value == "Robert with Sam is not a proposal any more."


def test_in_french(coordinator_page):
    at = click(coordinator_page(ui__lang="fr"), "pairs.propose")
    assert at.title[0].value == "Composer les binômes"
    assert ("Pourquoi\u00a0: couvre 3 des 4 sujets que Marie veut apprendre (Courriel, Messagerie "
            "et Réseaux sociaux)\u202f; tous deux libres le mardi matin\u202f; tous deux parlent "
            "français, la première langue de Marie\u202f; même site (Lyon).") in texts(at)


def test_names_are_shown_as_text_not_markdown(coordinator_page, db_file, team):
    with session(db_file) as db:
        P.save_profile(db, team["marie"], name="**Mar** [x](javascript:alert(1))")
    at = click(coordinator_page(), "pairs.propose")
    assert at.subheader[1].value.startswith("\\*\\*Mar\\*\\* \\[x\\]")


def test_reasons_when_nothing_is_covered(coordinator_page, team):
    at = coordinator_page()
    at.selectbox(key="pairs.hand_senior").set_value(team["robert"])
    at.selectbox(key="pairs.hand_junior").set_value(team["lea"]).run()
    assert "Why: covers none of the topics Robert wants; no free time in common yet; both " \
           "speak French; not in the same place." in texts(at)
    at.selectbox(key="pairs.hand_senior").set_value(team["ana"]).run()
    assert "Why: Ana has not said yet what they want to learn; no free time in common yet; " \
           "same site (Lyon)." in texts(at)
    assert "Take care: Ana and Léa have no language in common." in [w.value for w in at.warning]


def test_a_long_list_of_proposals_is_shown_25_at_a_time(make_app, team, db_file):
    with session(db_file) as db:
        for n in range(30):
            add(db, f"Senior {n:02}", "senior", topics={"email": 1})
            add(db, f"Junior {n:02}", "junior", capacity=1, topics={"email": 3})
        count = len(store_pairs.propose(db).pairs)
    assert count > 25
    at = make_app("pairs", who__coordinator=team["coordinator"])
    more = at.button(key="pairs.more")
    assert more.label == f"Show {count - 25} more proposals ({count - 25} not shown yet)"
    click(at, "pairs.more")
    assert not [b for b in at.button if b.key == "pairs.more"]
