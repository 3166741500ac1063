"""A small spreadsheet formula evaluator of our own (pure, no dependency).

Why our own: the libraries we tried pull scipy, are GPL/EUPL, and reject what French
seniors type (`;` between values, `SOMME`, the decimal comma). This one covers what the
lessons need, the way a real spreadsheet shows it:

- numbers, "text", TRUE/FALSE (VRAI/FAUX), cell references (B4, $B$4), ranges (B2:B5, B:B)
- operators `+ - * / ^ & %`, comparisons `= <> < > <= >=`, parentheses
- SUM AVERAGE MIN MAX COUNT COUNTA ROUND IF CONCAT CONCATENATE, and their French names
  SOMME MOYENNE MIN MAX NB NBVAL ARRONDI SI CONCAT CONCATENER (both names work in both
  languages, since the senior's own spreadsheet may speak the other one)
- English (`lang="en"`): `,` or `;` between values, `.` decimal mark;
  French (`lang="fr"`): `;` between values, `,` decimal mark (a `.` is also read as one)
- error values as a spreadsheet shows them: #DIV/0!, #NAME?, #REF!, #VALUE!, #NUM!, and
  #ERROR! for a formula that cannot be read (Google Sheets' word for it)
- a formula that refers to itself, directly or through other cells, is #REF! (circular):
  values are computed in dependency order, without recursion between cells, so no sheet
  can hang or overflow the stack; formulas are limited in length and nesting.

`evaluate(formula, grid, lang)` computes one formula against a grid (a list of rows, row 1
first); `Sheet` holds a whole grid, computes every cell once, and answers what the checking
engine asks: the value, the text shown, the functions and cells a formula uses.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .spreadsheet_parse import (
    _BOOL_WORDS,
    _COMPARE,
    ARITY,
    CIRCULAR,
    DIV0,
    ERROR_CODES,
    FRENCH,
    FUNCTION_NAMES,
    MAX_COL,
    MAX_DEPTH,
    MAX_FORMULA,
    MAX_ROW,
    NAME,
    NUM,
    PARSE,
    REF,
    VALUE,
    Cell,
    Error,
    FormulaError,
    Node,
    Token,
    Value,
    booleans,
    canonical_function,
    cell_name,
    cells_of,
    column_letters,
    column_number,
    fold,
    format_number,
    functions_used,
    is_formula,
    literal,
    local_name,
    parse,
    parse_cell,
    parse_range,
    problem,
    read_number,
    references,
    show,
    tokenize,
)

__all__ = [
    "ARITY",
    "CIRCULAR",
    "DIV0",
    "ERROR_CODES",
    "FRENCH",
    "FUNCTION_NAMES",
    "MAX_COL",
    "MAX_DEPTH",
    "MAX_FORMULA",
    "MAX_ROW",
    "NAME",
    "NUM",
    "PARSE",
    "REF",
    "VALUE",
    "Cell",
    "Error",
    "FormulaError",
    "Node",
    "Sheet",
    "Token",
    "Value",
    "booleans",
    "canonical_function",
    "cell_name",
    "cells_of",
    "column_letters",
    "column_number",
    "evaluate",
    "fold",
    "format_number",
    "functions_used",
    "is_formula",
    "literal",
    "local_name",
    "parse",
    "parse_cell",
    "parse_range",
    "problem",
    "read_number",
    "references",
    "show",
    "sort_key",
    "tokenize",
]


# --- the sheet ----------------------------------------------------------------------

MAX_TEXT = 32_767  # characters in one cell, as in Excel: longer text is #VALUE!
MAX_WORK = 250_000  # cells read and values computed in one computation of a sheet
TOO_LONG = Error(VALUE, "too_long")
TOO_MUCH_WORK = Error(NUM, "too_much_work")


class _TooMuchWork(Exception):
    "The computation went over MAX_WORK: it stops, and what is left becomes an error."



@dataclass(frozen=True)
class _Arg:
    values: list[Value]
    from_cells: bool  # a reference or a range: text and TRUE/FALSE in it are skipped


class Sheet:
    """A grid of cells (row 1 first) and everything it computes.

    `grid` holds what was typed in each cell: numbers, text, TRUE/FALSE, nothing, or a
    formula starting with "=". Cells outside the grid are empty, as on a real sheet.
    """

    def __init__(self, grid: Sequence[Sequence[Any]] | Mapping[Cell, Any], lang: str = "en",
                 rows: int | None = None, cols: int | None = None) -> None:
        self.lang = "fr" if lang.lower().startswith("fr") else "en"
        if isinstance(grid, Mapping):
            self.raw: dict[Cell, Any] = {k: v for k, v in grid.items() if v not in (None, "")}
        else:
            self.raw = {(r, c): v for r, row in enumerate(grid, 1)
                        for c, v in enumerate(row, 1) if v not in (None, "")}
        self.rows = rows if rows is not None else (
            len(grid) if not isinstance(grid, Mapping) else max((r for r, _ in self.raw),
                                                                default=0))
        self.cols = cols if cols is not None else (
            max((len(row) for row in grid), default=0) if not isinstance(grid, Mapping)
            else max((c for _, c in self.raw), default=0))
        self._values: dict[Cell, Value] | None = None
        self._trees: dict[Cell, Node | FormulaError] = {}
        self._work = 0

    # building other sheets
    def edited(self, edits: Mapping[Cell, Any]) -> Sheet:
        "A copy with some cells typed again (a blank text empties the cell)."
        raw = dict(self.raw)
        for cell, value in edits.items():
            if value is None or (isinstance(value, str) and not value.strip()):
                raw.pop(cell, None)
            else:
                raw[cell] = value
        return Sheet(raw, self.lang, self.rows, self.cols)

    def reordered(self, order: Sequence[int], first_row: int = 2) -> Sheet:
        "A copy whose rows from `first_row` on are the old rows listed in `order`."
        moved = {old: new for new, old in enumerate(order, first_row)}
        raw = {(moved.get(r, r), c): v for (r, c), v in self.raw.items()}
        return Sheet(raw, self.lang, self.rows, self.cols)

    def inside(self, cell: Cell) -> bool:
        return 1 <= cell[0] <= self.rows and 1 <= cell[1] <= self.cols

    # what a cell holds
    def tree(self, cell: Cell) -> Node | FormulaError | None:
        raw = self.raw.get(cell)
        if not is_formula(raw):
            return None
        if cell not in self._trees:
            try:
                self._trees[cell] = parse(str(raw), self.lang)
            except FormulaError as exc:
                self._trees[cell] = exc
        return self._trees[cell]

    def value(self, cell: Cell) -> Value:
        if self._values is None:
            self._values = self._compute()
        if cell in self._values:
            return self._values[cell]
        return literal(self.raw.get(cell), self.lang)

    def shown(self, cell: Cell) -> str:
        return show(self.value(cell), self.lang)

    def functions(self, cell: Cell) -> set[str]:
        tree = self.tree(cell)
        return functions_used(tree) if isinstance(tree, tuple) else set()

    def referred(self, cell: Cell) -> tuple[set[Cell], bool]:
        "The cells a formula refers to (inside the grid), and whether it reaches outside."
        tree = self.tree(cell)
        if not isinstance(tree, tuple):
            return set(), False
        found: set[Cell] = set()
        outside = False
        for node in references(tree):
            box = self._box(node)
            _, (r2, c2) = box
            outside = outside or r2 > self.rows or c2 > self.cols
            found |= set(self._cells_in(box))
        return found, outside

    # computing
    def _box(self, node: Node) -> tuple[Cell, Cell]:
        if node[0] == "ref":
            return node[1], node[1]
        if node[0] == "cols":
            return (1, node[1]), (MAX_ROW, node[2])
        (r1, c1), (r2, c2) = node[1], node[2]
        return (min(r1, r2), min(c1, c2)), (max(r1, r2), max(c1, c2))

    def _cells_in(self, box: tuple[Cell, Cell]) -> Iterator[Cell]:
        (r1, c1), (r2, c2) = box
        for r in range(r1, min(r2, self.rows) + 1):
            for c in range(c1, min(c2, self.cols) + 1):
                yield r, c

    def _depends_on(self, cell: Cell) -> list[Cell]:
        "The formula cells a formula reads (each read of a cell counts as work)."
        tree = self.tree(cell)
        if not isinstance(tree, tuple):
            return []
        deps: list[Cell] = []
        for node in references(tree):
            box = self._box(node)
            (r1, c1), (r2, c2) = box
            self._spend(max(0, min(r2, self.rows) - r1 + 1) * max(0, min(c2, self.cols) - c1 + 1))
            deps += [c for c in self._cells_in(box) if is_formula(self.raw.get(c))]
            if node[0] == "ref" and not self.inside(node[1]) and is_formula(
                    self.raw.get(node[1])):
                deps.append(node[1])
        return deps

    def _spend(self, work: int) -> None:
        "Count work (cells read, values computed); past the budget, the computation stops."
        self._work += work
        if self._work > MAX_WORK:
            raise _TooMuchWork

    def _compute(self) -> dict[Cell, Value]:
        "Every formula's value; cells still to compute when the budget runs out are errors."
        self._work = 0
        values: dict[Cell, Value] = {}
        try:
            self._compute_into(values)
        except _TooMuchWork:
            for cell, raw in self.raw.items():
                if is_formula(raw) and cell not in values:
                    values[cell] = TOO_MUCH_WORK
        return values

    def _compute_into(self, values: dict[Cell, Value]) -> None:
        """Formulas in dependency order (Tarjan's strongly connected components, iterative:
        no recursion between cells, and each dependency is looked at once). A formula in a
        circle, itself included, is #REF! (circular)."""
        index: dict[Cell, int] = {}
        low: dict[Cell, int] = {}
        on_stack: set[Cell] = set()
        stack: list[Cell] = []
        deps_of: dict[Cell, list[Cell]] = {}
        formulas = sorted(c for c, raw in self.raw.items() if is_formula(raw))
        for start in formulas:
            if start in index:
                continue
            index[start] = low[start] = len(index)
            stack.append(start)
            on_stack.add(start)
            deps_of[start] = self._depends_on(start)
            work: list[tuple[Cell, Iterator[Cell]]] = [(start, iter(deps_of[start]))]
            while work:
                node, deps = work[-1]
                pushed = False
                for dep in deps:
                    if dep not in index:
                        index[dep] = low[dep] = len(index)
                        stack.append(dep)
                        on_stack.add(dep)
                        deps_of[dep] = self._depends_on(dep)
                        work.append((dep, iter(deps_of[dep])))
                        pushed = True
                        break
                    if dep in on_stack:
                        low[node] = min(low[node], index[dep])
                if pushed:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] != index[node]:
                    continue
                group: list[Cell] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in deps_of[node]:
                    for member in group:
                        values[member] = CIRCULAR
                else:
                    values[node] = self._evaluate_cell(node, values)

    def _evaluate_cell(self, cell: Cell, values: Mapping[Cell, Value]) -> Value:
        tree = self.tree(cell)
        if isinstance(tree, FormulaError):
            return Error(PARSE, tree.reason)
        if tree is None:  # pragma: no cover - only formulas are computed
            return literal(self.raw.get(cell), self.lang)
        return _result(_Evaluator(self, values).scalar(tree))

    def evaluate(self, formula: str) -> Value:
        "The value of a formula written against this sheet (not stored in any cell)."
        try:
            tree = parse(formula, self.lang)
        except FormulaError as exc:
            return Error(PARSE, exc.reason)
        if self._values is None:
            self._values = self._compute()
        self._work = 0  # a formula of its own: a budget of its own
        try:
            return _result(_Evaluator(self, self._values).scalar(tree))
        except _TooMuchWork:
            return TOO_MUCH_WORK

    @property
    def work(self) -> int:
        "How much work the last computation took (cells read and values computed)."
        if self._values is None:
            self._values = self._compute()
        return self._work

    @property
    def too_much_work(self) -> bool:
        "True when computing the sheet ran out of budget (some cells are errors for it)."
        if self._values is None:
            self._values = self._compute()
        return any(v is TOO_MUCH_WORK for v in self._values.values())


