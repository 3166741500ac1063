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
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Union

MAX_FORMULA = 2000  # characters
MAX_DEPTH = 60  # nested brackets, function calls and signs
MAX_ROW = 1_048_576
MAX_COL = 16_384  # XFD


# --- values -------------------------------------------------------------------------


@dataclass(frozen=True)
class Error:
    "An error value, shown in the cell as a spreadsheet would (`code`)."

    code: str  # "#DIV/0!"
    reason: str = ""  # why, for the UI's plain-words explanation: "circular", "comma"...

    def __str__(self) -> str:
        return self.code


DIV0, NAME, REF, VALUE, NUM, PARSE = "#DIV/0!", "#NAME?", "#REF!", "#VALUE!", "#NUM!", "#ERROR!"
ERROR_CODES = (DIV0, NAME, REF, VALUE, NUM, PARSE)
CIRCULAR = Error(REF, "circular")

Value = Union[float, str, bool, None, Error]  # noqa: UP007 (a runtime alias)


class FormulaError(ValueError):
    "A formula that cannot be read; `reason` is a short code, `pos` where it went wrong."

    def __init__(self, message: str, reason: str = "syntax", pos: int = 0) -> None:
        super().__init__(message)
        self.reason = reason
        self.pos = pos


# --- cell names ---------------------------------------------------------------------

Cell = tuple[int, int]  # (row, column), both from 1
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_RANGE = re.compile(r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?$")


def column_letters(col: int) -> str:
    "1 -> A, 26 -> Z, 27 -> AA."
    out = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def cell_name(cell: Cell) -> str:
    return f"{column_letters(cell[1])}{cell[0]}"


def parse_cell(name: str) -> Cell | None:
    "'B4' -> (4, 2); None when it is not a cell name."
    m = _REF.match(name.strip())
    if not m:
        return None
    row, col = int(m.group(2)), column_number(m.group(1))
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        return None
    return row, col


def parse_range(text: str) -> tuple[Cell, Cell] | None:
    "'B2:B5' -> ((2, 2), (5, 2)), corners in order; a single cell is a range of one."
    text = text.strip()
    if not _RANGE.match(text):
        return None
    first, _, last = text.partition(":")
    a, b = parse_cell(first), parse_cell(last or first)
    if a is None or b is None:
        return None
    return (min(a[0], b[0]), min(a[1], b[1])), (max(a[0], b[0]), max(a[1], b[1]))


def cells_of(text: str) -> list[Cell]:
    "Every cell of a range, row by row."
    corners = parse_range(text)
    if corners is None:
        return []
    (r1, c1), (r2, c2) = corners
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


# --- functions ----------------------------------------------------------------------

FRENCH = {"SOMME": "SUM", "MOYENNE": "AVERAGE", "NB": "COUNT", "NBVAL": "COUNTA",
          "ARRONDI": "ROUND", "SI": "IF", "CONCATENER": "CONCATENATE"}
ARITY = {  # canonical name -> (fewest, most) values it takes
    "SUM": (1, 255), "AVERAGE": (1, 255), "MIN": (1, 255), "MAX": (1, 255),
    "COUNT": (1, 255), "COUNTA": (1, 255), "ROUND": (1, 2), "IF": (2, 3),
    "CONCAT": (1, 255), "CONCATENATE": (1, 255),
}
FUNCTION_NAMES: tuple[str, ...] = (*ARITY, *FRENCH)  # every name a formula may use


def fold(name: str) -> str:
    "Upper case without accents: concaténer -> CONCATENER."
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).upper()


def canonical_function(name: str) -> str | None:
    "The English name of a function we know ('somme' -> 'SUM'), or None."
    n = fold(name.strip())
    n = FRENCH.get(n, n)
    return n if n in ARITY else None


def local_name(canonical: str, lang: str) -> str:
    "How a function is called in a language: SUM -> SOMME in French."
    if lang == "fr":
        return next((fr for fr, en in FRENCH.items() if en == canonical), canonical)
    return canonical


# --- reading numbers and text -------------------------------------------------------

