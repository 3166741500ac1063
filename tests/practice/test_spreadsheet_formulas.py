"""The formula evaluator: a table of formulas and the values a spreadsheet shows for them."""

from __future__ import annotations

import time

import pytest

from curriculum.practice.spreadsheet_formulas import (
    FormulaError,
    Sheet,
    canonical_function,
    cells_of,
    evaluate,
    format_number,
    literal,
    parse,
    parse_cell,
    parse_range,
    problem,
    read_number,
    show,
)

# A1:C5, row 1 first
GRID = [
    ["Item", "Price", "Count"],
    ["Milk", 1.2, 2],
    ["Bread", 0.95, "1"],
    ["Note", "cheap", True],
    ["Total", "", ""],
]

ENGLISH = [
    # numbers and operators
    ("=1+2*3", "7"),
    ("=(1+2)*3", "9"),
    ("=2^3", "8"),
    ("=2^3^2", "64"),  # left to right, as in Excel
    ("=-2^2", "4"),  # the sign binds first, as in Excel
    ("=10/4", "2.5"),
    ("=1/3", "0.3333333333"),
    ("=50%", "0.5"),
    ("=0.1+0.2", "0.3"),
    ("= 1 + 1", "2"),
    ("=1e3", "1000"),
    ("=.5*2", "1"),
    ("=1E+20*10", "1E+21"),
    # references and ranges
    ("=B2+B3", "2.15"),
    ("=$B$2*2", "2.4"),
    ("=b2", "1.2"),
    ("=B5", "0"),  # an empty cell counts as 0
    ("=Z99", "0"),  # outside the grid: empty
    ("=B2:B3", "#VALUE!"),
    ("=C3+1", "2"),  # a number typed as text is read as a number
    ("=B4+1", "#VALUE!"),  # text cannot be added
    ("=C4+1", "2"),  # TRUE is 1
    # functions
    ("=SUM(B2:B3)", "2.15"),
    ("=SUM(B2,B3)", "2.15"),
    ("=SUM(B2;B3)", "2.15"),  # ; works in English too
    ("=sum(b2:b3)", "2.15"),
    ("=SUM(B2:B5)", "2.15"),  # text and empty cells are skipped
    ("=SUM(B:B)", "2.15"),
    ("=SUM(1,2,3)", "6"),
    ('=SUM("3",1)', "4"),
    ('=SUM("abc")', "#VALUE!"),
    ("=SUM(C2:C4)", "3"),  # "1" in the grid is read as a number; TRUE in a range is skipped
    ("=AVERAGE(B2:B3)", "1.075"),
    ("=AVERAGE(A1:A5)", "#DIV/0!"),
    ("=MIN(B2:B5)", "0.95"),
    ("=MAX(B2:B5)", "1.2"),
    ("=MAX(A1:A3)", "0"),
    ("=COUNT(A1:C5)", "4"),
    ("=COUNTA(A1:C5)", "13"),
    ("=ROUND(2.675,2)", "2.68"),  # half away from zero, on the digits shown
    ("=ROUND(-2.5)", "-3"),
    ("=ROUND(1234,-2)", "1200"),
    ("=ROUND(B2*3,1)", "3.6"),
    ('=IF(B2>1,"dear","cheap")', "dear"),
    ('=IF(B3>1,"dear","cheap")', "cheap"),
    ("=IF(B3>1,1)", "FALSE"),
    ('=IF(A2="milk",1,0)', "1"),  # text compares without case
    ('=IF("x",1,0)', "#VALUE!"),
    ('=CONCAT(A2," ",B2)', "Milk 1.2"),
    ('=CONCATENATE(A2,"/",A3)', "Milk/Bread"),
    ("=CONCAT(A2:A3)", "MilkBread"),
    ('="Total: "&SUM(B2:B3)', "Total: 2.15"),
    ("=A2&B5", "Milk"),
    # comparisons
    ("=B2>B3", "TRUE"),
    ("=B2<>B2", "FALSE"),
    ('="a"<"B"', "TRUE"),
    ('=1<"a"', "TRUE"),  # numbers sort before text
    ("=B5=0", "TRUE"),
    # French names work in English too
    ("=SOMME(B2:B3)", "2.15"),
    # errors
    ("=1/0", "#DIV/0!"),
    ("=B2/B5", "#DIV/0!"),
    ("=SUMM(B2:B3)", "#NAME?"),
    ("=total", "#NAME?"),
    ("=SUM(B2:B3", "#ERROR!"),
    ("=1+", "#ERROR!"),
    ("=SUM(1;;2)", "3"),
    ("=IF(1)", "#ERROR!"),  # too few values for IF
    ("=(-8)^0.5", "#NUM!"),
    ("=10^400", "#NUM!"),
    ("=1/0+SUMM(1)", "#DIV/0!"),  # the first error wins
    ('="unclosed', "#ERROR!"),
    ("=1@2", "#ERROR!"),
]

