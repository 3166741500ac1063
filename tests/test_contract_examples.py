"""The examples in the format contract behave as the contract describes."""

from curriculum.checking import check
from curriculum.model import TextStep

ADDRESS = TextStep.model_validate({
    "id": "address", "kind": "text",
    "prompt": "Type Sam's address exactly as written, **sam@example.org**",
    "accept": [{"equals": "sam@example.org"}],
    "feedback": [
        {"when": {"contains": " "}, "say": "Email addresses never contain spaces."},
        {"when": {"not_contains": "@"}, "say": "Every email address has an **@** in the middle."},
        {"when": {"close_to": "sam@example.org"}, "say": "Very close! Check each letter again."},
    ],
    "otherwise": "Copy it letter by letter. You can do it!",
})


def test_address_example_accepts_the_address_whatever_the_case_and_spaces_around():
    assert check(ADDRESS, "  Sam@Example.org ").status == "correct"


def test_a_space_inside_gets_the_space_feedback():
    out = check(ADDRESS, "sam @example.org")
    assert (out.status, out.feedback) == ("wrong", ("Email addresses never contain spaces.",))


def test_no_at_sign_gets_the_at_feedback_not_the_space_one():
    out = check(ADDRESS, "samexample.org")
    assert out.feedback == ("Every email address has an **@** in the middle.",)


def test_a_typo_gets_close_feedback():
    assert check(ADDRESS, "sam@exampel.org").feedback == ("Very close! Check each letter again.",)


def test_something_else_gets_otherwise():
    assert check(ADDRESS, "bob@mail.com").feedback == ("Copy it letter by letter. You can do it!",)
