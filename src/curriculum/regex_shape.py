"""Slow regular expressions, found by their shape (pure, no timing).

A pattern backtracks catastrophically when one piece of text can be matched in very many
ways: a repeat inside a repeat (`(a+)+`, `(\\w+\\s?)*`), or alternatives that can start
with the same character under a repeat (`(a|ab)+`, `(\\d|\\w)*`). Looking at the pattern
itself gives the same answer on every machine and every release of `regex`; running it
against probes with a time budget did not. The run-time timeout in `rules` stays as the
guard when answers are checked.

`slow_shape(pattern)` names the shape found, or None. Patterns in the `regex` module's own
syntax that Python's parser does not know (`\\p{L}`, possessive repeats) are read with a
coarser textual test for nested repeats.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from typing import Any, Literal

try:  # Python's own regular expression parser: the tree of a pattern
    from re import _constants as C  # type: ignore[attr-defined]  # Python >= 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

Shape = Literal["nested", "overlap"]

# characters that stand for every class a pattern may start with
_PROBES = string.ascii_letters + string.digits + string.punctuation + " \t\néàç€\u00a0"
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))
_UNBOUNDED = C.MAXREPEAT
# a group closed by a repeat, then repeated again: (...+)+, (...*){2,}
_NESTED_TEXT = re.compile(r"[+*}]\)+[+*]|[+*}]\)+\{\d+,\d*\}")


def slow_shape(pattern: str) -> Shape | None:
    "'nested' for a repeat inside a repeat, 'overlap' for ambiguous alternatives, or None."
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, OverflowError, RecursionError, ValueError):
        return "nested" if _NESTED_TEXT.search(pattern) else None
    return _walk(list(tree))


Items = Sequence[tuple[Any, Any]]


def _walk(items: Items) -> Shape | None:
    "Look for a repeat (of more than once) whose body can match one text in two ways."
    for op, av in items:
        found: Shape | None = None
        if op in _REPEATS:
            _low, high, body = av
            body = list(body)
            if high == _UNBOUNDED or high > 1:
                found = _ambiguous(body, _first(body))
            found = found or _walk(body)
        elif op is C.SUBPATTERN:
            found = _walk(list(av[-1]))
        elif op is C.BRANCH:
            found = next((f for alt in av[1] if (f := _walk(list(alt)))), None)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found = _walk(list(av[1]))
        if found:
            return found
    return None


def _ambiguous(items: Items, after: set[str]) -> Shape | None:
    """Inside a repeated body: a variable repeat whose characters can also start what
    follows it, or alternatives that can start alike. `after` is what may come next."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        follow = _first(rest) | (after if _nullable(rest) else set())
        found: Shape | None = None
        if op in _REPEATS:
            low, high, body = av
            body = list(body)
            if low != high and _first(body) & follow:
                return "nested"
            found = _ambiguous(body, _first(body) | follow)
        elif op is C.SUBPATTERN:
            found = _ambiguous(list(av[-1]), follow)
        elif op is C.BRANCH:
            alts = [list(alt) for alt in av[1]]
            seen: set[str] = set()
            for alt in alts:
                starts = _first(alt) | (follow if _nullable(alt) else set())
                if starts & seen:
                    return "overlap"
                seen |= starts
            found = next((f for alt in alts if (f := _ambiguous(alt, follow))), None)
        if found:
            return found
    return None


def _nullable(items: Items) -> bool:
    "True when the items can match the empty text."
    for op, av in items:
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op in _REPEATS:
            ok = av[0] == 0 or _nullable(list(av[2]))
        elif op is C.SUBPATTERN:
            ok = _nullable(list(av[-1]))
        elif op is C.BRANCH:
            ok = any(_nullable(list(alt)) for alt in av[1])
        else:
            ok = False
        if not ok:
            return False
    return True


def _first(items: Items) -> set[str]:
    "The probe characters a sequence of items can start with."
    out: set[str] = set()
    for op, av in items:
        if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op in _REPEATS:
            out |= _first(list(av[2]))
        elif op is C.SUBPATTERN:
            out |= _first(list(av[-1]))
        elif op is C.BRANCH:
            for alt in av[1]:
                out |= _first(list(alt))
        else:
            return out | set(_matching(op, av))
        if not _nullable([(op, av)]):
            return out
    return out


def _matching(op: Any, av: Any) -> Iterable[str]:
    if op is C.LITERAL:
        return {chr(av)} | {chr(av).lower(), chr(av).upper()}
    if op is C.NOT_LITERAL:
        return {c for c in _PROBES if c != chr(av)}
    if op is C.ANY:
        return set(_PROBES)
    if op is C.IN:
        return {c for c in _PROBES if _in_class(c, av)}
    return set(_PROBES)  # anything else: assume it can start with anything


def _in_class(char: str, items: Sequence[tuple[Any, Any]]) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit |= char.lower() == chr(av).lower()
        elif op is C.RANGE:
            hit |= av[0] <= ord(char.lower()) <= av[1] or av[0] <= ord(char.upper()) <= av[1]
        elif op is C.CATEGORY:
            hit |= _category(char, av)
    return hit != negate


def _category(char: str, cat: Any) -> bool:
    name = str(cat).upper()
    if "NOT_DIGIT" in name:
        return not char.isdigit()
    if "DIGIT" in name:
        return char.isdigit()
    if "NOT_SPACE" in name:
        return not char.isspace()
    if "SPACE" in name:
        return char.isspace()
    if "NOT_WORD" in name:
        return not (char.isalnum() or char == "_")
    if "WORD" in name:
        return char.isalnum() or char == "_"
    return True
