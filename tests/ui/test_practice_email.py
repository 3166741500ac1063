"""The email practice app under AppTest: the senior composes, replies, forwards and sorts
the inbox, right and wrong; the feedback shows; each attempt row holds what they did."""

from __future__ import annotations

from functools import partial
from html import unescape
from pathlib import Path

import pytest
import ui_practice
from ui_practice import attempts, click, ok, run_id

ROOT = Path(__file__).resolve().parents[2]
LESSON = "examples/practice-email"
STEPS = ["intro", "compose", "reply", "forward", "triage"]
open_step = partial(ui_practice.open_step, lesson=LESSON, steps=STEPS)


def app(db_file, step_id: str) -> str:
    return f"player.app.{run_id(db_file)}.{step_id}"


def texts(at) -> str:
    "Everything written on the page (Markdown, HTML blocks, notices, button labels)."
    parts = [m.value for m in at.markdown] + [unescape(h.proto.body) for h in at.get("html")]
    parts += [e.value for e in [*at.info, *at.success, *at.warning]]
    parts += [b.label for b in at.button]
    return "\n".join(parts)


def test_compose_wrong_then_right_with_an_attachment(make_app, people, db_file):
    at = open_step(make_app, people, "compose")
    a = app(db_file, "compose")
    assert "New email" in at.button(key=f"{a}.new").label
    click(at, f"{a}.new")
    at.text_input(key=f"{a}.to").input("sam@example.org")
    at.text_input(key=f"{a}.subject").input("Holiday")
    at.text_area(key=f"{a}.body").input("I miss you, Sam!")
    ok(at.run())
    click(at, f"{a}.send")  # forgot the photo
    assert at.warning[0].value.startswith("**Not quite yet.**")
    assert "Nearly there! Attach the photo" in texts(at)
    assert "Not sent yet" in texts(at)
    # the draft is still there to fix: attach the photo, as a senior would
    assert at.text_input(key=f"{a}.to").value == "sam@example.org"
    assert at.selectbox(key=f"{a}.pick").options == ["beach.jpg", "shopping-list.pdf"]
    ok(at.selectbox(key=f"{a}.pick").select("beach.jpg").run())
    assert at.button(key=f"{a}.remove.beach.jpg").label == "Remove beach.jpg"
    click(at, f"{a}.send")
    assert at.success[0].value.startswith("**Well done!**")
    assert "Sent to sam@example.org." in texts(at)
    rows = attempts(db_file, "compose")
    assert [o for o, _ in rows] == ["wrong", "correct"]
    assert rows[0][1]["attachments"] == []
    assert rows[1][1] == {
        "to": "sam@example.org", "cc": "", "subject": "Holiday", "body": "I miss you, Sam!",
        "attachments": ["beach.jpg"], "message": "", "opened": [], "replied": [],
        "deleted": [], "reported": []}


def test_a_blank_email_is_not_an_attempt(make_app, people, db_file):
    at = open_step(make_app, people, "compose")
    a = app(db_file, "compose")
    click(at, f"{a}.new")
    click(at, f"{a}.send")
    assert "Your email is empty" in at.info[-1].value  # the player's notice
    assert not at.warning and not at.success
    assert attempts(db_file, "compose") == []
    click(at, f"{a}.discard")  # back to the inbox
    assert at.button(key=f"{a}.new")


def test_reply_prefills_and_checks_the_message(make_app, people, db_file):
    at = open_step(make_app, people, "reply")
    a = app(db_file, "reply")
    rows = {m: at.button(key=f"{a}.open.{m}").label for m in ("m1", "m2", "m3")}
    assert rows["m1"].startswith("**Unread** · **Sam** · **Photos from Sunday** · "
                                 "attached file")
    assert not rows["m3"].startswith("**Unread**")  # already read: plain, no word
    assert "2 unread" in texts(at)
    click(at, f"{a}.open.m1")
    assert at.button(key=f"{a}.open.m1").label.startswith(
        "Sam · Photos from Sunday")
    assert "Here are the photos from the beach!" in texts(at)
    assert at.get("image"), "the attached picture is shown"
    click(at, f"{a}.reply.m1")
    assert at.text_input(key=f"{a}.to").value == "Sam <sam@example.org>"
    assert at.text_input(key=f"{a}.subject").value == "Re: Photos from Sunday"
    assert "Sam <sam@example.org> wrote:" in texts(at).replace("\\", "")
    click(at, f"{a}.send")  # an empty reply
    assert "Your reply is empty. Write a few words to Sam." in texts(at)
    ok(at.text_area(key=f"{a}.body").input("Thank you for the photos!").run())
    click(at, f"{a}.send")
    assert at.success[0].value.startswith("**Well done!**")
    (_, wrong), (_, right) = attempts(db_file, "reply")
    assert wrong["body"] == "" and right["body"] == "Thank you for the photos!"
    assert right["message"] == "m1" and right["opened"] == ["m1"]
    assert right["replied"] == ["m1"]