_NUM_EN = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_NUM_FR = re.compile(
    r"^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:[,.]\d+)?(?:[eE][+-]?\d+)?$"
)


def read_number(text: str, lang: str = "en") -> float | None:
    "A typed number as the spreadsheet reads it in that language; None for text."
    s = text.strip()
    if not s or not any(ch.isdigit() for ch in s.split("e")[0].split("E")[0]):
        return None
    if lang == "fr":
        if not _NUM_FR.match(s):
            return None
        s = re.sub(r"[ \u00a0\u202f]", "", s).replace(",", ".")
    else:
        if not _NUM_EN.match(s):
            return None
        s = s.replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def booleans(lang: str) -> tuple[str, str]:
    return ("VRAI", "FAUX") if lang == "fr" else ("TRUE", "FALSE")


_BOOL_WORDS = {"TRUE": True, "FALSE": False, "VRAI": True, "FAUX": False}


def literal(raw: Any, lang: str = "en") -> Value:
    "What a cell holds when it is not a formula: a number, text, TRUE/FALSE or nothing."
    if raw is None:
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else str(raw)
    text = str(raw)
    if not text.strip():
        return None
    if text.startswith("'"):  # the spreadsheet convention for "keep this as text"
        return text[1:]
    number = read_number(text, lang)
    if number is not None:
        return number
    word = text.strip().upper()
    if word in _BOOL_WORDS:
        return _BOOL_WORDS[word]
    return text


def is_formula(raw: Any) -> bool:
    return isinstance(raw, str) and raw.lstrip().startswith("=") and len(raw.strip()) > 1


