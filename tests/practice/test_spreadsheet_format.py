"""Number formats of the practice sheet: as the pack wrote them, in the pack's language."""

from __future__ import annotations

import pytest

from curriculum.practice import spreadsheet_formulas as sf
from curriculum.practice.spreadsheet_format import formats_for, parse_format, shown

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("pattern", "value", "lang", "text"), [
    ("0.00 €", 1.2, "fr", f"1,20{NBSP}€"),
    ("0.00 €", 1.2, "en", "1.20 €"),
    ("#,##0.00 €", 1234.5, "fr", f"1{NNBSP}234,50{NBSP}€"),
    ("#,##0", 1234567, "en", "1,234,567"),
    ("€0.00", -3, "en", "-€3.00"),
    ("0%", 0.25, "fr", f"25{NBSP}%"),
    ("0%", 0.25, "en", "25%"),
    ("0", 2.5, "en", "2"),  # rounded half to even, as Python's format does
    ("0.0", -0.04, "en", "0.0"),  # no minus sign on a zero
])
def test_a_format_renders_in_the_language(pattern, value, lang, text) -> None:
    fmt = parse_format(pattern)
    assert fmt is not None and fmt.render(value, lang) == text


@pytest.mark.parametrize("pattern", ["two decimals", "0.00000000000", "00x0", "<b>0</b>", ""])
def test_what_is_not_a_format(pattern) -> None:
    assert parse_format(pattern) is None


def test_numbers_keep_their_written_decimals_and_totals_their_prices_format() -> None:
    sheet = sf.Sheet([["Item", "Price"], ["Bread", 2.15], ["Milk", "1.20"],
                      ["Total", "=SUM(B2:B3)"], ["Half", "=B3/2"]], "fr")
    plain = formats_for(None, sheet)
    assert [shown(sheet, (r, 2), plain) for r in range(1, 6)] == [
        "Price", "2,15", "1,20", "3,35", "0,6"]  # formulas: the General format
    priced = formats_for({"B2:B3": "0.00 €"}, sheet)
    assert [shown(sheet, (r, 2), priced) for r in range(2, 6)] == [
        f"2,15{NBSP}€", f"1,20{NBSP}€", f"3,35{NBSP}€", f"0,60{NBSP}€"]


def test_a_format_never_changes_a_text_or_an_error() -> None:
    sheet = sf.Sheet([["Price", "=1/0"]], "en")
    given = formats_for({"A1:B1": "0.00"}, sheet)
    assert [shown(sheet, (1, c), given) for c in (1, 2)] == ["Price", "#DIV/0!"]
