"""The social practice app under AppTest: the senior posts, reports, likes, comments and
saves settings, right and wrong, sees the feedback, and the attempts hold what they did."""

from __future__ import annotations

import json
import sqlite3

import pytest

LESSON = "examples/practice-social"


def widget(items, what: str):
    "The widget whose key is player.social.<what>.<run>.<step> (what may name a post)."
    found = [w for w in items if w.key and w.key.startswith(f"player.social.{what}.")]
    assert found, f"no widget player.social.{what}.*: {[w.key for w in items]}"
    return found[0]


def press(at, what: str):
    widget(at.button, what).click().run()
    assert not at.exception, at.exception
    return at


def send_comment(at, post_id: str, text: str):
    press(at, f"comment.{post_id}")
    widget(at.text_input, f"ctext.{post_id}").input(text)
    form = next(b for b in at.button
                if b.key and b.key.startswith(f"FormSubmitter:player.social.cform.{post_id}."))
    form.click().run()
    assert not at.exception, at.exception


def open_step(make_app, people, step_id: str, **state):
    at = make_app("player", who__senior=people["senior"], player__lesson=LESSON, **state)
    for _ in range(6):
        if any(b.key == f"player.next.{step_id}" for b in at.button):
            return at
        next(b for b in at.button if b.key and b.key.startswith("player.next.")).click().run()
    raise AssertionError(f"step {step_id} not found")


def attempts(db_file) -> list[tuple[str, str, dict]]:
    with sqlite3.connect(db_file) as conn:
        rows = conn.execute("select step_id, outcome, answer from attempts order by id")
        return [(s, o, json.loads(a)) for s, o, a in rows]


def warning(at) -> str:
    return " ".join(w.value for w in at.warning)


def page_text(at) -> str:
    return " ".join([*(m.value for m in at.markdown), *(c.value for c in at.caption),
                     *(h.proto.body for h in at.get("html"))])


def test_post_with_the_wrong_audience_then_change_it(make_app, people, db_file):
    at = open_step(make_app, people, "share-garden")
    assert widget(at.radio, "audience").value == "public"  # the step's `posts` setting
    assert "Sponsored" in page_text(at)
    widget(at.text_area, "text").input("Look at my garden in bloom")
    press(at, "gallery")
    assert [b.label for b in at.button if b.key and ".pick." in b.key] == \
        ["Choose this photo"] * 3
    press(at, "pick.0")
    assert "Your garden with its flowers" in page_text(at)
    press(at, "post")
    assert warning(at).startswith("**Not quite yet.**")
    assert "means anyone, strangers too." in page_text(at)
    assert "Look at my garden in bloom" in page_text(at)  # the post is in the feed
    assert widget(at.text_area, "text").value == ""  # and the composer is empty again
    step, outcome, answer = attempts(db_file)[-1]
    assert (step, outcome) == ("share-garden", "wrong")
    assert answer["audience"] == "public" and answer["photo"] == "media/social/garden.png"
    assert answer["text"] == "Look at my garden in bloom" and answer["action"] == "post"

    press(at, "change.mine-1")  # back into the composer, photo included
    assert widget(at.text_area, "text").value == "Look at my garden in bloom"
    assert not at.warning  # the old feedback went with the old post
    widget(at.radio, "audience").set_value("friends").run()
    press(at, "post")
    assert at.success[0].value.startswith("**Well done!**")
    assert "Friends" in page_text(at)
    assert widget(at.button, "post").disabled
    assert [(o, a["audience"]) for _, o, a in attempts(db_file)] == \
        [("wrong", "public"), ("correct", "friends")]


def test_an_empty_post_is_not_posted_nor_counted(make_app, people, db_file):
    at = open_step(make_app, people, "share-garden")
    press(at, "post")
    assert at.info[-1].value == ("Your post is empty. Write a few words or add a photo, "
                                 "then press Post.")
    assert not any(b.key and ".change." in b.key for b in at.button)
    assert attempts(db_file) == []


