"""The UI catalogues: every key in both languages, same placeholders, every used key exists."""

import re
import string
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from curriculum.i18n import LANGUAGES, catalogue, date_words, files, t
from curriculum.model import STEP_KINDS

SRC = Path(__file__).resolve().parents[1] / "src" / "curriculum"
# T("key"), tr("key"), notice="key" and "check.*" keys written in the code
KEY = r"[a-z_-]+\.[a-z_.-]*[a-z_]"
USED = re.compile(
    rf"""\b(?:T|tr)\(\s*["']({KEY})["']|notice=["']({KEY})["']|["'](check\.[a-z_]+)["']"""
)
# keys built from a prefix and a value in the code, with every value they can take
FAMILIES = {
    "autonomy.": ["alone", "hinted", "helped"],
    "size.": ["large", "larger", "largest"],
    "role.": ["senior", "junior", "coordinator"],
    "topic.": ["email", "spreadsheets", "messaging", "social-media", "mentoring", "other"],
    "kind.": list(STEP_KINDS),
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_key_lives_in_one_file_only(lang):
    seen: dict[str, str] = {}
    for path in files(lang):
        for key in yaml.safe_load(path.read_text(encoding="utf-8")) or {}:
            assert key not in seen, f"{key} is in {seen.get(key)} and {path.name}"
            seen[key] = path.name


def test_both_catalogues_have_the_same_keys():
    en, fr = set(catalogue("en")), set(catalogue("fr"))
    assert sorted(en - fr) == [], "keys missing in fr.yaml"
    assert sorted(fr - en) == [], "keys missing in en.yaml"


@pytest.mark.parametrize("key", sorted(catalogue("en")))
def test_same_placeholders_in_both_languages(key):
    assert placeholders(catalogue("en")[key]) == placeholders(catalogue("fr")[key])


def test_every_key_used_in_the_code_is_in_the_catalogue():
    used = set()
    for path in SRC.rglob("*.py"):
        for match in USED.finditer(path.read_text(encoding="utf-8")):
            used.add(next(g for g in match.groups() if g))
    for prefix, values in FAMILIES.items():
        used |= {prefix + v for v in values}
    assert len(used) > 50
    for lang in LANGUAGES:
        assert sorted(used - set(catalogue(lang))) == [], f"missing in {lang}.yaml"


def test_t_formats_and_falls_back():
    assert t("fr", "player.step_of", n=2, total=5) == "Étape 2 sur 5"
    assert t("de", "player.step_of", n=2, total=5) == "Step 2 of 5"
    assert t("en", "no.such.key") == "no.such.key"



def test_date_words_in_each_language_in_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        moment = datetime(2025, 4, 16, 10, 5, tzinfo=UTC)  # a Wednesday, 12:05 in Paris
        assert date_words("en", moment) == "Wednesday 16 April 2025"
        assert date_words("fr", moment) == "mercredi 16 avril 2025"
        assert date_words("en", moment, with_time=True) == "Wednesday 16 April 2025 at 12:05"
        assert date_words("fr", moment, with_time=True) == "mercredi 16 avril 2025 à 12:05"
        assert date_words("en", None) == date_words("fr", None, with_time=True) == "—"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_french_numbers_have_a_decimal_comma():
    assert t("fr", "dashboard.out_of_5", n="4.5") == "4,5 sur 5"
    assert t("fr", "dashboard.out_of_5", n=4.5) == "4,5 sur 5"
    assert t("en", "dashboard.out_of_5", n="4.5") == "4.5 out of 5"


def test_french_elides_before_a_name_with_a_vowel():
    said = t("fr", "pairs.reason.topics", covered=3, wanted=4, name="Annie", topics="x")
    assert "qu'Annie veut" in said
    said = t("fr", "pairs.reason.topics", covered=3, wanted=4, name="Yanis", topics="x")
    assert "que Yanis veut" in said


def test_french_competence_strings_use_no_break_spaces():
    "Before : ; ! ? French wants a space that does not break: never a plain one."
    french = {k: v for k, v in catalogue("fr").items() if k.startswith("competences.")}
    assert french
    for key, text in french.items():
        assert not re.search(r" [:;!?]", text), key
    assert "\u00a0: chaque leçon" in french["competences.none"]