def _result(value: Value) -> Value:
    "A formula that points at an empty cell shows 0, as on a real sheet."
    return 0.0 if value is None else value


def evaluate(formula: str, grid: Sequence[Sequence[Any]] | Sheet, lang: str = "en") -> Value:
    "The value of a formula (with or without '=') against a grid given as a list of rows."
    sheet = grid if isinstance(grid, Sheet) else Sheet(grid, lang)
    return sheet.evaluate(formula)


# --- evaluating one formula ---------------------------------------------------------


@dataclass
class _Evaluator:
    sheet: Sheet
    values: Mapping[Cell, Value]
    lang: str = field(init=False)

    def __post_init__(self) -> None:
        self.lang = self.sheet.lang

    def cell(self, cell: Cell) -> Value:
        if cell in self.values:
            return self.values[cell]
        return literal(self.sheet.raw.get(cell), self.lang)

    def scalar(self, node: Node) -> Value:
        "One value (a range where one value is needed is #VALUE!)."
        self.sheet._spend(1)
        kind = node[0]
        if kind == "num":
            return float(node[1])
        if kind in ("str", "bool"):
            return node[1]
        if kind == "ref":
            return self.cell(node[1])
        if kind in ("range", "cols"):
            return Error(VALUE, "range")
        if kind == "missing":
            return None
        if kind == "name":
            return Error(NAME, "name")
        if kind == "neg":
            x = self.number(self.scalar(node[1]))
            return x if isinstance(x, Error) else -x
        if kind == "pct":
            x = self.number(self.scalar(node[1]))
            return x if isinstance(x, Error) else x / 100
        if kind == "op":  # a long chain (1+2+3+...) is a left-deep tree: walk it in a loop
            spine: list[Node] = []
            while node[0] == "op":
                spine.append(node)
                node = node[2]
            self.sheet._spend(len(spine))
            value = self.scalar(node)
            for op in reversed(spine):
                value = self.operation(op[1], value, self.scalar(op[3]))
            return value
        if kind == "call":
            return self.call(node)
        return Error(PARSE, "syntax")  # pragma: no cover

    def number(self, v: Value) -> float | Error:
        if isinstance(v, Error):
            return v
        if v is None:
            return 0.0
        if isinstance(v, bool):
            return 1.0 if v else 0.0
        if isinstance(v, float):
            return v
        x = read_number(v, self.lang)
        return Error(VALUE, "text") if x is None else x

    def text(self, v: Value) -> str | Error:
        "A value as text, the way & and CONCAT join it (numbers with 15 significant digits)."
        if isinstance(v, Error):
            return v
        if isinstance(v, float):
            return format_number(v, self.lang, digits=15)
        return show(v, self.lang)

    def operation(self, sign: str, a: Value, b: Value) -> Value:
        if sign == "&":
            ta, tb = self.text(a), self.text(b)
            if isinstance(ta, Error):
                return ta
            if isinstance(tb, Error):
                return tb
            self.sheet._spend((len(ta) + len(tb)) // 1000)
            return ta + tb if len(ta) + len(tb) <= MAX_TEXT else TOO_LONG
        if sign in _COMPARE:
            if isinstance(a, Error):
                return a
            if isinstance(b, Error):
                return b
            c = _compare(a, b)
            return {"=": c == 0, "<>": c != 0, "<": c < 0, ">": c > 0, "<=": c <= 0,
                    ">=": c >= 0}[sign]
        x, y = self.number(a), self.number(b)
        if isinstance(x, Error):
            return x
        if isinstance(y, Error):
            return y
        try:
            if sign == "+":
                r = x + y
            elif sign == "-":
                r = x - y
            elif sign == "*":
                r = x * y
            elif sign == "/":
                if y == 0:
                    return Error(DIV0, "div0")
                r = x / y
            else:
                if x == 0 and y < 0:
                    return Error(DIV0, "div0")
                if x < 0 and not float(y).is_integer():
                    return Error(NUM, "num")
                r = math.pow(x, y)
        except (OverflowError, ValueError):
            return Error(NUM, "num")
        return r if math.isfinite(r) else Error(NUM, "num")

    def args(self, nodes: Iterable[Node]) -> Iterator[_Arg]:
        for node in nodes:
            if node[0] in ("range", "cols"):
                box = self.sheet._box(node)
                (r1, c1), (r2, c2) = box
                rows, cols = min(r2, self.sheet.rows) - r1 + 1, min(c2, self.sheet.cols) - c1 + 1
                self.sheet._spend(max(0, rows) * max(0, cols))
                yield _Arg([self.cell(c) for c in self.sheet._cells_in(box)], True)
            elif node[0] == "ref":
                yield _Arg([self.cell(node[1])], True)
            elif node[0] == "missing":
                yield _Arg([], False)
            else:
                yield _Arg([self.scalar(node)], False)

    def numbers(self, nodes: Iterable[Node]) -> list[float] | Error:
        "The numbers of SUM-like functions: text and TRUE/FALSE in cells are skipped."
        out: list[float] = []
        for arg in self.args(nodes):
            for v in arg.values:
                if isinstance(v, Error):
                    return v
                if arg.from_cells:
                    if isinstance(v, float):
                        out.append(v)
                    continue
                x = self.number(v)
                if isinstance(x, Error):
                    return x
                out.append(x)
        return out

    def call(self, node: Node) -> Value:
        _, _, canonical, args = node
        if canonical is None:
            return Error(NAME, "function")
        if canonical == "IF":
            return self.if_(args)
        if canonical in ("CONCAT", "CONCATENATE"):
            parts: list[str] = []
            length = 0
            for arg in self.args(args):
                for v in arg.values:
                    t = self.text(v)
                    if isinstance(t, Error):
                        return t
                    length += len(t)
                    if length > MAX_TEXT:
                        return TOO_LONG
                    parts.append(t)
            self.sheet._spend(length // 1000)
            return "".join(parts)
        if canonical == "COUNTA":
            count = 0
            for arg in self.args(args):
                count += sum(1 for v in arg.values if v is not None) if arg.from_cells \
                    else len(arg.values)
            return float(count)
        if canonical == "COUNT":
            count = 0
            for arg in self.args(args):
                for v in arg.values:
                    if arg.from_cells:
                        count += isinstance(v, float)
                    elif not isinstance(v, Error) and v is not None and not isinstance(
                            self.number(v), Error):
                        count += 1
            return float(count)
        if canonical == "ROUND":
            return self.round_(args)
        nums = self.numbers(args)
        if isinstance(nums, Error):
            return nums
        if canonical == "SUM":
            total = math.fsum(nums)
            return total if math.isfinite(total) else Error(NUM, "num")
        if canonical == "AVERAGE":
            return math.fsum(nums) / len(nums) if nums else Error(DIV0, "div0")
        if canonical == "MIN":
            return min(nums) if nums else 0.0
        if canonical == "MAX":
            return max(nums) if nums else 0.0
        return Error(NAME, "function")  # pragma: no cover - every known name is handled

    def if_(self, args: list[Node]) -> Value:
        cond = self.scalar(args[0])
        if isinstance(cond, Error):
            return cond
        if isinstance(cond, str):
            word = cond.strip().upper()
            if word not in _BOOL_WORDS:
                return Error(VALUE, "text")
            truth = _BOOL_WORDS[word]
        else:
            truth = bool(cond)
        if truth:
            chosen = self.scalar(args[1])
            return 0.0 if args[1][0] == "missing" else chosen
        if len(args) < 3:
            return False
        return 0.0 if args[2][0] == "missing" else self.scalar(args[2])

    def round_(self, args: list[Node]) -> Value:
        x = self.number(self.scalar(args[0]))
        if isinstance(x, Error):
            return x
        digits = self.number(self.scalar(args[1])) if len(args) > 1 else 0.0
        if isinstance(digits, Error):
            return digits
        d = max(-15, min(15, int(digits)))
        try:  # half away from zero, on the decimal digits shown (2.675 -> 2.68)
            q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            return x
        return float(q)


def _rank(v: Value) -> int:
    return 0 if v is None or isinstance(v, float) else 1 if isinstance(v, str) else 2


def _compare(a: Value, b: Value) -> int:
    "Like a spreadsheet: numbers < text < TRUE/FALSE; text ignores case, not accents."
    if a is None:
        a = "" if isinstance(b, str) else False if isinstance(b, bool) else 0.0
    if b is None:
        b = "" if isinstance(a, str) else False if isinstance(a, bool) else 0.0
    ra, rb = _rank(a), _rank(b)
    if ra != rb:
        return -1 if ra < rb else 1
    if isinstance(a, str) and isinstance(b, str):
        x, y = _same_case(a), _same_case(b)
    else:
        x, y = a, b  # type: ignore[assignment]
    return (x > y) - (x < y)  # type: ignore[operator]


def _same_case(text: str) -> str:
    "Text as a comparison sees it: case does not count, accents do (é is not e)."
    return unicodedata.normalize("NFC", text).casefold()


def sort_key(value: Value) -> tuple[int, Any]:
    "Where a value goes when sorting smallest first: numbers, text, TRUE/FALSE, errors."
    if isinstance(value, float):
        return 0, value
    if isinstance(value, str):
        return 1, fold(value)
    if isinstance(value, bool):
        return 2, value
    return 3, str(value)
