"""The spreadsheet practice app under AppTest: the senior chooses cells, types values and
formulas in the formula bar, presses Enter, sorts rows and checks the sheet, right and
wrong; the feedback shows; each attempt row holds what they typed."""

from __future__ import annotations

from functools import partial

import ui_practice
from ui_practice import attempts, html, ok, run_id, said

from curriculum.render import to_html

LESSON = "examples/practice-spreadsheet"
STEPS = ["intro", "type-a-price", "total", "fix-an-error", "if-budget", "sort-prices"]
open_step = partial(ui_practice.open_step, lesson=LESSON, steps=STEPS)


class Sheet:
    "Drives the app of one step the way a senior does."

    def __init__(self, at, db_file, step_id: str) -> None:
        self.at = at
        self.step_id = step_id
        self.run = run_id(db_file)

    def key(self, what: str) -> str:
        return f"player.{what}.{self.run}.{self.step_id}"

    def choose(self, cell: str) -> Sheet:
        ok(self.at.selectbox(key=self.key("sheet_cell")).select(cell).run())
        return self

    @property
    def bar(self):
        return self.at.text_input(key=self.key("sheet_bar"))

    def type(self, text: str, enter: bool = True) -> Sheet:
        "Type in the formula bar, then press the Enter button (or not)."
        self.bar.input(text)
        if enter:
            self.at.button(key=self.key("sheet_enter")).click()
        ok(self.at.run())
        return self

    def press(self, what: str) -> Sheet:
        ok(self.at.button(key=self.key(what)).click().run())
        return self

    def check(self) -> Sheet:
        return self.press("sheet_check")

    def sort(self, column: str, order: str) -> Sheet:
        self.at.selectbox(key=self.key("sheet_sortcol")).select(column)
        self.at.radio(key=self.key("sheet_sortorder")).set_value(order)
        return self.press("sheet_sort")

    def grid(self) -> list[list[str]]:
        frame = self.at.table[0].value
        return [[str(v) for v in row] for row in frame.itertuples(index=False)]

    def column(self, letter: str) -> list[str]:
        return [str(v) for v in self.at.table[0].value[letter]]


def test_the_grid_shows_letters_numbers_and_values(make_app, people, db_file):
    at = open_step(make_app, people, "total")
    sheet = Sheet(at, db_file, "total")
    frame = at.table[0].value
    assert list(frame.columns) == ["A", "B"]
    assert list(frame.index) == ["1", "2", "3", "4"]
    assert sheet.grid() == [["Item", "Price"], ["Milk", "1.20"], ["Bread", "0.95"],
                            ["Total", ""]]
    assert at.selectbox(key=sheet.key("sheet_cell")).options == ["B4"]
    assert sheet.bar.label == "Formula bar (cell B4)"
    assert sheet.bar.value == ""


def test_a_typed_number_gets_feedback_then_the_formula_is_right(make_app, people, db_file):
    at = open_step(make_app, people, "total")
    sheet = Sheet(at, db_file, "total")
    sheet.type("2.15")
    assert sheet.column("B")[3] == "2.15"
    sheet.check()
    assert at.warning[0].value.startswith("**Not quite yet.**")
    assert html("Right number! Now type it as a formula starting with **=** so it updates "
                "itself.") in said(at)
    sheet.type("=1.20+0.95").check()
    assert "won" in said(at) and "follow the prices" in said(at)  # not robust
    sheet.type("=SUM(B2:B3)")
    assert sheet.column("B")[3] == "2.15"
    assert "B4 holds the formula `=SUM(B2:B3)` and shows **2.15**." in [
        m.value for m in at.markdown]
    sheet.check()
    assert at.success[0].value.startswith("**Well done!**")
    assert attempts(db_file, "total") == [
        ("wrong", {"cells": {"B4": "2.15"}}),
        ("wrong", {"cells": {"B4": "=1.20+0.95"}}),
        ("correct", {"cells": {"B4": "=SUM(B2:B3)"}}),
    ]
    assert at.button(key=sheet.key("sheet_check")).disabled  # solved: the sheet is done


