"""kind: spreadsheet (a practice app): a small grid with column letters and row numbers.

```yaml
- id: total
  kind: spreadsheet
  grid:                         # row 1 first; A1 is top-left; "=" starts a formula
    - [Item, Price]
    - [Milk, 1.20]
    - [Bread, 0.95]
    - [Total, ""]
  editable: [B4]                # default: every empty cell
  prompt: In **B4**, add up the prices.
  expect:
    B4: {formula: true, value: 2.15, uses: [SUM]}
  feedback:
    - when: {B4: {formula: false, value: 2.15}}
      say: Right number! Now type it as a formula starting with = so it updates itself.
```

`expect` and each feedback's `when` map cell names to cell rules, plus `sorted_by` for
sorting tasks. Extensions to the issue's keys: `answer` (a right sheet: what to type in
each cell; used by "show the answer", the self-test and `robust`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    NonNegativeFloat,
    StrictBool,
    StringConstraints,
    model_validator,
)

from .base import Markdown, PracticeStep, Rule, Text, _Model

MAX_ROWS = 50
MAX_COLUMNS = 26
CELL_NAME = re.compile(r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$")

GridCell = StrictBool | int | float | str | None


class CellRule(Rule):
    """A rule on one cell. The rule language's keys (equals, contains, number...) look at
    the text the cell shows; the keys below look at what it holds and computes."""

    value: StrictBool | float | str | None = Field(
        default=None,
        description="The value the cell computes: a number (within `tolerance`) or a text",
    )
    tolerance: NonNegativeFloat | None = Field(
        default=None, description="How far from `number` or `value` still counts as right"
    )
    formula: StrictBool | None = Field(
        default=None, description="true: the cell holds a formula (starts with =); false: not"
    )
    uses: list[Text] | None = Field(
        default=None,
        description="Functions the formula must use, like [SUM] (French names work too: SOMME)",
    )
    refs: Text | None = Field(
        default=None,
        description="The cells the formula must refer to, as a range like B2:B5 "
                    "(=SUM(B2:B5) and =B2+B3+B4+B5 both refer to B2:B5)",
    )
    robust: StrictBool | None = Field(
        default=None,
        description="true: the formula still gives the right answer when the numbers in the "
                    "sheet change (catches a number typed instead of a formula)",
    )
    any_: list[CellRule] | None = Field(default=None, alias="any")
    all_: list[CellRule] | None = Field(default=None, alias="all")
    not_: CellRule | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _tolerance_needs_number(self) -> CellRule:
        if self.tolerance is not None and self.number is None and self.value is None:
            raise ValueError("'tolerance' only goes with 'number' or 'value'")
        return self


@dataclass(frozen=True)
class _NotACell:
    key: str


def _bare_cell_rule(value: Any) -> Any:
    "`B4: 2.15` means value: 2.15; `A1: Total` means equals: Total."
    if isinstance(value, _NotACell):
        from ..messages import did_you_mean

        raise ValueError(f"'{value.key}' is not a field of a spreadsheet step"
                         f"{did_you_mean(value.key, ('sorted_by',))}: name a cell like B4, "
                         "or sorted_by")
    if isinstance(value, dict):
        return value
    if isinstance(value, bool | int | float):
        return {"value": value}
    return {"equals": value}


CellRuleOrValue = Annotated[CellRule, BeforeValidator(_bare_cell_rule)]


class SortedBy(_Model):
    "The data rows (every row below the first) are in order of one column."

    column: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{1,2}$")] = Field(
        description="The column letter, like B"
    )
    order: Literal["ascending", "descending"] = Field(
        default="ascending",
        description="ascending: smallest first, A to Z; descending: biggest first, Z to A",
    )


class SheetRules(_Model):
    """Cell names (B4) mapped to cell rules, and `sorted_by` for a sorting task.
    All of them must hold."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, CellRuleOrValue] = Field(init=False)  # type: ignore[assignment]

    sorted_by: SortedBy | None = Field(
        default=None, description="The data rows must be sorted by this column"
    )

    @model_validator(mode="before")
    @classmethod
    def _keys_are_cells(cls, data: Any) -> Any:
        "A key that is not a cell name (nor sorted_by) gets a message of its own."
        if not isinstance(data, dict):
            return data
        return {k: (v if k == "sorted_by" or (isinstance(k, str) and CELL_NAME.match(k))
                    else _NotACell(str(k))) for k, v in data.items()}

    def rules(self) -> dict[str, CellRule | SortedBy]:
        "Every rule by field: cell names, then 'sorted_by'."
        out: dict[str, CellRule | SortedBy] = dict(self.model_extra or {})
        if self.sorted_by is not None:
            out["sorted_by"] = self.sorted_by
        return out


class SheetFeedback(_Model):
    "Feedback for a wrong sheet: `when` maps cells (and `sorted_by`) to rules, all must hold."

    when: SheetRules
    say: Markdown


class SpreadsheetStep(PracticeStep):
    "A small, safe spreadsheet: the senior types values and formulas, or sorts the rows."

    kind: Literal["spreadsheet"]
    grid: Annotated[
        list[Annotated[list[GridCell], Field(max_length=MAX_COLUMNS)]],
        Field(min_length=1, max_length=MAX_ROWS),
    ] = Field(description='The sheet, row 1 first (A1 is top-left); "=" starts a formula, '
                          '"" is an empty cell')
    editable: list[Text] | None = Field(
        default=None, description="Cells the senior may type in, like [B4]; "
                                  "default: every empty cell")
    expect: SheetRules = Field(description="Cell rules and sorted_by; all must hold")
    feedback: list[SheetFeedback] = Field(  # type: ignore[assignment]
        default_factory=list, description="For a wrong sheet: the first `when` that holds speaks"
    )
    formats: dict[Text, Text] | None = Field(
        default=None,
        description="Extension: how numbers are shown, by cell (B4), range (B2:B6) or column "
                    "(B): a pattern like \"0.00 €\", \"#,##0\" or \"0%\", written with the "
                    "pack's language (1,20 € in French). Only the look: checks use the values",
    )
    answer: dict[Text, GridCell] | None = Field(
        default=None,
        description="A right sheet: what to type in each cell, like {B4: \"=SUM(B2:B3)\"}. "
                    "Shown by 'show the answer', used by the self-test and by robust",
    )