FRENCH = [
    ("=SOMME(B2:B3)", "2,15"),
    ("=SOMME(B2;B3)", "2,15"),
    ("=somme(b2;b3)", "2,15"),
    ("=SUM(B2:B3)", "2,15"),  # the English names work in French too
    ("=2,5*2", "5"),
    ("=1,5+1.5", "3"),  # a point is read as a decimal mark too
    ("=MOYENNE(B2:B3)", "1,075"),
    ("=NB(A1:C5)", "4"),
    ("=NBVAL(A1:C5)", "13"),
    ("=ARRONDI(2,675;2)", "2,68"),
    ("=ARRONDI(B2*3;1)", "3,6"),
    ('=SI(B2>1;"cher";"pas cher")', "cher"),
    ("=SI(B3>1;1)", "FAUX"),
    ('=CONCATENER(A2;" ";B2)', "Milk 1,2"),
    ('=CONCATÉNER(A2;" ";B2)', "Milk 1,2"),
    ('=CONCAT(A2;"-";A3)', "Milk-Bread"),
    ("=MIN(B2:B3)", "0,95"),
    ("=MAX(B2:B3)", "1,2"),
    ("=B2>B3", "VRAI"),
    ("=SOMME(B2,B3)", "#ERREUR!"),  # in French the comma is a decimal mark only
    ("=1/0", "#DIV/0!"),
    ("=SOMMME(B2:B3)", "#NOM?"),
]


@pytest.mark.parametrize(("formula", "shown"), ENGLISH)
def test_english_formulas(formula: str, shown: str) -> None:
    assert show(evaluate(formula, GRID, "en"), "en") == shown


@pytest.mark.parametrize(("formula", "shown"), FRENCH)
def test_french_formulas(formula: str, shown: str) -> None:
    assert show(evaluate(formula, GRID, "fr"), "fr") == shown


def test_a_french_sheet_reads_decimal_commas_typed_in_cells() -> None:
    sheet = Sheet([["Prix"], ["1,20"], ["0,95"], ["=SOMME(A2:A3)"]], "fr")
    assert sheet.shown((4, 1)) == "2,15"
    assert sheet.value((4, 1)) == pytest.approx(2.15)
    english = Sheet([["Price"], ["1,20"], ["0.95"], ["=SUM(A2:A3)"]], "en")
    assert english.value((2, 1)) == "1,20"  # text in English: the sum skips it
    assert english.shown((4, 1)) == "0.95"


@pytest.mark.parametrize("grid", [
    [["=A1+1"]],  # itself
    [["=B1", "=A1"]],  # through another cell
    [["=SUM(A1:A3)"], [1], [2]],  # in a range
    [["=B1", "=C1", "=A1*2"]],  # a longer circle
])
def test_a_formula_that_refers_to_itself_is_an_error_not_a_hang(grid) -> None:
    sheet = Sheet(grid, "en")
    assert sheet.shown((1, 1)) == "#REF!"
    assert sheet.value((1, 1)).reason == "circular"


def test_cells_that_use_a_circle_show_its_error_and_others_still_work() -> None:
    sheet = Sheet([["=B1", "=A1", "=A1+1", "=1+1"]], "en")
    assert [sheet.shown((1, c)) for c in range(1, 5)] == ["#REF!", "#REF!", "#REF!", "2"]


def test_a_long_chain_of_cells_is_computed_without_recursion() -> None:
    grid = [[1]] + [[f"=A{r}+1"] for r in range(1, 3000)]
    sheet = Sheet(grid, "en")
    assert sheet.shown((3000, 1)) == "3000"


@pytest.mark.parametrize("formula", [
    "=" + "+".join(["1"] * 900),  # a long sum
    "=" + "(" * 2000 + "1" + ")" * 2000,  # absurd nesting
    "=" + "-" * 1500 + "1",
    "=" + "1+" * 3000 + "1",  # too long
    "=SUM(A1:XFD1048576)",  # a huge range is cut to the grid
    "=" + "SUM(" * 100 + "1" + ")" * 100,
])
def test_huge_inputs_give_a_value_or_an_error_quickly(formula: str) -> None:
    start = time.perf_counter()
    value = show(evaluate(formula, GRID, "en"))
    assert value in ("900", "1", "-1", "5.15") or value.startswith("#")
    assert time.perf_counter() - start < 1.0


def test_nesting_and_length_limits_say_why() -> None:
    with pytest.raises(FormulaError) as deep:
        parse("=" + "(" * 100 + "1" + ")" * 100)
    assert deep.value.reason == "too_deep"
    with pytest.raises(FormulaError) as long:
        parse("=" + "1+" * 1500 + "1")
    assert long.value.reason == "too_long"