def test_replying_to_the_scam_gets_its_feedback_and_the_scam_is_never_revealed(
        make_app, people, db_file):
    at = open_step(make_app, people, "reply")
    a = app(db_file, "reply")
    click(at, f"{a}.open.m2")
    page = texts(at).replace("Report as scam", "")
    assert "scam" not in page.lower()
    # the link in the message shows its address and cannot be opened
    assert "Click here (<code>https://bank-alerts.example/unlock</code>)" in page
    assert 'href="https://bank-alerts' not in page
    click(at, f"{a}.reply.m2")
    ok(at.text_area(key=f"{a}.body").input("Thanks, I will click").run())
    click(at, f"{a}.send")
    assert "That is the message about the bank" in texts(at)
    assert attempts(db_file, "reply")[0][1]["message"] == "m2"


def test_forward_keeps_the_attachment_and_needs_an_address(make_app, people, db_file):
    at = open_step(make_app, people, "forward")
    a = app(db_file, "forward")
    click(at, f"{a}.open.photos")
    click(at, f"{a}.forward.photos")
    assert at.text_input(key=f"{a}.to").value == ""
    assert at.text_input(key=f"{a}.subject").value == "Fwd: Photos from Sunday"
    assert at.button(key=f"{a}.remove.beach.jpg")  # kept by Forward
    assert "Forwarded message" in texts(at)
    click(at, f"{a}.send")  # no address: a built-in notice beside the author's advice
    assert "There is no address in **To**" in at.warning[0].value
    ok(at.text_input(key=f"{a}.to").input("paul@example.org").run())
    click(at, f"{a}.send")
    assert at.success[0].value.startswith("**Well done!**")
    assert [o for o, _ in attempts(db_file, "forward")] == ["wrong", "correct"]
    assert attempts(db_file, "forward")[1][1]["attachments"] == ["beach.jpg"]


def test_triage_report_undo_and_finish(make_app, people, db_file):
    at = open_step(make_app, people, "triage", who__junior=people["junior"])
    a = app(db_file, "triage")
    click(at, f"{a}.finish")  # nothing done yet: a gentle notice, no attempt
    assert "Nothing done yet" in at.info[-1].value
    click(at, f"{a}.open.sam")
    click(at, f"{a}.report.sam")  # a slip...
    assert "Reported as a scam and taken out of your inbox: Sunday lunch?" in texts(at)
    assert f"{a}.open.sam" not in [b.key for b in at.button]
    click(at, f"{a}.finish")
    assert "Keep it!" in texts(at)
    click(at, f"{a}.undo")  # ...undone
    assert f"{a}.open.sam" in [b.key for b in at.button]
    click(at, f"{a}.open.bank")
    click(at, f"{a}.report.bank")
    click(at, f"{a}.finish")
    assert at.success[0].value.startswith("**Well done!**")
    rows = attempts(db_file, "triage")
    assert [o for o, _ in rows] == ["wrong", "correct"]
    assert rows[1][1]["reported"] == ["bank"] and rows[1][1]["opened"] == ["sam", "bank"]
    assert rows[0][1]["reported"] == ["sam"]