def test_checking_an_untouched_sheet_is_not_an_attempt(make_app, people, db_file):
    at = open_step(make_app, people, "total")
    Sheet(at, db_file, "total").check()
    assert at.info[0].value.startswith("You have not changed the sheet yet.")
    assert attempts(db_file, "total") == []


def test_error_values_show_in_the_cell_and_are_explained(make_app, people, db_file):
    at = open_step(make_app, people, "fix-an-error")
    sheet = Sheet(at, db_file, "fix-an-error")
    assert sheet.grid()[1][3] == "#DIV/0!"
    assert any("D2 shows **#DIV/0!**: the formula divides by zero" in w.value
               for w in at.warning)
    # the name box also lists formulas one may look at, but not change
    assert at.selectbox(key=sheet.key("sheet_cell")).options == ["C2", "D2"]
    sheet.choose("D2")
    assert sheet.bar.value == "=B2/C2" and sheet.bar.disabled
    sheet.choose("C2").type("0").check()
    assert html("D2 still divides by zero. Type a number that is not 0 in **C2**.") in said(at)
    sheet.type("12")
    assert sheet.grid()[1][3] == "0.3"
    assert not any("#DIV/0!" in w.value for w in at.warning)
    sheet.check()
    assert at.success[0].value.startswith("**Well done!**")
    assert attempts(db_file, "fix-an-error")[-1] == ("correct", {"cells": {"C2": "12"}})


def test_sorting_the_rows_right_and_wrong(make_app, people, db_file):
    at = open_step(make_app, people, "sort-prices")
    sheet = Sheet(at, db_file, "sort-prices")
    assert sheet.column("A") == ["Item", "Milk", "Cheese", "Bread", "Apples"]
    sheet.sort("B", "ascending")
    assert sheet.column("A") == ["Item", "Milk", "Bread", "Apples", "Cheese"]
    assert sheet.column("B")[1:] == ["1.20", "2.15", "3.40", "4.25"]  # rows move whole
    sheet.check()
    assert html("Right column, but the cheapest is first. Choose **Biggest first**.") in said(at)
    sheet.sort("B", "descending").check()
    assert at.success[0].value.startswith("**Well done!**")
    assert sheet.column("A") == ["Item", "Cheese", "Apples", "Bread", "Milk"]
    assert attempts(db_file, "sort-prices") == [
        ("wrong", {"cells": {}, "order": [2, 4, 5, 3]}),
        ("correct", {"cells": {}, "order": [3, 5, 4, 2]}),
    ]


def test_what_is_typed_is_kept_without_enter_too(make_app, people, db_file):
    at = open_step(make_app, people, "watch-it-change", lesson="spreadsheet-basics/first-sum",
                   steps=["formulas", "starts-with", "simple-formula", "sum", "sum-range",
                          "type-sum", "total", "sum-in-sheet", "watch-it-change"])
    sheet = Sheet(at, db_file, "watch-it-change")
    assert at.selectbox(key=sheet.key("sheet_cell")).options == ["B2", "B3", "B4", "B5", "B6"]
    sheet.choose("B4")
    assert sheet.bar.value == "3.40"  # as the author wrote it
    # typed, then another cell chosen at once: kept, as when a spreadsheet cell is left
    sheet.bar.input("2.90")
    ok(at.selectbox(key=sheet.key("sheet_cell")).select("B6").run())
    assert sheet.bar.value == "=SUM(B2:B5)" and sheet.bar.disabled  # a locked formula
    assert sheet.column("B")[3:] == ["2.90", "4.25", "10.50"]  # the total followed
    sheet.press("sheet_reset")
    assert sheet.column("B")[3:] == ["3.40", "4.25", "11.00"]
    # typed, then Check at once: kept and checked
    sheet.choose("B4").bar.input("2.90")
    at.button(key=sheet.key("sheet_check")).click()
    ok(at.run())
    assert at.success[0].value.startswith("**Well done!**")
    assert attempts(db_file, "watch-it-change") == [("correct", {"cells": {"B4": "2.90"}})]


