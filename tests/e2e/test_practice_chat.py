"""The chat practice app in a real browser: a senior answers Sam wrong, asks for a hint,
adds a 👍 from the emoji picker and sends it with Enter; attaches the wrong photo, then
the cake; then reacts to Léa's photo and sends a voice message. Feedback shows each time;
axe-core finds no WCAG 2.2 A/AA violation with the chat, the emoji picker and the photo
gallery on screen; the SQLite file holds the transcript of what the senior did."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing

from e2e_helpers import assert_no_axe_violations, settle
from e2e_player import T, click, open_alone
from playwright.sync_api import Locator, Page, expect

LESSON = "examples/practice-chat"


def button(scope: Page | Locator, label: str) -> Locator:
    return scope.get_by_role("button", name=label, exact=True)


def chat(page: Page) -> Locator:
    "The pretend messaging app (its bordered container)."
    return page.locator('[class*="st-key-chatapp-"]')


def alert(page: Page) -> Locator:
    return page.get_by_test_id("stAlert").last


def step_shown(page: Page, n: int) -> None:
    expect(page.get_by_test_id("stMain")).to_contain_text(T("player.step_of", n=n, total=4))


def next_step(page: Page) -> None:
    click(page.get_by_role("button", name=re.compile(
        f"^({re.escape(T('player.next'))}|{re.escape(T('player.skip'))})$")))


def attempts(db_path, step_id: str) -> list[tuple[str, dict]]:
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute("select outcome, answer from attempts where step_id = ? "
                            "order by id", [step_id]).fetchall()
    return [(outcome, json.loads(answer)) for outcome, answer in rows]


def test_a_senior_chats_with_emoji_photos_a_reaction_and_a_voice_message(
        page: Page, app_server) -> None:
    open_alone(page, app_server, "Colette", LESSON)
    step_shown(page, 1)
    next_step(page)

    # --- Sam asks for a thumbs up: a wrong message first, sent with Enter -------------------
    step_shown(page, 2)
    app = chat(page)
    expect(app).to_contain_text("Hi! Send me a thumbs up if you can read this.")
    message = app.get_by_role("textbox", name=T("chat.message_label"), exact=True)
    message.fill("Hello Sam")
    message.press("Enter")
    settle(page)
    expect(alert(page)).to_contain_text(T("feedback.wrong_title"))
    expect(page.get_by_test_id("stMain")).to_contain_text("Sam asked for a thumbs up.")
    expect(app).to_contain_text("Hello Sam")  # the wrong message stays in the chat
    expect(message).to_have_value("")
    click(button(app, T("chat.hint_button", n=1, total=1)))
    expect(app).to_contain_text("Press the Emoji button and pick the 👍.")

    # the emoji picker: words for each emoji, then Send
    message.fill("Yes")
    click(button(app, T("chat.emoji")))
    thumbs = button(page, f"👍 {T('chat.emoji.thumbs_up')}")
    expect(thumbs).to_be_visible()
    assert_no_axe_violations(page, "the chat with the emoji picker open")
    click(thumbs)
    expect(message).to_have_value("Yes 👍")
    click(button(app, T("chat.send")))
    expect(alert(page)).to_contain_text(T("feedback.partial_title"))
    expect(app).to_contain_text("Lovely!")
    expect(app).to_contain_text("Can you send me the photo of the cake?")

    # --- the photo: the cat first (wrong), then the cake -----------------------------------
    click(button(app, T("chat.photos")))
    expect(page.get_by_role("img", name=T("chat.photo_alt", name="cake.jpg"))).to_be_visible()
    assert_no_axe_violations(page, "the chat with the photo gallery open")
    click(button(page, T("chat.choose_photo", name="Our cat Filou asleep on a cushion")))
    expect(app).to_contain_text("Photo ready to send: Our cat Filou asleep on a cushion")
    click(button(app, T("chat.send")))
    expect(page.get_by_test_id("stMain")).to_contain_text(
        "What a lovely cat! But Sam asked for the cake.")
    click(button(app, T("chat.photos")))
    click(button(page, T("chat.choose_photo", name="cake.jpg")))
    click(button(app, T("chat.send")))
    expect(alert(page)).to_contain_text(T("feedback.correct_title"))
    expect(app).to_contain_text("Yum, thank you!")
    expect(app).to_contain_text(T("chat.finished"))
    assert_no_axe_violations(page, "the finished chat")
    rows = attempts(app_server.db_path, "thumbs-up")
    assert [o for o, _ in rows] == ["wrong", "partial", "wrong", "correct"]
    assert rows[-1][1]["actions"] == [
        {"text": "Hello Sam"}, {"text": "Yes 👍"}, {"photo": "media/chat/cat.jpg"},
        {"photo": "media/chat/cake.jpg"}]
    next_step(page)

    # --- Léa's photo: react with a heart, then a pretend voice message ---------------------
    step_shown(page, 3)
    app = chat(page)
    expect(app.get_by_role("img", name=T("chat.photo_alt", name="A ginger cat on a bed"))) \
        .to_be_visible()
    click(button(app, T("chat.react")))
    click(button(page, f"😢 {T('chat.reaction.sad')}"))
    expect(page.get_by_test_id("stMain")).to_contain_text(
        "That's a reaction, well done! Léa asked for a heart though.")
    expect(app).to_contain_text(T("chat.your_reaction", emoji="😢", word="sad"))
    click(button(app, T("chat.react")))
    click(button(page, f"❤️ {T('chat.reaction.heart')}"))
    expect(alert(page)).to_contain_text(T("feedback.partial_title"))
    expect(app).to_contain_text(T("chat.your_reaction", emoji="❤️", word="heart"))
    click(button(app, T("chat.record")))
    expect(alert(page)).to_contain_text(T("feedback.correct_title"))
    expect(app).to_contain_text(T("chat.voice_message", duration="0:05"))
    expect(app).to_contain_text("Thank you, it made my day!")
    assert [o for o, _ in attempts(app_server.db_path, "react-and-voice")] == [
        "wrong", "partial", "correct"]