def test_triage_reply_is_sent_into_the_inbox_state(make_app, people, db_file):
    at = open_step(make_app, people, "triage")
    a = app(db_file, "triage")
    click(at, f"{a}.open.sam")
    click(at, f"{a}.reply.sam")
    ok(at.text_input(key=f"{a}.to").input("").run())
    click(at, f"{a}.send")  # a real client refuses an email without an address
    assert "There is no address in **To**" in texts(at)
    ok(at.text_input(key=f"{a}.to").input("sam@example.org").run())
    ok(at.text_area(key=f"{a}.body").input("Yes, see you on Sunday!").run())
    click(at, f"{a}.send")
    assert "Sent to sam@example.org." in texts(at)
    click(at, f"{a}.open.bank")
    click(at, f"{a}.delete.bank")
    click(at, f"{a}.finish")
    assert "also warns your mail provider" in texts(at)
    (_, answer), = attempts(db_file, "triage")
    assert answer["replied"] == ["sam"] and answer["deleted"] == ["bank"]
    assert answer["body"] == "Yes, see you on Sunday!" and answer["message"] == "sam"


def test_the_app_speaks_french(make_app, people, db_file):
    at = open_step(make_app, people, "reply", ui__lang="fr")
    a = app(db_file, "reply")
    assert "Nouveau message" in at.button(key=f"{a}.new").label
    assert at.button(key=f"{a}.open.m1").label.startswith("**Non lu**")
    click(at, f"{a}.open.m1")
    assert "Répondre" in at.button(key=f"{a}.reply.m1").label
    assert "Signaler comme arnaque" in at.button(key=f"{a}.report.m1").label
    click(at, f"{a}.reply.m1")
    # the pack is in English: its mail client says "Re:"
    assert at.text_input(key=f"{a}.subject").value == "Re: Photos from Sunday"
    assert at.text_input(key=f"{a}.to").label == "À\u00a0:"


def test_start_again_brings_the_inbox_back(make_app, people, db_file):
    at = open_step(make_app, people, "triage")
    a = app(db_file, "triage")
    click(at, f"{a}.open.bank")
    click(at, f"{a}.delete.bank")
    assert f"{a}.open.bank" not in [b.key for b in at.button]
    click(at, f"{a}.restart")
    assert f"{a}.open.bank" in [b.key for b in at.button]
    assert at.button(key=f"{a}.open.bank").label.startswith("**Unread**")
    click(at, f"{a}.finish")  # nothing done since: not an attempt
    assert attempts(db_file, "triage") == []


def test_a_french_pack_replies_with_re_and_checks_in_french(make_app, people, db_file):
    from curriculum.packs import load_catalogue

    ref = "courriel-bases/reply-forward"
    lesson = load_catalogue([ROOT / "lessons"]).lesson(*ref.split("/"))
    at = make_app("player", who__senior=people["senior"], player__lesson=ref, ui__lang="fr")
    for _ in range(lesson.index_of("practice-reply")):
        click(at, next(b.key for b in at.button if b.key.startswith("player.next")))
    a = app(db_file, "practice-reply")
    assert at.button(key=f"{a}.open.anne").label.startswith("**Non lu** · **Anne Martin**")
    click(at, f"{a}.open.anne")
    click(at, f"{a}.reply.anne")
    assert at.text_input(key=f"{a}.subject").value == \
        "RE : Pourriez-vous me remplacer à l’accueil vendredi\u202f?"
    ok(at.text_area(key=f"{a}.body").input("Oui, bien sûr ! Avec plaisir.").run())
    click(at, f"{a}.send")
    assert at.success[0].value.startswith("**Bravo\u202f!**")
    (outcome, answer), = attempts(db_file, "practice-reply")
    assert outcome == "correct" and answer["to"] == "Anne Martin <anne.martin@example.org>"


@pytest.mark.parametrize(("lang", "title", "words"), [
    ("en", "What is Cc?", "Cc means “copy”."),
    ("fr", "Cc\u00a0: qu’est-ce que c’est\u202f?", "Cc veut dire «\u00a0copie\u00a0»."),
])
def test_cc_is_explained_in_the_pages_language(make_app, people, db_file, lang, title, words):
    "Our own box, not a tooltip: Streamlit names a tooltip 'Help for …' in English."
    at = open_step(make_app, people, "compose", ui__lang=lang)
    a = app(db_file, "compose")
    click(at, f"{a}.new")
    box, = (e for e in at.expander if e.label == title)
    assert box.markdown[0].value.startswith(words)
    assert not at.text_input(key=f"{a}.cc").help
