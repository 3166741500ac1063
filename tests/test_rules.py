"""The rule language: normalising and every rule key, table-driven."""

from __future__ import annotations

import time
from typing import Any

import pytest

from curriculum.model import Rule
from curriculum.rules import Options, matches, normalise, parse_number, typo_budget

CASE = Options(case_sensitive=True)
ACCENT = Options(accent_sensitive=True)


def rule(**keys: Any) -> Rule:
    return Rule.model_validate(keys)


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("  Hello   World  ", Options(), "hello world"),
        ("a\tb\n c", Options(), "a b c"),
        ("Élodie à l’été", Options(), "elodie a l'ete"),
        ("« Bonjour » “hi” ‘x’ l′", Options(), "\" bonjour \" \"hi\" 'x' l'"),
        ("Cœur ŒUVRE Æsop", Options(), "coeur oeuvre aesop"),
        ("no\u00a0break\u202fthin\u2009space", Options(), "no break thin space"),
        ("Straße", Options(), "strasse"),
        ("Élodie", CASE, "Elodie"),
        ("Élodie", ACCENT, "élodie"),
        ("Cœur", ACCENT, "cœur"),
        ("E\u0301lodie", ACCENT, "élodie"),  # decomposed accent: same as composed
        ("Élodie  Ça", Options(True, True), "Élodie Ça"),
    ],
)
def test_normalise(text: str, options: Options, expected: str) -> None:
    assert normalise(text, options) == expected


RULES: list[tuple[dict[str, Any], str, bool]] = [
    # equals: normalised on both sides
    ({"equals": "sam@example.org"}, "  SAM@example.org ", True),
    ({"equals": "l'été"}, "L’ETE", True),
    ({"equals": "cœur"}, "coeur", True),
    ({"equals": "sam"}, "sam!", False),
    ({"equals": 42}, "42", True),  # numbers written without quotes are text
    # one_of
    ({"one_of": ["yes", "oui"]}, "Oui", True),
    ({"one_of": ["yes", "oui"]}, "non", False),
    # contains / not_contains
    ({"contains": "@"}, "sam@x", True),
    ({"contains": "Été"}, "un ete chaud", True),
    ({"contains": " "}, "sam example", True),
    ({"not_contains": "@"}, "sam", True),
    ({"not_contains": "@"}, "sam@x", False),
    # contains_all / contains_any
    ({"contains_all": ["to", "subject"]}, "Subject and To", True),
    ({"contains_all": ["to", "subject"]}, "only to", False),
    ({"contains_any": ["to", "cc"]}, "CC me", True),
    ({"contains_any": ["to", "cc"]}, "bcc", True),  # substring, as documented
    ({"contains_any": ["x", "y"]}, "abc", False),
    # starts_with / ends_with
    ({"starts_with": "hello"}, "Hello Sam", True),
    ({"starts_with": "hello"}, "Oh hello", False),
    ({"ends_with": ".org"}, "sam@example.ORG", True),
    ({"ends_with": ".org"}, "sam@example.com", False),
    # close_to: a typo or two, scaled to the length; never the exact answer
    ({"close_to": "sam@example.org"}, "sam@exmaple.org", True),  # 2 edits, budget 2
    ({"close_to": "sam@example.org"}, "sam@example.or", True),
    ({"close_to": "sam@example.org"}, "SAM@EXAMPLE.ORG", False),  # equal after normalising
    ({"close_to": "sam@example.org"}, "sam@example.org", False),
    ({"close_to": "sam@example.org"}, "tom@exmaple.com", False),
    ({"close_to": "hello"}, "helo", True),  # budget 1
    ({"close_to": "hello"}, "hlo", False),
    ({"close_to": "a"}, "b", False),  # budget 0: one letter cannot have a typo
    # min_words / max_words: punctuation alone is not a word
    ({"min_words": 2}, "hello   !  world", True),
    ({"min_words": 3}, "hello world", False),
    ({"max_words": 2}, "hello world", True),
    ({"max_words": 1}, "a - b", False),
    # empty
    ({"empty": True}, "   ", True),
    ({"empty": True}, "x", False),
    ({"empty": False}, "x", True),
    # regex: case-insensitive and accent-insensitive by default, like everything else
    ({"regex": r"^sam@\w+\.org$"}, "Sam@example.org", True),
    ({"regex": r"^\d{5}$"}, "7500", False),
    ({"regex": "^café$"}, "Café", True),
    ({"regex": "^café$"}, "cafe", True),
    ({"regex": "l’été"}, "L'ete", True),
    # number: `,` or `.` as the decimal mark, tolerance
    ({"number": 2.15}, "2,15", True),
    ({"number": 2.15}, "2.15", True),
    ({"number": 2.15}, "2.15 €", True),
    ({"number": 2.15}, "€ 2,15", True),
    ({"number": 1234.5}, "1 234,5", True),
    ({"number": 1234.5}, "1.234,5", True),
    ({"number": 1234.5}, "1,234.5", True),
    ({"number": 1234567}, "1,234,567", True),
    ({"number": -3}, "-3", True),
    ({"number": 2.15}, "2.16", False),
    ({"number": 2.15, "tolerance": 0.01}, "2,16", True),
    ({"number": 2.15, "tolerance": 0.01}, "2,17", False),
    ({"number": 10, "tolerance": 0.5}, "9.5", True),
    ({"number": 2}, "two", False),
    # several keys in one rule: AND
    ({"starts_with": "sam", "ends_with": ".org"}, "sam@x.org", True),
    ({"starts_with": "sam", "ends_with": ".org"}, "sam@x.com", False),
    ({"contains": "@", "max_words": 1}, "sam @x", False),
    # any / all / not, nested
    ({"any": [{"equals": "yes"}, {"equals": "oui"}]}, "oui", True),
    ({"any": [{"equals": "yes"}, {"equals": "oui"}]}, "non", False),
    ({"all": [{"contains": "a"}, {"contains": "b"}]}, "ab", True),
    ({"all": [{"contains": "a"}, {"contains": "b"}]}, "a", False),
    ({"not": {"contains": " "}}, "sam@x", True),
    ({"not": {"contains": " "}}, "sam @x", False),
    ({"any": [{"all": [{"starts_with": "a"}, {"not": {"ends_with": "z"}}]}, {"equals": "z"}]},
     "abc", True),
    ({"any": [{"all": [{"starts_with": "a"}, {"not": {"ends_with": "z"}}]}, {"equals": "z"}]},
     "abz", False),
    ({"any": [{"all": [{"starts_with": "a"}, {"not": {"ends_with": "z"}}]}, {"equals": "z"}]},
     "Z", True),
    ({"not": {"not": {"equals": "x"}}}, "X", True),
    ({"all": []}, "anything", True),
    ({"any": []}, "anything", False),
    ({}, "anything", True),  # a blank rule holds for every answer
]


