"""The spreadsheet app's self-test and "show the answer": a right sheet made from the
step (its `answer`, or guessed from its rules), samples for each feedback, typical
mistakes (a typed number, a wrong word, rows upside down)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..checking import check
from ..model import Rule
from ..model.spreadsheet import CellRule, SheetRules, SortedBy, SpreadsheetStep
from ..render import escape
from . import spreadsheet_formulas as sf
from .fields import feedback_tries, options_of
from .spreadsheet import (
    CellView,
    cell_holds,
    data_rows,
    editable_cells,
    raw_text,
    read_answer,
    sort_order,
    sorted_holds,
    start_sheet,
    text_rule,
)
from .spreadsheet_formulas import Cell, Sheet, cell_name, parse_cell


def numbers_next_to(sheet: Sheet, cell: Cell) -> list[str]:
    "The ranges of typed numbers just above a cell, and just left of it (like AutoSum)."
    out = []
    for dr, dc in ((-1, 0), (0, -1)):
        r, c = cell[0] + dr, cell[1] + dc
        last = (r, c)
        first = None
        while r >= 1 and c >= 1 and isinstance(sheet.value((r, c)), float) \
                and not sf.is_formula(sheet.raw.get((r, c))):
            first = (r, c)
            r, c = r + dr, c + dc
        if first is not None:
            out.append(f"{cell_name(first)}:{cell_name(last)}")
    return out


def _guesses(rule: CellRule, lang: str, ranges: Sequence[str] = ()) -> list[str]:
    "What one might type to satisfy a cell rule, most likely first."
    from ..selftest import candidates

    out: list[str] = []
    for function in rule.uses or []:
        name = sf.local_name(sf.canonical_function(function) or function, lang)
        out += [f"={name}({where})" for where in ([rule.refs] if rule.refs else ranges)]
    if rule.refs:
        out.append("=" + "+".join(cell_name(c) for c in sf.cells_of(rule.refs)))
    if rule.value is not None:
        shown = rule.value if isinstance(rule.value, str) else sf.show(
            rule.value if isinstance(rule.value, bool) else float(rule.value), lang)
        out.append(("=" + shown) if rule.formula and not isinstance(rule.value, str)
                   else shown)
    out += candidates(text_rule(rule) or Rule())
    for sub in [*(rule.any_ or []), *(rule.all_ or [])]:
        out += _guesses(sub, lang, ranges)
    if rule.formula is False or rule.empty is False:
        out.append("12")
    return [g for g in out if g is not None]


def _cells(step: SpreadsheetStep, rules: SheetRules, lang: str,
           start: Mapping[Cell, Any]) -> dict[Cell, Any] | None:
    "Edits that make each cell rule hold on its own, or None if some cannot be found."
    editable = set(editable_cells(step))
    edits = dict(start)
    options = options_of(step)
    for name, rule in rules.rules().items():
        cell = parse_cell(name)
        if isinstance(rule, SortedBy) or cell is None or cell in edits:
            continue
        if cell not in editable:
            continue
        base = start_sheet(step, lang)
        found = None
        for guess in _guesses(rule, lang, numbers_next_to(base, cell)):
            view = CellView(base.edited({**edits, cell: guess}), cell)
            if cell_holds(rule.model_copy(update={"robust": None}), view, options):
                found = guess
                break
        if found is None:
            return None
        edits[cell] = found
    return edits


def right_answer(step: SpreadsheetStep, lang: str = "en") -> dict[str, Any] | None:
    "An answer that should pass: the step's `answer`, or one made from its rules."
    if step.answer is not None:
        cells = {k.upper(): v for k, v in step.answer.items()}
    else:
        edits = _cells(step, step.expect, lang, {})
        if edits is None:
            return None
        cells = {cell_name(c): v for c, v in edits.items()}
    out: dict[str, Any] = {"cells": cells}
    if step.expect.sorted_by is not None:
        rule = step.expect.sorted_by
        out["order"] = sort_order(start_sheet(step, lang), rule.column, rule.order,
                                  data_rows(step))
    return out


def _sample(step: SpreadsheetStep, when: SheetRules, lang: str) -> dict[str, Any] | None:
    "An answer for which a feedback's `when` holds, or None."
    edits = _cells(step, when, lang, {})
    if edits is None:
        return None
    out: dict[str, Any] = {"cells": {cell_name(c): v for c, v in edits.items()}}
    if when.sorted_by is not None:
        out["order"] = sort_order(start_sheet(step, lang), when.sorted_by.column,
                                  when.sorted_by.order, data_rows(step))
    return out


def selftest(step: SpreadsheetStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    blank = check(step, {"cells": {}}, lang)
    yield blank.status == "invalid", f"an untouched sheet should be invalid, got {blank.status}"
    right = right_answer(step, lang)
    yield right is not None, ("no right sheet can be made from 'expect': add answer: with "
                              "what to type in each cell, like {B4: \"=SUM(B2:B3)\"}")
    if right is not None:
        out = check(step, right, lang)
        yield out.status == "correct", (f"the right sheet {right} is not accepted "
                                        f"({out.status}): check 'expect' and 'answer'")
    for i, sample, out in feedback_tries(step, lambda when: _sample(step, when, lang),
                                         lambda sheet: check(step, sheet, lang)):
        yield out.status == "wrong" and bool(out.feedback), \
            f"feedback rule {i + 1}: the sheet {sample} should be wrong with feedback"
    yield from _typical_wrong(step, lang, right)


def _typical_wrong(step: SpreadsheetStep, lang: str,
                   right: dict[str, Any] | None) -> Iterator[tuple[bool, str]]:
    editable = set(editable_cells(step))
    for name, rule in step.expect.rules().items():
        cell = parse_cell(name)
        if isinstance(rule, SortedBy) or cell is None or cell not in editable:
            continue
        wrong = {**(right or {}), "cells": {**(right or {}).get("cells", {}), name: "zzz"}}
        out = check(step, wrong, lang)
        if out.status != "correct":
            yield out.status == "wrong" and bool(out.feedback or out.notice), \
                f"typing 'zzz' in {name} should be wrong, with feedback"
        if rule.formula and right is not None and isinstance(rule.value, float):
            typed = sf.show(float(rule.value), lang)
            out = check(step, {**right, "cells": {**right["cells"], name: typed}}, lang)
            yield out.status == "wrong" and bool(out.feedback or out.notice), \
                f"typing the number {typed} in {name} instead of a formula should be wrong"
    if step.expect.sorted_by is not None:
        yield not sorted_holds(step.expect.sorted_by, start_sheet(step, lang)), (
            "the rows are already sorted as asked: mix them up so there is something to sort")
        rows = data_rows(step)
        if right is not None and right.get("order") != rows[::-1]:
            out = check(step, {**right, "order": rows[::-1]}, lang)
            if out.status != "correct":
                yield out.status == "wrong" and bool(out.feedback or out.notice), \
                    "the rows upside down should be wrong, with feedback"


def _guess_lang(step: SpreadsheetStep) -> str:
    "The language of a step's formulas (for 'show the answer', which is not told it)."
    texts = [str(v) for v in (step.answer or {}).values()]
    texts += [u for rule in step.expect.rules().values() if isinstance(rule, CellRule)
              for u in (rule.uses or [])]
    french = any(name in t.upper() for t in texts for name in sf.FRENCH)
    return "fr" if french else "en"


def solution_markdown(step: SpreadsheetStep) -> str | None:
    "What to type in each cell, and the sorted rows as a table."
    if step.solution:
        return step.solution
    lang = _guess_lang(step)
    right = right_answer(step, lang)
    if right is None:
        return None
    lines = [f"- **{name}**: `{raw_text(raw, lang).replace('`', chr(39))}`"
             for name, raw in right["cells"].items()]
    if "order" in right:
        played = read_answer(step, right, lang)
        if played is not None:
            lines += ["", *table_markdown(played.sheet)] if lines else table_markdown(
                played.sheet)
    return "\n".join(lines) or None


def table_markdown(sheet: Sheet) -> list[str]:
    "The sheet as a Markdown table, with column letters and row numbers."
    cols = range(1, sheet.cols + 1)
    head = "| | " + " | ".join(sf.column_letters(c) for c in cols) + " |"
    rule = "|---|" + "---|" * len(cols)
    body = [f"| **{r}** | " + " | ".join(escape(sheet.shown((r, c))) or " " for c in cols)
            + " |" for r in range(1, sheet.rows + 1)]
    return [head, rule, *body]