def test_spot_the_scam_and_the_false_news(make_app, people, db_file):
    at = open_step(make_app, people, "spot-scams")
    press(at, "done")
    assert at.info[-1].value.startswith("Look at each post.")
    press(at, "report.p2")
    widget(at.radio, "reason.p2").set_value("scam").run()
    press(at, "sendreport.p2")
    assert "Well spotted! Keep looking" in \
        at.success[0].value
    assert "You reported this post by Free Prizes Now" in page_text(at)
    press(at, "report.p3")  # the bakery's advert is not a scam
    press(at, "sendreport.p3")
    assert "means paid, not dangerous" in page_text(at)
    press(at, "undo.p3")
    assert not at.warning
    press(at, "report.p4")
    widget(at.radio, "reason.p4").set_value("false").run()
    press(at, "sendreport.p4")
    assert at.success[0].value.startswith("**Well done!**")
    rows = attempts(db_file)
    assert [o for _, o, _ in rows] == ["partial", "wrong", "correct"]
    assert rows[-1][2]["flagged"] == ["p2", "p4"]
    assert rows[-1][2]["reasons"] == {"p2": "scam", "p4": "false"}


def test_like_and_comment(make_app, people, db_file):
    at = open_step(make_app, people, "like-and-comment")
    assert widget(at.button, "like.cat").label == "Like"
    assert "5 likes" in page_text(at)
    press(at, "like.cat")
    assert widget(at.button, "like.cat").label == "Liked"
    assert "6 likes" in page_text(at)
    assert "Good, that part is done" in at.success[0].value
    send_comment(at, "cat", "Nice")
    assert "Write a few more words to Léa" in page_text(at)
    assert "**You**: Nice" in page_text(at)
    send_comment(at, "cat", "What a lovely cat!")
    assert at.success[0].value.startswith("**Well done!**")
    rows = attempts(db_file)
    assert [o for _, o, _ in rows] == ["partial", "wrong", "correct"]
    assert rows[-1][2]["comments"] == [{"post": "cat", "text": "Nice"},
                                       {"post": "cat", "text": "What a lovely cat!"}]
    assert rows[-1][2]["liked"] == ["cat"]


def test_privacy_settings(make_app, people, db_file):
    at = open_step(make_app, people, "privacy-settings")
    shown = [r.key.split(".")[3] for r in at.radio if r.key and ".set." in r.key]
    assert shown == ["profile", "tag_review", "location"]
    assert widget(at.radio, "set.profile").value == "public"
    assert list(widget(at.radio, "set.profile").proto.captions) == \
        ["Anyone, also strangers.", "Only your friends.", "Nobody but you."]
    press(at, "save")
    assert at.info[-1].value.startswith("Nothing has changed yet.")
    widget(at.radio, "set.profile").set_value("friends").run()
    press(at, "save")
    assert "Turn the check of tagged posts" in page_text(at)
    widget(at.radio, "set.tag_review").set_value("on").run()
    press(at, "save")
    assert at.success[0].value.startswith("**Well done!**")
    rows = attempts(db_file)
    assert [o for _, o, _ in rows] == ["wrong", "correct"]
    assert rows[-1][2]["profile"] == "friends" and rows[-1][2]["tag_review"] == "on"
    assert rows[-1][2]["location"] == "on"


@pytest.mark.parametrize(("lang", "post", "like"),
                         [("en", "Post", "Like"),
                          ("fr", "Publier", "J'aime")])
def test_the_app_speaks_the_interface_language(make_app, people, lang, post, like):
    at = open_step(make_app, people, "share-garden", ui__lang=lang)
    assert widget(at.button, "post").label == post
    assert widget(at.button, "like.p1").label == like


def test_show_the_answer_shows_the_solution(make_app, people):
    at = open_step(make_app, people, "share-garden")
    next(b for b in at.button if b.key and b.key.startswith("player.answer_btn.")).click().run()
    assert "add the <strong>garden</strong> photo, choose <strong>Friends</strong>" in page_text(at)


@pytest.mark.parametrize(("lang", "title", "words"), [
    ("en", "What does “Sponsored” mean?", "A company paid for this post"),
    ("fr", "Sponsorisé\u00a0: qu’est-ce que c’est\u202f?", "Une entreprise a payé"),
])
def test_sponsored_is_explained_in_the_pages_language(make_app, people, lang, title, words):
    at = open_step(make_app, people, "spot-scams", ui__lang=lang)
    boxes = [e for e in at.expander if e.label == title]
    assert len(boxes) == 2  # the two sponsored posts of the feed
    assert boxes[0].markdown[0].value.startswith(words)
