"""The spreadsheet practice app's engine: the model, checking a sheet, self-test, the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from curriculum.checking import check, solution_markdown
from curriculum.model import SpreadsheetStep
from curriculum.model.spreadsheet import CellRule, SortedBy
from curriculum.packs import load_catalogue
from curriculum.practice import spreadsheet as engine

ROOT = Path(__file__).resolve().parents[2]


def make(**keys: Any) -> SpreadsheetStep:
    data = {"id": "s", "kind": "spreadsheet", "prompt": "Do it.", "hints": ["A hint."],
            "grid": [["Item", "Price"], ["Milk", 1.20], ["Bread", 0.95], ["Total", ""]]}
    return SpreadsheetStep.model_validate({**data, **keys})


# the issue's example
TOTAL = make(
    editable=["B4"],
    expect={"B4": {"formula": True, "value": 2.15, "uses": ["SUM"]}},
    feedback=[{"when": {"B4": {"formula": False, "value": 2.15}},
               "say": "Right number! Now type it as a formula."}],
)


def cells(**typed: Any) -> dict[str, Any]:
    return {"cells": typed}


# --- the model ------------------------------------------------------------------------


def test_the_issue_example_reads() -> None:
    rules = TOTAL.expect.rules()
    assert list(rules) == ["B4"]
    assert rules["B4"].value == 2.15 and rules["B4"].uses == ["SUM"]
    assert TOTAL.editable == ["B4"]
    assert TOTAL.feedback[0].when.rules()["B4"].formula is False


def test_a_bare_value_means_value_or_equals() -> None:
    step = make(expect={"B4": 2.15, "A4": "Total", "sorted_by": {"column": "B"}})
    rules = step.expect.rules()
    assert rules["B4"].value == 2.15
    assert rules["A4"].equals == "Total"
    assert rules["sorted_by"] == SortedBy(column="B", order="ascending")


@pytest.mark.parametrize(("expect", "message"), [
    ({"B4": {"valeu": 2}}, "Extra inputs"),
    ({"B4": {"tolerance": 0.1}}, "'tolerance' only goes with 'number' or 'value'"),
    ({"B4": {"formula": "yes"}}, "valid boolean"),
    ({"sorted_by": {"column": "B", "order": "up"}}, "'ascending' or 'descending'"),
    ({"sorted_by": {"column": "B2"}}, "pattern"),
])
def test_bad_keys_are_refused(expect: dict, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        make(expect=expect)
    assert message in str(err.value)


def test_nested_rules_are_cell_rules() -> None:
    rule = CellRule.model_validate({"any": [{"value": 3}, {"uses": ["SOMME"]}],
                                    "not": {"formula": False}})
    assert rule.any_[1].uses == ["SOMME"]
    assert rule.not_.formula is False


def test_the_schema_shows_cells_and_sorted_by() -> None:
    schema = SpreadsheetStep.model_json_schema(by_alias=True)
    rules = schema["$defs"]["SheetRules"]
    assert "sorted_by" in rules["properties"]
    assert rules["additionalProperties"]["$ref"].endswith("CellRule")
    cell = schema["$defs"]["CellRule"]["properties"]
    assert {"value", "formula", "uses", "refs", "robust", "equals", "any"} <= set(cell)


def test_default_editable_cells_are_the_empty_ones() -> None:
    step = make(expect={"B4": 1}, grid=[["a", ""], ["", "b"], ["c"]])
    assert engine.editable_cells(step) == [(1, 2), (2, 1), (3, 2)]


# --- checking -------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "status", "rule"), [
    ("=SUM(B2:B3)", "correct", "expect"),
    ("=sum(b2:b3)", "correct", "expect"),
    ("=SUM(B2;B3)", "correct", "expect"),
    ("=SOMME(B2:B3)", "correct", "expect"),  # the French name works in English
    ("=SUM(B2:B4)", "wrong", "otherwise"),  # refers to itself: #REF!
    ("2.15", "wrong", "feedback[0]"),
    ("=B2+B3", "wrong", "otherwise"),
    ("=SUM(B2:B2)", "wrong", "otherwise"),
    ("hello", "wrong", "otherwise"),
])
def test_checking_the_total(typed: str, status: str, rule: str) -> None:
    out = check(TOTAL, cells(B4=typed))
    assert (out.status, out.rule) == (status, rule)
    if rule.startswith("feedback"):
        assert out.feedback == ("Right number! Now type it as a formula.",)


@pytest.mark.parametrize("answer", [
    "=SUM(B2:B3)", None, [], {"cells": "B4"}, {"cells": {"B2": "1"}}, {"cells": {"Z9": "1"}},
    {"cells": {"B4": {"x": 1}}}, {"cells": {"B4": "x" * 6000}}, {"order": [2, 2, 3]},
    {"order": "234"}, {"cells": {4: "1"}},
])
def test_unreadable_answers_are_invalid(answer: Any) -> None:
    out = check(TOTAL, answer)
    assert (out.status, out.notice) == ("invalid", "check.unreadable")


@pytest.mark.parametrize("answer", [{}, {"cells": {}}, {"cells": None}, cells(B4=""),
                                    cells(B4="  ")])
def test_an_untouched_sheet_is_blank(answer: Any) -> None:
    out = check(TOTAL, answer)
    assert (out.status, out.notice) == ("invalid", "check.sheet_blank")
    assert not out.counts


def test_typing_the_same_value_again_is_not_a_change() -> None:
    step = make(editable=["B2"], expect={"B2": 2})
    assert check(step, cells(B2="1.2")).notice == "check.sheet_blank"
    assert check(step, cells(B2="1,2"), "fr").notice == "check.sheet_blank"
    assert check(step, cells(B2="2")).status == "correct"


@pytest.mark.parametrize(("rule", "typed", "lang", "holds"), [
    # value: numbers within tolerance, texts, TRUE/FALSE
    ({"value": 2.15}, "=B2+B3", "en", True),
    ({"value": 2.15}, "2.15", "en", True),
    ({"value": 2.15}, "2,15", "fr", True),
    ({"value": 2.15}, "2,15", "en", False),  # text in English
    ({"value": 2.2, "tolerance": 0.1}, "2.15", "en", True),
    ({"value": 2.2}, "2.15", "en", False),
    ({"value": "2.15"}, "=B2+B3", "en", True),
    ({"value": "ok"}, "OK", "en", True),
    ({"value": True}, "=B2>B3", "en", True),
    ({"value": False}, "=B2>B3", "en", False),
    ({"value": "#DIV/0!"}, "=1/0", "en", True),
    # formula
    ({"formula": True}, "=1", "en", True),
    ({"formula": True}, "1", "en", False),
    ({"formula": False}, "1", "en", True),
    # uses: either language's name
    ({"uses": ["SUM"]}, "=SOMME(B2:B3)", "fr", True),
    ({"uses": ["SOMME"]}, "=SUM(B2:B3)", "en", True),
    ({"uses": ["SUM", "ROUND"]}, "=ROUND(SUM(B2:B3),1)", "en", True),
    ({"uses": ["SUM", "ROUND"]}, "=SUM(B2:B3)", "en", False),
    ({"uses": ["SUM"]}, "SUM", "en", False),
    # refs: exactly these cells
    ({"refs": "B2:B3"}, "=SUM(B2:B3)", "en", True),
    ({"refs": "B2:B3"}, "=B3+B2", "en", True),
    ({"refs": "B2:B3"}, "=SUM(B2:B3)+B2", "en", True),
    ({"refs": "B2:B3"}, "=SUM(B1:B3)", "en", False),
    ({"refs": "B2:B3"}, "=SUM(B:B)", "en", False),
    ({"refs": "B2:B3"}, "=1.2+0.95", "en", False),
    # robust, without an answer: the value must follow the data
    ({"robust": True}, "=B2+B3", "en", True),
    ({"robust": True}, "=1.2+0.95", "en", False),
    ({"robust": True}, "2.15", "en", False),
    ({"robust": False}, "=1.2+0.95", "en", True),
    ({"robust": True}, "=B2/0", "en", False),
    # the rule language on the text shown
    ({"equals": "2.15"}, "=B2+B3", "en", True),
    ({"equals": "2,15"}, "=B2+B3", "fr", True),
    ({"number": 2.15}, "=B2+B3", "fr", True),
    ({"starts_with": "#"}, "=1/0", "en", True),
    ({"equals": "#NAME?"}, "=SUMM(B2)", "en", True),
    ({"empty": True}, "=A5", "en", False),  # a formula on an empty cell shows 0
    # any / all / not, nested
    ({"any": [{"value": 1}, {"value": 2.15}]}, "=B2+B3", "en", True),
    ({"all": [{"formula": True}, {"uses": ["SUM"]}]}, "=B2+B3", "en", False),
    ({"not": {"formula": True}}, "2.15", "en", True),
    ({"formula": True, "not": {"uses": ["SUM"]}}, "=B2+B3", "en", True),
])
def test_cell_rules(rule: dict, typed: str, lang: str, holds: bool) -> None:
    step = make(editable=["B4"], expect={"B4": rule})
    out = check(step, cells(B4=typed), lang)
    assert (out.status == "correct") is holds, out


def test_robust_with_an_answer_compares_with_the_answer() -> None:
    step = make(editable=["B4"], expect={"B4": {"value": 2.15, "robust": True}},
                answer={"B4": "=SUM(B2:B3)"})
    assert check(step, cells(B4="=B2+B3")).status == "correct"
    assert check(step, cells(B4="=SUM(B2:B3)")).status == "correct"
    assert check(step, cells(B4="=B2+0.95")).status == "wrong"  # follows B2 only
    assert check(step, cells(B4="=B2*1.7916666667")).status == "wrong"  # right only today


def test_robust_catches_a_formula_right_only_because_two_inputs_are_equal() -> None:
    step = make(grid=[["a", "b", ""], [2, 2, ""]], editable=["C2"],
                expect={"C2": {"value": 4, "robust": True}}, answer={"C2": "=A2+B2"})
    assert check(step, cells(C2="=A2+B2")).status == "correct"
    assert check(step, cells(C2="=A2*2")).status == "wrong"


def test_rules_may_look_at_cells_that_are_not_typed_in() -> None:
    step = make(grid=[["Total", "Count", "Each"], [3.6, "", "=A2/B2"]], editable=["B2"],
                expect={"C2": {"value": 0.3}},
                feedback=[{"when": {"C2": {"equals": "#DIV/0!"}}, "say": "Still zero."}])
    assert check(step, cells(B2="12")).status == "correct"
    assert check(step, cells(B2="0")).feedback == ("Still zero.",)


def test_the_first_feedback_that_holds_speaks_then_otherwise() -> None:
    step = make(editable=["B4"], expect={"B4": {"value": 2.15, "formula": True}},
                feedback=[{"when": {"B4": {"formula": False}}, "say": "one"},
                          {"when": {"B4": {"value": 2.15}}, "say": "two"}],
                otherwise="other")
    assert check(step, cells(B4="2.15")).feedback == ("one",)
    assert check(step, cells(B4="=3")).feedback == ("other",)


def test_case_and_accents_follow_the_step() -> None:
    step = make(editable=["B4"], expect={"B4": {"equals": "Été"}})
    assert check(step, cells(B4="ete")).status == "correct"
    strict = make(editable=["B4"], expect={"B4": {"equals": "Été"}}, case_sensitive=True,
                  accent_sensitive=True)
    assert check(strict, cells(B4="ete")).status == "wrong"


# --- sorting --------------------------------------------------------------------------

SORT = make(
    grid=[["Item", "Price"], ["Milk", 1.2], ["Cheese", 4.25], ["Bread", 2.15], ["Jam", ""]],
    editable=[],
    expect={"sorted_by": {"column": "B", "order": "descending"}},
    feedback=[{"when": {"sorted_by": {"column": "B"}}, "say": "Cheapest first."},
              {"when": {"sorted_by": {"column": "A"}}, "say": "By names."}],
)


@pytest.mark.parametrize(("order", "status", "said"), [
    ([3, 4, 2, 5], "correct", ()),
    ([2, 4, 3, 5], "wrong", ("Cheapest first.",)),
    ([4, 3, 5, 2], "wrong", ("By names.",)),
    ([5, 3, 4, 2], "wrong", ()),  # the empty price must stay last
    ([4, 2, 3, 5], "wrong", ()),
])
def test_sorting(order: list[int], status: str, said: tuple) -> None:
    out = check(SORT, {"order": order})
    assert (out.status, out.feedback) == (status, said)


def test_sort_order_keeps_blanks_last_both_ways() -> None:
    sheet = engine.start_sheet(SORT)
    rows = engine.data_rows(SORT)
    assert engine.sort_order(sheet, "B", "descending", rows) == [3, 4, 2, 5]
    assert engine.sort_order(sheet, "B", "ascending", rows) == [2, 4, 3, 5]
    assert engine.sort_order(sheet, "A", "ascending", rows) == [4, 3, 5, 2]


def test_cells_are_typed_after_the_rows_are_sorted() -> None:
    step = make(grid=[["Item", "Price"], ["Milk", 1.2], ["Bread", 0.95], ["Total", ""]],
                expect={"sorted_by": {"column": "B"}, "B4": {"value": 2.15}},
                editable=["B4"])
    answer = {"order": [3, 2, 4], "cells": {"B4": "=SUM(B2:B3)"}}
    assert check(step, answer).status == "correct"
    assert check(step, {"order": [2, 3, 4], "cells": {"B4": "=SUM(B2:B3)"}}).status == "wrong"


# --- self-test and the answer -------------------------------------------------------------


def test_selftest_passes_on_good_steps() -> None:
    for step in (TOTAL, SORT):
        results = list(engine.selftest(step))
        assert results and all(ok for ok, _ in results), results


def test_selftest_fails_when_the_rules_cannot_be_met() -> None:
    step = make(editable=["B4"], expect={"B4": {"value": 2.15, "formula": True,
                                                "equals": "3"}})
    failed = [msg for ok, msg in engine.selftest(step) if not ok]
    assert any("no right sheet" in m for m in failed)


def test_selftest_fails_when_the_answer_is_wrong() -> None:
    step = make(editable=["B4"], expect={"B4": {"value": 2.15}}, answer={"B4": "=B2"})
    failed = [msg for ok, msg in engine.selftest(step) if not ok]
    assert any("is not accepted" in m for m in failed)


def test_selftest_fails_when_the_rows_are_already_sorted() -> None:
    step = make(editable=[], expect={"sorted_by": {"column": "A", "order": "descending"}},
                grid=[["Item"], ["c"], ["b"], ["a"]])
    failed = [msg for ok, msg in engine.selftest(step) if not ok]
    assert any("already sorted" in m for m in failed)


def test_the_right_answer_is_made_from_the_rules() -> None:
    assert engine.right_answer(TOTAL) == {"cells": {"B4": "=SUM(B2:B3)"}}
    french = make(editable=["B4"], expect={"B4": {"uses": ["SUM"], "refs": "B2:B3"}})
    assert engine.right_answer(french, "fr") == {"cells": {"B4": "=SOMME(B2:B3)"}}
    assert engine.right_answer(SORT) == {"cells": {}, "order": [3, 4, 2, 5]}


def test_show_the_answer() -> None:
    step = make(editable=["B4"], expect={"B4": {"value": 2.15}}, answer={"B4": "=SUM(B2:B3)"})
    assert solution_markdown(step) == "- **B4**: `=SUM(B2:B3)`"
    table = solution_markdown(SORT)
    assert table.splitlines()[:4] == ["| | A | B |", "|---|---|---|", "| **1** | Item | Price |",
                                      "| **2** | Cheese | 4.25 |"]
    assert solution_markdown(make(expect={"B4": 1}, solution="Type 1")) == "Type 1"


# --- the bundled lessons ------------------------------------------------------------------


def test_every_bundled_spreadsheet_step_passes_its_selftest() -> None:
    cat = load_catalogue([ROOT / "lessons"])
    found = 0
    for loaded in cat.packs.values():
        for lesson in loaded.lessons.values():
            for step in lesson.steps:
                if step.kind != "spreadsheet":
                    continue
                found += 1
                results = list(engine.selftest(step, loaded.pack.base_language))
                assert all(ok for ok, _ in results), (loaded.id, lesson.id, step.id, results)
                right = engine.right_answer(step, loaded.pack.base_language)
                assert check(step, right, loaded.pack.base_language).status == "correct"
    assert found >= 7


# --- semantic checks ----------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "where", "severity", "message"), [
    ({"expect": {"C9": 1}}, ("expect", "C9"), "error", "cell C9 is outside the grid"),
    ({"editable": ["B4", "X"]}, ("editable", 1), "error", "'X' is not a cell name"),
    ({"editable": ["B9"]}, ("editable", 0), "error", "cell B9 is outside the grid"),
    ({"grid": [["a", "=SUM(("]]}, ("grid", 0, 1), "error", "the formula '=SUM((' in B1"),
    ({"expect": {"B4": {"uses": ["SOMME", "TOTAL"]}}}, ("expect", "B4", "uses", 1), "error",
     "unknown function 'TOTAL'"),
    ({"expect": {"B4": {"refs": "B2..B3"}}}, ("expect", "B4", "refs"), "error",
     "refs 'B2..B3' is not a range"),
    ({"expect": {"B4": {"refs": "B2:B9"}}}, ("expect", "B4", "refs"), "error",
     "refs 'B2:B9' goes outside the grid"),
    ({"expect": {"B4": {"not": {"uses": ["X"]}}}}, ("expect", "B4", "not", "uses", 0), "error",
     "unknown function 'X'"),
    ({"expect": {"B4": {"equals": ["a", "b"]}}}, ("expect", "B4", "equals"), "error",
     "'equals' takes one value"),
    ({"expect": {"B4": {"regex": "(a"}}}, ("expect", "B4", "regex"), "error",
     "bad regular expression"),
    ({"expect": {"B4": {}}}, ("expect", "B4"), "warning", "the rule on B4 is empty"),
    ({"expect": {"A2": {"equals": "Milk"}}}, ("expect", "A2"), "warning",
     "the senior cannot type in A2"),
    ({"editable": [], "expect": {"B4": 1}}, ("editable",), "warning",
     "the senior cannot type in any cell"),
    ({"expect": {"sorted_by": {"column": "D"}}}, ("expect", "sorted_by", "column"), "error",
     "column D is outside the grid"),
    ({"grid": [["a"], ["=1"], ["b"]], "expect": {"sorted_by": {"column": "A"}}},
     ("expect", "sorted_by"), "error", "cell A2 holds a formula"),
    ({"grid": [["a"], ["b"]], "expect": {"sorted_by": {"column": "A"}}},
     ("expect", "sorted_by"), "error", "nothing to sort"),
    ({"feedback": [{"when": {"E1": {"formula": True}}, "say": "x"}], "expect": {"B4": 1}},
     ("feedback", 0, "when", "E1"), "error", "cell E1 is outside the grid"),
    ({"answer": {"B2": "1"}, "editable": ["B4"], "expect": {"B4": 1}}, ("answer", "B2"),
     "error", "cell B2 is not editable"),
    ({"answer": {"B4": "=SUM(B2"}, "expect": {"B4": 1}}, ("answer", "B4"), "error",
     "the formula '=SUM(B2' cannot be read"),
])
def test_problems(keys: dict, where: tuple, severity: str, message: str, tmp_path: Path) -> None:
    step = make(**{"expect": {"B4": 1}, **keys})
    found = list(engine.problems(step, tmp_path))
    assert any(w == where and s == severity and message in m for w, s, m in found), found


def test_a_clean_step_has_no_problem(tmp_path: Path) -> None:
    step = make(editable=["B4"], expect={"B4": {"uses": ["SUM"], "refs": "B2:B3"}},
                answer={"B4": "=SUM(B2:B3)"})
    assert list(engine.problems(step, tmp_path)) == []


def test_formulas_are_read_in_the_pack_language(tmp_path: Path) -> None:
    step = make(grid=[["a", "=ROUND(1.5,0)"]], editable=["A1"], expect={"A1": 1})
    assert list(engine.problems(step, tmp_path)) == []  # no pack.yaml: either language
    (tmp_path / "pack.yaml").write_text("language: fr-BE\n", encoding="utf-8")
    found = list(engine.problems(step, tmp_path))
    assert [w for w, _, _ in found] == [("grid", 0, 1)]
    assert "in French, put ;" in found[0][2]


def test_a_formula_that_takes_only_the_ends_of_its_range_is_told_so() -> None:
    "=SUM(B2;B5) for B2:B5 is a likely slip of ; for :, whatever the pack's feedback says."
    from curriculum.checking import check
    from curriculum.model.spreadsheet import SpreadsheetStep

    step = SpreadsheetStep.model_validate({
        "id": "total", "kind": "spreadsheet", "prompt": "Add up.",
        "grid": [["Item", "Price"], ["A", 1], ["B", 2], ["C", 3], ["D", 4], ["Total", ""]],
        "expect": {"B6": {"formula": True, "refs": "B2:B5", "value": 10}},
        "feedback": [{"when": {"B6": {"formula": True}}, "say": "Adds the prices themselves."}]})
    for formula, lang, notice in (("=SOMME(B2;B5)", "fr", "sheet.slip_added"),
                                  ("=SUM(B2,B5)", "en", "sheet.slip_added"),
                                  ("=B2+B5", "en", "sheet.slip_took")):
        out = check(step, {"cells": {"B6": formula}}, lang)
        assert (out.status, out.notice, out.feedback) == ("wrong", notice, ())
        assert out.params == {"cell": "B6", "first": "B2", "last": "B5", "range": "B2:B5"}
    other = check(step, {"cells": {"B6": "=B2+B3"}}, "en")  # not the ends: the pack speaks
    assert other.feedback == ("Adds the prices themselves.",)
    assert check(step, {"cells": {"B6": "=SUM(B2:B5)"}}, "en").status == "correct"
