"""Reading formulas: values, cell names, function names, numbers, tokens and the parser.

The sheet and the evaluation are in spreadsheet_formulas.py, which re-exports these names.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
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


def format_number(x: float, lang: str = "en", digits: int = 10) -> str:
    """A number in the spreadsheet's General format: 2.15, 11, 0.333333333, 1.5E+20.

    `digits` significant digits: 10 as in a cell of normal width, 15 when a number becomes
    text (=A1&"" keeps 123456789012, as Excel does)."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else "#NUM!"
    v = float(f"{x:.{digits}g}")
    if abs(v) >= 1e15 or abs(v) < 1e-9:
        mantissa, _, exponent = f"{v:.{5 if digits <= 10 else digits - 1}E}".partition("E")
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


