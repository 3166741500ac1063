"""The social practice app in a real browser: a senior writes a post, adds a photo from
the gallery, posts it for everyone by mistake, changes it to friends only; reports a scam
and a false news; likes a photo and comments on it; sets privacy settings. Feedback shows
each time; axe-core finds no WCAG 2.2 A/AA violation with the composer, the gallery, the
feed, a report box and the settings on screen; the SQLite file holds what the senior did."""

from __future__ import annotations

import json

from e2e_helpers import assert_no_axe_violations, wait_for_app
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
from playwright.sync_api import Locator, Page, expect

LESSON = "examples/practice-social"


def card(page: Page, post_id: str) -> Locator:
    "A post of the feed (its container is keyed by the post id)."
    return page.locator(f".st-key-social-card-{post_id}")


def my_post(page: Page, post_id: str) -> Locator:
    "One of the senior's own posts."
    return page.locator(f".st-key-social-card_{post_id}")


def choose(scope: Page | Locator, group_key: str, option: str) -> None:
    "Pick a radio button by its words, as a user does (the input itself is hidden)."
    click(scope.get_by_role("radiogroup", name=T(group_key)).get_by_text(option, exact=True))


def test_a_senior_posts_reports_reacts_and_sets_privacy(page: Page, app_server) -> None:
    senior = open_alone(page, app_server, "Odette", LESSON)
    expect_step(page, 1, 5)
    go_next(page)

    # --- post: type, add the garden photo, post for everyone, then change it -------------
    expect_step(page, 2, 5)
    area = senior_area(page)
    expect(area).to_contain_text(T("practice.safe"))
    expect(card(page, "p2")).to_contain_text(T("social.sponsored"))
    area.get_by_role("textbox", name=T("social.write_label")).fill("My garden is in bloom")
    click(button(area, "social.add_photo"))
    expect(area.get_by_role("img", name="A birthday cake with candles")).to_be_visible()
    assert_no_axe_violations(page, "the composer with the photo gallery open")
    click(button(area, "social.choose_photo").first)
    expect(area).to_contain_text(T("social.your_photo"))
    expect(area.get_by_role("img", name="Your garden with its flowers")).to_be_visible()
    expect(area.get_by_role("radiogroup", name=T("social.audience_label"))).to_contain_text(
        T("social.audience_help.friends"))
    click(button(area, "social.post"))
    expect_feedback(page, "feedback.wrong_title", "means anyone, strangers too.")
    mine = my_post(page, "mine-1")
    expect(mine).to_contain_text("My garden is in bloom")
    expect(mine).to_contain_text(T("social.value.public"))
    expect(area).to_contain_text(T("social.see_below"))
    assert_no_axe_violations(page, "the feed with the senior's post and feedback")
    click(button(mine, "social.change_post"))
    expect(area.get_by_role("textbox", name=T("social.write_label"))).to_have_value(
        "My garden is in bloom")
    choose(area, "social.audience_label", T("social.value.friends"))
    click(button(area, "social.post"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    expect(my_post(page, "mine-1")).to_contain_text(T("social.value.friends"))
    go_next(page)

    # --- spot: report the scam (right so far), then the false news -------------------------
    expect_step(page, 3, 5)
    prize = card(page, "p2")
    click(button(prize, "social.report"))
    choose(prize, "social.report_why", T("social.reason.scam"))
    assert_no_axe_violations(page, "the feed with a report box open")
    click(button(prize, "social.send_report"))
    expect_feedback(page, "feedback.partial_title", T("social.partial_spot"))
    expect(card(page, "p2")).to_contain_text(T("social.reported", name="Free Prizes Now"))
    news = card(page, "p4")
    click(button(news, "social.report"))
    choose(news, "social.report_why", T("social.reason.false"))
    click(button(news, "social.send_report"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    go_next(page)

    # --- react: like Léa's cat, then comment (Enter sends) ------------------------------------
    expect_step(page, 4, 5)
    cat = card(page, "cat")
    expect(cat).to_contain_text(T("social.likes_many", n=5))
    click(button(cat, "social.like"))
    expect(button(cat, "social.liked")).to_be_visible()
    expect(cat).to_contain_text(T("social.likes_many", n=6))
    expect_feedback(page, "feedback.partial_title", T("social.partial_react"))
    click(button(cat, "social.comment"))
    comment = cat.get_by_role("textbox", name=T("social.write_comment", name="Léa"))
    comment.fill("What a lovely cat!")
    comment.press("Enter")
    wait_for_app(page)
    expect_feedback(page, "feedback.correct_title", T("check.correct"))
    expect(cat).to_contain_text("What a lovely cat!")
    go_next(page)

    # --- settings: profile to friends, tag review on, save ------------------------------------
    expect_step(page, 5, 5)
    area = senior_area(page)
    expect(area).to_contain_text(T("social.settings_title"))
    choose(area, "social.set.profile", T("social.value.friends"))
    click(button(area, "social.save"))
    expect_feedback(page, "feedback.wrong_title", "Turn the check of tagged posts")
    assert_no_axe_violations(page, "the privacy settings with feedback")
    choose(area, "social.set.tag_review", T("social.value.on"))
    click(button(area, "social.save"))
    expect_feedback(page, "feedback.correct_title", T("check.correct"))

    # --- the database holds what the senior did ------------------------------------------
    rows = query(app_server.db_path, "select step_id, outcome, answer from attempts "
                 "where person_id = ? order by id", senior.id)
    assert [(r["step_id"], r["outcome"]) for r in rows] == [
        ("share-garden", "wrong"), ("share-garden", "correct"),
        ("spot-scams", "partial"), ("spot-scams", "correct"),
        ("like-and-comment", "partial"), ("like-and-comment", "correct"),
        ("privacy-settings", "wrong"), ("privacy-settings", "correct")]
    answers = [json.loads(r["answer"]) for r in rows]
    assert answers[0]["audience"] == "public" and answers[1]["audience"] == "friends"
    assert answers[1]["photo"] == "media/social/garden.png"
    assert answers[1]["text"] == "My garden is in bloom"
    assert answers[3]["flagged"] == ["p2", "p4"]
    assert answers[3]["reasons"] == {"p2": "scam", "p4": "false"}
    assert answers[5]["liked"] == ["cat"] and answers[5]["comment"] == "What a lovely cat!"
    assert answers[7]["profile"] == "friends" and answers[7]["tag_review"] == "on"