@pytest.mark.parametrize(("formula", "lang", "message"), [
    ("=SUM(B2:B3", "en", "a bracket ( is not closed"),
    ("=SUM(B2:B3))", "en", "a closing bracket ) has no opening bracket"),
    ("=SOMME(B2,B3)", "fr", "in French, put ; between the values"),
    ("=1+", "en", "stops too early"),
    ("=IF(1)", "en", "IF takes 2 to 3 values, not 1"),
    ("=ROUND(1,2,3)", "en", "ROUND takes 1 to 2 values, not 3"),
    ("=B2 B3", "en", "'B3' cannot come here"),
    ("=#", "en", "the sign '#' cannot be used"),
])
def test_unreadable_formulas_say_what_is_wrong(formula: str, lang: str, message: str) -> None:
    assert message in (problem(formula, lang) or "")


def test_readable_formulas_have_no_problem() -> None:
    assert problem("=SUM(B2:B5)") is None
    assert problem("=SOMME(B2;B5)", "fr") is None
    assert problem("=UNKNOWN(1)") is None  # unknown names are #NAME?, like a spreadsheet


@pytest.mark.parametrize(("text", "lang", "number"), [
    ("1.20", "en", 1.2), ("1,234.5", "en", 1234.5), ("-3", "en", -3.0), ("1,20", "en", None),
    ("1,20", "fr", 1.2), ("1 234,5", "fr", 1234.5), ("1.5", "fr", 1.5), ("12 eggs", "en", None),
    ("twelve", "en", None), ("", "en", None), ("1e3", "en", 1000.0),
])
def test_reading_typed_numbers(text: str, lang: str, number: float | None) -> None:
    assert read_number(text, lang) == number


def test_literals() -> None:
    assert literal("12 eggs") == "12 eggs"
    assert literal("'12") == "12"  # an apostrophe keeps a number as text
    assert literal("TRUE") is True
    assert literal("vrai", "fr") is True
    assert literal("  ") is None
    assert literal(3) == 3.0


@pytest.mark.parametrize(("x", "lang", "text"), [
    (2.1500000000000004, "en", "2.15"), (11.0, "en", "11"), (-0.0, "en", "0"),
    (1234567.5, "fr", "1234567,5"), (0.00001, "en", "0.00001"), (1e20, "en", "1E+20"),
    (1.5e-12, "en", "1.5E-12"),
])
def test_numbers_show_in_the_general_format(x: float, lang: str, text: str) -> None:
    assert format_number(x, lang) == text


def test_cell_names_and_ranges() -> None:
    assert parse_cell("B4") == (4, 2)
    assert parse_cell("$AA$10") == (10, 27)
    assert parse_cell("4B") is None
    assert parse_cell("B0") is None
    assert parse_range("B3:B2") == ((2, 2), (3, 2))
    assert parse_range("B2") == ((2, 2), (2, 2))
    assert parse_range("B2-B3") is None
    assert cells_of("A1:B2") == [(1, 1), (1, 2), (2, 1), (2, 2)]


def test_function_names_in_both_languages() -> None:
    assert canonical_function("somme") == "SUM"
    assert canonical_function("Concaténer") == "CONCATENATE"
    assert canonical_function("NB") == "COUNT"
    assert canonical_function("VLOOKUP") is None


def test_what_a_formula_uses_and_refers_to() -> None:
    sheet = Sheet([["a", 1], ["b", 2], ["=SUM(B1:B2)+B1", "=somme(B1;B2)"]], "fr")
    assert sheet.functions((3, 1)) == {"SUM"}
    assert sheet.functions((3, 2)) == {"SUM"}
    assert sheet.referred((3, 1)) == ({(1, 2), (2, 2)}, False)
    _, far = Sheet([["=SUM(B1:B9)"]], "en").referred((1, 1))
    assert far is True


def test_edits_and_reordering_make_new_sheets() -> None:
    sheet = Sheet([["Item", "Price"], ["Milk", 1.2], ["Bread", 0.95]], "en")
    edited = sheet.edited({(3, 2): "=B2*2", (2, 1): ""})
    assert edited.shown((3, 2)) == "2.4"
    assert edited.shown((2, 1)) == ""
    assert sheet.shown((3, 2)) == "0.95"  # the first sheet did not change
    moved = sheet.reordered([3, 2])
    assert [moved.shown((r, 1)) for r in (1, 2, 3)] == ["Item", "Bread", "Milk"]


@pytest.mark.parametrize(("formula", "en", "fr"), [
    ("=FOO(1)", "#NAME?", "#NOM?"), ('="a"+1', "#VALUE!", "#VALEUR!"),
    ("=1/0", "#DIV/0!", "#DIV/0!"),
])
def test_error_values_are_shown_as_each_language_shows_them(formula, en, fr):
    from curriculum.practice.spreadsheet_formulas import Sheet

    assert Sheet([[formula]], "en").shown((1, 1)) == en
    assert Sheet([[formula]], "fr").shown((1, 1)) == fr
