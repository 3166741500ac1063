"""The chat practice app under AppTest: the senior types, adds emoji, attaches photos,
reacts and sends a voice message, right and wrong; the feedback shows; each attempt row
holds the transcript of what they did."""

from __future__ import annotations

import sqlite3
from functools import partial

import ui_practice
from ui_practice import attempts, click, html, run_id
from ui_practice import said as feedback

LESSON = "examples/practice-chat"
STEPS = ["intro", "thumbs-up", "react-and-voice", "family-group"]
open_step = partial(ui_practice.open_step, lesson=LESSON, steps=STEPS)


def hints_used(db_file, step_id: str) -> int:
    with sqlite3.connect(db_file) as conn:
        row = conn.execute("select hints_used from step_results where step_id = ?",
                           [step_id]).fetchone()
    return row[0] if row else 0

def base(db_file, step_id: str) -> str:
    return f"player.chat.{run_id(db_file)}.{step_id}"


def box(at, db_file, step_id: str):
    return at.text_input(key=f"player.chat.text.{run_id(db_file)}.{step_id}")


def send(at, db_file, step_id: str, text: str | None = None):
    if text is not None:
        box(at, db_file, step_id).input(text)
    return click(at, f"{base(db_file, step_id)}.send")


def bubbles(at) -> list[tuple[str, str]]:
    "(who, what they wrote) for each chat bubble, in order."
    out = []
    for msg in at.chat_message:
        words = [m.value for m in msg.markdown] + [h.proto.body for h in msg.get("html")]
        out.append((msg.name, "\n".join(words)))
    return out


def test_the_spec_example_wrong_then_right_with_emoji_and_a_photo(make_app, people, db_file):
    at = open_step(make_app, people, "thumbs-up")
    step = "thumbs-up"
    assert at.markdown[0].value  # the page is drawn
    assert [w for w, _ in bubbles(at)] == ["Sam"]
    assert "Send me a thumbs up" in bubbles(at)[0][1]
    assert box(at, db_file, step).label == "Your message"
    # nothing typed: a gentle word, no attempt
    send(at, db_file, step)
    assert "Write a message" in at.info[0].value
    assert attempts(db_file, step) == []
    # a wrong message: it stays in the chat, with the turn's feedback
    send(at, db_file, step, "Hello Sam")
    assert at.warning[0].value.startswith("**Not quite yet.**")
    assert html("Sam asked for a **thumbs up**") in feedback(at)
    assert bubbles(at)[-1] == ("You", "**You**\nHello Sam")
    # the hint of this turn, on request (recorded as a hint used)
    click(at, f"player.chat.hint.{run_id(db_file)}.{step}.1")
    assert any(m.value == "**Hint 1**" for m in at.markdown)
    assert "Press the <strong>Emoji</strong> button and pick the 👍." in feedback(at)
    assert at.button(key=f"player.chat.hint.{run_id(db_file)}.{step}.1").disabled
    assert hints_used(db_file, step) == 1
    # the emoji picker adds 👍 to what is typed; Send sends both
    box(at, db_file, step).input("Yes")  # in the form: sent with the next button
    click(at, f"{base(db_file, step)}.emoji.chat.emoji.thumbs_up")
    assert box(at, db_file, step).value == "Yes 👍"
    send(at, db_file, step)
    assert at.success[0].value.startswith("**That's it! Carry on.**")
    assert box(at, db_file, step).value == ""
    said = bubbles(at)[-3:]
    assert said[0] == ("You", "**You**\nYes 👍")
    assert said[1][0] == said[2][0] == "Sam"
    assert "Lovely!" in said[1][1] and "send me the photo of the cake?" in said[2][1]
    # the wrong photo, then the right one from the gallery
    click(at, f"{base(db_file, step)}.photo.1")
    assert "Our cat Filou" in "\n".join(m.value for m in at.markdown)
    send(at, db_file, step)
    assert html("What a lovely cat! But Sam asked for the **cake**.") in feedback(at)
    click(at, f"{base(db_file, step)}.photo.0")
    send(at, db_file, step)
    assert at.success[0].value.startswith("**Well done!**")
    assert "This chat is finished" in "\n".join(m.value for m in at.markdown)
    assert not [t for t in at.text_input if t.key and t.key.startswith("player.chat.text")]
    rows = attempts(db_file, step)
    assert [o for o, _ in rows] == ["wrong", "partial", "wrong", "correct"]
    assert rows[-1][1] == {"actions": [
        {"text": "Hello Sam"}, {"text": "Yes 👍"}, {"photo": "media/chat/cat.jpg"},
        {"photo": "media/chat/cake.jpg"}]}


