"""The spreadsheet app's semantic checks: cells inside the grid, formulas that can be read
in the pack's language, known functions, ranges, a sort that can be done."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..messages import did_you_mean
from ..model.spreadsheet import CellRule, SheetRules, SortedBy, SpreadsheetStep
from . import spreadsheet_formulas as sf
from .fields import Found, options_of
from .spreadsheet import (
    FIRST_DATA_ROW,
    editable_cells,
    sheet_lang,
    size,
    sorts,
    start_sheet,
    step_raw,
)
from .spreadsheet_format import cells_of, parse_format
from .spreadsheet_formulas import Cell, cell_name, parse_cell


@lru_cache(maxsize=256)
def _language_of(pack_file: str, stamp: float) -> str:
    from ..yamlread import read_yaml

    data = read_yaml(Path(pack_file)).data
    language = data.get("language") if isinstance(data, dict) else None
    return sheet_lang(language) if isinstance(language, str) else ""


def pack_language(folder: Path) -> str:
    "The pack's language ('en' or 'fr'), or '' when pack.yaml does not say."
    path = folder / "pack.yaml"
    try:
        return _language_of(str(path), path.stat().st_mtime)
    except OSError:
        return ""


def _grid_text(step: SpreadsheetStep) -> str:
    rows, cols = size(step)
    return (f"the grid has columns A to {sf.column_letters(max(cols, 1))} and rows 1 to "
            f"{rows}")


def _formula_problem(raw: str, lang: str) -> str | None:
    "Why a formula cannot be read in the pack's language (in either one if not known)."
    langs = [lang] if lang else ["en", "fr"]
    found = [sf.problem(raw, la) for la in langs]
    return None if any(p is None for p in found) else found[0]


def _format_problems(step: SpreadsheetStep) -> Iterator[Found]:
    "Each number format names cells inside the grid and is a pattern the grid can show."
    rows, cols = size(step)
    for target, pattern in (step.formats or {}).items():
        cells = list(cells_of(target, rows, cols))
        if not cells:
            yield ("formats", target), "error", (
                f"'{target}' is not a cell, a range or a column: write B4, B2:B6 or B")
        elif any(r > rows or c > cols for r, c in cells):
            yield ("formats", target), "error", f"'{target}' is outside the sheet: " \
                f"{_grid_text(step)}"
        if parse_format(pattern) is None:
            yield ("formats", target), "error", (
                f"'{pattern}' is not a number format: write it like 0.00 €, #,##0 or 0%")


def problems(step: SpreadsheetStep, folder: Path) -> Iterator[Found]:
    lang = pack_language(folder)
    yield from _format_problems(step)
    for r, row in enumerate(step.grid):
        for c, raw in enumerate(row):
            if sf.is_formula(raw):
                why = _formula_problem(str(raw), lang)
                if why:
                    yield ("grid", r, c), "error", (
                        f"the formula '{raw}' in {cell_name((r + 1, c + 1))} cannot be read: "
                        f"{why}")
    if start_sheet(step, lang or "en").too_much_work:
        yield ("grid",), "error", (
            f"the sheet takes too much work to compute (more than {sf.MAX_WORK:,} cells "
            "read): use fewer formulas or smaller ranges")
    inside = set(editable_cells(step))
    if step.editable is not None:
        for i, name in enumerate(step.editable):
            yield from _cell_name_problems(step, name, ("editable", i))
    if not inside and not sorts(step):
        where = ("editable",) if step.editable is not None else ("grid",)
        yield where, "warning", (
            "the senior cannot type in any cell: list cells in 'editable', or leave some "
            "cells empty (\"\")")
    yield from _rules_problems(step, step.expect, ("expect",), lang, inside)
    for i, fb in enumerate(step.feedback):
        yield from _rules_problems(step, fb.when, ("feedback", i, "when"), lang, inside)
    for name, raw in (step.answer or {}).items():
        where = ("answer", name)
        bad = list(_cell_name_problems(step, name, where))
        yield from bad
        cell = parse_cell(name)
        if bad or cell is None:
            continue
        if cell not in inside:
            yield where, "error", (f"cell {name} is not editable: the senior cannot type "
                                   "there, so the answer cannot either")
        if sf.is_formula(raw):
            why = _formula_problem(str(raw), lang)
            if why:
                yield where, "error", f"the formula '{raw}' cannot be read: {why}"


def _cell_name_problems(step: SpreadsheetStep, name: str,
                        where: tuple[Any, ...]) -> Iterator[Found]:
    cell = parse_cell(name)
    rows, cols = size(step)
    if cell is None:
        yield where, "error", f"'{name}' is not a cell name: write it like B4"
    elif not (cell[0] <= rows and cell[1] <= cols):
        yield where, "error", f"cell {name} is outside the grid: {_grid_text(step)}"


def _rules_problems(step: SpreadsheetStep, rules: SheetRules, where: tuple[Any, ...],
                    lang: str, editable: set[Cell]) -> Iterator[Found]:
    from ..semantics import pattern_problems

    options = options_of(step)
    for name, rule in (rules.model_extra or {}).items():
        at = (*where, name)
        cell = parse_cell(name)
        bad = list(_cell_name_problems(step, name, at))
        yield from bad
        if bad or cell is None:
            continue
        yield from pattern_problems(rule, at, options)
        yield from _cell_rule_problems(step, rule, at)
        if rule.is_blank():
            yield at, "warning", f"the rule on {name} is empty: it holds for every sheet"
        elif (cell not in editable and not sorts(step) and where == ("expect",)
              and not sf.is_formula(step_raw(step, cell))):
            yield at, "warning", (f"the senior cannot type in {name}: this rule gives the same "
                                  "result whatever they do (add it to 'editable'?)")
    if rules.sorted_by is not None:
        yield from _sort_problems(step, rules.sorted_by, (*where, "sorted_by"))


def _cell_rule_problems(step: SpreadsheetStep, rule: CellRule,
                        at: tuple[Any, ...]) -> Iterator[Found]:
    if isinstance(rule.equals, list):
        yield (*at, "equals"), "error", ("'equals' takes one value on a cell: use one_of for "
                                         "several")
    for j, name in enumerate(rule.uses or []):
        if sf.canonical_function(name) is None:
            yield (*at, "uses", j), "error", (
                f"unknown function '{name}'{did_you_mean(name.upper(), sf.FUNCTION_NAMES)}; "
                f"the functions are: {', '.join(sf.FUNCTION_NAMES)}")
    if rule.refs is not None:
        corners = sf.parse_range(rule.refs)
        rows, cols = size(step)
        if corners is None:
            yield (*at, "refs"), "error", (f"refs '{rule.refs}' is not a range: write it like "
                                           "B2:B5 (or one cell, like B2)")
        elif corners[1][0] > rows or corners[1][1] > cols:
            yield (*at, "refs"), "error", (f"refs '{rule.refs}' goes outside the grid: "
                                           f"{_grid_text(step)}")
    for k, sub in enumerate(rule.any_ or []):
        yield from _cell_rule_problems(step, sub, (*at, "any", k))
    for k, sub in enumerate(rule.all_ or []):
        yield from _cell_rule_problems(step, sub, (*at, "all", k))
    if rule.not_ is not None:
        yield from _cell_rule_problems(step, rule.not_, (*at, "not"))


def _sort_problems(step: SpreadsheetStep, rule: SortedBy,
                   at: tuple[Any, ...]) -> Iterator[Found]:
    rows, cols = size(step)
    if sf.column_number(rule.column) > cols:
        yield (*at, "column"), "error", (f"column {rule.column.upper()} is outside the grid: "
                                         f"{_grid_text(step)}")
    if rows < FIRST_DATA_ROW + 1:
        yield at, "error", ("nothing to sort: sorting keeps row 1 (the headings) and needs at "
                            "least two rows below it")
    for r in range(FIRST_DATA_ROW, rows + 1):
        for c, raw in enumerate(step.grid[r - 1], 1):
            if sf.is_formula(raw):
                yield at, "error", (f"cell {cell_name((r, c))} holds a formula: the rows of a "
                                    "sorting task must hold typed values")
                return
