"""The social practice app's engine: checking what the senior did, semantic checks, selftest."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.checking import check, solution_markdown
from curriculum.i18n import catalogue
from curriculum.model import SocialStep
from curriculum.model.social import SETTINGS
from curriculum.packs import load_catalogue
from curriculum.practice import social
from curriculum.practice import social_app as app
from curriculum.semantics import check_step

ROOT = Path(__file__).resolve().parents[2]


def step(**keys) -> SocialStep:
    return SocialStep.model_validate({"id": "s", "kind": "social", "prompt": "Do it.", **keys})


FEED = [
    {"id": "p1", "author": "Léa", "text": "Our new garden!", "image": "garden.png"},
    {"id": "p2", "author": "Free Prizes Now", "text": "You won an iPhone!",
     "sponsored": True, "scam": True},
    {"id": "p3", "author": "The bakery", "text": "Fresh bread", "sponsored": True},
    {"id": "p4", "author": "Health News", "text": "Lemons cure everything", "fake": True},
]

# the example, with feedback
POST = step(
    task="post", feed=FEED[:2], gallery=["garden.png", "cake.png"],
    expect={"text": {"min_words": 2}, "photo": {"equals": "garden.png"},
            "audience": {"equals": "friends"}},
    feedback=[{"when": {"audience": "public"}, "say": "Public means everyone."},
              {"when": {"photo": {"empty": True}}, "say": "Add the photo."}],
)
SPOT = step(task="spot", feed=FEED, expect={"flagged": {"equals": ["p2", "p4"]}},
            feedback=[{"when": {"flagged": {"contains": "p3"}}, "say": "An advert is fine."}],
            otherwise="Look again.")
REACT = step(task="react", feed=FEED[:2],
             expect={"liked": ["p1"], "commented": ["p1"], "comment": {"min_words": 2}},
             feedback=[{"when": {"liked": {"contains": "p2"}}, "say": "Not the scam!"}])
SETTINGS_STEP = step(task="settings", settings={"profile": "public", "tag_review": "off"},
                     expect={"profile": "friends", "tag_review": "on"},
                     feedback=[{"when": {"profile": "public"}, "say": "Still public."}])


def post(text="", photo=None, audience="public", **more):
    return {"action": "post", "text": text, "photo": photo, "audience": audience, **more}


@pytest.mark.parametrize(("answer", "status", "said"), [
    (post("My garden", "garden.png", "friends"), "correct", None),
    (post("  my   GARDEN ", "Garden.PNG", "friends"), "correct", None),
    (post("My garden", "garden.png", "public"), "wrong", "Public means everyone."),
    (post("My garden", None, "friends"), "wrong", "Add the photo."),
    (post("Garden", "garden.png", "friends"), "wrong", None),
    (post("My garden", "cake.png", "only-me"), "wrong", None),
    (post("", "garden.png", "friends"), "wrong", None),  # a photo alone is a real try
    (post("", None, "friends"), "invalid", None),
    (post("   ", None, "public"), "invalid", None),
    (post("x", None, "everyone"), "invalid", None),  # not an audience: unreadable
    ({"text": 3}, "invalid", None),
    ("My garden", "invalid", None),
    (None, "invalid", None),
])
def test_post(answer, status, said):
    out = check(POST, answer)
    assert out.status == status
    if said:
        assert out.feedback == (said,)
    if status == "wrong" and not said:
        assert out.notice == "check.wrong"


def test_an_empty_post_gets_the_blank_notice_not_unreadable():
    assert check(POST, post("", None, "friends")).notice == "social.blank_post"
    assert check(POST, [1, 2]).notice == "check.unreadable"


def spot(*flagged, liked=()):
    return {"action": "report", "flagged": list(flagged), "liked": list(liked)}


@pytest.mark.parametrize(("answer", "status", "rule"), [
    (spot("p2", "p4"), "correct", "expect"),
    (spot("p4", "p2"), "correct", "expect"),  # any order
    (spot("p2"), "partial", "partial"),  # right so far, one more to find
    (spot("p4"), "partial", "partial"),
    (spot("p2", "p3"), "wrong", "feedback[0]"),
    (spot("p1"), "wrong", "otherwise"),
    (spot("p1", "p2", "p4"), "wrong", "otherwise"),
    (spot(), "invalid", None),
    (spot(liked=["p1"]), "wrong", "otherwise"),  # pressed "finished" after a like only
])
def test_spot(answer, status, rule):
    out = check(SPOT, answer)
    assert (out.status, out.rule) == (status, rule)


def test_partial_spot_says_keep_looking_and_what_the_author_says():
    assert check(SPOT, spot("p2")).notice == "social.partial_spot"
    with_words = step(task="spot", feed=FEED, expect={"flagged": ["p2", "p4"]},
                      feedback=[{"when": {"flagged": ["p2"]}, "say": "One more!"}])
    out = check(with_words, spot("p2"))
    assert (out.status, out.feedback, out.rule) == ("partial", ("One more!",), "feedback[0]")


def react(liked=(), comments=()):
    state = app.new_state(REACT)
    for post_id in liked:
        state = app.toggle_like(state, post_id)
    for post_id, text in comments:
        state = app.add_comment(state, post_id, text)
    return app.answer(REACT, state, "comment")


@pytest.mark.parametrize(("answer", "status"), [
    (react(["p1"], [("p1", "What a lovely garden")]), "correct"),
    (react(["p1"]), "partial"),  # liked: now the comment
    (react([], [("p1", "Lovely garden")]), "partial"),
    (react(["p1"], [("p1", "Nice")]), "wrong"),  # a one-word comment
    (react(["p1", "p2"], [("p1", "Lovely garden")]), "wrong"),
    (react([], [("p2", "Is it true?")]), "wrong"),
    (react(), "invalid"),
])
def test_react(answer, status):
    assert check(REACT, answer).status == status


def test_react_feedback_for_liking_the_scam():
    assert check(REACT, react(["p2"])).feedback == ("Not the scam!",)


def settings(**values):
    return {"action": "save", **app.initial_settings(SETTINGS_STEP), **values}


@pytest.mark.parametrize(("answer", "status", "said"), [
    (settings(profile="friends", tag_review="on"), "correct", None),
    (settings(profile="friends", tag_review="on", location="off"), "correct", None),
    (settings(tag_review="on"), "wrong", "Still public."),
    (settings(profile="only-me", tag_review="on"), "wrong", None),
    (settings(), "invalid", None),  # saved without changing anything
    (settings(location="off"), "wrong", "Still public."),
    (settings(profile="nobody"), "invalid", None),  # not a value: unreadable
    ({"action": "save", "profile": "friends", "tag_review": "on"}, "correct", None),
])
def test_settings(answer, status, said):
    out = check(SETTINGS_STEP, answer)
    assert out.status == status
    if said:
        assert out.feedback == (said,)


def test_saving_unchanged_settings_is_blank_with_a_notice():
    assert check(SETTINGS_STEP, settings()).notice == "social.blank_settings"


def test_case_sensitive_text():
    strict = step(task="post", case_sensitive=True, expect={"text": {"contains": "Garden"}})
    assert check(strict, post("my Garden")).status == "correct"
    assert check(strict, post("my garden")).status == "wrong"


# --- semantic checks -----------------------------------------------------------------


def problems(s: SocialStep, folder: Path = ROOT / "lessons" / "social-media-basics"):
    return [(where, sev, msg) for where, sev, msg in social.problems(s, folder)]


@pytest.mark.parametrize(("keys", "where", "fragment"), [
    ({"task": "post", "expect": {"flagged": {"empty": True}}}, ("expect", "flagged"),
     "'flagged' is not a field of a social step with task: post ('flagged' belongs to task: spot)"),
    ({"task": "spot", "feed": FEED, "expect": {"flaged": ["p2"]}}, ("expect", "flaged"),
     "(did you mean 'flagged'?)"),
    ({"task": "settings", "expect": {"profil": "friends"}}, ("expect", "profil"),
     "(did you mean 'profile'?)"),
    ({"task": "spot", "feed": FEED, "expect": {"flagged": ["p2", "p5"]}},
     ("expect", "flagged", "equals", 1), "no post 'p5' in the feed"),
    ({"task": "react", "feed": FEED, "expect": {"liked": {"contains": "p9"}}},
     ("expect", "liked", "contains"), "no post 'p9'"),
    ({"task": "react", "feed": FEED, "expect": {"liked": ["p1"]},
      "feedback": [{"when": {"liked": {"not": {"contains": "px"}}}, "say": "x"}]},
     ("feedback", 0, "when", "liked", "not", "contains"), "no post 'px'"),
    ({"task": "post", "gallery": ["garden.png"], "expect": {"photo": "cake.png"}},
     ("expect", "photo", "equals"), "photo 'cake.png' is not in the gallery"),
    ({"task": "post", "expect": {"photo": "cake.png"}},
     ("expect", "photo", "equals"), "the gallery is empty"),
    ({"task": "post", "expect": {"audience": {"one_of": ["friends", "family"]}}},
     ("expect", "audience", "one_of", 1), "'family' is not an audience"),
    ({"task": "post", "expect": {"audience": {"equals": ["friends", "public"]}}},
     ("expect", "audience", "equals"), "'audience' holds one value: use one_of"),
    ({"task": "post", "expect": {"text": {"equals": ["a", "b"]}}},
     ("expect", "text", "equals"), "'equals' takes one text here"),
    ({"task": "settings", "expect": {"messages": "friend"}},
     ("expect", "messages", "equals"), "(did you mean 'friends'?); use one of: everyone"),
    ({"task": "post", "expect": {"text": {"regex": "(a"}}},
     ("expect", "text", "regex"), "bad regular expression"),
    ({"task": "react", "feed": [FEED[1], FEED[1]], "expect": {"liked": ["p2"]}},
     ("feed", 1, "id"), "duplicate post id 'p2'"),
    ({"task": "react", "feed": [{**FEED[0], "image": "gardn.png"}], "expect": {"liked": ["p1"]}},
     ("feed", 0, "image"), "image file 'media/gardn.png' does not exist (did you mean "
                           "'media/garden.png'?)"),
    ({"task": "post", "gallery": [{"src": "media/nope.png", "alt": "x"}],
      "expect": {"text": {"min_words": 1}}}, ("gallery", 0, "src"), "does not exist"),
    ({"task": "post", "gallery": ["garden.png", "garden.png"], "expect": {"text": "x"}},
     ("gallery", 1, "src"), "photo 'garden.png' is twice in the gallery"),
    ({"task": "react", "expect": {"liked": {"empty": True}}}, ("task",),
     "a react task needs posts"),
])
def test_errors(keys, where, fragment):
    found = [(w, m) for w, sev, m in problems(step(**keys)) if sev == "error"]
    assert any(w == where and fragment in m for w, m in found), found


@pytest.mark.parametrize(("keys", "where", "fragment"), [
    ({"task": "settings", "settings": {"profile": "friends"}, "expect": {"profile": "friends"}},
     ("expect",), "nothing to change"),
    ({"task": "spot", "feed": FEED, "expect": {"flagged": ["p2"]}}, ("feed", 3, "id"),
     "post 'p4' is marked fake but expect.flagged does not include it"),
    ({"task": "spot", "feed": FEED, "expect": {"flagged": ["p1", "p2", "p4"]}},
     ("feed", 0, "id"), "post 'p1' must be flagged but is not marked scam"),
    ({"task": "settings", "feed": FEED, "expect": {"profile": "friends"}}, ("feed",),
     "a settings task shows the settings, not the feed"),
    ({"task": "react", "feed": FEED[:1], "gallery": ["garden.png"], "expect": {"liked": ["p1"]}},
     ("gallery",), "only a post task shows the gallery"),
])
def test_warnings(keys, where, fragment):
    found = [(w, m) for w, sev, m in problems(step(**keys)) if sev == "warning"]
    assert any(w == where and fragment in m for w, m in found), found


def test_a_good_step_has_no_problem():
    assert problems(POST) == [] and problems(SPOT) == [] and problems(REACT) == []
    assert problems(SETTINGS_STEP) == []


def test_images_in_media_or_given_as_a_path():
    folder = ROOT / "lessons" / "social-media-basics"
    assert app.image_path("garden.png", folder) == "media/garden.png"
    assert app.image_path("media/garden.png", folder) == "media/garden.png"
    ok = step(task="post", gallery=["media/garden.png", {"src": "cake.png", "alt": "A cake"}],
              expect={"photo": "cake.png"})
    assert problems(ok) == []


def test_check_step_runs_the_social_checks():
    found = list(check_step(step(task="post", expect={"flagged": []}), ROOT))
    assert [sev for _, sev, _ in found] == ["warning", "error"]  # no hints; flagged


# --- selftest and the answer -----------------------------------------------------------


@pytest.mark.parametrize("s", [POST, SPOT, REACT, SETTINGS_STEP], ids=lambda s: s.task)
def test_selftest_passes_on_good_steps(s):
    results = list(social.selftest(s))
    assert len(results) >= 4
    assert all(ok for ok, _ in results), [m for ok, m in results if not ok]


def test_selftest_finds_a_step_nobody_can_pass():
    impossible = step(task="post", gallery=["garden.png"],
                      expect={"photo": {"equals": "garden.png", "empty": True}})
    assert [ok for ok, _ in social.selftest(impossible)] == [False]


def test_selftest_finds_feedback_that_never_speaks():
    silent = step(task="settings", expect={"profile": "friends"},
                  feedback=[{"when": {"profile": "only-me"}, "say": ""}])
    assert not all(ok for ok, _ in social.selftest(silent))


def test_right_answer_and_solution():
    assert social.right_answer(SPOT)["flagged"] == ["p2", "p4"]
    assert social.right_answer(SETTINGS_STEP)["profile"] == "friends"
    assert "Free Prizes Now" in solution_markdown(SPOT)
    assert "**friends**" in solution_markdown(SETTINGS_STEP)
    assert solution_markdown(POST.model_copy(update={"solution": "Do this."})) == "Do this."


def test_every_setting_and_value_has_words_in_both_languages():
    for lang in ("en", "fr"):
        words = catalogue(lang)
        for name, values in SETTINGS.items():
            assert f"social.set.{name}" in words
            for value in values:
                assert f"social.set.{name}.{value}" in words
                assert f"social.value.{value}" in words
        for notice in (*social.BLANK_NOTICE.values(), *social.PARTIAL_NOTICE.values()):
            assert notice in words
        for reason in app.REPORT_REASONS:
            assert f"social.reason.{reason}" in words


def test_the_bundled_social_steps_pass_selftest():
    cat = load_catalogue([ROOT / "lessons"])
    social_steps = [s for lp in cat.packs.values() for lesson in lp.lessons.values()
                    for s in lesson.steps if s.kind == "social"]
    assert len(social_steps) >= 4
    assert {s.task for s in social_steps} == {"post", "spot", "react", "settings"}
    for s in social_steps:
        assert all(ok for ok, _ in social.selftest(s)), s.id