def format_number(x: float, lang: str = "en") -> str:
    "A number in the spreadsheet's General format: 2.15, 11, 0.333333333, 1.5E+20."
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else "#NUM!"
    v = float(f"{x:.10g}")  # ten significant digits, like a cell of normal width
    if abs(v) >= 1e15 or abs(v) < 1e-9:
        mantissa, _, exponent = f"{v:.5E}".partition("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        s = f"{mantissa}E{exponent[0]}{exponent[1:].lstrip('0').zfill(2)}"
    elif v.is_integer():
        s = str(int(v))
    else:
        s = format(Decimal(repr(v)), "f")
    return s.replace(".", ",") if lang == "fr" else s


_FRENCH_ERRORS = {"#NAME?": "#NOM?", "#VALUE!": "#VALEUR!", "#NUM!": "#NOMBRE!",
                  "#ERROR!": "#ERREUR!"}  # as French spreadsheets show them


def show(value: Value, lang: str = "en") -> str:
    "The text a cell shows for a value."
    if value is None:
        return ""
    if isinstance(value, Error):
        return _FRENCH_ERRORS.get(value.code, value.code) if lang == "fr" else value.code
    if isinstance(value, bool):
        return booleans(lang)[0 if value else 1]
    if isinstance(value, float):
        return format_number(value, lang)
    return str(value)


# --- tokens -------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # num str bool ref range cols name func op sep ( ) end
    text: str
    pos: int
    value: Any = None


_SPACE = re.compile(r"\s+")
_STRING = re.compile(r'"(?:[^"]|"")*"')
_NUMBER = {
    "en": re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"),
    "fr": re.compile(r"(?:\d+(?:[.,]\d*)?|\.\d+)(?:[eE][+-]?\d+)?"),
}
_CELL = r"\$?[A-Za-z]{1,3}\$?[0-9]{1,7}"
_CELL_RANGE = re.compile(rf"({_CELL})(?:\s*:\s*({_CELL}))?(?![\w.(])")
_COL_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\s*:\s*\$?([A-Za-z]{1,3})(?![\w.(])")
_WORD = re.compile(r"[^\W\d]\w*(?:\.\w+)*")
_OPS = ("<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "^", "&", "%")


def tokenize(formula: str, lang: str = "en") -> list[Token]:
    "Cut a formula (without its leading '=') into tokens; raises FormulaError."
    number = _NUMBER["fr" if lang == "fr" else "en"]
    out: list[Token] = []
    i, n = 0, len(formula)
    while i < n:
        ch = formula[i]
        if ch.isspace():
            i = _SPACE.match(formula, i).end()  # type: ignore[union-attr]
            continue
        if ch == '"':
            m = _STRING.match(formula, i)
            if not m:
                raise FormulaError("a text in quotes is not closed: add the closing \"",
                                   "quote", i)
            out.append(Token("str", m.group(), i, m.group()[1:-1].replace('""', '"')))
            i = m.end()
            continue
        m = number.match(formula, i)
        if m and (ch.isdigit() or (ch in ".," and m.end() > i + 1)):
            text = m.group()
            try:
                value = float(text.replace(",", "."))
            except ValueError as exc:  # pragma: no cover - the pattern only lets numbers by
                raise FormulaError(f"'{text}' is not a number", "syntax", i) from exc
            if not math.isfinite(value):
                raise FormulaError(f"'{text}' is too big", "syntax", i)
            out.append(Token("num", text, i, value))
            i = m.end()
            continue
        if ch.isalpha() or ch == "$" or ch == "_":
            i = _word(formula, i, out)
            continue
        two = formula[i:i + 2]
        if two in _OPS:
            out.append(Token("op", two, i))
            i += 2
            continue
        if ch in "()":
            out.append(Token(ch, ch, i))
        elif ch == ";" or (ch == "," and lang != "fr"):
            out.append(Token("sep", ch, i))
        elif ch == ",":
            raise FormulaError("in French, put ; between the values (the comma is for "
                               "decimals, like 2,5)", "comma", i)
        elif ch in _OPS:
            out.append(Token("op", ch, i))
        elif ch == ":":
            raise FormulaError("a colon : goes between two cells, like B2:B5", "colon", i)
        else:
            raise FormulaError(f"the sign '{ch}' cannot be used in a formula", "sign", i)
        i += 1
    out.append(Token("end", "", n))
    return out


def _word(formula: str, i: int, out: list[Token]) -> int:
    "A cell, a range, a column range, a function name, TRUE/FALSE, or an unknown name."
    word = _WORD.match(formula, i + (1 if formula[i] == "$" else 0))
    after = word.end() if word else i + 1
    rest = formula[after:].lstrip()
    if word and rest.startswith("(") and formula[i] != "$":
        out.append(Token("func", word.group(), i))
        return after
    m = _CELL_RANGE.match(formula, i)
    if m:
        first, last = parse_cell(m.group(1)), parse_cell(m.group(2) or m.group(1))
        if first is not None and last is not None:
            if m.group(2):
                out.append(Token("range", m.group(), i, (first, last)))
            else:
                out.append(Token("ref", m.group(), i, first))
            return m.end()
    m = _COL_RANGE.match(formula, i)
    if m:
        a, b = column_number(m.group(1)), column_number(m.group(2))
        if a <= MAX_COL and b <= MAX_COL:
            out.append(Token("cols", m.group(), i, (min(a, b), max(a, b))))
            return m.end()
    if word is None:
        raise FormulaError(f"the sign '{formula[i]}' cannot be used here", "sign", i)
    text = word.group()
    if text.upper() in _BOOL_WORDS:
        out.append(Token("bool", text, i, _BOOL_WORDS[text.upper()]))
    else:
        out.append(Token("name", text, i))
    return word.end()


# --- parsing ------------------------------------------------------------------------

Node = tuple[Any, ...]
# ("num", x) ("str", s) ("bool", b) ("ref", cell) ("range", first, last) ("cols", a, b)
# ("name", text) ("call", NAME, canonical or None, [args]) ("missing",) ("neg", x)
# ("pct", x) ("op", sign, left, right)

_COMPARE = ("=", "<>", "<", ">", "<=", ">=")


@dataclass
class _Parser:
    tokens: list[Token]
    i: int = 0
    depth: int = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError("the formula is nested too deeply", "too_deep", self.peek().pos)

    def binary(self, signs: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        left = operand()
        while self.peek().kind == "op" and self.peek().text in signs:
            sign = self.take().text
            left = ("op", sign, left, operand())
        return left

    def expression(self) -> Node:
        return self.binary(_COMPARE, self.concat)

    def concat(self) -> Node:
        return self.binary(("&",), self.additive)

    def additive(self) -> Node:
        return self.binary(("+", "-"), self.term)

    def term(self) -> Node:
        return self.binary(("*", "/"), self.power)

    def power(self) -> Node:
        return self.binary(("^",), self.percent)

    def percent(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text == "%":
            self.take()
            node = ("pct", node)
        return node

    def unary(self) -> Node:
        tok = self.peek()
        if tok.kind == "op" and tok.text in ("+", "-"):
            self.take()
            self.deeper()
            inner = self.unary()
            self.depth -= 1
            return ("neg", inner) if tok.text == "-" else inner
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            return ("num", tok.value)
        if tok.kind == "str":
            return ("str", tok.value)
        if tok.kind == "bool":
            return ("bool", tok.value)
        if tok.kind == "ref":
            return ("ref", tok.value)
        if tok.kind == "range":
            return ("range", *tok.value)
        if tok.kind == "cols":
            return ("cols", *tok.value)
        if tok.kind == "name":
            return ("name", tok.text)
        if tok.kind == "func":
            return self.call(tok)
        if tok.kind == "(":
            self.deeper()
            node = self.expression()
            self.depth -= 1
            self.expect(")", tok)
            return node
        if tok.kind == "end":
            raise FormulaError("the formula stops too early: something is missing at the end",
                               "incomplete", tok.pos)
        if tok.kind == ")":
            raise FormulaError("a closing bracket ) has no opening bracket (", "paren",
                               tok.pos)
        if tok.kind == "sep":
            raise FormulaError(f"'{tok.text}' separates the values of a function, like "
                               "SUM(B2;B3)", "sep", tok.pos)
        raise FormulaError(f"'{tok.text}' cannot come here", "syntax", tok.pos)

    def call(self, tok: Token) -> Node:
        self.take()  # (
        self.deeper()
        args: list[Node] = []
        if self.peek().kind == ")":
            self.take()
        else:
            while True:
                if self.peek().kind in ("sep", ")"):
                    args.append(("missing",))
                else:
                    args.append(self.expression())
                nxt = self.take()
                if nxt.kind == ")":
                    break
                if nxt.kind == "end":
                    raise FormulaError("a bracket ( is not closed: add )", "paren", tok.pos)
                if nxt.kind != "sep":
                    raise FormulaError(
                        f"after a value in {tok.text.upper()}( ), put ; (or ,) before the "
                        "next value, or close the bracket )", "paren", nxt.pos)
        self.depth -= 1
        canonical = canonical_function(tok.text)
        if canonical is not None:
            low, high = ARITY[canonical]
            if not low <= len(args) <= high:
                many = (f"{low} value" + ("s" if low > 1 else "") if low == high
                        else f"{low} to {high} values" if high < 255
                        else f"at least {low} value")
                raise FormulaError(f"{tok.text.upper()} takes {many}, not {len(args)}",
                                   "args", tok.pos)
        return ("call", tok.text.upper(), canonical, args)

    def expect(self, kind: str, opening: Token) -> None:
        tok = self.take()
        if tok.kind != kind:
            raise FormulaError("a bracket ( is not closed: add )", "paren", opening.pos)


@lru_cache(maxsize=4096)
def parse(formula: str, lang: str = "en") -> Node:
    "A formula (with or without its '=') as a tree; raises FormulaError when unreadable."
    text = formula.strip()
    if text.startswith("="):
        text = text[1:]
    if len(text) > MAX_FORMULA:
        raise FormulaError(f"the formula is too long (more than {MAX_FORMULA} characters)",
                           "too_long", 0)
    if not text.strip():
        raise FormulaError("the formula is empty after the =", "incomplete", 0)
    parser = _Parser(tokenize(text, lang))
    node = parser.expression()
    tok = parser.peek()
    if tok.kind != "end":
        if tok.kind == ")":
            raise FormulaError("a closing bracket ) has no opening bracket (", "paren", tok.pos)
        raise FormulaError(f"'{tok.text}' cannot come here: is a sign missing before it?",
                           "syntax", tok.pos)
    return node


def problem(formula: str, lang: str = "en") -> str | None:
    "Why a formula cannot be read, or None."
    try:
        parse(formula, lang)
    except FormulaError as exc:
        return str(exc)
    return None


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if n[0] == "call":
            stack.extend(n[3])
        elif n[0] in ("neg", "pct"):
            stack.append(n[1])
        elif n[0] == "op":
            stack.extend((n[2], n[3]))


def functions_used(node: Node) -> set[str]:
    "The functions a formula calls, by their English name (unknown ones as written)."
    return {n[2] or n[1] for n in _walk(node) if n[0] == "call"}


def references(node: Node) -> list[Node]:
    "The ref, range and column-range nodes of a formula."
    return [n for n in _walk(node) if n[0] in ("ref", "range", "cols")]


# --- the sheet ----------------------------------------------------------------------


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
        tree = self.tree(cell)
        if not isinstance(tree, tuple):
            return []
        deps: list[Cell] = []
        for node in references(tree):
            box = self._box(node)
            deps += [c for c in self._cells_in(box) if is_formula(self.raw.get(c))]
            if node[0] == "ref" and not self.inside(node[1]) and is_formula(
                    self.raw.get(node[1])):
                deps.append(node[1])
        return deps

    def _compute(self) -> dict[Cell, Value]:
        "Every formula's value, in dependency order (iterative: no recursion between cells)."
        values: dict[Cell, Value] = {}
        state: dict[Cell, int] = {}  # 1: being computed, 2: done
        circular: set[Cell] = set()
        formulas = sorted(c for c, raw in self.raw.items() if is_formula(raw))
        for start in formulas:
            if start in state:
                continue
            stack: list[tuple[Cell, Iterator[Cell]]] = [(start, iter(self._depends_on(start)))]
            where = {start: 0}
            state[start] = 1
            while stack:
                node, deps = stack[-1]
                pushed = False
                for dep in deps:
                    s = state.get(dep, 0)
                    if s == 0:
                        state[dep] = 1
                        where[dep] = len(stack)
                        stack.append((dep, iter(self._depends_on(dep))))
                        pushed = True
                        break
                    if s == 1:  # back to a cell being computed: a circle
                        circular.update(c for c, _ in stack[where[dep]:])
                if pushed:
                    continue
                stack.pop()
                where.pop(node, None)
                state[node] = 2
                if node in circular:
                    values[node] = CIRCULAR
                else:
                    values[node] = self._evaluate_cell(node, values)
        return values

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
        return _result(_Evaluator(self, self._values).scalar(tree))


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
        if isinstance(v, Error):
            return v
        return show(v, self.lang)

    def operation(self, sign: str, a: Value, b: Value) -> Value:
        if sign == "&":
            ta, tb = self.text(a), self.text(b)
            if isinstance(ta, Error):
                return ta
            return tb if isinstance(tb, Error) else ta + tb
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
            for arg in self.args(args):
                for v in arg.values:
                    t = self.text(v)
                    if isinstance(t, Error):
                        return t
                    parts.append(t)
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
    "Like a spreadsheet: numbers < text < TRUE/FALSE; text ignores case; empty is 0 or ''."
    if a is None:
        a = "" if isinstance(b, str) else False if isinstance(b, bool) else 0.0
    if b is None:
        b = "" if isinstance(a, str) else False if isinstance(a, bool) else 0.0
    ra, rb = _rank(a), _rank(b)
    if ra != rb:
        return -1 if ra < rb else 1
    if isinstance(a, str) and isinstance(b, str):
        x, y = fold(a), fold(b)
    else:
        x, y = a, b  # type: ignore[assignment]
    return (x > y) - (x < y)  # type: ignore[operator]


def sort_key(value: Value) -> tuple[int, Any]:
    "Where a value goes when sorting smallest first: numbers, text, TRUE/FALSE, errors."
    if isinstance(value, float):
        return 0, value
    if isinstance(value, str):
        return 1, fold(value)
    if isinstance(value, bool):
        return 2, value
    return 3, str(value)
