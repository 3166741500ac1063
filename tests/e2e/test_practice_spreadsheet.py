"""The spreadsheet practice app in a real browser: a senior types a price the wrong way
then the right way, types a number where a formula is wanted, then the SUM formula (with
the keyboard's Enter key), fixes a #DIV/0! error and sorts the rows. Feedback shows each
time; axe-core finds no WCAG 2.2 A/AA violation with the grid, the formula bar, an error
value and the Sort panel on screen; the SQLite file holds what the senior typed."""

from __future__ import annotations

import json
import re

from e2e_helpers import assert_no_axe_violations, settle
from e2e_player import (
    T,
    click,
    expect_feedback,
    expect_step,
    go_next,
    open_alone,
    query,
    senior_area,
)
from playwright.sync_api import Locator, Page, expect

LESSON = "examples/practice-spreadsheet"
STEPS = 6


def bar(area: Locator, cell: str) -> Locator:
    return area.get_by_role("textbox", name=T("sheet.bar", cell=cell))


def type_and_enter(area: Locator, cell: str, text: str) -> None:
    "Type in the formula bar and press the keyboard's Enter key, as in a spreadsheet."
    box = bar(area, cell)
    box.fill(text)
    box.press("Enter")
    settle(area.page)


def check_sheet(area: Locator) -> None:
    click(area.get_by_role("button", name=T("sheet.check"), exact=True))


def grid(area: Locator) -> Locator:
    return area.get_by_role("table")


def choose(page: Page, area: Locator, label: str, option: str) -> None:
    "Open a select box by its label and pick an option, with the mouse."
    area.get_by_role("combobox", name=re.compile(re.escape(label))).click()
    click(page.get_by_role("option", name=option, exact=True))


def test_a_senior_types_values_formulas_and_sorts(page: Page, app_server) -> None:
    senior = open_alone(page, app_server, "Odette", LESSON)
    expect_step(page, 1, STEPS)
    go_next(page)

    # --- typing a value: a comma first, then the right price ---------------------------
    expect_step(page, 2, STEPS)
    area = senior_area(page)
    expect(area).to_contain_text(T("practice.safe"))
    # "Cell" explained in a box named in the page's words, not a tooltip named "Help for …"
    expect(area.get_by_role("button", name=re.compile("^Help for"))).to_have_count(0)
    area.get_by_text(T("sheet.cell_what"), exact=True).click()
    expect(area).to_contain_text("A cell is one box of the sheet.")
    expect(grid(area)).to_contain_text("Bread")
    type_and_enter(area, "B3", "1,20")
    expect(grid(area)).to_contain_text("1,20")  # text: the spreadsheet did not read a number
    check_sheet(area)
    expect_feedback(page, "feedback.wrong_title", "In English, a price uses a point")
    assert_no_axe_violations(page, "the spreadsheet with feedback")
    type_and_enter(area, "B3", "1.20")
    check_sheet(area)
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    go_next(page)

    # --- a formula: a typed number is caught, then =SUM(B2:B3) --------------------------
    expect_step(page, 3, STEPS)
    area = senior_area(page)
    type_and_enter(area, "B4", "2.15")
    check_sheet(area)
    expect_feedback(page, "feedback.wrong_title", "Right number! Now type it as a formula")
    type_and_enter(area, "B4", "=SUM(B2:B3)")
    expect(area).to_contain_text("B4 holds the formula =SUM(B2:B3) and shows 2.15.")
    check_sheet(area)
    expect_feedback(page, "feedback.correct_title")
    go_next(page)

    # --- an error value, explained, then fixed ---------------------------------------------
    expect_step(page, 4, STEPS)
    area = senior_area(page)
    expect(grid(area)).to_contain_text("#DIV/0!")
    expect(area).to_contain_text("D2 shows #DIV/0!: the formula divides by zero")
    assert_no_axe_violations(page, "the spreadsheet showing an error value")
    type_and_enter(area, "C2", "12")
    expect(grid(area)).to_contain_text("0.3")
    check_sheet(area)
    expect_feedback(page, "feedback.correct_title")
    go_next(page)
    go_next(page)  # skip the IF step

    # --- sorting: cheapest first (wrong), then most expensive first ------------------------
    expect_step(page, 6, STEPS)
    area = senior_area(page)
    choose(page, area, T("sheet.sort_by"), "B (Price)")
    click(area.get_by_text(T("sheet.ascending"), exact=True))
    click(area.get_by_role("button", name=T("sheet.sort"), exact=True))
    expect(grid(area).locator("tbody tr").nth(1)).to_contain_text("Milk")  # row 2
    check_sheet(area)
    expect_feedback(page, "feedback.wrong_title", "Right column, but the cheapest is first.")
    assert_no_axe_violations(page, "the spreadsheet's Sort panel")
    click(area.get_by_text(T("sheet.descending"), exact=True))
    click(area.get_by_role("button", name=T("sheet.sort"), exact=True))
    expect(grid(area).locator("tbody tr").nth(1)).to_contain_text("Cheese")
    check_sheet(area)
    expect_feedback(page, "feedback.correct_title")

    rows = query(app_server.db_path,
                 "select step_id, outcome, answer from attempts a join runs r on "
                 "a.run_id = r.id where r.person_id = ? order by a.id", senior.id)
    done = [(r["step_id"], r["outcome"], json.loads(r["answer"])) for r in rows]
    assert done == [
        ("type-a-price", "wrong", {"cells": {"B3": "1,20"}}),
        ("type-a-price", "correct", {"cells": {"B3": "1.20"}}),
        ("total", "wrong", {"cells": {"B4": "2.15"}}),
        ("total", "correct", {"cells": {"B4": "=SUM(B2:B3)"}}),
        ("fix-an-error", "correct", {"cells": {"C2": "12"}}),
        ("sort-prices", "wrong", {"cells": {}, "order": [2, 4, 5, 3]}),
        ("sort-prices", "correct", {"cells": {}, "order": [3, 5, 4, 2]}),
    ]
