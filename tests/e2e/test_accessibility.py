"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation on the welcome page, the
catalogue, the player in pair mode (explain, choice and typed answers with their feedback,
hints and the answer shown, order, do, the coach panel, the summary) and the authors'
panel. The keyboard reaches the Check button, and Enter in the answer box checks.

No rule is disabled anywhere in this file.
"""

from __future__ import annotations

from e2e_helpers import assert_no_axe_violations, settle, wait_for_app
from e2e_player import (
    T,
    button,
    click,
    coach_panel,
    expect_feedback,
    go_to_step,
    load_lesson,
    main,
    right_text,
    senior_area,
    typo_of,
    words,
    wrong_option,
)
from playwright.sync_api import Page, expect

from curriculum.model import ChoiceStep, TextStep
from curriculum.store import people, session

LESSON = "email-basics/first-email"
MAX_TABS = 80  # the sidebar, then the page: well under this many stops

# WCAG 2.5.3 (label in name, level A): a control's accessible name contains the words
# its label shows. axe runs this rule only as "experimental", so it is checked here.
_LABEL_NOT_IN_NAME = """
() => {
  const norm = (s) => (s || "").replace(/\\s+/g, " ").trim().toLowerCase();
  const out = [];
  for (const input of document.querySelectorAll(
      '[data-testid="stMain"] input[type=checkbox], [data-testid="stMain"] input[type=radio]')) {
    const label = input.closest("label");
    const name = input.getAttribute("aria-label");
    if (!label || name === null) continue;
    if (!norm(name).includes(norm(label.innerText))) out.push([name, label.innerText]);
  }
  return out;
}
"""


def assert_accessible(page: Page, context: str) -> None:
    assert_no_axe_violations(page, context)
    mismatches = page.evaluate(_LABEL_NOT_IN_NAME)
    assert not mismatches, f"{context}: accessible names without their label's words " \
        f"(WCAG 2.5.3), as (name, label): {mismatches}"


def make_pair(app_server, senior: str, junior: str) -> tuple[int, int]:
    with session(app_server.db_path) as db:
        s = people.create_person(db, senior, "senior")
        j = people.create_person(db, junior, "junior")
    return s.id, j.id


def test_welcome_and_catalogue(page: Page, app_server) -> None:
    page.goto(app_server.url)
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name="Binôme")).to_be_visible()
    assert_accessible(page, "the welcome page, nobody picked")

    senior, junior = make_pair(app_server, "Colette", "Noah")
    page.goto(f"{app_server.url}/?senior={senior}&junior={junior}&lang=en")
    wait_for_app(page)
    expect(main(page)).to_contain_text(T("frame.pair", senior="Colette", junior="Noah"))
    assert_accessible(page, "the welcome page, a pair picked")

    click(button(page, "welcome.go"))
    expect(page.get_by_role("heading", level=1, name=T("catalogue.title"))).to_be_visible()
    assert_accessible(page, "the catalogue")


def test_player_in_pair_mode_and_keyboard(page: Page, app_server) -> None:
    lesson = load_lesson(LESSON)
    total = len(lesson.steps)
    index = {s.id: n for n, s in enumerate(lesson.steps, 1)}
    senior, junior = make_pair(app_server, "Germaine", "Yanis")
    page.goto(f"{app_server.url}/player?senior={senior}&junior={junior}"
              f"&lesson={LESSON}&lang=en")
    wait_for_app(page)
    expect(coach_panel(page)).to_contain_text(T("coach.before_you_start"))
    assert_accessible(page, "the player: first step and the coach's introduction")

    image = next(s for s in lesson.steps if s.image is not None)
    go_to_step(page, index[image.id], total)
    expect(page.get_by_role("img", name=image.image.alt)).to_be_visible()
    assert_accessible(page, "the player: an explanation with a picture")

    # --- A choice, answered with the keyboard only ----------------------------------
    choice = next(s for s in lesson.steps if isinstance(s, ChoiceStep) and not s.multiple)
    go_to_step(page, index[choice.id], total)
    area = senior_area(page)
    answers = area.get_by_role("radiogroup", name=T("player.pick_one"))
    check = button(area, "player.check")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    tab_until(page, answers.get_by_role("radio"))
    page.keyboard.press("Space")
    wrong = wrong_option(choice)
    for _ in choice.options:  # arrows move the choice, as in any radio group
        if answers.get_by_role("radio", name=words(wrong.text)).is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(answers.get_by_role("radio", name=words(wrong.text))).to_be_checked()
    page.keyboard.press("Tab")
    expect(check).to_be_focused()
    page.keyboard.press("Enter")
    settle(page)
    expect_feedback(page, "feedback.wrong_title", words(wrong.feedback))
    click(button(coach_panel(page), "coach.next_hint", n=1, total=len(choice.hints)))
    expect(area).to_contain_text(words(choice.hints[0]))
    assert_accessible(page, "the player: a choice with wrong feedback, a hint, the coach panel")

    # --- A typed answer: Enter in the box checks it -----------------------------------
    typed = next(s for s in lesson.steps if isinstance(s, TextStep))
    go_to_step(page, index[typed.id], total)
    typo, said = typo_of(typed, right_text(typed))
    answer_box = area.get_by_role("textbox", name=T("player.your_answer"))
    answer_box.focus()
    page.keyboard.type(typo)
    page.keyboard.press("Enter")
    settle(page)
    expect_feedback(page, "feedback.wrong_title", words(said))
    click(button(coach_panel(page), "player.show_answer"))
    expect(area).to_contain_text(T("player.the_answer"))
    assert_accessible(page, "the player: a typed answer with feedback and the answer shown")
    # The keyboard also reaches Check from the top of the page.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    tab_until(page, button(area, "player.check"))

    # --- Every later step, as it first shows ------------------------------------------
    for step in lesson.steps[index[typed.id]:]:
        go_to_step(page, index[step.id], total)
        assert_accessible(page, f"the player: step {step.id} ({step.kind})")

    go_to_step(page, total, total)
    click(button(page, "player.finish"))
    expect(main(page)).to_contain_text(T("summary.well_done", name="Germaine"))
    assert_accessible(page, "the lesson summary")


def test_authors_page(page: Page, app_server) -> None:
    page.goto(f"{app_server.url}/authors?lang=en")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=T("authors.title"))).to_be_visible()
    assert_accessible(page, "the authors' panel")

    picker = page.get_by_role("combobox", name=T("authors.pick_lesson"))
    picker.click()
    click(page.get_by_role("option", name=LESSON, exact=True))
    expect(main(page)).to_contain_text(load_lesson(LESSON).title)
    assert_accessible(page, "the authors' panel with a lesson preview")


def tab_until(page: Page, target, max_tabs: int = MAX_TABS) -> None:
    "Press Tab until `target` has the focus (the keyboard reaches it)."
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if target.evaluate_all("(els) => els.includes(document.activeElement)"):
            return
    raise AssertionError(f"{max_tabs} presses of Tab never reached {target}")
