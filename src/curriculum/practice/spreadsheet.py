"""The spreadsheet practice app's engine (pure: a sheet in, an outcome out).

The senior's answer (recorded with the attempt) is what they did to the sheet:

    {"cells": {"B4": "=SUM(B2:B3)"},   # what they typed, by cell (only editable cells)
     "order": [3, 2, 4]}                # sorting tasks: the old row numbers of the data
                                        # rows (every row below the first), in their new order

Cells are typed after the rows are sorted (a name like B4 means the cell shown there).
Nothing changed is a blank answer (not an attempt). The rules (`expect`, feedback `when`)
name cells, and `sorted_by`; see `model.spreadsheet`. Formulas are computed by our own
evaluator (`spreadsheet_formulas`) in the pack's language (`lang`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checking import Outcome
from ..model import Rule
from ..model.spreadsheet import CellRule, SheetRules, SortedBy, SpreadsheetStep
from ..rules import Options, matches, normalise, parse_number
from . import spreadsheet_formulas as sf
from .fields import Found, options_of, verdict
from .spreadsheet_formulas import Cell, Sheet, parse_cell

FIELDS: tuple[str, ...] = ("sorted_by",)  # and every cell name, like B4
FIRST_DATA_ROW = 2  # row 1 holds the headings: sorting keeps it in place
MAX_TYPED = 5000  # characters in one cell
_TEXT_KEYS = ("equals", "one_of", "contains", "not_contains", "contains_all", "contains_any",
              "starts_with", "ends_with", "close_to", "min_words", "max_words", "empty",
              "regex", "number")
_TRIALS = ((2.0, 1.0), (0.5, 3.0), (-1.5, 7.25))  # robust: each number becomes x*a + b + ...


def sheet_lang(lang: str) -> str:
    return "fr" if lang.lower().startswith("fr") else "en"


# --- the sheet the step starts with ---------------------------------------------------


def size(step: SpreadsheetStep) -> tuple[int, int]:
    "Rows and columns of the grid."
    return len(step.grid), max((len(row) for row in step.grid), default=0)


def start_sheet(step: SpreadsheetStep, lang: str = "en") -> Sheet:
    rows, cols = size(step)
    return Sheet(step.grid, sheet_lang(lang), rows, cols)


def editable_cells(step: SpreadsheetStep) -> list[Cell]:
    "The cells the senior may type in, row by row (default: every empty cell)."
    rows, cols = size(step)
    if step.editable is not None:
        found = [parse_cell(name) for name in step.editable]
        cells = [c for c in found if c is not None and 1 <= c[0] <= rows and 1 <= c[1] <= cols]
        return sorted(set(cells))
    raw = start_sheet(step).raw
    return [(r, c) for r in range(1, rows + 1) for c in range(1, cols + 1) if (r, c) not in raw]


def step_raw(step: SpreadsheetStep, cell: Cell) -> Any:
    "What the grid holds in a cell (None outside it)."
    r, c = cell
    row = step.grid[r - 1] if 1 <= r <= len(step.grid) else []
    return row[c - 1] if 1 <= c <= len(row) else None


def sorts(step: SpreadsheetStep) -> bool:
    "Whether the task (or a feedback) is about sorting the rows."
    return step.expect.sorted_by is not None or any(
        fb.when.sorted_by is not None for fb in step.feedback)


def data_rows(step: SpreadsheetStep) -> list[int]:
    return list(range(FIRST_DATA_ROW, size(step)[0] + 1))


def raw_text(raw: Any, lang: str = "en") -> str:
    "What the formula bar shows for a cell's content (numbers in the language's way)."
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return sf.booleans(sheet_lang(lang))[0 if raw else 1]
    if isinstance(raw, int | float):
        return sf.format_number(float(raw), sheet_lang(lang))
    return str(raw)


def _same(a: Any, b: Any, lang: str) -> bool:
    "Whether two contents of a cell are the same (1.2 typed as '1,2' in French is)."
    if sf.is_formula(a) or sf.is_formula(b):
        return str(a).strip() == str(b).strip()
    return sf.literal(a, lang) == sf.literal(b, lang)


# --- reading an answer ----------------------------------------------------------------


@dataclass(frozen=True)
class Played:
    "The senior's sheet, and whether they changed anything."

    sheet: Sheet
    order: tuple[int, ...]
    edits: dict[Cell, Any]
    changed: bool


def read_answer(step: SpreadsheetStep, answer: Any, lang: str = "en") -> Played | None:
    "The sheet the senior made, or None when the answer cannot be read."
    if not isinstance(answer, Mapping):
        return None
    cells, order = answer.get("cells", {}), answer.get("order")
    if cells is None:
        cells = {}
    if not isinstance(cells, Mapping):
        return None
    allowed = set(editable_cells(step))
    edits: dict[Cell, Any] = {}
    for name, raw in cells.items():
        cell = parse_cell(name) if isinstance(name, str) else None
        if cell is None or cell not in allowed:
            return None
        if raw is not None and not isinstance(raw, str | int | float | bool):
            return None
        if isinstance(raw, str) and len(raw) > MAX_TYPED:
            return None
        edits[cell] = raw
    rows = data_rows(step)
    if order is None:
        order = rows
    if (not isinstance(order, Sequence) or isinstance(order, str)
            or not all(isinstance(r, int) and not isinstance(r, bool) for r in order)
            or sorted(order) != rows):
        return None
    base = start_sheet(step, lang)
    sheet = base.reordered(order, FIRST_DATA_ROW) if list(order) != rows else base
    changed = list(order) != rows or any(
        not _same(raw, sheet.raw.get(cell), sheet.lang) for cell, raw in edits.items())
    return Played(sheet.edited(edits), tuple(order), edits, changed)


# --- rules on cells ---------------------------------------------------------------------


@dataclass(frozen=True)
class CellView:
    "One cell of the senior's sheet, as the rules see it."

    sheet: Sheet
    cell: Cell
    reference: Sheet | None = None  # the step's right sheet, for `robust`

    @property
    def shown(self) -> str:
        return self.sheet.shown(self.cell)

    @property
    def is_formula(self) -> bool:
        return sf.is_formula(self.sheet.raw.get(self.cell))


def text_rule(rule: CellRule) -> Rule | None:
    "The rule-language part of a cell rule (on the text shown), or None if it has none."
    data = {k: getattr(rule, k) for k in _TEXT_KEYS if getattr(rule, k) is not None}
    if not data:
        return None
    if rule.number is not None and rule.tolerance is not None:
        data["tolerance"] = rule.tolerance
    return Rule.model_validate(data)


def _close(a: float, b: float, tolerance: float | None) -> bool:
    return abs(a - b) <= (tolerance or 0.0) + 1e-9 * max(1.0, abs(a), abs(b))


def value_holds(expected: bool | float | str, actual: sf.Value, tolerance: float | None,
                lang: str, options: Options) -> bool:
    "Whether a cell computes the expected value (a number within tolerance, or a text)."
    if isinstance(expected, bool):
        return actual is expected
    if isinstance(actual, bool | sf.Error):
        return isinstance(expected, str) and normalise(sf.show(actual, lang), options) == \
            normalise(expected, options)
    if isinstance(expected, float):
        return isinstance(actual, float) and _close(actual, expected, tolerance)
    wanted = parse_number(expected) if isinstance(actual, float) else None
    if wanted is not None and isinstance(actual, float):
        return _close(actual, wanted, tolerance)
    return normalise(sf.show(actual, lang), options) == normalise(expected, options)


def cell_holds(rule: CellRule, view: CellView, options: Options) -> bool:
    "Whether every key of a cell rule holds for the cell."
    sheet, cell = view.sheet, view.cell
    base = text_rule(rule)
    if base is not None and not matches(base, view.shown, options):
        return False
    if rule.value is not None and not value_holds(rule.value, sheet.value(cell), rule.tolerance,
                                                  sheet.lang, options):
        return False
    if rule.formula is not None and view.is_formula != rule.formula:
        return False
    if rule.uses is not None:
        used = sheet.functions(cell)
        if not view.is_formula or not all(
                (sf.canonical_function(u) or sf.fold(u)) in used for u in rule.uses):
            return False
    if rule.refs is not None:
        referred, outside = sheet.referred(cell)
        if outside or referred != set(sf.cells_of(rule.refs)):
            return False
    if rule.robust is not None and robust(view, rule.tolerance) != rule.robust:
        return False
    if rule.any_ is not None and not any(cell_holds(r, view, options) for r in rule.any_):
        return False
    if rule.all_ is not None and not all(cell_holds(r, view, options) for r in rule.all_):
        return False
    return rule.not_ is None or not cell_holds(rule.not_, view, options)


def perturbed(sheet: Sheet, keep: Cell, trial: int) -> dict[Cell, Any]:
    "New contents for every typed number and text of a sheet (but `keep`), for one trial."
    a, b = _TRIALS[trial]
    out: dict[Cell, Any] = {}
    for k, (cell, raw) in enumerate(sorted(sheet.raw.items())):
        if cell == keep or sf.is_formula(raw):
            continue
        value = sf.literal(raw, sheet.lang)
        if isinstance(value, float):
            out[cell] = value * a + b + 0.13 * k
        elif isinstance(value, str):
            out[cell] = f"'{value} {trial}{k}"
    return out


def robust(view: CellView, tolerance: float | None = None) -> bool:
    """Whether the cell still gives the right answer when the sheet's numbers change.

    With the step's right sheet (`answer`), "right" means what the right sheet gives with
    the same changes; without it, that the value follows the data (it changes with them).
    A typed number fails both ways."""
    if not view.is_formula or isinstance(view.sheet.value(view.cell), sf.Error):
        return False
    before = view.sheet.value(view.cell)
    changed = False
    for trial in range(len(_TRIALS)):
        inputs = perturbed(view.sheet, view.cell, trial)
        mine = view.sheet.edited(inputs).value(view.cell)
        if view.reference is not None:
            right = view.reference.edited(inputs).value(view.cell)
            if isinstance(right, sf.Error):
                continue  # a change the right formula cannot take either
            if not _equal_values(mine, right, tolerance):
                return False
        elif not _equal_values(mine, before, None):
            changed = True
    return view.reference is not None or changed


def _equal_values(a: sf.Value, b: sf.Value, tolerance: float | None) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return _close(a, b, tolerance)
    return type(a) is type(b) and a == b


def sorted_holds(rule: SortedBy, sheet: Sheet) -> bool:
    "Whether the data rows are in order of the column (empty cells last, either way)."
    col = sf.column_number(rule.column)
    keys = [sheet.value((r, col)) for r in range(FIRST_DATA_ROW, sheet.rows + 1)]
    filled = [sf.sort_key(v) for v in keys if v is not None and v != ""]
    blanks_last = all(v is None or v == "" for v in keys[len(filled):])
    wanted = sorted(filled, reverse=rule.order == "descending")
    return blanks_last and filled == wanted


def holds(rules: SheetRules, played: Played, options: Options,
          reference: Sheet | None) -> bool:
    "Whether every rule holds for the senior's sheet."
    for name, rule in rules.rules().items():
        if isinstance(rule, SortedBy):
            if not sorted_holds(rule, played.sheet):
                return False
            continue
        cell = parse_cell(name)
        if cell is None:
            return False
        if not cell_holds(rule, CellView(played.sheet, cell, reference), options):
            return False
    return True


def reference_sheet(step: SpreadsheetStep, played: Played, lang: str) -> Sheet | None:
    "The right sheet in the senior's row order, from the step's `answer`."
    if not step.answer:
        return None
    base = start_sheet(step, lang)
    if list(played.order) != data_rows(step):
        base = base.reordered(played.order, FIRST_DATA_ROW)
    cells = {parse_cell(k): v for k, v in step.answer.items()}
    return base.edited({c: v for c, v in cells.items() if c is not None})


# --- the engine's interface -----------------------------------------------------------


def check(step: SpreadsheetStep, answer: Any, lang: str = "en") -> Outcome:
    played = read_answer(step, answer, lang)
    if played is None:
        return Outcome("invalid", notice="check.unreadable")
    if not played.changed:
        return Outcome("invalid", notice="check.sheet_blank")
    options = options_of(step)
    reference = reference_sheet(step, played, lang)
    if holds(step.expect, played, options, reference):
        return Outcome("correct", notice="check.correct", rule="expect")
    slip = range_slip(step, played.sheet)
    if slip is not None:
        return slip
    return verdict(step, step.expect, lambda rules: holds(rules, played, options, reference))


def range_slip(step: SpreadsheetStep, sheet: Sheet) -> Outcome | None:
    """A formula that takes only the two ends of the range it should take (=SUM(B2;B5) for
    B2:B5, a likely slip of ; for :) is told so, whatever the pack's feedback would say."""
    for name, rule in step.expect.rules().items():
        cell = parse_cell(name)
        box = sf.parse_range(rule.refs) if isinstance(rule, CellRule) and rule.refs else None
        if cell is None or box is None or not sf.is_formula(sheet.raw.get(cell)):
            continue
        first, last = box
        found, _ = sheet.referred(cell)
        if found == {first, last} and first != last and _between(first, last):
            added = bool(sheet.functions(cell) & {"SUM", "SOMME"})
            return Outcome("wrong", notice="sheet.slip_added" if added else "sheet.slip_took",
                           params={"cell": name, "first": sf.cell_name(first),
                                   "last": sf.cell_name(last),
                                   "range": f"{sf.cell_name(first)}:{sf.cell_name(last)}"},
                           rule="slip")
    return None


