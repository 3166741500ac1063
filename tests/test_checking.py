"""check(step, answer) -> Outcome, for every kind; the answer to show; autonomy."""

from __future__ import annotations

from typing import Any

import pytest

from curriculum.checking import (
    check,
    correct_answer,
    infer_autonomy,
    one_out_of_place,
    solution_markdown,
)
from curriculum.packs import STEP_ADAPTER


def step(**data: Any) -> Any:
    return STEP_ADAPTER.validate_python(data)


SINGLE = step(
    id="which-box", kind="choice", prompt="Where do you type the title?",
    options=[
        {"id": "to", "text": "The **To** box", "feedback": "The To box is for the address."},
        {"id": "subject", "text": "The **Subject** box", "correct": True,
         "feedback": "Yes! The subject is the title."},
        {"id": "body", "text": "The message"},
    ],
)
MULTIPLE = step(
    id="boxes", kind="choice", multiple=True, prompt="Which boxes?",
    options=[
        {"id": "to", "text": "To", "correct": True},
        {"id": "subject", "text": "Subject", "correct": True},
        {"id": "stamp", "text": "Stamp", "feedback": "Emails need no stamp."},
        {"id": "glue", "text": "Glue"},
    ],
)
TEXT = step(
    id="address", kind="text", prompt="Type **sam@example.org**",
    accept=[{"equals": "sam@example.org"}, {"equals": "sam@example.com"}],
    feedback=[
        {"when": {"contains": " "}, "say": "Email addresses never contain spaces."},
        {"when": {"not_contains": "@"}, "say": "Every email address has an **@**."},
        {"when": {"close_to": "sam@example.org"}, "say": "Very close!"},
    ],
    otherwise="Copy it letter by letter.",
    solution="**sam@example.org**",
)
BARE_TEXT = step(id="word", kind="text", prompt="Type hello", accept=[{"contains": "hello"}])
ORDER = step(
    id="send", kind="order", prompt="In order",
    items=[{"id": "new", "text": "Press **New**"}, {"id": "to", "text": "Type the address"},
           {"id": "write", "text": "Write"}, {"id": "send", "text": "Press **Send**"}],
)
ORDER_SAYS = step(id="two", kind="order", prompt="In order", otherwise="Think again.",
                  items=[{"id": "a", "text": "A"}, {"id": "b", "text": "B"},
                         {"id": "c", "text": "C"}])
EXPLAIN = step(id="read", kind="explain", body="Some text.")
DO = step(id="real", kind="do", task="Do it for real.")


# --- choice ------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["subject", ["subject"], ("subject",)])
def test_single_choice_correct(answer: Any) -> None:
    out = check(SINGLE, answer)
    assert (out.status, out.feedback, out.counts) == (
        "correct", ("Yes! The subject is the title.",), True)


def test_single_choice_wrong_gives_that_options_feedback() -> None:
    out = check(SINGLE, "to")
    assert (out.status, out.feedback, out.rule) == (
        "wrong", ("The To box is for the address.",), "options")
    assert out.counts and not out.correct


def test_single_choice_wrong_without_feedback_gets_the_generic_notice() -> None:
    out = check(SINGLE, "body")
    assert (out.status, out.feedback, out.notice) == ("wrong", (), "check.wrong")


def test_single_choice_two_picked_is_invalid() -> None:
    out = check(SINGLE, ["to", "subject"])
    assert (out.status, out.notice, out.counts) == ("invalid", "check.one_only", False)


def test_multiple_choice_all_correct() -> None:
    out = check(MULTIPLE, ["subject", "to"])
    assert (out.status, out.notice) == ("correct", "check.correct")


def test_multiple_choice_missing_some() -> None:
    out = check(MULTIPLE, ["to"])
    assert (out.status, out.notice, out.params) == (
        "wrong", "check.missing_some", {"found": 1, "total": 2})


def test_multiple_choice_with_a_wrong_one_speaks_of_the_wrong_one() -> None:
    out = check(MULTIPLE, ["to", "subject", "stamp"])
    assert (out.status, out.feedback) == ("wrong", ("Emails need no stamp.",))
    out = check(MULTIPLE, ["glue"])
    assert (out.status, out.feedback, out.notice) == ("wrong", (), "check.wrong")