def test_a_reaction_and_a_voice_message(make_app, people, db_file):
    at = open_step(make_app, people, "react-and-voice")
    step = "react-and-voice"
    react = f"player.chat.react.{run_id(db_file)}.{step}"
    assert at.button(key=f"{react}.chat.reaction.heart").label == "❤️ heart"
    # a message instead of a reaction: the turn's otherwise, and a built-in word
    send(at, db_file, step, "So cute!")
    assert "is waiting for a reaction" in at.warning[0].value
    assert html("Léa would like a **reaction**") in feedback(at)
    # the wrong reaction, then the heart (it replaces the first one)
    click(at, f"{react}.chat.reaction.sad")
    assert "That's a reaction, well done!" in feedback(at)
    assert any("Your reaction: 😢 sad" in m.value for m in at.markdown)
    click(at, f"{react}.chat.reaction.heart")
    assert at.success[0].value.startswith("**That's it! Carry on.**")
    assert any("Your reaction: ❤️ heart" in m.value for m in at.markdown)
    click(at, f"{base(db_file, step)}.voice")
    assert at.success[0].value.startswith("**Well done!**")
    assert any("Voice message 0:05" in m.value for m in at.markdown)
    rows = attempts(db_file, step)
    assert [o for o, _ in rows] == ["wrong", "wrong", "partial", "correct"]
    assert rows[-1][1]["actions"] == [{"text": "So cute!"}, {"reaction": "😢"},
                                      {"reaction": "❤️"}, {"voice": True}]


def test_a_group_chat_in_a_pair_session(make_app, people, db_file):
    at = open_step(make_app, people, "family-group", who__junior=people["junior"])
    step = "family-group"
    assert any("Coach panel" in h.value for h in at.subheader)  # the junior is beside
    names = [w for w, _ in bubbles(at)]
    assert names == ["Paul", "Léa"]
    assert any("Members: Paul, Léa, Sam and you" in c.value for c in at.caption)
    send(at, db_file, step, "No, I can't")
    assert html("It's only practice, so say **yes** this time!") in feedback(at)
    click(at, f"{base(db_file, step)}.voice")  # the step's feedback speaks for every turn
    assert "The family would rather read it here." in feedback(at)
    send(at, db_file, step, "Yes, I'm coming!")
    assert [w for w, _ in bubbles(at)][-2:] == ["Léa", "Sam"]  # who spoke last replies
    click(at, f"{base(db_file, step)}.photo.0")
    send(at, db_file, step)  # a photo without the few words asked for
    assert "is waiting for a written message" in at.warning[0].value
    click(at, f"{base(db_file, step)}.photo.0")
    send(at, db_file, step, "Here it is!")
    assert at.success[0].value.startswith("**Well done!**")
    assert attempts(db_file, step)[-1][1]["actions"][-1] == {
        "photo": "media/chat/cake.jpg", "text": "Here it is!"}


def test_the_chat_in_french(make_app, people, db_file):
    at = make_app("player", who__senior=people["senior"], ui__lang="fr",
                  player__lesson="messagerie-bases/first-message")
    steps = ["what-is", "chat-screen", "where-type", "first-words", "chat-with-tom"]
    for _ in range(len(steps) - 1):
        click(at, next(b.key for b in at.button if b.key.startswith("player.next")))
    step = "chat-with-tom"
    assert box(at, db_file, step).label == "Votre message"
    assert at.button(key=f"{base(db_file, step)}.send").label == "Envoyer"
    assert at.button(key=f"{base(db_file, step)}.emoji.chat.emoji.thumbs_up").label \
        == "👍 pouce levé"
    send(at, db_file, step, "Oui !")
    assert at.success[0].value.startswith("**C'est ça\u202f! Continuez.**")
    click(at, f"{base(db_file, step)}.emoji.chat.emoji.flower")
    send(at, db_file, step)
    assert at.success[0].value.startswith("**Bravo\u202f!**")
    assert attempts(db_file, step)[-1][1] == {"actions": [{"text": "Oui !"}, {"text": "🌸"}]}
