"""The chat engine (pure): the model, replaying a transcript, checking, selftest, answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from curriculum.i18n import catalogue
from curriculum.model import ChatStep, Lesson
from curriculum.practice import chat
from curriculum.practice.chat import check, read_actions, replay, solution_markdown
from curriculum.practice.chat_selftest import correct_actions, sample_action, selftest
from curriculum.semantics import check_step

ROOT = Path(__file__).resolve().parents[2]

# The example of the issue that specifies the practice apps, exactly as written there.
SPEC_EXAMPLE = """\
- id: thumbs-up
  kind: chat
  contact: {name: Sam, avatar: "👦"}      # or group: {name: Family, members: [Sam, Léa]}
  gallery: [cake.jpg, garden.jpg]          # photos the senior can attach
  script:
    - says: Hi Gran! Send me a thumbs up if you can read this.
    - expect: {text: {contains_any: ["👍", thumbs up]}}
      hints: [Press the smiley button and pick the 👍.]
      reply: Lovely!
    - says: Can you send me the photo of the cake?
    - expect: {photo: {equals: cake.jpg}}
      reply: Yum, thank you!
"""


def spec() -> ChatStep:
    return ChatStep.model_validate(yaml.safe_load(SPEC_EXAMPLE)[0])


def step(**keys) -> ChatStep:
    data = {"id": "s", "kind": "chat", "contact": {"name": "Sam"}, **keys}
    return ChatStep.model_validate(data)


def answer(*actions: dict) -> dict:
    return {"actions": list(actions)}


THUMB, CAKE, GARDEN = {"text": "👍"}, {"photo": "cake.jpg"}, {"photo": "garden.jpg"}


# --- the model ------------------------------------------------------------------------


def test_the_spec_example_validates_as_written_with_no_problem(tmp_path: Path) -> None:
    s = spec()
    assert s.prompt == ""  # a chat step needs no prompt: the contact says what to do
    assert s.contact is not None and (s.contact.name, s.contact.avatar) == ("Sam", "👦")
    assert [p.file for p in s.gallery] == ["cake.jpg", "garden.jpg"]
    assert s.turns_expecting == [1, 3]
    assert list(check_step(s, tmp_path)) == []  # turn hints count as the step's hints


def test_the_spec_example_in_a_lesson_validates() -> None:
    lesson = Lesson.model_validate({"id": "l", "title": "T", "goal": "G",
                                    "steps": yaml.safe_load(SPEC_EXAMPLE)})
    assert lesson.steps[0].kind == "chat"


def test_a_group_gallery_entries_and_from() -> None:
    s = ChatStep.model_validate({
        "id": "g", "kind": "chat", "group": {"name": "Family", "members": ["Paul", "Léa"]},
        "gallery": ["a.jpg", {"file": "media/b.jpg", "alt": "The garden"}],
        "script": [{"from": "Léa", "says": "Hi"}, {"says": "Who?"}, {"expect": {"voice": True}}],
    })
    assert s.group is not None and s.group.avatar == "👥"
    assert s.photo("media/b.jpg").alt == "The garden"
    assert [s.speaker(0), s.speaker(1), s.speaker(2)] == ["Léa", "Paul", "Paul"]
    assert s.script[2].expect["voice"].equals == "true"  # a bare value means equals


@pytest.mark.parametrize("bad", [
    {"script": []},
    {"script": [{"says": "Hi", "sayz": "typo"}]},
    {"contact": {"name": "Sam", "phone": "123"}, "script": [{"says": "Hi"}]},
    {"expect": {"text": "hi"}, "script": [{"says": "Hi"}]},  # no step-level expect
])
def test_what_the_model_refuses(bad: dict) -> None:
    with pytest.raises(ValueError):
        ChatStep.model_validate({"id": "s", "kind": "chat", "contact": {"name": "Sam"}, **bad})


# --- reading a transcript -------------------------------------------------------------


@pytest.mark.parametrize("bad", [
    None, "👍", [], {"actions": "👍"}, {"actions": ["👍"]}, {"actions": [{"sticker": "x"}]},
    {"actions": [{"text": 3}]}, {"actions": [{"voice": "yes"}]},
])
def test_unreadable_answers_are_invalid(bad) -> None:
    assert read_actions(bad) is None
    assert check(spec(), bad).status == "invalid"
    assert check(spec(), bad).notice == "check.unreadable"


@pytest.mark.parametrize("actions", [[], [{"text": "   "}], [THUMB, {"text": ""}], [{}]])
def test_nothing_sent_is_not_an_attempt(actions) -> None:
    out = check(spec(), answer(*actions))
    assert (out.status, out.notice, out.counts) == ("invalid", "chat.nothing_sent", False)


# --- checking, turn by turn -------------------------------------------------------------


@pytest.mark.parametrize(("actions", "status", "rule", "notice"), [
    ([THUMB], "partial", "script[1].expect", "chat.read_next"),
    ([{"text": "Thumbs up, Sam!"}], "partial", "script[1].expect", "chat.read_next"),
    ([{"text": "👍🏽"}], "partial", "script[1].expect", "chat.read_next"),  # a skin tone
    ([{"text": "hello"}], "wrong", "script[1].otherwise", "check.wrong"),
    ([{"reaction": "👍"}], "wrong", "script[1].otherwise", "chat.wants_text"),
    ([CAKE], "wrong", "script[1].otherwise", "chat.wants_text"),
    ([THUMB, CAKE], "correct", "script[3].expect", "check.correct"),
    ([THUMB, {"photo": "cake.jpg", "text": "Here!"}], "correct", "script[3].expect",
     "check.correct"),
    ([THUMB, GARDEN], "wrong", "script[3].otherwise", "chat.other_photo"),
    ([THUMB, {"text": "here"}], "wrong", "script[3].otherwise", "chat.wants_photo"),
    ([THUMB, {"voice": True}], "wrong", "script[3].otherwise", "chat.wants_photo"),
    ([{"text": "hi"}, THUMB, GARDEN, CAKE], "correct", "script[3].expect", "check.correct"),
    ([THUMB, CAKE, {"text": "bye"}], "correct", "script", "check.correct"),
])
def test_the_latest_action_is_judged_on_the_turn_waiting_for_it(actions, status, rule,
                                                                 notice) -> None:
    out = check(spec(), answer(*actions))
    assert (out.status, out.rule, out.notice) == (status, rule, notice)


def test_replay_shows_the_reply_and_the_next_message_once_a_turn_is_right() -> None:
    s = spec()
    start = replay(s, [])
    assert [(b.mine, b.text) for b in start.bubbles] == [
        (False, "Hi Gran! Send me a thumbs up if you can read this.")]
    assert start.turn == 1 and not start.done
    wrong = replay(s, [{"text": "hello"}])
    assert [(b.mine, b.text) for b in wrong.bubbles][1:] == [(True, "hello")]
    assert wrong.turn == 1 and wrong.last == "wrong"
    right = replay(s, [{"text": "hello"}, THUMB])
    assert [(b.mine, b.text) for b in right.bubbles][2:] == [
        (True, "👍"), (False, "Lovely!"), (False, "Can you send me the photo of the cake?")]
    assert right.turn == 3
    done = replay(s, [THUMB, CAKE])
    assert done.done and done.bubbles[-2].photo == "cake.jpg"
    assert done.bubbles[-1].text == "Yum, thank you!"


def test_a_reaction_goes_on_the_contacts_last_message_and_may_be_named_in_words() -> None:
    s = step(script=[{"says": "Look!", "photo": "cat.jpg"}, {"says": "Cute?"},
                     {"expect": {"reaction": "heart"}, "reply": "😍"}])
    assert check(s, answer({"reaction": "❤️"})).status == "correct"
    assert check(s, answer({"reaction": "❤"})).status == "correct"  # no variation selector
    wrong = check(s, answer({"reaction": "😢"}))
    assert (wrong.status, wrong.notice) == ("wrong", "chat.other_reaction")
    played = replay(s, [{"reaction": "😢"}, {"reaction": "❤️"}])
    assert [b.reaction for b in played.bubbles] == [None, "❤️", None]  # replaced, on "Cute?"
    assert not any(b.mine for b in played.bubbles)
    by_emoji = step(script=[{"says": "Hi"}, {"expect": {"reaction": {"one_of": ["👍", "😂"]}}}])
    assert check(by_emoji, answer({"reaction": "😂"})).status == "correct"
    assert check(by_emoji, answer({"reaction": "❤️"})).status == "wrong"


def test_voice_and_a_photo_with_words() -> None:
    s = step(gallery=["cake.jpg"], script=[
        {"says": "Hi"}, {"expect": {"voice": True}},
        {"expect": {"photo": "cake.jpg", "text": {"min_words": 2}}}])
    assert check(s, answer({"voice": True})).status == "partial"
    assert check(s, answer({"text": "hello"})).notice == "chat.wants_voice"
    alone = check(s, answer({"voice": True}, {"photo": "cake.jpg"}))
    assert (alone.status, alone.notice) == ("wrong", "chat.wants_text")
    both = check(s, answer({"voice": True}, {"photo": "cake.jpg", "text": "Here it is"}))
    assert both.status == "correct"


FEEDBACK = step(
    gallery=["cake.jpg", "cat.jpg"],
    script=[
        {"says": "Send me the cake!"},
        {"expect": {"photo": "cake.jpg"},
         "feedback": [{"when": {"photo": "cat.jpg"}, "say": "That's the cat!"}],
         "otherwise": "The **cake**, please."},
        {"says": "And a word?"},
        {"expect": {"text": {"contains": "love"}}},
    ],
    feedback=[{"when": {"voice": True}, "say": "Write it, please."}],
    otherwise="Read the last message again.",
)


@pytest.mark.parametrize(("actions", "feedback", "rule"), [
    ([{"photo": "cat.jpg"}], "That's the cat!", "script[1].feedback[0]"),
    ([{"voice": True}], "Write it, please.", "feedback[0]"),  # the step's, for every turn
    ([{"text": "cake"}], "The **cake**, please.", "script[1].otherwise"),
    ([{"photo": "cake.jpg"}, {"text": "hi"}], "Read the last message again.", "otherwise"),
    ([{"photo": "cake.jpg"}, {"voice": True}], "Write it, please.", "feedback[0]"),
])
def test_feedback_order_turn_then_step_then_otherwise(actions, feedback, rule) -> None:
    out = check(FEEDBACK, answer(*actions))
    assert (out.status, out.feedback, out.rule) == ("wrong", (feedback,), rule)


def test_case_and_accents_follow_the_step() -> None:
    loose = step(script=[{"says": "Say café"}, {"expect": {"text": {"equals": "Café"}}}])
    assert check(loose, answer({"text": "cafe"})).status == "correct"
    strict = step(accent_sensitive=True, case_sensitive=True,
                  script=[{"says": "Say café"}, {"expect": {"text": {"equals": "Café"}}}])
    assert check(strict, answer({"text": "cafe"})).status == "wrong"
    assert check(strict, answer({"text": "Café"})).status == "correct"


# --- selftest and the answer shown ----------------------------------------------------


def test_selftest_passes_on_the_spec_example() -> None:
    results = list(selftest(spec()))
    assert results and all(ok for ok, _ in results), [m for ok, m in results if not ok]
    assert len(results) >= 8


def test_selftest_catches_a_turn_no_answer_can_be_derived_for() -> None:
    s = step(script=[{"says": "Hi"}, {"expect": {"text": {"regex": "^[0-9]{4}$"}}}])
    assert any(not ok and "turn 2" in msg for ok, msg in selftest(s))


def test_selftest_catches_a_turn_whose_wrong_tries_get_no_feedback() -> None:
    s = step(script=[{"says": "Hi"}, {"expect": {"text": {"min_words": 1}}}],
             feedback=[{"when": {"text": {"contains": "zzzz"}}, "say": ""}])
    assert all(ok for ok, _ in selftest(s))  # a built-in notice still speaks


@pytest.mark.parametrize(("rules", "action"), [
    ({"text": {"contains_any": ["👍", "thumbs up"]}}, {"text": "👍"}),
    ({"photo": {"equals": "cake.jpg"}}, {"photo": "cake.jpg"}),
    ({"reaction": {"equals": "heart"}}, {"reaction": "❤️"}),
    ({"reaction": {"empty": False}}, {"reaction": "❤️"}),
    ({"voice": {"equals": "true"}}, {"voice": True}),
    ({"photo": {"equals": "cake.jpg"}, "text": {"min_words": 2}},
     {"photo": "cake.jpg", "text": "word word"}),
    ({}, {"text": "Hello"}),
])
def test_sample_actions_are_derived_from_the_rules(rules, action) -> None:
    s = step(gallery=["garden.jpg", "cake.jpg"], script=[{"says": "Hi"}, {"expect": rules}])
    assert sample_action(s, s.script[1].expect) == action


def test_the_answer_is_derived_when_no_solution_is_written() -> None:
    assert correct_actions(spec()) == [THUMB, CAKE]
    assert solution_markdown(spec()) == "1. 💬 «👍»\n2. 📎 📷 **cake.jpg**"
    assert solution_markdown(step(solution="Do it.", script=[{"says": "x"}])) == "Do it."


# --- every built-in message exists in both languages ----------------------------------


NOTICES = ["chat.nothing_sent", "chat.read_next", "chat.wants_text", "chat.wants_photo",
           "chat.wants_voice", "chat.wants_reaction", "chat.other_photo", "chat.other_reaction"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_notices_and_emoji_words_are_in_the_catalogues(lang: str) -> None:
    from curriculum.ui.widgets.practice.chat import EMOJIS, REACTION_WORDS

    words = catalogue(lang)
    keys = [*NOTICES, *(k for _, k in EMOJIS), *REACTION_WORDS.values()]
    assert [k for k in keys if k not in words] == []
    assert list(REACTION_WORDS) == list(chat.REACTIONS)  # the app offers the engine's set


# --- the bundled lessons --------------------------------------------------------------


def chat_steps() -> list[tuple[str, ChatStep]]:
    from curriculum.packs import load_catalogue

    cat = load_catalogue([ROOT / "lessons"])
    return [(f"{p}/{lid}#{s.id}", s) for p, lp in cat.packs.items()
            for lid, lesson in lp.lessons.items() for s in lesson.steps if s.kind == "chat"]


def test_every_bundled_chat_step_passes_its_selftest_and_is_solvable() -> None:
    found = chat_steps()
    assert len(found) >= 7  # examples (3) and at least one per starter lesson, en + fr
    for where, s in found:
        results = list(selftest(s))
        assert all(ok for ok, _ in results), (where, [m for ok, m in results if not ok])
        actions = correct_actions(s)
        assert actions is not None, where
        assert check(s, answer(*actions)).status == "correct", where
