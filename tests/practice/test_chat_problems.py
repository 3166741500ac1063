"""Semantic checks of chat steps (the ones tests/packs/bad/chat-* do not already show)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from curriculum.model import ChatStep
from curriculum.practice.chat import photo_file
from curriculum.practice.chat_problems import problems

SAM = {"contact": {"name": "Sam"}}
HI = {"says": "Hi Gran!"}


def found(tmp_path: Path, **keys) -> list[tuple[tuple, str, str]]:
    data = {"id": "s", "kind": "chat", **keys}
    return list(problems(ChatStep.model_validate(data), tmp_path))


def expect(rules: dict, **turn) -> dict:
    return {"expect": rules, "hints": ["A hint."], **turn}


@pytest.mark.parametrize(("keys", "where", "severity", "words"), [
    ({**SAM, "group": {"name": "Family", "members": ["Paul"]},
      "script": [HI, expect({"text": "hi"})]},
     ("group",), "error", "a 'contact' or a 'group', not both"),
    ({"group": {"name": "Family", "members": ["Paul", "Paul"]},
      "script": [HI, expect({"text": "hi"})]},
     ("group", "members", 1), "error", "'Paul' is twice in the group"),
    ({**SAM, "script": [{"from": "Sam", "says": "Hi"}, expect({"text": "hi"})]},
     ("script", 0, "from"), "warning", "'from' is for group chats"),
    ({**SAM, "script": [HI, expect({"text": "hi"}, **{"from": "Sam"})]},
     ("script", 1, "from"), "error", "'from' goes with 'says'"),
    ({**SAM, "script": [expect({"reaction": "heart"}), HI]},
     ("script", 0, "expect", "reaction"), "error", "nothing to react to yet"),
    ({**SAM, "script": [HI, expect({})]},
     ("script", 1, "expect"), "warning", "anything the senior sends is right"),
    ({**SAM, "script": [HI, expect({"voice": "maybe"})]},
     ("script", 1, "expect", "voice"), "error", "voice is true or false, not 'maybe'"),
    ({**SAM, "script": [HI, expect({"photo": "cake.jpg"})]},
     ("script", 1, "expect", "photo"), "error", "the gallery is empty"),
    ({**SAM, "gallery": ["cake.jpg"], "script": [HI, expect(
        {"photo": "cake.jpg"}, feedback=[{"when": {"photo": "cat.jpg"}, "say": "No."}])]},
     ("script", 1, "feedback", 0, "when", "photo"), "warning",
     "this feedback can never be shown: photo 'cat.jpg' is not in the gallery"),
    ({**SAM, "script": [HI, expect({"text": "hi"})],
      "feedback": [{"when": {"reaction": "🐱"}, "say": "No."}]},
     ("feedback", 0, "when", "reaction"), "warning",
     "this feedback can never be shown: reaction '🐱' is not offered"),
    ({**SAM, "script": [HI, expect({"text": "hi"}, feedback=[{"when": {"txt": "x"},
                                                             "say": "No."}])]},
     ("script", 1, "feedback", 0, "when", "txt"), "error",
     "'txt' is not a field of a chat step (did you mean 'text'?)"),
    ({**SAM, "script": [HI, expect({"text": {"regex": "("}})]},
     ("script", 1, "expect", "text", "regex"), "error", "bad regular expression"),
    ({**SAM, "hints": ["General."], "script": [HI, expect({"text": "hi"})]},
     ("hints",), "warning", "hints on the step and on its turns"),
    ({**SAM, "gallery": ["cake.jpg", "cake.jpg"], "script": [HI, expect({"photo": "cake.jpg"})]},
     ("gallery", 1, "file"), "warning", "photo 'cake.jpg' is twice in the gallery"),
    ({**SAM, "script": [{"says": "Look", "photo": "../cake.jpg"}, expect({"text": "hi"})]},
     ("script", 0, "photo", "file"), "error", "outside the pack folder"),
    ({**SAM, "script": [{"hints": ["x"]}, expect({"text": "hi"})]},
     ("script", 0), "error", "this turn is empty"),
])
def test_a_problem_at_its_place(tmp_path: Path, keys: dict, where: tuple, severity: str,
                                words: str) -> None:
    got = found(tmp_path, **keys)
    assert any(w == where and s == severity and words in m for w, s, m in got), got


def test_a_photo_name_close_to_a_file_of_media_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    Image.new("RGB", (2, 2)).save(tmp_path / "media" / "cake.jpg")  # a real picture
    got = found(tmp_path, **SAM, gallery=["cakes.jpg", "cake.jpg", "holiday.jpg"],
                script=[HI, expect({"photo": "cake.jpg"})])
    assert got == [(("gallery", 0, "file"), "warning",
                    "photo 'cakes.jpg' is not in the pack's media/ folder (did you mean "
                    "'cake.jpg'?): it will be shown as a name only")]
    assert photo_file("cake.jpg", tmp_path) == tmp_path / "media" / "cake.jpg"
    assert photo_file("media/cake.jpg", tmp_path) == tmp_path / "media" / "cake.jpg"
    assert photo_file("holiday.jpg", tmp_path) is None


def test_a_clean_step_has_no_problem(tmp_path: Path) -> None:
    assert found(tmp_path, group={"name": "Family", "members": ["Paul", "Léa"]},
                 gallery=["cake.jpg"], script=[
                     {"from": "Léa", "says": "Hi", "photo": "kitten.jpg"},
                     expect({"reaction": {"one_of": ["❤️", "thumbs up"]}}, reply="Thanks"),
                     expect({"photo": "cake.jpg", "text": {"min_words": 2}}),
                     expect({"voice": True}, hints=[])]) == [
        (("script", 3, "expect"), "warning",
         "the contact says nothing between this turn and the one before: add a 'reply' to "
         "the one before, or a turn with 'says', so the senior knows what to do next")]
