"""French typography in lesson packs: the places where a plain space should be a no-break one.

French puts a space before ``; ! ? :`` and inside ``« »``; it must not break the line, so
it is a narrow no-break space (U+202F) before ``; ! ?``, a no-break space (U+00A0) before
``:`` and inside the quotes; and ``...`` is one character, ``…``.

Only prose is looked at (titles, goals, bodies, prompts, hints, feedback, options, the
practice apps' messages...), never ids, file names, answer rules, spreadsheet cells,
formulas, Markdown code spans, web or email addresses. Places are found in the file's text as
written (positions from `yamlread`), so the fix changes those characters and nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import CurriculumError
from .yamlread import Document, Path_, parse_yaml

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"  # no-break space
ELLIPSIS = "…"

# the keys whose text is prose (the last key above the value), and the keys below which
# nothing is (answer rules, sheets, a right answer as the senior would type it)
PROSE_KEYS = frozenset({
    "title", "goal", "summary", "mentor_intro", "body", "prompt", "hints", "solution",
    "feedback", "say", "otherwise", "mentor", "text", "task", "checklist", "alt",
    "subject", "says", "reply",
})
NOT_PROSE = frozenset({"accept", "expect", "when", "grid", "answer", "example", "editable"})


@dataclass(frozen=True)
class Place:
    "One character (or '...') to change, at a line and column of the file (1-based)."

    line: int
    column: int
    start: int  # offset in the text
    end: int
    new: str
    advice: str  # what to type, in plain words

    @property
    def message(self) -> str:
        return (f"French typography: {self.advice}; `curriculum fix typography PATH` does "
                "it in the whole pack")


_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # a space before ; ! ? (not in ;) ;-) nor before a Markdown image ![...])
    (re.compile(r"(?<=\S)( +)(?=;(?!-?\))|!(?!\[)|\?)"), NNBSP,
     "type a narrow no-break space (U+202F) before '{mark}', not a plain space"),
    # a space before : (not in smileys like :) :-( :D)
    (re.compile(r"(?<=\S)( +)(?=:(?!-?[()DPp](?![\w])))"), NBSP,
     "type a no-break space (U+00A0) before ':', not a plain space"),
    (re.compile(r"(?<=«)( +)(?=\S)"), NBSP,
     "type a no-break space (U+00A0) after '«', not a plain space"),
    (re.compile(r"(?<=\S)( +)(?=»)"), NBSP,
     "type a no-break space (U+00A0) before '»', not a plain space"),
    (re.compile(r"(?<!\.)(\.\.\.)(?!\.)"), ELLIPSIS,
     "type the ellipsis '…' (one character), not three dots"),
)

# parts of prose that are not prose: code, addresses, link targets
_MASKS = re.compile(
    r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)"  # fenced code
    r"|(`+)[^`]*?\1"  # `code` spans
    r"|=[A-Za-zÀ-ÿ.]+\((?:[^()\n]|\([^()\n]*\))*\)"  # a formula: =SI(A1>0 ; 1 ; 0)
    r"|\]\([^)\s]*\)"  # a link's target: [words](target)
    r"|<[^>\s]+>"  # <https://...> autolinks
    r"|\b[a-zA-Z][\w+.-]*://\S+"  # web addresses
    r"|\bwww\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # email addresses
    re.S,
)
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def is_french(language: object) -> bool:
    "fr, fr-BE, fr_CA..."
    return isinstance(language, str) and re.split(r"[-_]", language)[0].lower() == "fr"


def is_prose(path: Path_) -> bool:
    "Whether the text at this YAML path is prose (see PROSE_KEYS and NOT_PROSE)."
    keys = [p for p in path if isinstance(p, str)]
    if not keys or any(k in NOT_PROSE for k in keys):
        return False
    if len(path) == 2 and path[0] == "glossary":  # pack.yaml: a term's explanation
        return True
    return keys[-1] in PROSE_KEYS


def places(doc: Document) -> list[Place]:
    "Every place of a parsed file where French typography wants another character."
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(doc.text))]
    found: dict[int, Place] = {}
    spans = {span for path, span in doc.scalars.items() if is_prose(path)}  # aliases: once
    for line, col, end_line, end_col, _style in sorted(spans):
        if end_line > len(starts):
            continue
        begin = starts[line - 1] + col - 1
        end = starts[end_line - 1] + end_col - 1
        for place in _in_text(doc.text, begin, end, starts):
            found.setdefault(place.start, place)
    return [found[k] for k in sorted(found)]


def _in_text(text: str, begin: int, end: int, starts: list[int]) -> Iterator[Place]:
    source = text[begin:end]
    masked = [(m.start(), m.end()) for m in _MASKS.finditer(source)]
    for pattern, new, advice in _RULES:
        for m in pattern.finditer(source):
            at = m.start(1)
            if any(a <= at < b for a, b in masked):
                continue
            offset = begin + at
            line = bisect_right(starts, offset)
            mark = source[m.end(1): m.end(1) + 1]
            yield Place(line, offset - starts[line - 1] + 1, offset, begin + m.end(1), new,
                        advice.format(mark=mark))


def fixed(text: str, found: list[Place]) -> str:
    "The text with every place changed (and nothing else)."
    out, last = [], 0
    for place in sorted(found, key=lambda p: p.start):
        out += [text[last: place.start], place.new]
        last = place.end
    out.append(text[last:])
    return "".join(out)


BOM = "\ufeff"


def read_text(path: Path) -> str:
    "A pack file's text, exactly as written (a byte order mark kept)."
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise CurriculumError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CurriculumError(f"{path}: the file is not UTF-8 text: save it as UTF-8") from exc


def parse(path: Path, text: str) -> Document:
    "Parse a pack file's text; a file YAML cannot read is a CurriculumError."
    doc = parse_yaml(text.removeprefix(BOM))
    if doc.issues:
        line, col, message = doc.issues[0]
        raise CurriculumError(f"{path}:{line}:{col}: {message} (fix this first: "
                              "`curriculum validate` lists every problem)")
    return doc


def fix_file(path: Path) -> list[Place]:
    "Change every place of one file in the file itself; the places changed."
    text = read_text(path)
    found = places(parse(path, text))
    if found:
        bom = BOM if text.startswith(BOM) else ""
        new = bom + fixed(text.removeprefix(BOM), found)
        path.write_bytes(new.encode("utf-8"))
    return found


def pack_language(pack_file: Path) -> object:
    "The `language:` of a pack.yaml (None when it has none)."
    data = parse(pack_file, read_text(pack_file)).data
    return data.get("language") if isinstance(data, dict) else None
