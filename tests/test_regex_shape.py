"""Slow patterns are found by their shape: the same verdict on every machine and release."""

from __future__ import annotations

import pytest

from curriculum.regex_shape import slow_shape

SLOW = {
    "^(a+)+$": "nested",
    "(a*)*": "nested",
    r"(\w+\s?)+": "nested",
    "(aa?)+": "nested",
    r"([a-z]+ ?)+$": "nested",
    r"(x+x+)+y": "nested",
    r"(.*a){12}": "nested",
    r"^(\s*\w+)*$": "nested",
    r"(\p{L}+)+": "nested",  # regex-module syntax: read as text
    "(a|aa)+$": "overlap",
    "(ab|abc|a)*z": "overlap",
}
FAST = [
    "sam@example.org",
    r"^[a-z]+@[a-z]+\.(org|com)$",
    r"^\d{1,3}(,\d{3})*$",
    r"^\D*(\d\D*){1,9}$",  # each repeat starts with a digit that \D* cannot take
    r"(\d\D*){11,}",
    "(a|ab)+",
    r"(\d|\w)*",  # one character class: one way to match each character
    "(ab?)+",
    "(cat|dog)+",
    "(hello|help)+",
    "(a{2})+",
    r"^\p{L}+$",
    r"^(bonjour|salut)\b",
    r"=\s*(SUM|SOMME)\(\s*B2\s*:\s*B5\s*\)",
]


@pytest.mark.parametrize(("pattern", "shape"), SLOW.items())
def test_a_slow_shape_is_named(pattern: str, shape: str) -> None:
    assert slow_shape(pattern) == shape


@pytest.mark.parametrize("pattern", FAST)
def test_an_ordinary_pattern_is_not_flagged(pattern: str) -> None:
    assert slow_shape(pattern) is None