def test_french_formulas_in_a_french_pack(make_app, people, db_file):
    steps = ["formulas", "starts-with", "simple-formula", "sum", "sum-range", "type-sum",
             "total", "sum-in-sheet"]
    at = open_step(make_app, people, "sum-in-sheet", lesson="tableur-bases/first-sum",
                   steps=steps, ui__lang="fr")
    sheet = Sheet(at, db_file, "sum-in-sheet")
    assert sheet.bar.label == "Barre de formule (cellule B6)"
    assert sheet.column("B")[1] == "2,15\u00a0€"  # the pack's format, in French
    sheet.type("=SOMME(B2,B5)")
    assert sheet.column("B")[5] == "#ERREUR!"
    assert any("en français, mettez un point-virgule" in w.value for w in at.warning)
    sheet.check()
    assert html("La cellule affiche une erreur. Vérifiez l’orthographe de **SOMME**") in said(at)
    sheet.type("11").check()
    assert html("C’est le bon total\u202f!") in said(at)
    sheet.type("=SOMME(B2;B5)").check()  # the ends only: told so, not "eux-mêmes"
    assert "Vous n’avez additionné que B2 et B5" in said(at)
    sheet.type("=SOMME(B2:B5)")
    assert sheet.column("B")[5] == "11,00\u00a0€"
    sheet.check()
    assert at.success[0].value.startswith("**Bravo")
    assert attempts(db_file, "sum-in-sheet")[-1] == ("correct",
                                                     {"cells": {"B6": "=SOMME(B2:B5)"}})


def test_a_pair_sees_the_coach_panel_and_the_answer(make_app, people, db_file):
    at = open_step(make_app, people, "total", who__junior=people["junior"])
    assert any("Coach panel" in s.value for s in at.subheader)
    sheet = Sheet(at, db_file, "total")
    ok(at.button(key=sheet.key("answer_btn")).click().run())
    assert to_html("- **B4**: `=SUM(B2:B3)`") in said(at)
    sheet.type("=SUM(B2:B3)").check()
    assert at.success[0].value.startswith("**Well done!**")


def test_cells_are_shown_as_typed_never_as_markdown() -> None:
    from curriculum.ui.widgets.practice.spreadsheet import _literal

    assert _literal("# 1. **x** <b>") == r"\# 1\. \*\*x\*\* \<b\>"
    assert _literal("#DIV/0!") == r"\#DIV\/0\!"


def test_every_error_value_is_explained_in_both_languages() -> None:
    from curriculum.i18n import catalogue
    from curriculum.ui.widgets.practice.spreadsheet import WHY, WHY_REASON

    for lang in ("en", "fr"):
        for k in [*WHY.values(), *WHY_REASON.values(), "sheet.ascending", "sheet.descending"]:
            assert k in catalogue(lang)
    from curriculum.practice.spreadsheet_formulas import ERROR_CODES

    assert set(WHY) == set(ERROR_CODES)


def test_cell_and_formula_bar_are_explained_in_the_pages_language(make_app, people, db_file):
    "Our own boxes, not tooltips: Streamlit names a tooltip 'Help for …' in English."
    steps = ["formulas", "starts-with", "simple-formula", "sum", "sum-range", "type-sum",
             "total", "sum-in-sheet"]
    at = open_step(make_app, people, "sum-in-sheet", lesson="tableur-bases/first-sum",
                   steps=steps, ui__lang="fr")
    sheet = Sheet(at, db_file, "sum-in-sheet")
    boxes = {e.label: e for e in at.expander}
    cell = boxes["Cellule\u00a0: qu’est-ce que c’est\u202f?"]
    bar = boxes["Barre de formule\u00a0: qu’est-ce que c’est\u202f?"]
    assert "Une cellule est une case du tableau" in cell.markdown[0].value
    assert "La barre de formule est la longue case" in bar.markdown[0].value
    assert not at.selectbox(key=sheet.key("sheet_cell")).help
    assert not sheet.bar.help
