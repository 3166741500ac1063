"""The pair's page (AppTest): who sees which pair, the agreement signed by both, a session
started and ended here, feedback both ways, progress and history."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum.i18n import catalogue
from curriculum.store import agreements as A
from curriculum.store import feedback as F
from curriculum.store import now, progress, session
from curriculum.store import people as P


@pytest.fixture
def team(db_file: Path) -> dict[str, int]:
    with session(db_file) as db:
        ids = {name: P.create_person(db, name, role, lang).id for name, role, lang in (
            ("Marie", "senior", "en"), ("Léa", "junior", "en"), ("Robert", "senior", "en"),
            ("Sam", "junior", "en"), ("Claire", "coordinator", "en"))}
        # signed in as the coordinator means their PIN was entered: they have one
        db["people"].update(ids["Claire"], {"pin_hash": "set-by-the-test"})
        for senior, junior in (("Marie", "Léa"), ("Robert", "Sam")):
            ids[f"{senior}+{junior}"] = int(db["pairs"].insert({
                "senior_id": ids[senior], "junior_id": ids[junior], "status": "active",
                "created_at": now(), "accepted_at": now()}).last_pk)
    return ids


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [h.value for h in at.header]
                     + [h.value for h in at.subheader] + [i.value for i in at.info])


def ok(at):
    assert not at.exception, at.exception
    return at


@pytest.fixture
def both(make_app, team):
    "Marie and Léa signed in together on the pair page."
    return lambda **s: make_app("pair", who__senior=team["Marie"], who__junior=team["Léa"],
                                **s)


# --- who sees what ------------------------------------------------------------------------------

def test_a_senior_sees_their_own_pair_only(make_app, team):
    at = make_app("pair", who__senior=team["Marie"])
    assert at.header[0].value == "Marie and Léa"
    assert "Robert" not in texts(at) and "Sam" not in texts(at)
    assert not [s for s in at.selectbox if s.key == "pair.pick"]  # one pair: no choice
    assert "Marie and Léa both say who is here first" in texts(at)
    assert not [b for b in at.button if b.key == "pair.start"]


def test_a_junior_never_sees_another_junior_s_pair(make_app, team):
    # even with the other pair's id planted in the session state (as a crafted link would)
    at = make_app("pair", who__junior=team["Sam"], pair__id=team["Marie+Léa"])
    assert at.header[0].value == "Robert and Sam"
    assert "Marie" not in texts(at) and "Léa" not in texts(at)
    assert not [s for s in at.selectbox if s.key == "pair.pick"]


def test_nobody_signed_in_does_not_reach_the_page(make_app, team):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        make_app("pair")  # the navigation does not hold it


def test_someone_in_no_pair_is_told_so(make_app, team, db_file):
    with session(db_file) as db:
        alone = P.create_person(db, "Ann", "senior").id
    at = make_app("pair", who__senior=alone)
    assert "not in a pair yet" in at.info[0].value


def test_the_coordinator_sees_every_pair_and_chooses(make_app, team):
    at = make_app("pair", who__coordinator=team["Claire"])
    pick = at.selectbox(key="pair.pick")
    assert pick.options == ["Marie and Léa", "Robert and Sam"]
    assert at.header[0].value == "Marie and Léa"
    ok(pick.set_value(team["Robert+Sam"]).run())
    assert at.header[0].value == "Robert and Sam"
    assert not [b for b in at.button if b.key == "pair.start"]  # only the pair starts one


def test_a_pair_sitting_together_opens_on_its_own_pair(make_app, team):
    at = make_app("pair", who__senior=team["Robert"], who__junior=team["Sam"])
    assert at.header[0].value == "Robert and Sam"
    assert at.button(key="pair.start").label == "Start a session together"


# --- the agreement ------------------------------------------------------------------------------

def fill_agreement(at, pair_id: int, **values):
    defaults = {"goals": ["email-basics", "spreadsheet-basics/first-sum"],
                "own_goal": "Send photos to my grandchildren"}
    defaults.update(values)
    at.multiselect(key=f"pair.goals.{pair_id}").set_value(defaults["goals"])
    at.text_input(key=f"pair.own_goal.{pair_id}").set_value(defaults["own_goal"])
    if "minutes" in values:
        at.selectbox(key=f"pair.minutes.{pair_id}").set_value(values["minutes"])
    return ok(at.button(key=f"FormSubmitter:pair.agreement.{pair_id}-Save the agreement")
              .click().run())


def test_the_agreement_is_filled_in_and_confirmed_by_both(both, team, db_file):
    pid = team["Marie+Léa"]
    at = both()
    assert "fill it in together" in at.info[0].value
    rules = at.text_area(key=f"pair.rules.{pid}").value
    assert "No question is silly" in rules  # the template, in the interface language
    at = fill_agreement(at, pid)
    assert at.success[0].value == "The agreement is saved. Now each of you confirms it."
    text = texts(at)
    assert "Marie has not confirmed yet." in text
    assert "Léa has not confirmed yet." in text
    assert "**Marie's own goal:** Send photos to my grandchildren" in text
    assert "**Rhythm:** 6 sessions of 60 minutes, every week." in text
    assert "- Email basics\n- Spreadsheet basics — Your first sum" in text
    ok(at.button(key="pair.confirm.senior").click().run())
    assert "Marie agreed on" in texts(at)
    assert [b.key for b in at.button if b.key and b.key.startswith("pair.confirm")] == [
        "pair.confirm.junior"]
    ok(at.button(key="pair.confirm.junior").click().run())
    assert "Léa agreed on" in texts(at)
    assert not [i for i in at.info if "fill it in together" in i.value]
    with session(db_file) as db:
        assert A.get_agreement(db, pid).confirmed

    at = fill_agreement(at, pid, minutes=45)  # a change asks both again
    assert "confirms it again" in at.success[0].value
    assert "Marie has not confirmed yet." in texts(at)
    with session(db_file) as db:
        saved = A.get_agreement(db, pid)
    assert saved.minutes == 45 and not saved.senior_confirmed_at


def test_only_the_person_confirms_for_themselves(make_app, team, db_file):
    with session(db_file) as db:
        A.save_agreement(db, A.Agreement(team["Marie+Léa"], ("email-basics",)))
    at = make_app("pair", who__junior=team["Léa"])
    assert [b.key for b in at.button if b.key and b.key.startswith("pair.confirm")] == [
        "pair.confirm.junior"]
    coord = make_app("pair", who__coordinator=team["Claire"])
    assert not [b for b in coord.button if b.key and b.key.startswith("pair.confirm")]


def test_an_agreement_without_a_goal_is_refused_in_french(both, team):
    pid = team["Marie+Léa"]
    at = both(ui__lang="fr")
    at.multiselect(key=f"pair.goals.{pid}").set_value([])
    at.text_input(key=f"pair.own_goal.{pid}").set_value("  ")
    ok(at.button(key=f"FormSubmitter:pair.agreement.{pid}-Enregistrer l'accord").click().run())
    assert at.error[0].value == ("Choisissez au moins un objectif, ou écrivez l'objectif de "
                                 "l'apprenant.")


# --- a session, then feedback both ways --------------------------------------------------------

def test_a_session_is_started_walked_ended_and_given_feedback(both, team, db_file):
    pid, marie, lea = team["Marie+Léa"], team["Marie"], team["Léa"]
    at = both()
    ok(at.button(key="pair.start").click().run())
    assert at.title[0].value == "Lessons"  # the lessons open, with both
    with session(db_file) as db:
        current = F.open_session(db, pid)
    assert current is not None and (current.senior_id, current.junior_id) == (marie, lea)
    assert at.session_state["player.session"][(marie, lea)] == current.id
    assert (at.session_state["who.senior"], at.session_state["who.junior"]) == (marie, lea)

    at.session_state["player.lesson"] = "email-basics/first-email"
    at.switch_page("src/curriculum/ui/pages/player.py")
    ok(at.run())
    with session(db_file) as db:
        runs = list(db["runs"].rows_where("person_id = ?", [marie]))
    assert [r["session_id"] for r in runs] == [current.id]  # the lesson records into it

    at.switch_page("src/curriculum/ui/pages/pair.py")
    ok(at.run())
    assert "Session in progress" in at.subheader[0].value
    at.text_area(key=f"pair.notes.{current.id}").set_value("We wrote the first email.")
    ok(at.button(key=f"FormSubmitter:pair.end.{current.id}-End the session").click().run())
    assert at.success[0].value == "The session is ended. Now say how it went."
    assert (marie, lea) not in at.session_state["player.session"]
    assert "How was the session of" in texts(at)

    # the senior: large faces with words, a comment
    faces = at.radio(key=f"pair-face-tact-{current.id}")
    assert faces.label == "Was Léa tactful and kind?"
    assert faces.options == ["😞 Not at all", "🙁 Not really", "😐 So-so", "🙂 Yes",
                             "😄 Very much"]
    assert faces.value is None  # nothing chosen for them
    faces.set_value(5)
    at.radio(key=f"pair-face-patience-{current.id}").set_value(4)
    at.radio(key=f"pair-face-respect-{current.id}").set_value(5)
    at.text_area(key=f"pair.comment.{current.id}").set_value("Very patient, thank you")
    ok(at.button(key=f"FormSubmitter:pair.feedback.{current.id}-Send my answers")
       .click().run())
    assert at.success[0].value == "Thank you! Your answers help your mentor."

    # the junior: reflection and next plan
    at.text_area(key=f"pair.went_well.{current.id}").set_value("Marie typed it all alone")
    at.text_area(key=f"pair.learnt.{current.id}").set_value("How to write a proper letter")
    at.text_area(key=f"pair.next_plan.{current.id}").set_value("Reply and forward")
    ok(at.button(key=f"FormSubmitter:pair.reflection.{current.id}-Save my reflection")
       .click().run())
    assert at.success[0].value == "Thank you! Your reflection is saved."
    assert "How was the session" not in texts(at)  # both have answered

    with session(db_file) as db:
        given = F.session_feedback(db, current.id)
        ended = F.get_session(db, current.id)
    assert given["senior"].scores == {"tact": 5, "patience": 4, "respect": 5}
    assert given["junior"].next_plan == "Reply and forward"
    assert ended.notes == "We wrote the first email." and ended.ended_at is not None

    text = texts(at)
    assert "**Plan for this session:** Reply and forward" in text
    assert "**Notes:** We wrote the first email." in text
    assert "**Marie's answers:** Tact 😄 5/5 · Patience 🙂 4/5 · Respect 😄 5/5" in text
    assert "**Went well:** Marie typed it all alone" in text
    assert at.table, "the junior sees the feedback over time as a table"


def test_feedback_with_nothing_chosen_is_refused(both, team, db_file):
    with session(db_file) as db:
        sid = progress.start_session(db, "pair", team["Marie"], team["Léa"], team["Marie+Léa"])
        F.end_session(db, sid)
    at = both()
    ok(at.button(key=f"FormSubmitter:pair.feedback.{sid}-Send my answers").click().run())
    assert at.error[0].value == "Choose at least one face, or write a comment."


def history(db_file, team, scores: list[int], comments: list[str]) -> None:
    with session(db_file) as db:
        for value, comment in zip(scores, comments, strict=True):
            sid = progress.start_session(db, "pair", team["Marie"], team["Léa"],
                                         team["Marie+Léa"])
            F.end_session(db, sid, "notes")
            F.give_feedback(db, sid, team["Marie"], dict.fromkeys(F.SCORES, value), comment)
            F.give_reflection(db, sid, team["Léa"], went_well="fine", do_differently="slower")


def test_the_junior_sees_the_feedback_over_time_the_senior_not_the_reflection(
        make_app, team, db_file):
    history(db_file, team, [5, 3], ["Great", "Too fast"])
    junior = make_app("pair", who__junior=team["Léa"])
    table = junior.table[-1].value
    assert list(table.columns) == ["Date", "Tact", "Patience", "Clarity", "Respect", "Comment"]
    assert list(table["Tact"]) == ["5/5", "3/5"] and list(table["Comment"]) == [
        "Great", "Too fast"]
    assert "2 answers: 5.0 out of 5 at first, 3.0 the last time, 4.0 on average." in texts(
        junior)
    assert "**To do differently:** slower" in texts(junior)
    senior = make_app("pair", who__senior=team["Marie"])
    assert "**Marie's answers:**" in texts(senior)  # her own answers
    assert "To do differently" not in texts(senior)  # the junior's reflection is theirs
    assert "Feedback for Léa" not in texts(senior)


def test_progress_towards_the_goals_is_visible_to_both(make_app, team, db_file):
    pid, marie = team["Marie+Léa"], team["Marie"]
    with session(db_file) as db:
        A.save_agreement(db, A.Agreement(pid, ("email-basics/first-email", "email-basics"),
                                         "Photos"))
        sid = progress.start_session(db, "pair", marie, team["Léa"], pid)
        run = progress.open_run(db, marie, "email-basics", "first-email", "pair", sid)
        for step in ("which-box", "address", "subject"):
            progress.complete_step(db, run.id, step, "alone", 20)
        progress.complete_run(db, run.id)
    for who in ({"who__senior": marie}, {"who__junior": team["Léa"]}):
        at = make_app("pair", **who)
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Lessons done"] == "1 of 7"
        assert metrics["Steps now done alone"].startswith("3 of ")
        assert "Marie now does 3 of the " in texts(at)
        bars = [p.proto.text for p in at.get("progress")]
        assert any(b.startswith("Email basics — Write your first email: Goal reached. 1 of 1 "
                                "lessons done") for b in bars)
        assert any(b.startswith("Email basics: Under way. 1 of 7") for b in bars)


def test_the_page_in_french(both, team, db_file):
    history(db_file, team, [4], ["Merci"])
    at = both(ui__lang="fr")
    assert at.title[0].value == "Notre binôme"
    assert [t.label for t in at.tabs] == ["Aujourd'hui", "Notre accord", "Nos progrès",
                                          "Nos séances"]
    assert "**Les réponses de Marie\u00a0:** Tact 🙂 4/5" in texts(at)
    assert at.button(key="pair.start").label == "Commencer une séance ensemble"


def test_names_and_texts_are_escaped(make_app, db_file):
    with session(db_file) as db:
        senior = P.create_person(db, "Eve [x](javascript:alert(1))", "senior").id
        junior = P.create_person(db, "Bob", "junior").id
        pid = int(db["pairs"].insert({"senior_id": senior, "junior_id": junior,
                                      "status": "active", "created_at": now()}).last_pk)
        A.save_agreement(db, A.Agreement(pid, (), "**bold** <b>x</b>"))
    at = make_app("pair", who__senior=senior)
    assert at.header[0].value == r"Eve \[x\]\(javascript\:alert\(1\)\) and Bob"
    assert r"\*\*bold\*\* \<b\>x\</b\>" in texts(at)


def test_every_key_built_in_the_code_is_in_both_catalogues():
    "Keys made from a prefix and a value (and the store's error keys) exist in en and fr."
    src = Path(__file__).resolve().parents[2] / "src" / "curriculum"
    raised = set()
    for name in ("store/agreements.py", "store/feedback.py"):
        raised |= set(re.findall(r'"((?:agreement|pair)\.error\.[a-z_]+)"',
                                 (src / name).read_text(encoding="utf-8")))
    assert len(raised) >= 15
    built = {*(f"pair.question.{k}" for k in F.SCORES), *(f"pair.score.{k}" for k in F.SCORES),
             *(f"pair.face.{n}" for n in range(1, 6)), *(f"agreement.{r}" for r in A.RHYTHMS),
             *(f"pair.{f}" for f in ("went_well", "do_differently", "learnt", "next_plan")),
             *(f"pair.history.{f}" for f in ("went_well", "do_differently", "learnt",
                                             "next_plan")),
             *(f"dashboard.reason.{c}" for c in ("no_session", "never_met", "feedback_fell")),
             *(f"dashboard.status.{s}" for s in F.SHOWN),
             *(f"dashboard.export.{w}" for w in (*F.EXPORTS, "attempts")),
             "agreement.saved", "agreement.saved_again", "agreement.confirmed_notice",
             "pair.ended", "pair.thanks_feedback", "pair.thanks_reflection",
             "dashboard.agreed", "dashboard.not_agreed"}
    for lang in ("en", "fr"):
        assert sorted((raised | built) - set(catalogue(lang))) == [], lang
