"""How the practice sheet shows numbers: as the pack wrote them, in the pack's language.

A pack may give cells a number format (`formats: {B: "0.00 €"}`): the grid then shows
"1,20 €" in a French pack and "1.20 €" in an English one. Without a format, a number keeps
the decimals it was written with ("1.20" stays 1.20 rather than 1.2), and a formula shows
its result with the format of the first cell it reads that has one, as spreadsheets do when
they add up prices. Formats only change what is shown: the checks look at the values.

A format is a small pattern: `0` (whole numbers), `0.00` (two decimals), `#,##0.00` (with a
thousands separator), with text before or after it (`€`, ` €`, `$`, ` kg`), or a `%` at the
end (the value times 100).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import spreadsheet_formulas as sf

_PATTERN = re.compile(r"^(?P<before>[^#0]*?)(?P<group>#,##)?(?P<int>0)(?:\.(?P<dec>0+))?"
                      r"(?P<after>[^#0]*)$")
_WRITTEN = re.compile(r"^-?\d+\.(\d+)$")
_AFFIX = re.compile(r"^[^\d=\"<>`\\]{0,8}$")  # a short text of no digits nor markup
MAX_DECIMALS = 10
# thousands and the space before a unit, as each language writes them
_GROUP = {"fr": "\u202f", "en": ","}
_DECIMAL = {"fr": ",", "en": "."}


@dataclass(frozen=True)
class NumberFormat:
    decimals: int = 0
    grouped: bool = False
    before: str = ""
    after: str = ""
    percent: bool = False

    def render(self, x: float, lang: str) -> str:
        lang = "fr" if lang.lower().startswith("fr") else "en"
        if not math.isfinite(x):
            return sf.show(x, lang)
        value = x * 100 if self.percent else x
        text = f"{abs(value):,.{self.decimals}f}" if self.grouped else \
            f"{abs(value):.{self.decimals}f}"
        text = text.replace(",", "\x00").replace(".", _DECIMAL[lang]).replace("\x00",
                                                                              _GROUP[lang])
        sign = "-" if value < 0 and round(abs(value), self.decimals) else ""
        before, after = self.before, self.after + ("%" if self.percent else "")
        if lang == "fr":  # "12,50 €", "5 %": a no-break space before a unit or a sign
            before, after = before.replace(" ", "\u00a0"), after.replace(" ", "\u00a0")
            if self.percent and not self.after:
                after = "\u00a0%"
        return f"{sign}{before}{text}{after}"


def parse_format(pattern: str) -> NumberFormat | None:
    "The format a pattern describes, or None when it is not one."
    text = pattern.strip()
    percent = text.endswith("%")
    if percent:
        text = text[:-1].rstrip()
    m = _PATTERN.match(text)
    if not m or not _AFFIX.match(m["before"]) or not _AFFIX.match(m["after"]):
        return None
    decimals = len(m["dec"] or "")
    if decimals > MAX_DECIMALS:
        return None
    return NumberFormat(decimals, bool(m["group"]), m["before"], m["after"], percent)


def written_decimals(raw: Any) -> NumberFormat | None:
    "A number written with decimals ('1.20') keeps them; anything else has no format."
    if isinstance(raw, str):
        m = _WRITTEN.match(raw.strip())
        if m and len(m[1]) <= MAX_DECIMALS:
            return NumberFormat(len(m[1]))
    return None


def cells_of(target: str, rows: int, cols: int) -> Iterator[sf.Cell]:
    "The cells a format key names: a cell (B4), a range (B2:B6) or a column (B)."
    if re.fullmatch(r"[A-Za-z]{1,3}", target):
        col = sf.column_number(target.upper())
        yield from ((r, col) for r in range(1, rows + 1))
        return
    box = sf.parse_range(target) if ":" in target else None
    if box is not None:
        (r1, c1), (r2, c2) = box
        yield from ((r, c) for r in range(min(r1, r2), max(r1, r2) + 1)
                    for c in range(min(c1, c2), max(c1, c2) + 1))
        return
    cell = sf.parse_cell(target)
    if cell is not None:
        yield cell


@dataclass(frozen=True)
class Formats:
    "The pack's formats by cell, and the decimals numbers were written with."

    given: Mapping[sf.Cell, NumberFormat]
    written: Mapping[sf.Cell, NumberFormat]


def formats_for(patterns: Mapping[str, str] | None, sheet: sf.Sheet) -> Formats:
    "Each cell's number format: from the pack's `formats`, else as its number was written."
    given: dict[sf.Cell, NumberFormat] = {}
    for target, pattern in (patterns or {}).items():
        fmt = parse_format(str(pattern))
        if fmt is not None:
            for cell in cells_of(str(target), sheet.rows, sheet.cols):
                given[cell] = fmt
    written = {cell: fmt for cell, raw in sheet.raw.items()
               if (fmt := written_decimals(raw)) is not None}
    return Formats(given, written)


def shown(sheet: sf.Sheet, cell: sf.Cell, formats: Formats) -> str:
    "What the grid shows in a cell: its value, in its format (or the sheet's General one)."
    value = sheet.value(cell)
    if not isinstance(value, float) or isinstance(value, bool):
        return sheet.shown(cell)
    fmt = formats.given.get(cell) or formats.written.get(cell)
    if fmt is None and sf.is_formula(sheet.raw.get(cell)):
        found, _ = sheet.referred(cell)  # a total of prices is shown as a price
        fmt = next((formats.given[c] for c in sorted(found) if c in formats.given), None)
    return fmt.render(value, sheet.lang) if fmt is not None else sheet.shown(cell)
