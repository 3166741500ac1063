"""Helpers for walking a lesson in the browser: the lesson read from its YAML, the UI
strings, the parts of the player page, and what a senior does on each kind of step.

The right answers come from the lesson file (through the curriculum.model classes), and
the checker confirms them, so a test does not hard-code an answer the author may change.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import yaml
from e2e_helpers import settle, wait_for_app
from playwright.sync_api import Locator, Page, expect

from curriculum.checking import check
from curriculum.i18n import t
from curriculum.model import ChoiceStep, Lesson, OrderStep, TextStep
from curriculum.render import plain_text
from curriculum.selftest import candidates
from curriculum.store import people, session
from curriculum.store.people import Person

REPO_ROOT = Path(__file__).resolve().parents[2]
LESSONS = REPO_ROOT / "lessons"


def T(key: str, **params: object) -> str:
    "A UI string, in English (the language every browser test uses)."
    return t("en", key, **params)


def load_lesson(ref: str) -> Lesson:
    "The lesson `pack-id/lesson-id`, read from its YAML file with the model classes."
    pack_id, _, lesson_id = ref.partition("/")
    path = LESSONS / pack_id / f"{lesson_id}.yaml"
    return Lesson.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def words(markdown: str) -> str:
    "What a reader sees of one paragraph of author Markdown (no markup)."
    return plain_text(markdown)


def first_paragraph(markdown: str) -> str:
    return words(markdown.strip().split("\n\n")[0])


# --- Answers, from the lesson -------------------------------------------------------


def wrong_option(step: ChoiceStep):
    "A wrong option that has feedback of its own (what a senior may well pick first)."
    return next(o for o in step.options if not o.correct and o.feedback)


def right_text(step: TextStep) -> str:
    "A typed answer the step accepts (from its own rules, as `curriculum selftest` does)."
    pool = [c for rule in step.accept for c in candidates(rule)]
    found = next((c for c in pool if check(step, c).status == "correct"), None)
    assert found is not None, f"no accepted answer derivable for step {step.id}"
    return found


def shown_text(step: TextStep) -> str:
    "The example answer that 'Show the answer' gives (its bold part), checked to pass."
    assert step.solution, f"step {step.id} has no solution to show"
    bold = re.findall(r"\*\*(.+?)\*\*", step.solution)
    answer = bold[0] if bold else words(step.solution)
    assert check(step, answer).status == "correct", f"{answer!r} does not pass {step.id}"
    return answer


def typo_of(step: TextStep, right: str) -> tuple[str, str]:
    """A plausible mistake for `right` that one of the author's feedback rules answers,
    and that feedback (Markdown)."""
    for wrong in (right.replace(".", ""), right.replace("@", " "), right[:-1]):
        outcome = check(step, wrong)
        if outcome.status == "wrong" and (outcome.rule or "").startswith("feedback["):
            return wrong, outcome.feedback[0]
    raise AssertionError(f"no mistake with author feedback found for step {step.id}")


EMAIL_FIELDS = {"to": "to", "cc": "cc", "subject": "subject", "message": "body"}


def email_to_write(step) -> dict[str, str]:
    """What the senior types in a pretend-mail `compose` step: the fields of the author's
    worked solution ("- **To**: ..." lines), checked to pass."""
    from curriculum.practice.email import empty_action

    found = re.findall(r"\*\*(\w+)\*\*\s*:\s*(.+)", step.solution or "")
    fields = {EMAIL_FIELDS[name.lower()]: value.strip() for name, value in found
              if name.lower() in EMAIL_FIELDS}
    assert fields, f"no To/Subject/Message lines in the solution of {step.id}"
    outcome = check(step, {**empty_action(), **fields})
    assert outcome.status == "correct", f"the solution of {step.id} does not pass: {outcome}"
    return fields


# --- The page ------------------------------------------------------------------------


def main(page: Page) -> Locator:
    return page.get_by_test_id("stMain")


def coach_panel(page: Page) -> Locator:
    "The junior's coach panel (the column with its heading)."
    heading = page.get_by_role("heading", name=T("coach.title"))
    return page.get_by_test_id("stColumn").filter(has=heading)


def senior_area(page: Page) -> Locator:
    "The senior's area: in a pair, the column beside the coach panel; alone, the page."
    back = page.get_by_role("button", name=T("player.back"), exact=True)
    if coach_panel(page).count():
        return page.get_by_test_id("stColumn").filter(has=back).first
    return main(page)


def click(target: Locator) -> None:
    "Click, then wait for the app's rerun to end."
    target.click()
    settle(target.page)


def button(scope: Page | Locator, key: str, **params: object) -> Locator:
    return scope.get_by_role("button", name=T(key, **params), exact=True)


def app_button(scope: Page | Locator, key: str, **params: object) -> Locator:
    "A button of a practice app by its words (the icon before them is left out)."
    return scope.get_by_role("button", name=re.compile(re.escape(T(key, **params)) + "$"))


def open_alone(page: Page, app_server, name: str, lesson: str) -> Person:
    "A new senior, alone, with the lesson open in the player (by its URL)."
    with session(app_server.db_path) as db:
        senior = people.create_person(db, name, "senior")
    page.goto(f"{app_server.url}/player?senior={senior.id}&lesson={lesson}")
    wait_for_app(page)
    return senior


def expect_step(page: Page, n: int, total: int) -> None:
    expect(main(page)).to_contain_text(T("player.step_of", n=n, total=total))


def go_to_step(page: Page, n: int, total: int) -> None:
    "Press the forward button until step n shows."
    for _ in range(total):
        if page.get_by_text(T("player.step_of", n=n, total=total), exact=True).count():
            break
        go_next(page)
    expect_step(page, n, total)


def go_next(page: Page) -> None:
    "Press the forward button, whatever it says (next / skip / finish)."
    forward = page.get_by_role("button", name=re.compile(
        "^(" + "|".join(re.escape(T(k)) for k in
                        ("player.next", "player.skip", "player.finish")) + ")$"))
    click(forward)


def feedback_box(page: Page) -> Locator:
    return senior_area(page).get_by_test_id("stAlert")


def expect_feedback(page: Page, title_key: str, *texts: str) -> None:
    "The feedback says, in words, right or not yet, and the author's explanation."
    area = senior_area(page)
    expect(feedback_box(page).filter(has_text=T(title_key))).to_have_count(1)
    for text in texts:
        expect(area).to_contain_text(text)


def tick(scope: Locator, markdown_label: str) -> None:
    "Pick a radio button or tick a box by its label, as a user does (the input is hidden)."
    scope.get_by_text(words(markdown_label), exact=True).click()


def order_shown(page: Page) -> list[str]:
    "The texts of an order step's items, as listed now."
    items = senior_area(page).locator('[data-testid="stMarkdownContainer"] > p').filter(
        has_text=re.compile(r"^\d+\.\s"))
    return [re.sub(r"^\d+\.\s*", "", text) for text in items.all_inner_texts()]


def put_in_order(page: Page, step: OrderStep) -> int:
    """Use Move up / Move down until the items are in the author's order.

    The first item is brought up with Move up, the rest pushed down into place with
    Move down. Returns the number of moves.
    """
    right = [words(i.text) for i in step.items]
    area = senior_area(page)
    moves = 0
    position = order_shown(page).index(right[0])
    for row in range(position, 0, -1):
        click(area.get_by_role("button", name=T("player.move_up"), exact=True).nth(row))
        moves += 1
    for target in range(len(right) - 1, 0, -1):
        position = order_shown(page).index(right[target])
        for row in range(position, target):
            click(area.get_by_role("button", name=T("player.move_down"), exact=True).nth(row))
            moves += 1
    expect(area.locator('[data-testid="stMarkdownContainer"] > p').filter(
        has_text=re.compile(r"^\d+\.\s"))).to_have_text(
        [f"{n}. {text}" for n, text in enumerate(right, 1)])
    return moves


# --- The database ----------------------------------------------------------------------


def query(db_path: Path, sql: str, *args: object) -> list[sqlite3.Row]:
    "Read the app's SQLite file (read-only)."
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql, args).fetchall()
