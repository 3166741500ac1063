"""A senior alone, in a real browser: she opens the app and lands on today's practice, does
three items (one in the spreadsheet app), hears that the browser has no voice (or can read
aloud), ends on the calm screen, and downloads the memo card of a lesson she finished: the
PDF's text holds the lesson's title and "€". axe finds nothing on the way."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from e2e_helpers import assert_no_axe_violations, settle, wait_for_app
from e2e_player import T, click, load_lesson, main, query, tick, words
from playwright.sync_api import Page, expect

from curriculum.store import people, progress, review_items, session

PACK, LESSON = "spreadsheet-basics", "first-sum"
MEMO = "spreadsheet-basics/tidy-table"
LONG_AGO = datetime(2000, 1, 1, 9, 0, tzinfo=UTC)  # due whatever the server's clock says


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_senior_alone_does_todays_practice_and_takes_a_memo_home(
        page: Page, app_server, tmp_path) -> None:
    lesson = load_lesson(f"{PACK}/{LESSON}")
    choice, typed, sheet = (lesson.step(s) for s in ("starts-with", "simple-formula",
                                                      "sum-in-sheet"))
    memo_pack, memo_lesson = MEMO.split("/")
    with session(app_server.db_path) as db:
        senior = people.create_person(db, "Yvette", "senior")
        for n, step in enumerate((choice, typed, sheet)):
            review_items.save_review(db, senior.id, PACK, LESSON, step.id, {},
                                     LONG_AGO + timedelta(days=n), "hard")
        run = progress.open_run(db, senior.id, memo_pack, memo_lesson, "solo")
        progress.complete_run(db, run.id)

    # --- She opens the app and says who she is: today's practice is her home ---------
    page.goto(f"{app_server.url}/?senior={senior.id}&lang=en")
    wait_for_app(page)
    click(page.get_by_role("button", name=T("welcome.go_today"), exact=True))
    area = main(page)
    expect(page.get_by_role("heading", level=1, name=T("today.title"))).to_be_visible()
    expect(area).to_contain_text(T("today.item_of", n=1, total=3))

    # --- Read aloud: the browser reads, or says plainly it has no voice --------------
    voices = page.evaluate("() => (speechSynthesis.getVoices() || [])"
                           ".filter(v => v.lang.startsWith('en')).length")
    click(area.get_by_role("button", name=T("read.play"), exact=True))
    if not voices:
        expect(area.get_by_role("status")).to_have_text(T("read.no_voice"))
    assert_no_axe_violations(page, "today's practice, first item")

    # --- 1: a choice; 2: a typed formula; 3: the spreadsheet app ----------------------
    tick(area, next(o for o in choice.options if o.correct).text)
    click(area.get_by_role("button", name=T("player.check"), exact=True))
    expect(area).to_contain_text(T("feedback.correct_title"))
    click(area.get_by_role("button", name=T("today.next"), exact=True))

    expect(area).to_contain_text(T("today.item_of", n=2, total=3))
    area.get_by_role("textbox", name=T("player.your_answer")).fill("=4+6")
    click(area.get_by_role("button", name=T("player.check"), exact=True))
    expect(area).to_contain_text(T("feedback.correct_title"))
    click(area.get_by_role("button", name=T("today.next"), exact=True))

    expect(area).to_contain_text(T("today.item_of", n=3, total=3))
    box = area.get_by_role("textbox", name=T("sheet.bar", cell="B6"))
    box.fill("=SUM(B2:B5)")
    box.press("Enter")
    settle(page)
    click(area.get_by_role("button", name=T("sheet.check"), exact=True))
    expect(area).to_contain_text(T("feedback.correct_title"))
    assert_no_axe_violations(page, "today's practice, the spreadsheet item")
    click(area.get_by_role("button", name=T("today.finish"), exact=True))
    expect(area).to_contain_text(words(T("today.end")))
    assert_no_axe_violations(page, "today's practice, the end")

    grades = query(app_server.db_path, "select step_id, last_grade, reviews from review_items "
                   "where person_id = ? order by id", senior.id)
    assert [tuple(g) for g in grades] == [(choice.id, "good", 2), (typed.id, "good", 2),
                                          (sheet.id, "good", 2)]

    # --- The memo card of a lesson she finished, from her profile ---------------------
    click(page.get_by_test_id("stSidebar").get_by_role("link", name=T("nav.profile")))
    click(area.get_by_text(T("memo.cards"), exact=True))
    with page.expect_download() as info:
        area.get_by_role("button", name=T("memo.download")).click()
    pdf = tmp_path / "memo.pdf"
    info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert load_lesson(MEMO).title in text and "€" in text and "\ufffd" not in text
    assert_no_axe_violations(page, "the profile with the memo cards")
