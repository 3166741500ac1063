"""A sheet as a weapon: text that grows without end, sheets that take forever, and the
small ways our evaluator differed from Excel. Each ends with a value, never a crash."""

from __future__ import annotations

from curriculum.practice.spreadsheet_formulas import MAX_TEXT, MAX_WORK, Sheet, evaluate

X = "x" * 5000


def test_a_chain_of_concat_stops_at_excel_text_limit() -> None:
    grid = [[X]] + [[f"=CONCAT(A{r},A{r})"] for r in range(1, 40)]
    sheet = Sheet(grid, "en")
    assert len(sheet.value((3, 1))) == 20_000
    assert sheet.shown((4, 1)) == "#VALUE!"  # 40,000 characters: more than 32,767
    assert sheet.value((4, 1)).reason == "too_long"
    assert sheet.shown((40, 1)) == "#VALUE!"


def test_ampersand_doubling_stops_at_excel_text_limit() -> None:
    grid = [[X]] + [[f"=A{r}&A{r}"] for r in range(1, 26)]
    sheet = Sheet(grid, "en")
    assert sheet.shown((26, 1)) == "#VALUE!"
    assert len(evaluate('=A1&A1&A1&A1&A1&A1', [["x" * 5461]])) == 6 * 5461 <= MAX_TEXT
    assert evaluate('=A1&A1&A1&A1&A1&A1&A1', [["x" * 5461]]).reason == "too_long"


def test_a_sheet_that_reads_too_much_stops_with_an_error_value() -> None:
    grid = [["=SUM(A1:Z50)"] * 26 for _ in range(50)]
    sheet = Sheet(grid, "en")
    assert sheet.too_much_work
    assert sheet.shown((1, 1)) == "#NUM!"
    assert sheet.value((50, 26)).reason == "too_much_work"
    assert sheet.work <= MAX_WORK + 26 * 50


def test_work_grows_linearly_with_the_cells_read() -> None:
    def work(rows: int) -> int:
        grid = [[1, *[f"=SUM($A$1:$A$20)+B{r}" if r > 1 else "=SUM($A$1:$A$20)"
                      for _ in range(1)]] for r in range(1, rows + 1)]
        return Sheet(grid, "en").work

    small, large = work(200), work(400)
    assert large <= 2.1 * small


def test_a_dense_circle_is_found_without_running_out_of_budget() -> None:
    # every cell of a 10 x 26 block reads the whole block: all in one circle
    grid = [["=SUM(A1:Z10)"] * 26 for _ in range(10)]
    sheet = Sheet(grid, "en")
    assert not sheet.too_much_work
    assert {sheet.value((r, c)).reason for r in range(1, 11) for c in range(1, 27)} == {
        "circular"}


def test_a_formula_evaluated_alone_has_a_budget_too() -> None:
    grid = [[1] * 26 for _ in range(50)]
    sheet = Sheet(grid, "en")
    def total(ranges: int) -> object:
        return sheet.evaluate("=SUM(" + ",".join(["A1:Z50"] * ranges) + ")")

    assert total(190) == 1300.0 * 190  # 247,000 cells read
    assert total(200).reason == "too_much_work"  # 260,000


def test_numbers_joined_as_text_keep_15_significant_digits() -> None:
    assert evaluate('=123456789012&""', [[1]]) == "123456789012"
    assert evaluate('=CONCAT(1/3)', [[1]]) == "0.333333333333333"
    assert evaluate('=A1&""', [[2.5]], "fr") == "2,5"
    assert Sheet([[123456789012]], "en").shown((1, 1)) == "123456789000"  # a narrow cell


def test_accents_count_in_comparisons_case_does_not() -> None:
    assert evaluate('="é"="e"', [[1]]) is False
    assert evaluate('="É"="é"', [[1]]) is True
    assert evaluate('="Café"="CAFÉ"', [[1]]) is True
    assert evaluate('="a"<"b"', [[1]]) is True
