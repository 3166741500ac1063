"""The email practice app in a real browser: a senior writes an email, forgets the
photo, attaches it and sends it; then opens Sam's message, replies and thanks him; then
reports the scam in a sorted inbox. Feedback shows each time; axe-core finds no WCAG 2.2
A/AA violation with the inbox, the reading pane and the form on screen; the SQLite file
holds what the senior did."""

from __future__ import annotations

import json
import re

from e2e_helpers import assert_no_axe_violations
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
from e2e_player import app_button as button
from playwright.sync_api import Page, expect

LESSON = "examples/practice-email"


def box(scope, key: str):
    return scope.get_by_role("textbox", name=T(key), exact=True)


def row(scope, subject: str):
    "A message in the inbox list, by its subject."
    return scope.get_by_role("button", name=re.compile(re.escape(subject)))


def test_a_senior_writes_replies_and_reports_a_scam(page: Page, app_server) -> None:
    senior = open_alone(page, app_server, "Odette", LESSON)
    expect_step(page, 1, 5)
    go_next(page)

    # --- compose: forget the photo, then attach it ---------------------------------------
    expect_step(page, 2, 5)
    area = senior_area(page)
    expect(area).to_contain_text(T("practice.safe"))
    click(button(area, "email.new"))
    box(area, "email.to").fill("sam@example.org")
    box(area, "email.subject").fill("Holiday")
    box(area, "email.message").fill("I miss you, Sam! Love, Odette")
    click(button(area, "email.send"))
    expect_feedback(page, "feedback.wrong_title", "Nearly there! Attach the photo")
    expect(area).to_contain_text(T("email.not_sent"))
    expect(box(area, "email.to")).to_have_value("sam@example.org")  # the draft is kept
    assert_no_axe_violations(page, "the email form, with feedback")
    area.get_by_role("combobox", name=re.compile(T("email.attach"))).click()
    click(page.get_by_role("option", name="beach.jpg", exact=True))
    expect(button(area, "email.remove", name="beach.jpg")).to_be_visible()
    click(button(area, "email.send"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    expect(area).to_contain_text(T("email.sent", to="sam@example.org"))
    go_next(page)

    # --- reply: open Sam's message (unread, with a paperclip), Reply, thank him ------------
    expect_step(page, 3, 5)
    area = senior_area(page)
    sam = row(area, "Photos from Sunday")
    expect(sam).to_contain_text(T("email.unread"))
    expect(sam).to_contain_text(T("email.has_file"))
    expect(sam.locator("strong").first).to_be_visible()  # unread: in bold, and the word
    click(sam)
    expect(area.get_by_role("img", name=T("email.picture", name="beach.jpg"))).to_be_visible()
    expect(row(area, "Photos from Sunday")).not_to_contain_text(T("email.unread"))
    assert_no_axe_violations(page, "the inbox with a message open")
    click(button(area, "email.reply"))
    expect(box(area, "email.to")).to_have_value("Sam <sam@example.org>")
    expect(box(area, "email.subject")).to_have_value("Re: Photos from Sunday")
    click(button(area, "email.send"))  # an empty reply
    expect_feedback(page, "feedback.wrong_title", "Your reply is empty.")
    box(area, "email.message").fill("Thank you for the lovely photos!")
    click(button(area, "email.send"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    go_next(page)

    # --- skip forward; triage: report the scam, then say it is finished ---------------------
    expect_step(page, 4, 5)
    go_next(page)
    expect_step(page, 5, 5)
    area = senior_area(page)
    click(row(area, "Your account is blocked!!"))
    expect(area).to_contain_text("https://bank-alerts.example/login")  # shown, not a link
    expect(area.get_by_role("link", name="here")).to_have_count(0)
    click(button(area, "email.report"))
    expect(area).to_contain_text(
        T("email.reported", subject="Your account is blocked!!"))
    expect(row(area, "Your account is blocked!!")).to_have_count(0)
    click(button(area, "email.finish"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    assert_no_axe_violations(page, "the inbox after reporting a scam")

    # --- the database holds what the senior did ------------------------------------------
    rows = query(app_server.db_path, "select step_id, outcome, answer from attempts "
                 "where person_id = ? order by id", senior.id)
    got = [(r["step_id"], r["outcome"]) for r in rows]
    assert got == [("compose", "wrong"), ("compose", "correct"), ("reply", "wrong"),
                   ("reply", "correct"), ("triage", "correct")]
    answers = [json.loads(r["answer"]) for r in rows]
    assert answers[0]["attachments"] == [] and answers[1]["attachments"] == ["beach.jpg"]
    assert answers[1]["body"] == "I miss you, Sam! Love, Odette"
    assert answers[3]["message"] == "m1" and answers[3]["subject"] == "Re: Photos from Sunday"
    assert answers[4]["reported"] == ["bank"] and answers[4]["opened"] == ["bank"]
