"""The programme in a real browser: the coordinator composes pairs; the pair fills in and
signs its agreement, runs a session from its page, walks part of a lesson, ends the
session with notes, gives feedback both ways; the coordinator's dashboard shows it.
axe-core finds no WCAG 2.2 A/AA violation on the new pages on the way (pairs, people,
profile, the pair's page in each tab and state, the dashboard).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import takewhile
from pathlib import Path

from e2e_helpers import assert_no_axe_violations, wait_for_app
from e2e_player import (
    T,
    button,
    click,
    expect_feedback,
    go_next,
    load_lesson,
    main,
    query,
    senior_area,
    tick,
)
from playwright.sync_api import Locator, Page, expect

from curriculum.model import ChoiceStep
from curriculum.store import people, session

PIN = "4321"
COORDINATOR, SENIOR, JUNIOR = "Claire", "Marie", "Léa"
LESSON, LESSON_TITLE = "email-basics/first-email", "Write your first email"


def set_up(db_path: Path) -> None:
    "A coordinator with a PIN, and a senior and a junior who fit together."
    with session(db_path) as db:
        coordinator = people.create_person(db, COORDINATOR, "coordinator")
        people.set_pin(db, coordinator.id, PIN)
        for name, role, topics in ((SENIOR, "senior", {"email": 1, "messaging": 2}),
                                   (JUNIOR, "junior", {"email": 3, "messaging": 3})):
            person = people.create_person(db, name, role)
            people.save_profile(db, person.id, languages=["en", "fr"], site="Lyon",
                                availability=["tue-am", "thu-am"])
            people.set_interests(db, person.id, topics)


def nav(page: Page, key: str) -> None:
    "Go to a page through the sidebar (a new URL would be a new session: signed out)."
    click(page.get_by_test_id("stSidebarNav").get_by_role("link", name=T(key)))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def tab(page: Page, key: str) -> Locator:
    page.get_by_role("tab", name=T(key), exact=True).click()
    return page.get_by_role("tabpanel", name=T(key))


def sign_in_coordinator(page: Page) -> None:
    page.get_by_label(T("pin.yours")).fill(PIN)
    click(page.get_by_role("button", name=T("welcome.coordinator_sign_in"), exact=True))
    expect(page.get_by_test_id("stSidebar")).to_contain_text(
        T("frame.as_coordinator", name=COORDINATOR).replace("**", ""))


def sign_out(page: Page) -> None:
    click(page.get_by_test_id("stSidebar").get_by_role("button", name=T("frame.sign_out")))
    expect(page.get_by_role("heading", level=1, name="Binôme")).to_be_visible()


def pick(page: Page, label: str, name: str) -> None:
    box = page.get_by_role("combobox", name=label)
    box.click()
    click(page.get_by_role("option", name=name, exact=True))
    expect(box).to_have_value(name)


def box(scope: Locator, label: str) -> Locator:
    return scope.get_by_role("textbox", name=label)


def choose_face(page: Page, question: str, face: str) -> None:
    group = page.get_by_role("radiogroup", name=question)
    group.get_by_text(face, exact=True).click()
    expect(group.get_by_role("radio", name=face)).to_be_checked()


def test_a_pair_agrees_meets_gives_feedback_and_the_dashboard_shows_it(
        page: Page, app_server, empty_db) -> None:
    set_up(empty_db)
    page.goto(app_server.url)
    wait_for_app(page)

    # --- The coordinator composes the pairs -----------------------------------------------------
    sign_in_coordinator(page)
    nav(page, "nav.pairs")
    click(button(page, "pairs.propose"))
    expect(main(page).get_by_role("heading", name=T(
        "pairs.pair_title", senior=SENIOR, junior=JUNIOR))).to_be_visible()
    assert_no_axe_violations(page, "compose pairs, with a proposal")
    click(button(main(page), "pairs.accept"))  # the only proposal
    expect(main(page)).to_contain_text(T("pairs.notice.accepted", senior=SENIOR,
                                         junior=JUNIOR))
    nav(page, "nav.people")
    assert_no_axe_violations(page, "people")
    nav(page, "nav.profile")
    assert_no_axe_violations(page, "my profile (the coordinator)")
    nav(page, "nav.dashboard")
    expect(main(page)).to_contain_text(T("dashboard.no_steps"))
    assert_no_axe_violations(page, "the dashboard of a programme that starts")
    sign_out(page)

    # --- The pair signs in and fills in its agreement ------------------------------------------
    pick(page, T("welcome.senior"), SENIOR)
    pick(page, T("welcome.junior"), JUNIOR)
    nav(page, "nav.pair")
    expect(page.get_by_role("heading", level=2, name=T("pair.names", senior=SENIOR,
                                                       junior=JUNIOR))).to_be_visible()
    expect(main(page)).to_contain_text(T("pair.agreement_first").replace("“", "").split(":")[0])
    assert_no_axe_violations(page, "the pair's page, before the agreement")

    panel = tab(page, "pair.tab.agreement")
    goals = panel.get_by_role("combobox", name=T("agreement.goals"))
    goals.click()
    click(page.get_by_role("option", name=f"Email basics — {LESSON_TITLE}", exact=True))
    page.keyboard.press("Escape")
    panel.get_by_label(T("agreement.own_goal", name=SENIOR)).fill(
        "Send photos to my grandchildren")
    click(panel.get_by_role("button", name=T("agreement.save"), exact=True))
    expect(main(page)).to_contain_text(T("agreement.saved"))
    panel = tab(page, "pair.tab.agreement")
    expect(panel).to_contain_text(T("agreement.waiting_for", name=SENIOR))
    assert_no_axe_violations(page, "the agreement, saved, waiting for both")
    click(panel.get_by_role("button", name=T("agreement.i_agree", name=SENIOR)))
    panel = tab(page, "pair.tab.agreement")
    click(panel.get_by_role("button", name=T("agreement.i_agree", name=JUNIOR)))
    panel = tab(page, "pair.tab.agreement")
    expect(panel).to_contain_text(f"{JUNIOR} agreed on")
    expect(panel).to_contain_text(f"{SENIOR} agreed on")
    expect(panel).to_contain_text("Send photos to my grandchildren")

    # --- A session: started here, lessons with both of them, ended here ------------------------
    panel = tab(page, "pair.tab.today")
    click(panel.get_by_role("button", name=T("pair.start"), exact=True))
    expect(page).to_have_url(re.compile(r"/catalogue\?"))
    lesson_card = page.get_by_test_id("stHorizontalBlock").filter(
        has=page.get_by_text(LESSON_TITLE, exact=True))
    click(lesson_card.get_by_role("button", name=T("catalogue.start"), exact=True))
    expect(page).to_have_url(re.compile(r"/player\?"))
    lesson = load_lesson(LESSON)
    explanations = list(takewhile(lambda s: s.kind == "explain", lesson.steps))
    assert explanations, "the lesson starts with an explanation"
    for n in range(1, len(explanations) + 1):
        expect(main(page)).to_contain_text(T("player.step_of", n=n, total=len(lesson.steps)))
        click(page.get_by_role("button", name=T("player.next"), exact=True))
    expect(main(page)).to_contain_text(T("player.step_of", n=len(explanations) + 1,
                                         total=len(lesson.steps)))
    question = lesson.steps[len(explanations)]  # then a question: answered alone
    assert isinstance(question, ChoiceStep) and not question.multiple
    area = senior_area(page)
    tick(area, next(o for o in question.options if o.correct).text)
    click(button(area, "player.check"))
    expect_feedback(page, "feedback.correct_title")
    go_next(page)

    nav(page, "nav.pair")
    panel = tab(page, "pair.tab.today")
    expect(panel).to_contain_text(T("pair.in_progress", time="").strip())
    box(panel, T("pair.notes")).fill("We read about email addresses.")
    click(panel.get_by_role("button", name=T("pair.end"), exact=True))
    expect(main(page)).to_contain_text(T("pair.ended"))

    # --- Feedback both ways: large faces with words, keyboard too ------------------------------
    panel = tab(page, "pair.tab.today")
    assert_no_axe_violations(page, "the feedback forms")
    choose_face(page, T("pair.question.tact", junior=JUNIOR), "😄 " + T("pair.face.5"))
    choose_face(page, T("pair.question.patience", junior=JUNIOR), "🙂 " + T("pair.face.4"))
    clarity = page.get_by_role("radiogroup", name=T("pair.question.clarity", junior=JUNIOR))
    clarity.get_by_text("😐 " + T("pair.face.3"), exact=True).click()
    clarity.get_by_role("radio", name="😐 " + T("pair.face.3")).focus()
    page.keyboard.press("ArrowRight")  # the keyboard moves to the next face, and picks it
    expect(clarity.get_by_role("radio", name="🙂 " + T("pair.face.4"))).to_be_checked()
    choose_face(page, T("pair.question.respect", junior=JUNIOR), "😄 " + T("pair.face.5"))
    box(panel, T("pair.comment", junior=JUNIOR)).fill("Very patient, thank you")
    click(panel.get_by_role("button", name=T("pair.send_feedback"), exact=True))
    expect(main(page)).to_contain_text(T("pair.thanks_feedback"))

    panel = tab(page, "pair.tab.today")
    box(panel, T("pair.went_well")).fill("Marie found the @ on her own")
    box(panel, T("pair.learnt", senior=SENIOR)).fill("How letters were filed")
    box(panel, T("pair.next_plan")).fill("Write and send the email")
    click(panel.get_by_role("button", name=T("pair.send_reflection"), exact=True))
    expect(main(page)).to_contain_text(T("pair.thanks_reflection"))
    panel = tab(page, "pair.tab.today")
    expect(panel).to_contain_text("Write and send the email")  # the next plan, for both

    panel = tab(page, "pair.tab.history")
    expect(panel).to_contain_text("We read about email addresses.")
    expect(panel).to_contain_text("Tact 😄 5/5")
    expect(panel).to_contain_text("Clarity 🙂 4/5")
    assert_no_axe_violations(page, "the pair's history")
    tab(page, "pair.tab.progress")
    assert_no_axe_violations(page, "the pair's progress")
    sign_out(page)

    # --- The coordinator's dashboard shows it ---------------------------------------------------
    sign_in_coordinator(page)
    nav(page, "nav.dashboard")
    metrics = main(page).get_by_test_id("stMetric")
    expect(metrics.filter(has_text=T("dashboard.active_pairs"))).to_contain_text("1")
    expect(metrics.filter(has_text=T("dashboard.sessions_recent"))).to_contain_text("1")
    expect(metrics.filter(has_text=T("dashboard.average_feedback"))).to_contain_text(
        T("dashboard.out_of_5", n="4.5"))  # (5 + 4 + 4 + 5) / 4
    expect(main(page)).to_contain_text(T("dashboard.pair_names", senior=SENIOR,
                                         junior=JUNIOR))
    expect(main(page)).to_contain_text("Very patient, thank you")
    expect(main(page)).to_contain_text(T("dashboard.agreed"))
    chart = main(page).get_by_test_id("stVegaLiteChart")
    chart.scroll_into_view_if_needed()  # charts are drawn once they are in view
    expect(chart.locator("svg.marks")).to_be_visible()  # drawn, for axe to see it
    (done,) = query(empty_db, "select max(completed_at) as completed_at from step_results")
    day = datetime.fromisoformat(done["completed_at"]).date()  # the server's UTC day
    week = (day - timedelta(days=day.weekday())).isoformat()
    expect(main(page)).to_contain_text(T("dashboard.alone_summary", first="100 %", start=week,
                                         last="100 %", end=week))
    assert_no_axe_violations(page, "the dashboard with a session")
    with page.expect_download() as download:  # the CSV is made when the button is pressed
        button(main(page), "dashboard.export.sessions").click()
    assert download.value.suggested_filename.startswith("binome-sessions-")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert exported.startswith("session_id,pair_id,senior,junior")
    assert "We read about email addresses." in exported

    # --- And the database says the same ---------------------------------------------------------
    (s,) = query(empty_db, "select * from sessions where pair_id is not null")
    assert s["ended_at"] and s["notes"] == "We read about email addresses."
    runs = query(empty_db, "select session_id from runs")
    assert [r["session_id"] for r in runs] == [s["id"]]
    (attempt,) = query(empty_db, "select * from attempts")
    assert (attempt["session_id"], attempt["step_id"]) == (s["id"], question.id)
    given = {r["role"]: r for r in query(empty_db, "select * from feedback")}
    assert (given["senior"]["tact"], given["senior"]["clarity"]) == (5, 4)
    assert given["junior"]["next_plan"] == "Write and send the email"
    (agreement,) = query(empty_db, "select * from agreements")
    assert agreement["senior_confirmed_at"] and agreement["junior_confirmed_at"]