@pytest.mark.parametrize("choice", [SINGLE, MULTIPLE])
@pytest.mark.parametrize("blank", [None, "", []])
def test_choice_blank_is_invalid_not_wrong(choice: Any, blank: Any) -> None:
    out = check(choice, blank)
    assert (out.status, out.notice, out.counts) == ("invalid", "check.blank_choice", False)


@pytest.mark.parametrize("answer", ["nope", ["to", "nope"], ["to", "to"], 3, [1, 2], {"a": 1}])
def test_choice_unknown_or_unreadable_is_invalid(answer: Any) -> None:
    out = check(MULTIPLE, answer)
    assert (out.status, out.notice, out.counts) == ("invalid", "check.unreadable", False)


# --- text --------------------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "rule"), [("sam@example.org", "accept[0]"),
                                               (" SAM@Example.org ", "accept[0]"),
                                               ("sam@example.com", "accept[1]")])
def test_text_accepted_says_which_rule(answer: str, rule: str) -> None:
    out = check(TEXT, answer)
    assert (out.status, out.rule, out.notice) == ("correct", rule, "check.correct")


@pytest.mark.parametrize(
    ("answer", "said", "rule"),
    [
        ("sam @example.org", "Email addresses never contain spaces.", "feedback[0]"),
        ("sam example", "Email addresses never contain spaces.", "feedback[0]"),  # first wins
        ("samexample.org", "Every email address has an **@**.", "feedback[1]"),
        ("sam@exmaple.org", "Very close!", "feedback[2]"),
        ("bob@home.net", "Copy it letter by letter.", "otherwise"),
    ],
)
def test_text_feedback_first_match_then_otherwise(answer: str, said: str, rule: str) -> None:
    out = check(TEXT, answer)
    assert (out.status, out.feedback, out.rule) == ("wrong", (said,), rule)


def test_text_without_otherwise_gets_the_generic_notice() -> None:
    out = check(BARE_TEXT, "bye")
    assert (out.status, out.feedback, out.notice) == ("wrong", (), "check.wrong")


@pytest.mark.parametrize("blank", ["", "   ", "\n\t ", "\u00a0"])
def test_text_blank_or_whitespace_is_invalid(blank: str) -> None:
    out = check(TEXT, blank)
    assert (out.status, out.notice, out.counts) == ("invalid", "check.blank_text", False)


@pytest.mark.parametrize("answer", [None, 42, ["sam@example.org"]])
def test_text_not_text_is_invalid(answer: Any) -> None:
    assert check(TEXT, answer).status == "invalid"


# --- order -------------------------------------------------------------------------------

def test_order_correct() -> None:
    out = check(ORDER, ["new", "to", "write", "send"])
    assert (out.status, out.rule, out.notice) == ("correct", "order", "check.correct")


@pytest.mark.parametrize("answer", [["to", "new", "write", "send"],  # two swapped
                                    ["new", "write", "send", "to"],  # one moved to the end
                                    ["send", "new", "to", "write"]])  # one moved to the start
def test_order_one_item_moved_is_nearly(answer: list[str]) -> None:
    out = check(ORDER, answer)
    assert (out.status, out.notice, out.rule) == ("wrong", "check.nearly", "nearly")


@pytest.mark.parametrize("answer", [["send", "write", "to", "new"],
                                    ["to", "new", "send", "write"]])
def test_order_wrong(answer: list[str]) -> None:
    out = check(ORDER, answer)
    assert (out.status, out.notice, out.rule) == ("wrong", "check.wrong_order", "otherwise")


def test_order_author_feedback() -> None:
    assert check(ORDER_SAYS, ["c", "b", "a"]).feedback == ("Think again.",)
    nearly = check(ORDER_SAYS, ["b", "a", "c"])
    assert (nearly.feedback, nearly.notice) == (("Think again.",), "check.nearly")


@pytest.mark.parametrize("answer", [[], ["new", "to"], ["new", "to", "write", "send", "x"],
                                    ["new", "new", "write", "send"], None, 7])
def test_order_incomplete_or_unknown_is_invalid(answer: Any) -> None:
    out = check(ORDER, answer)
    assert (out.status, out.counts) == ("invalid", False)


