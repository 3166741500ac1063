"""The social practice app's state: what each action does, and the answer it sends."""

from __future__ import annotations

import json

from curriculum.model import SocialStep
from curriculum.model.social import SETTING_DEFAULTS, Photo
from curriculum.practice import social_app as app


def step(**keys) -> SocialStep:
    return SocialStep.model_validate({"id": "s", "kind": "social", "prompt": "Do it.",
                                      "expect": {"liked": {"empty": True}}, **keys})


FEED = [{"id": "p1", "author": "Léa", "text": "Hi"}, {"id": "p2", "author": "Sam", "text": "Yo"}]
REACT = step(task="react", feed=FEED)


def test_a_new_state_is_empty_with_the_step_settings():
    s = step(task="settings", settings={"profile": "friends"}, expect={"profile": "only-me"})
    state = app.new_state(s)
    assert state["settings"] == {**SETTING_DEFAULTS, "profile": "friends"}
    assert (state["liked"], state["comments"], state["reports"], state["posts"]) == \
        ([], [], {}, [])
    json.dumps(state)  # what the session keeps and the attempt records is JSON


def test_the_composer_starts_with_the_posts_setting():
    assert app.start_audience(step(task="post")) == "public"
    assert app.start_audience(step(task="post", settings={"posts": "friends"})) == "friends"


def test_actions_never_change_the_state_they_are_given():
    state = app.new_state(REACT)
    app.toggle_like(state, "p1")
    app.add_comment(state, "p1", "Nice")
    app.report(state, "p2", "scam")
    app.publish(state, "Hello", None, "friends")
    assert state == app.new_state(REACT)


def test_like_toggles():
    state = app.toggle_like(app.new_state(REACT), "p1")
    state = app.toggle_like(state, "p2")
    assert state["liked"] == ["p1", "p2"]
    assert app.toggle_like(state, "p1")["liked"] == ["p2"]


def test_comments_are_trimmed_and_blank_ones_dropped():
    state = app.add_comment(app.new_state(REACT), "p1", "  Lovely!  ")
    state = app.add_comment(state, "p1", "   ")
    state = app.add_comment(state, "p2", "Welcome back")
    answer = app.answer(REACT, state, "comment")
    assert answer["commented"] == ["p1", "p2"]
    assert answer["comment"] == "Lovely!\nWelcome back"
    assert answer["comments"] == [{"post": "p1", "text": "Lovely!"},
                                  {"post": "p2", "text": "Welcome back"}]


def test_reports_keep_their_order_and_reason_and_can_be_undone():
    s = step(task="spot", feed=FEED, expect={"flagged": ["p2"]})
    state = app.report(app.new_state(s), "p2", "scam")
    state = app.report(state, "p1", "nonsense")
    assert state["reports"] == {"p2": "scam", "p1": "other"}
    answer = app.answer(s, state, "report")
    assert answer["flagged"] == ["p2", "p1"]
    assert answer["reasons"] == {"p2": "scam", "p1": "other"}
    assert app.answer(s, app.undo_report(state, "p1"), "report")["flagged"] == ["p2"]


def test_posts_go_on_top_and_can_be_taken_back():
    s = step(task="post", expect={"text": {"min_words": 1}})
    state = app.publish(app.new_state(s), " First ", None, "friends")
    state = app.publish(state, "Second", "garden.png", "nobody")  # unknown: public
    assert [(p["id"], p["text"], p["audience"]) for p in state["posts"]] == \
        [("mine-2", "Second", "public"), ("mine-1", "First", "friends")]
    answer = app.answer(s, state, "post")
    assert (answer["text"], answer["photo"], answer["audience"]) == \
        ("Second", "garden.png", "public")
    back, post = app.unpublish(state, "mine-2")
    assert post["text"] == "Second" and [p["id"] for p in back["posts"]] == ["mine-1"]
    assert app.unpublish(state, "nope") == (state, None)
    assert app.publish(back, "Third", None, "only-me")["posts"][0]["id"] == "mine-2"


def test_a_post_answer_before_posting_is_blank():
    s = step(task="post", settings={"posts": "only-me"}, expect={"text": {"min_words": 1}})
    assert app.answer(s, app.new_state(s), "post") == {
        "action": "post", "text": "", "photo": None, "audience": "only-me", "liked": [],
        "commented": [], "comment": "", "comments": []}


def test_saved_settings_keep_only_known_values():
    s = step(task="settings", expect={"profile": "friends"})
    state = app.save_settings(app.new_state(s), {"profile": "friends", "location": "maybe",
                                                 "colour": "blue"})
    answer = app.answer(s, state, "save")
    assert answer["profile"] == "friends" and answer["location"] == "on"
    assert "colour" not in answer and answer["action"] == "save"


def test_photo_words():
    assert app.photo_alt("media/garden-party.jpg") == "Garden party"
    assert app.photo_alt("garden.png", "Léa's garden") == "Léa's garden"
    assert app.photo_alt(Photo(src="x.png", alt="A cat")) == "A cat"
    s = step(task="post", gallery=["garden.png", {"src": "cat.png", "alt": "A cat"}],
             expect={"photo": "cat.png"})
    assert app.gallery_srcs(s) == ["garden.png", "cat.png"]
    assert app.gallery_alt(s, "cat.png") == "A cat"
    assert app.gallery_alt(s, "garden.png") == "Garden"