@pytest.mark.parametrize(("keys", "answer", "expected"), RULES,
                         ids=[f"{k}~{a!r}" for k, a, _ in RULES])
def test_rule(keys: dict[str, Any], answer: str, expected: bool) -> None:
    assert matches(rule(**keys), answer) is expected


SENSITIVE: list[tuple[dict[str, Any], Options, str, bool]] = [
    ({"equals": "Paris"}, CASE, "Paris", True),
    ({"equals": "Paris"}, CASE, "paris", False),
    ({"equals": "Paris"}, CASE, "Pâris", True),  # accents still ignored
    ({"equals": "été"}, ACCENT, "été", True),
    ({"equals": "été"}, ACCENT, "ete", False),
    ({"equals": "été"}, ACCENT, "ÉTÉ", True),  # case still ignored
    ({"regex": "^Paris$"}, CASE, "paris", False),
    ({"regex": "^Paris$"}, CASE, "Paris", True),
    ({"regex": "^été$"}, ACCENT, "ete", False),
    ({"regex": "^été$"}, ACCENT, "été", True),
    ({"contains": "A"}, CASE, "abc", False),
    ({"close_to": "Paris"}, CASE, "Pari", True),
    ({"close_to": "Paris"}, CASE, "paris", True),  # one edit away when case counts
]


@pytest.mark.parametrize(("keys", "options", "answer", "expected"), SENSITIVE)
def test_case_and_accent_sensitive(keys: dict[str, Any], options: Options, answer: str,
                                   expected: bool) -> None:
    assert matches(rule(**keys), answer, options) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2,15", 2.15), ("2.15", 2.15), ("-3", -3.0), ("+4", 4.0), (".5", 0.5),
     ("1 000", 1000.0), ("1'234.5", 1234.5), ("10 %", 10.0), ("abc", None), ("2,15,3", None),
     ("", None), ("1e5", None)],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("target", "budget"),
                         [("a", 0), ("ab", 1), ("abcd", 1), ("abcdefgh", 1), ("abcdefghi", 2),
                          ("a" * 20, 2), ("a" * 21, 3)])
def test_typo_budget_grows_with_length(target: str, budget: int) -> None:
    assert typo_budget(target) == budget


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"(x+x+)+y", r"^(\w+\s?)*$"])
def test_a_catastrophic_regex_gives_up_quickly(pattern: str) -> None:
    answer = "a" * 5000 + "x" * 4000 + "!"
    start = time.perf_counter()
    assert matches(rule(regex=pattern), answer) is False
    assert time.perf_counter() - start < 1.0


def test_a_bad_regex_never_matches_and_never_raises() -> None:
    assert matches(rule(regex="sam@(example"), "sam@(example") is False


def test_a_huge_answer_is_cut_not_choked_on() -> None:
    start = time.perf_counter()
    assert matches(rule(contains="zzz"), "a" * 1_000_000 + "zzz") is False  # beyond the cut
    assert matches(rule(min_words=1), "word " * 200_000) is True
    assert time.perf_counter() - start < 1.0
