"""The French catalogues in plain words and French typography: no "·e" forms, a no-break
space before ":" and inside « », a narrow one before ";", "!" and "?", and "…"."""

from __future__ import annotations

import re

import pytest

from curriculum.i18n import catalogue

FR = catalogue("fr")
SHORTCODE = re.compile(r":material/[a-z0-9_]+:")


def shown(text: str) -> str:
    "The text as read: Material icon shortcodes are not punctuation."
    return SHORTCODE.sub("", text)


@pytest.mark.parametrize("key", sorted(FR))
def test_no_inclusive_middle_dot(key):
    assert not re.search(r"\w·\w", FR[key]), FR[key]


@pytest.mark.parametrize("key", sorted(FR))
def test_no_plain_space_before_double_punctuation(key):
    text = shown(FR[key])
    assert not re.search(r"[ \t\n][:;!?]", text), text
    assert not re.search("\u00a0[;!?]|\u202f:", text), text  # the right width for each sign


@pytest.mark.parametrize("key", sorted(FR))
def test_quotes_and_ellipsis(key):
    text = FR[key]
    assert "..." not in text
    assert text.count("«\u00a0") == text.count("«") == text.count("\u00a0»") == text.count("»")


def test_the_rewritten_sentences():
    assert FR["player.welcome_back"] == "Bon retour\u202f! Vous reprenez là où vous en étiez."
    assert FR["welcome.alone"] == "Personne, je m'entraîne sans binôme"