def _between(first: Cell, last: Cell) -> bool:
    "True when there are cells between the two ends of a range."
    return abs(last[0] - first[0]) + abs(last[1] - first[1]) > 1


def sort_order(sheet: Sheet, column: str, order: str, rows: Sequence[int]) -> list[int]:
    "The old row numbers of the data rows once sorted by a column (stable; blanks last)."
    col = sf.column_number(column)
    filled = [r for r in rows if sheet.value((r, col)) not in (None, "")]
    blank = [r for r in rows if r not in filled]
    filled.sort(key=lambda r: sf.sort_key(sheet.value((r, col))),
                reverse=order == "descending")
    return filled + blank


# --- self-test, the answer, semantic checks (in spreadsheet_selftest / _problems) ------


def selftest(step: SpreadsheetStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    from .spreadsheet_selftest import selftest as run

    yield from run(step, lang)


def solution_markdown(step: SpreadsheetStep) -> str | None:
    from .spreadsheet_selftest import solution_markdown as show

    return show(step)


def right_answer(step: SpreadsheetStep, lang: str = "en") -> dict[str, Any] | None:
    from .spreadsheet_selftest import right_answer as made

    return made(step, lang)


def problems(step: SpreadsheetStep, folder: Path) -> Iterator[Found]:
    from .spreadsheet_problems import problems as found

    yield from found(step, folder)

