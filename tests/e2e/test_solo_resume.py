"""A senior alone, in a real browser: no coach panel; hints on request; two steps done,
the page reloaded, the progress still there (also in the catalogue); on the `do` step,
"I need help" gives a hint, then "I did it" answers in words and is recorded as help.
"""

from __future__ import annotations

import re

from e2e_helpers import wait_for_app
from e2e_player import (
    T,
    button,
    click,
    coach_panel,
    expect_feedback,
    expect_step,
    go_next,
    go_to_step,
    load_lesson,
    main,
    query,
    right_text,
    tick,
)
from playwright.sync_api import Page, expect

from curriculum.model import ChoiceStep, TextStep
from curriculum.store import people, session

LESSON = "email-basics/first-email"
NAME = "Rose"


def test_a_senior_alone_resumes_and_asks_for_help(page: Page, app_server) -> None:
    lesson = load_lesson(LESSON)
    total = len(lesson.steps)
    index = {s.id: n for n, s in enumerate(lesson.steps, 1)}
    choice = next(s for s in lesson.steps if isinstance(s, ChoiceStep) and not s.multiple
                  and s.hints)
    typed = next(s for s in lesson.steps if isinstance(s, TextStep)
                 and index[s.id] == index[choice.id] + 1)
    do = next(s for s in lesson.steps if s.kind == "do")
    with session(app_server.db_path) as db:
        senior = people.create_person(db, NAME, "senior")

    page.goto(f"{app_server.url}/player?senior={senior.id}&lesson={LESSON}&lang=en")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=lesson.title)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_contain_text(T("frame.alone", senior=NAME))
    expect(coach_panel(page)).to_have_count(0)
    go_to_step(page, index[choice.id], total)

    # --- Two steps: a choice with a hint asked for, then a typed answer --------------
    expect_step(page, index[choice.id], total)
    area = main(page)
    click(button(area, "player.show_hint", n=1, total=len(choice.hints)))
    expect(area).to_contain_text(T("player.hint_n", n=1))
    expect(button(area, "player.show_hint", n=2, total=len(choice.hints))).to_be_visible()
    right = next(o for o in choice.options if o.correct)
    tick(area, right.text)
    click(button(area, "player.check"))
    expect_feedback(page, "feedback.correct_title")
    go_next(page)

    expect_step(page, index[typed.id], total)
    area.get_by_role("textbox", name=T("player.your_answer")).fill(right_text(typed))
    click(button(area, "player.check"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    go_next(page)
    expect_step(page, index[typed.id] + 1, total)

    # --- Reload: the same step, a welcome back, and the two steps still done ----------
    page.reload()
    wait_for_app(page)
    expect_step(page, index[typed.id] + 1, total)
    expect(main(page)).to_contain_text(T("player.welcome_back"))
    expect(coach_panel(page)).to_have_count(0)
    click(button(page, "player.back"))
    expect_step(page, index[typed.id], total)
    expect(button(page, "player.check")).to_be_disabled()
    expect(button(page, "player.next")).to_be_visible()
    click(button(page, "player.back"))
    expect_step(page, index[choice.id], total)
    expect(main(page)).to_contain_text(T("player.hint_n", n=1))  # the hint stays given
    expect(button(page, "player.check")).to_be_disabled()

    # The catalogue says the lesson is started, and Continue comes back to this step.
    click(page.get_by_test_id("stSidebar").get_by_role("link", name=T("nav.catalogue")))
    card = page.get_by_test_id("stHorizontalBlock").filter(
        has=page.get_by_text(lesson.title, exact=True))
    expect(card).to_contain_text(T("catalogue.started"))
    click(card.get_by_role("button", name=T("catalogue.resume"), exact=True))
    expect(page).to_have_url(re.compile(r"/player\?"))
    expect_step(page, index[choice.id], total)

    # --- The do step: "I need help" gives its first hint, then "I did it" -------------
    go_to_step(page, index[do.id], total)
    click(button(area, "player.need_help"))
    expect(area).to_contain_text(T("player.hint_n", n=1))
    expect(button(area, "player.need_more_help")).to_be_visible()
    click(button(area, "player.did_it"))
    expect_feedback(page, "feedback.correct_title")
    (row,) = query(app_server.db_path,
                   "select r.status, r.autonomy, r.autonomy_by, r.hints_used, r.answer_shown "
                   "from step_results r join runs u on u.id = r.run_id "
                   "where u.person_id = ? and r.step_id = ?", senior.id, do.id)
    assert tuple(row) == ("done", "helped", "inferred", 1, 0)

    # --- The end: what Rose did alone, with a hint, and with help ---------------------
    go_next(page)
    expect(main(page)).to_contain_text(T("summary.well_done", name=NAME))
    for level, n in (("alone", 1), ("hinted", 1), ("helped", 1)):
        metric = page.get_by_test_id("stMetric").filter(has_text=T(f"autonomy.{level}"))
        expect(metric.get_by_test_id("stMetricValue")).to_have_text(str(n))
    skipped = sum(1 for s in lesson.steps if s.checked and s.id not in (choice.id, typed.id))
    expect(main(page)).to_contain_text(T("summary.skipped", n=skipped))

    runs = query(app_server.db_path, "select * from runs where person_id = ?", senior.id)
    assert len(runs) == 1 and runs[0]["mode"] == "solo" and runs[0]["completed_at"]
    attempts = query(app_server.db_path, "select step_id, outcome, autonomy from attempts "
                     "where person_id = ? order by id", senior.id)
    assert [tuple(a) for a in attempts] == [(choice.id, "correct", "hinted"),
                                            (typed.id, "correct", "alone")]