@pytest.mark.parametrize(
    ("given", "right", "expected"),
    [(list("bac"), list("abc"), True), (list("cab"), list("abc"), True),
     (list("cba"), list("abc"), False), (list("abc"), list("abc"), False),
     (list("badc"), list("abcd"), False)],
)
def test_one_out_of_place(given: list[str], right: list[str], expected: bool) -> None:
    assert one_out_of_place(given, right) is expected


# --- explain, do -------------------------------------------------------------------------

@pytest.mark.parametrize("s", [EXPLAIN, DO])
def test_unchecked_steps_are_done(s: Any) -> None:
    out = check(s, None)
    assert (out.status, out.correct, out.counts) == ("done", True, False)


# --- the answer, and autonomy ------------------------------------------------------------

def test_correct_answer_passes_its_own_check() -> None:
    assert correct_answer(SINGLE) == "subject"
    assert correct_answer(MULTIPLE) == ["subject", "to"]
    assert correct_answer(ORDER) == ["new", "to", "write", "send"]
    assert correct_answer(TEXT) == "sam@example.org"
    assert correct_answer(BARE_TEXT) is None
    assert correct_answer(EXPLAIN) is None
    for s in (SINGLE, MULTIPLE, ORDER, TEXT):
        assert check(s, correct_answer(s)).status == "correct"


def test_solution_markdown() -> None:
    assert solution_markdown(TEXT) == "**sam@example.org**"  # the author's own
    assert solution_markdown(SINGLE) == "- The **Subject** box"
    assert solution_markdown(MULTIPLE) == "- To\n- Subject"
    assert solution_markdown(ORDER) == ("1. Press **New**\n2. Type the address\n3. Write\n"
                                        "4. Press **Send**")
    derived = step(id="w", kind="text", prompt="p", accept=[{"equals": "hello"}])
    assert solution_markdown(derived) == "`hello`"
    assert solution_markdown(BARE_TEXT) == "`hello`"  # made from its own rule
    only_pattern = step(id="p", kind="text", prompt="p", accept=[{"regex": "^h.llo$"}])
    assert solution_markdown(only_pattern) is None
    assert solution_markdown(DO) is None


@pytest.mark.parametrize(
    ("hints", "shown", "helped", "expected"),
    [(0, False, False, "alone"), (1, False, False, "hinted"), (3, False, False, "hinted"),
     (0, True, False, "helped"), (2, True, False, "helped"), (0, False, True, "helped"),
     (2, False, True, "helped")],
)
def test_infer_autonomy(hints: int, shown: bool, helped: bool, expected: str) -> None:
    assert infer_autonomy(hints, shown, helped) == expected


def test_the_answer_is_made_from_the_rules_when_no_solution_is_written():
    from curriculum.checking import solution_markdown
    from curriculum.model import TextStep

    step = TextStep.model_validate({
        "id": "s", "kind": "text", "prompt": "Name two parts of an email",
        "accept": [{"contains_all": ["subject", "message"]}],
    })
    assert solution_markdown(step) == "`subject message`"
    assert check(step, "subject message").status == "correct"


def test_the_same_feedback_is_said_once():
    from curriculum.model import ChoiceStep

    step = ChoiceStep.model_validate({
        "id": "c", "kind": "choice", "prompt": "Pick both", "multiple": True,
        "options": [{"id": "a", "text": "A", "correct": True, "feedback": "Yes."},
                    {"id": "b", "text": "B", "correct": True, "feedback": "Yes."},
                    {"id": "c", "text": "C", "feedback": "No."}],
    })
    assert check(step, ["a", "b"]).feedback == ("Yes.",)


def test_an_answer_too_long_to_check_is_never_right() -> None:
    "A regex that the first 10,000 characters would pass: the whole answer is not judged."
    from curriculum.model import TextStep
    from curriculum.rules import MAX_ANSWER

    step = TextStep.model_validate({"id": "s", "kind": "text", "prompt": "Type a's",
                                    "accept": [{"regex": "^(a+)+$"}]})
    assert check(step, "a" * 100).status == "correct"
    outcome = check(step, "a" * 1_000_000 + "!")
    assert outcome.status == "invalid" and not outcome.counts
    assert (outcome.notice, outcome.params) == ("check.too_long", {"n": MAX_ANSWER})
    assert check(step, {"body": "a" * (MAX_ANSWER + 1)}).notice == "check.too_long"
