"""The answer rule language: normalising and matching (pure).

`matches(rule, answer, options)` says whether a rule holds for an answer. Patterns from
packs run with a time limit, so no pattern can hang the app.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from .model import Rule

REGEX_TIMEOUT = 0.05  # seconds, per match
MAX_ANSWER = 10_000  # characters looked at; longer answers are cut

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[^\d\-+.,]*([-+]?[\d\s.,']*\d(?:[.,]\d+)?)[^\d]*$")


@dataclass(frozen=True)
class Options:
    case_sensitive: bool = False
    accent_sensitive: bool = False


DEFAULT = Options()


def normalise(text: object, options: Options = DEFAULT) -> str:
    "Trim, collapse white space, fold case and accents, plain quotes (as the step asks)."
    s = str(text)[:MAX_ANSWER].translate(_QUOTES)
    s = _accents(_SPACE.sub(" ", s).strip(), options)
    if not options.case_sensitive:
        s = s.casefold()
    return s


def _accents(s: str, options: Options) -> str:
    "Fold accents and ligatures away, unless the step is accent-sensitive."
    if options.accent_sensitive:
        return unicodedata.normalize("NFC", s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")


def is_blank(answer: object) -> bool:
    return normalise(answer) == ""


def words(text: str) -> list[str]:
    return [w for w in text.split(" ") if any(ch.isalnum() for ch in w)]


def typo_budget(target: str) -> int:
    "How many edits still count as 'a typo or two', scaled to the length of the target."
    n = len(target)
    if n <= 3:
        return 1 if n >= 2 else 0
    if n <= 8:
        return 1
    if n <= 20:
        return 2
    return 3


def parse_number(text: str) -> float | None:
    "Read '2,15', '2.15 €', '1 234,5' or '-3' as a number; None when it is not one."
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    s = re.sub(r"[\s']", "", m.group(1))
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif s.count(",") == 1:
        s = s.replace(",", ".")
    elif s.count(",") > 1 or s.count(".") > 1:
        s = s.replace(",", "").replace(".", "") if _thousands(s) else s
    try:
        return float(s)
    except ValueError:
        return None


def _thousands(s: str) -> bool:
    parts = re.split(r"[.,]", s.lstrip("+-"))
    return len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def compile_pattern(pattern: str, options: Options = DEFAULT) -> regex.Pattern[str]:
    "Compile an author's pattern; raises regex.error with a message when it is bad."
    flags = regex.V0 | (0 if options.case_sensitive else regex.IGNORECASE)
    # answers are matched normalised: fold the pattern's accents and quotes the same way
    return regex.compile(_accents(pattern.translate(_QUOTES), options), flags)


def matches(rule: Rule, answer: str, options: Options = DEFAULT) -> bool:
    "True when every condition of the rule holds for the answer."
    a = normalise(answer, options)

    def n(x: str) -> str:
        "Normalise a rule's value; a value of only spaces still means 'a space'."
        value = normalise(x, options)
        return value if value or not x else " "

    checks = []
    if rule.equals is not None:
        checks.append(lambda: a == n(rule.equals))
    if rule.one_of is not None:
        checks.append(lambda: a in {n(x) for x in rule.one_of})
    if rule.contains is not None:
        checks.append(lambda: n(rule.contains) in a)
    if rule.not_contains is not None:
        checks.append(lambda: n(rule.not_contains) not in a)
    if rule.contains_all is not None:
        checks.append(lambda: all(n(x) in a for x in rule.contains_all))
    if rule.contains_any is not None:
        checks.append(lambda: any(n(x) in a for x in rule.contains_any))
    if rule.starts_with is not None:
        checks.append(lambda: a.startswith(n(rule.starts_with)))
    if rule.ends_with is not None:
        checks.append(lambda: a.endswith(n(rule.ends_with)))
    if rule.close_to is not None:
        checks.append(lambda: _close(a, n(rule.close_to)))
    if rule.min_words is not None:
        checks.append(lambda: len(words(a)) >= rule.min_words)
    if rule.max_words is not None:
        checks.append(lambda: len(words(a)) <= rule.max_words)
    if rule.empty is not None:
        checks.append(lambda: (a == "") == rule.empty)
    if rule.regex is not None:
        checks.append(lambda: _search(rule.regex, a, options))
    if rule.number is not None:
        checks.append(lambda: _near(a, rule.number, rule.tolerance or 0.0))
    if rule.any_ is not None:
        checks.append(lambda: any(matches(r, answer, options) for r in rule.any_))
    if rule.all_ is not None:
        checks.append(lambda: all(matches(r, answer, options) for r in rule.all_))
    if rule.not_ is not None:
        checks.append(lambda: not matches(rule.not_, answer, options))
    return all(check() for check in checks)


def _close(a: str, target: str) -> bool:
    if a == target:
        return False
    budget = typo_budget(target)
    return Levenshtein.distance(a, target, score_cutoff=budget) <= budget


def _near(a: str, number: float, tolerance: float) -> bool:
    value = parse_number(a)
    return value is not None and abs(value - number) <= tolerance + 1e-9


def _search(pattern: str, a: str, options: Options) -> bool:
    try:
        return compile_pattern(pattern, options).search(a, timeout=REGEX_TIMEOUT) is not None
    except (regex.error, TimeoutError):
        return False


def describe(rule: Rule) -> str:
    "A short text form of a rule, for messages and logs: 'equals: sam@example.org'."
    parts = []
    for name, value in rule.model_dump(by_alias=True, exclude_none=True).items():
        parts.append(f"{name}: {value}")
    return ", ".join(parts) or "{}"


def examples(rule: Rule) -> list[str]:
    "Answers likely to satisfy a rule (its own values), most likely first."
    out: list[str] = []
    for value in (rule.equals, rule.contains, rule.starts_with, rule.ends_with):
        if isinstance(value, list):
            out += value
        elif value is not None:
            out.append(value)
    out += list(rule.one_of or []) + list(rule.contains_any or [])
    if rule.contains_all:
        out.append(" ".join(rule.contains_all))
    if rule.number is not None:
        out.append(f"{rule.number:g}")
    if rule.close_to is not None:
        out.append(rule.close_to[:-1] + ("x" if not rule.close_to.endswith("x") else "y"))
    for sub in [*(rule.any_ or []), *(rule.all_ or [])]:
        out += examples(sub)
    if rule.starts_with and rule.ends_with:
        out.insert(0, f"{rule.starts_with} {rule.ends_with}")
    if rule.min_words:
        base = out[0] if out else ""
        out.append((base + " " + " ".join(["word"] * rule.min_words)).strip())
    if rule.not_contains is not None or rule.empty is False or rule.not_ is not None:
        out.append("something else entirely")
    return out
