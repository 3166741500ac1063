"""Each role reaches only its own pages and data: through the navigation, by switching
to a page's URL, by a page run on its own, and by asking for someone else's profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curriculum.programme import pins
from curriculum.store import people as P
from curriculum.store import session

ROOT = Path(__file__).resolve().parents[2]
PAGES = "src/curriculum/ui/pages"
PUBLIC = {"welcome", "catalogue", "player", "authors"}
MEMBERS = PUBLIC | {"pair", "profile", "today"}
COORDINATOR = MEMBERS | {"pairs", "people", "dashboard"}
AT = "2026-03-01T09:00:00+00:00"  # when the test pairs began


@pytest.fixture(autouse=True)
def _cheap_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "COST", {"n": 2**4, "r": 1, "p": 1})


@pytest.fixture
def team(db_file: Path) -> dict[str, int]:
    "Marie learns with Léa (a running pair); Robert and Sam are not paired with them."
    with session(db_file) as db:
        ids = {n: P.create_person(db, n, r).id for n, r in (
            ("Marie", "senior"), ("Robert", "senior"), ("Léa", "junior"), ("Sam", "junior"))}
        ids["Claire"] = P.ensure_coordinator(db, "Claire", "1357").id
        nina = P.create_person(db, "Nina", "junior")
        P.set_roles(db, nina.id, ["junior", "coordinator"])
        P.set_pin(db, nina.id, "8080")
        ids["Nina"] = nina.id
        P.set_pin(db, ids["Marie"], "2468")
        P.save_about(db, ids["Robert"], languages=["en"], site="Secret Office", remote=False,
                     availability=["mon-am"], manager_id=None)
        P.save_learning(db, ids["Robert"], {"spreadsheets": 1}, [])
        P.save_about(db, ids["Marie"], languages=["fr"], site="Lyon", remote=False,
                     availability=["tue-am"], manager_id=None)
        P.save_learning(db, ids["Marie"], {"email": 2}, [])
        db["pairs"].insert({"senior_id": ids["Marie"], "junior_id": ids["Léa"],
                            "status": "active", "created_at": AT, "accepted_at": AT})
    return ids


# --- signing in as a person would (helpers for any page's test) ---------------------------
def _on_welcome(at: AppTest) -> None:
    at.switch_page(f"{PAGES}/welcome.py").run()


def sign_in(at: AppTest, slot: str, person_id: int, pin: str | None = None) -> AppTest:
    "Pick a learner (slot 'senior') or a mentor ('junior'), then type their PIN if given."
    _on_welcome(at)
    at.selectbox(key=f"welcome.{slot}").set_value(person_id).run()
    if pin is not None:
        at.text_input(key=f"welcome.pin_{slot}").input(pin)
        at.button(key=f"welcome.pin_{slot}.go").click().run()
    assert not at.exception, at.exception
    return at


def sign_in_coordinator(at: AppTest, person_id: int, pin: str) -> AppTest:
    _on_welcome(at)
    at.selectbox(key="welcome.coordinator").set_value(person_id)
    at.text_input(key="welcome.coordinator_pin").input(pin)
    at.button(key="welcome.coordinator.go").click().run()
    assert not at.exception, at.exception
    return at


def sign_out(at: AppTest) -> AppTest:
    at.button(key="frame.sign_out").click().run()
    assert not at.exception, at.exception
    return at


def known_pages(at: AppTest) -> set[str]:
    "The pages in the viewer's navigation (by file stem), as AppTest registered them."
    pages = at._registered_pages.values()  # private, but streamlit is pinned
    return {Path(str(info["script_path"])).stem for info in pages if info.get("script_path")}


def app(make_app, **state) -> AppTest:
    return make_app(None, **state)


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "success",
                                  "info", "warning", "error", "caption")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def refused(at: AppTest) -> bool:
    return any("This page is not for you" in w.value for w in at.warning)


# --- pages by role --------------------------------------------------------------------


def test_nobody_signed_in_sees_the_public_pages_only(make_app, team):
    at = app(make_app)
    assert known_pages(at) == PUBLIC


def test_each_role_has_its_own_navigation(make_app, team):
    assert known_pages(app(make_app, who__senior=team["Robert"])) == MEMBERS
    assert known_pages(app(make_app, who__junior=team["Sam"])) == MEMBERS
    assert known_pages(app(make_app, who__coordinator=team["Claire"])) == COORDINATOR


@pytest.mark.parametrize("page", ["people", "pairs", "dashboard"])
@pytest.mark.parametrize("who", ["senior", "junior", "nobody", "mentor_who_coordinates"])
def test_coordinator_pages_cannot_be_reached_by_url(make_app, team, page, who):
    state = {"senior": {"who__senior": team["Robert"]}, "junior": {"who__junior": team["Sam"]},
             "nobody": {}, "mentor_who_coordinates": {"who__junior": team["Nina"]}}[who]
    at = app(make_app, **state)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(f"{PAGES}/{page}.py")
    assert "Everyone in the programme" not in texts(at)


@pytest.mark.parametrize("page", ["pair", "profile"])
def test_member_pages_cannot_be_reached_by_nobody(make_app, team, page):
    at = app(make_app)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(f"{PAGES}/{page}.py")


def test_the_coordinator_slot_needs_a_person_with_a_pin(make_app, team, db_file):
    "A coordinator's id in the session without a PIN behind it opens nothing."
    with session(db_file) as db:
        imported = P.create_person(db, "Imported", "coordinator")
    at = app(make_app, who__coordinator=imported.id)
    assert known_pages(at) == PUBLIC
    # and a senior put in the coordinator slot is no coordinator either
    assert known_pages(app(make_app, who__coordinator=team["Robert"])) == PUBLIC


def test_losing_the_coordinator_mid_page_falls_back_to_welcome(make_app, team):
    at = make_app("people", who__coordinator=team["Claire"])
    assert at.header[0].value == "Everyone in the programme"
    at.session_state["who.coordinator"] = None
    at.run()
    assert at.title[0].value == "Binôme"
    assert "Everyone in the programme" not in texts(at)


@pytest.mark.parametrize("page", ["people", "profile"])
@pytest.mark.parametrize("who", ["who.senior", "who.junior", None])
def test_a_page_run_on_its_own_refuses_whom_it_is_not_for(team, db_file, page, who):
    "Defence in depth: even reached without the frame, a page checks its viewers."
    at = AppTest.from_file(str(ROOT / PAGES / f"{page}.py"), default_timeout=30)
    if who is not None and page == "people":
        at.session_state[who] = team["Robert"] if who == "who.senior" else team["Sam"]
    at.run()
    assert not at.exception
    assert refused(at)
    assert "Everyone in the programme" not in texts(at)
    assert "Robert" not in texts(at) and "Marie" not in texts(at)


# --- data: whose profile ----------------------------------------------------------------


def test_a_junior_cannot_open_the_profile_of_a_senior_who_is_not_theirs(make_app, team):
    at = make_app("profile", who__junior=team["Sam"], profile__person=team["Robert"])
    assert refused(at)
    shown = texts(at)
    assert "Robert" not in shown and "Secret Office" not in shown
    assert not at.multiselect and not at.checkbox


def test_nor_by_a_url(make_app, team):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["who.junior"] = team["Sam"]
    at.run()
    at.query_params["person"] = str(team["Robert"])
    at.switch_page(f"{PAGES}/profile.py").run()
    assert not at.exception
    assert refused(at) and "Secret Office" not in texts(at)


def test_a_senior_cannot_open_another_seniors_profile(make_app, team):
    at = make_app("profile", who__senior=team["Robert"], profile__person=team["Marie"])
    assert refused(at) and "Lyon" not in texts(at)


def test_a_junior_looks_at_their_seniors_profile_without_changing_it(make_app, team):
    at = make_app("profile", who__junior=team["Léa"], profile__person=team["Marie"])
    assert not refused(at)
    assert at.title[0].value == "Marie"
    shown = texts(at)
    assert "Lyon" in shown and "Tuesday morning" in shown and "Email: A little" in shown
    assert "Only this person and the coordinator can change it." in shown
    assert not at.multiselect and not at.checkbox and not at.text_input  # no form, no PIN
    # Léa may switch between herself and Marie, and nobody else
    assert at.selectbox(key="profile.pick").options == ["Léa", "Marie"]


def test_a_seniors_choice_lists_only_herself_and_her_mentor(make_app, team):
    alone = make_app("profile", who__senior=team["Robert"])
    assert "profile.pick" not in [s.key for s in alone.selectbox]  # nobody else to choose
    assert alone.title[0].value == "Robert"
    with_mentor = make_app("profile", who__senior=team["Robert"],
                           who__junior=team["Sam"])
    assert with_mentor.selectbox(key="profile.pick").options == ["Robert", "Sam"]


def test_the_coordinator_opens_and_changes_anyones_profile(make_app, team):
    at = make_app("profile", who__coordinator=team["Claire"], profile__person=team["Robert"])
    assert not refused(at) and at.title[0].value == "Robert"
    options = at.selectbox(key="profile.pick").options
    assert {"Marie", "Robert", "Léa", "Sam", "Claire", "Nina"} <= set(options)
    robert = team["Robert"]
    assert at.multiselect(key=f"profile.{robert}.languages").value == ["en"]
    # the coordinator resets PINs on the People page, not here
    assert f"profile.{robert}.pin_new" not in [t.key for t in at.text_input]


# --- signing in ---------------------------------------------------------------------------


def test_a_learner_with_a_pin_is_signed_in_only_with_it(make_app, team):
    at = app(make_app)
    sign_in(at, "senior", team["Marie"], "0000")
    assert [e.value for e in at.error] == ["That PIN is not right. Please try again."]
    assert at.session_state["who.senior"] is None
    assert known_pages(at) == PUBLIC
    sign_in(at, "senior", team["Marie"], "2468")
    assert at.session_state["who.senior"] == team["Marie"]
    assert "Marie is practising alone." in [s.value for s in at.success]
    assert known_pages(at) == MEMBERS


def test_picking_another_name_forgets_the_pin_box(make_app, team):
    at = sign_in(app(make_app), "senior", team["Marie"])
    assert "welcome.pin_senior" in [t.key for t in at.text_input]
    sign_in(at, "senior", team["Robert"])
    assert "welcome.pin_senior" not in [t.key for t in at.text_input]
    assert at.session_state["who.senior"] == team["Robert"]


def test_a_learner_without_a_pin_is_signed_in_at_once_as_before(make_app, team):
    at = sign_in(app(make_app), "senior", team["Robert"])
    assert at.session_state["who.senior"] == team["Robert"]
    assert "welcome.pin_senior" not in [t.key for t in at.text_input]


def test_the_mentor_of_a_pair_types_their_pin_too(make_app, team, db_file):
    with session(db_file) as db:
        P.set_pin(db, team["Léa"], "4321")
    at = sign_in(app(make_app), "senior", team["Robert"])
    sign_in(at, "junior", team["Léa"], "1111")
    assert at.session_state["who.junior"] is None
    sign_in(at, "junior", team["Léa"], "4321")
    assert "Robert is learning with Léa." in [s.value for s in at.success]


def test_a_url_never_signs_in_someone_with_a_pin(make_app, team):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["senior"] = str(team["Marie"])
    at.run()
    assert at.session_state["who.senior"] is None
    assert known_pages(at) == PUBLIC
    plain = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    plain.query_params["senior"] = str(team["Robert"])  # no PIN: as today
    plain.run()
    assert plain.session_state["who.senior"] == team["Robert"]


def test_too_many_wrong_pins_make_one_wait(make_app, team):
    at = app(make_app)
    for _ in range(5):
        sign_in(at, "senior", team["Marie"], "0000")
    assert "Too many wrong PINs. Please wait 1 minute(s)" in at.error[0].value
    sign_in(at, "senior", team["Marie"], "2468")  # right, but locked for now
    assert at.session_state["who.senior"] is None


def test_the_coordinator_signs_in_with_their_pin_only(make_app, team):
    at = app(make_app)
    sign_in_coordinator(at, team["Claire"], "9999")
    assert "That PIN is not right" in at.error[0].value
    assert known_pages(at) == PUBLIC
    sign_in_coordinator(at, team["Claire"], "1357")
    assert "Claire is signed in as the coordinator." in [s.value for s in at.success]
    assert known_pages(at) == COORDINATOR
    at.switch_page(f"{PAGES}/people.py").run()
    assert at.header[0].value == "Everyone in the programme"


def test_a_mentor_who_also_coordinates_needs_the_coordinator_sign_in(make_app, team):
    at = sign_in(app(make_app), "junior", team["Nina"], "8080")
    assert known_pages(at) == MEMBERS
    sign_in_coordinator(at, team["Nina"], "8080")
    assert known_pages(at) == COORDINATOR


def test_signing_out_closes_every_page_but_the_public_ones(make_app, team):
    at = app(make_app, who__coordinator=team["Claire"], who__senior=team["Robert"])
    assert known_pages(at) == COORDINATOR
    sign_out(at)
    assert known_pages(at) == PUBLIC
    assert at.session_state["who.senior"] is None and at.session_state["who.coordinator"] is None
    assert at.title[0].value == "Binôme"


def test_first_run_creates_the_coordinator(make_app, db_file):
    at = app(make_app)
    assert "First time here: who runs the programme?" in texts(at)
    assert at.header[0].value == "Who is here today?"  # the learners' sign-in stays first
    at.text_input(key="welcome.first_name").input("Claire")
    at.text_input(key="welcome.first_pin").input("12")
    at.text_input(key="welcome.first_again").input("12")
    at.button(key="welcome.first.go").click().run()
    assert [e.value for e in at.error] == ["A PIN has 4 to 8 digits."]
    with session(db_file) as db:
        assert P.needs_coordinator(db)
    at.text_input(key="welcome.first_name").input("Claire")
    at.text_input(key="welcome.first_pin").input("1357")
    at.text_input(key="welcome.first_again").input("1357")
    at.button(key="welcome.first.go").click().run()
    assert not at.error
    assert "First time here" not in texts(at)
    assert known_pages(at) == COORDINATOR
    with session(db_file) as db:
        (claire,) = P.coordinators(db)
    assert claire.name == "Claire" and claire.has_pin


def test_first_run_in_french(make_app, db_file):
    at = app(make_app, ui__lang="fr")
    assert "Première utilisation\u00a0: qui coordonne le programme\u202f?" in texts(at)
    at.text_input(key="welcome.first_name").input("Claire")
    at.text_input(key="welcome.first_pin").input("1357")
    at.text_input(key="welcome.first_again").input("7531")
    at.button(key="welcome.first.go").click().run()
    assert [e.value for e in at.error] == [
        "Les deux codes ne sont pas identiques. Tapez-les à nouveau."]


# --- data: whose pair (the pair page) ------------------------------------------------------


@pytest.fixture
def two_pairs(team, db_file) -> dict[str, int]:
    "Marie with Léa (the team's pair), and Robert with Sam."
    with session(db_file) as db:
        ours = db.execute("select id from pairs where senior_id = ?", [team["Marie"]]
                          ).fetchone()[0]
        theirs = db["pairs"].insert({"senior_id": team["Robert"], "junior_id": team["Sam"],
                                     "status": "active", "created_at": AT,
                                     "accepted_at": AT}).last_pk
    return {"marie_lea": ours, "robert_sam": theirs}


@pytest.mark.parametrize("who", ["junior", "senior"])
def test_asking_for_someone_elses_pair_never_shows_it(make_app, team, two_pairs, who):
    state = {"who__junior": team["Sam"]} if who == "junior" else {"who__senior": team["Robert"]}
    at = make_app("pair", pair__id=two_pairs["marie_lea"], **state)
    assert not at.exception
    shown = texts(at)
    assert "Marie" not in shown and "Léa" not in shown
    assert "Robert" in shown and "Sam" in shown  # their own pair instead


def test_a_junior_without_a_pair_sees_none(make_app, team, two_pairs, db_file):
    with session(db_file) as db:
        loner = P.create_person(db, "Zoé", "junior").id
    at = make_app("pair", who__junior=loner, pair__id=two_pairs["marie_lea"])
    assert not at.exception
    assert "Marie" not in texts(at) and "Robert" not in texts(at)


def test_the_coordinator_sees_every_pair(make_app, team, two_pairs):
    at = make_app("pair", who__coordinator=team["Claire"], pair__id=two_pairs["marie_lea"])
    assert "Marie" in texts(at) and "Léa" in texts(at)


def test_a_link_cannot_make_a_mentor_the_learner(db_file, people):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"),
                           default_timeout=30)
    at.query_params["senior"] = str(people["junior"])
    at.query_params["junior"] = str(people["senior"])
    at.run()
    assert at.session_state["who.senior"] is None and at.session_state["who.junior"] is None
