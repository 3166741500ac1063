"""The spreadsheet practice app on screen: a grid with column letters and row numbers,
a name box (which cell), a formula bar with Enter, a Sort panel when the task sorts, and
"Check my sheet".

Everything is a real, labelled Streamlit widget, usable by keyboard: choose a cell in the
name box, type in the formula bar, press Enter (or just go on to another control: what
was typed is kept, as in a real spreadsheet). The app's state lives in session_state
under `key(ctx, step.id, "app")`: `{"cells": {name: typed}, "order": [old row numbers],
"selected": name}`; "Check my sheet" sends `{"cells": ..., "order": ...}` to
`actions.on_answer`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ....model.spreadsheet import SpreadsheetStep
from ....practice import spreadsheet as engine
from ....practice import spreadsheet_format as sheet_format
from ....practice import spreadsheet_formulas as sf
from ....render import escape
from ...actions import Ctx, key, on_answer
from ..content import markdown
from .what_is import what_is

T = Callable[..., str]
WHY = {  # what an error value means, in plain words
    sf.DIV0: "sheet.why_divide", sf.NAME: "sheet.why_name", sf.REF: "sheet.why_ref",
    sf.VALUE: "sheet.why_value", sf.NUM: "sheet.why_num", sf.PARSE: "sheet.why_parse",
}
WHY_REASON = {"circular": "sheet.why_circular", "comma": "sheet.why_comma",
              "too_long": "sheet.why_too_long", "too_much_work": "sheet.why_too_much_work"}
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # ASCII punctuation, escapable in Markdown
GRID, PICKS = "binome-sheet-grid", "binome-sheet-picks"  # containers (CSS in theme.py)
# A click on a table cell presses that cell's hidden button. The table's body rows are the
# sheet's rows 1..n; its first column holds the row numbers, then columns A, B, ...
_CLICK_SCRIPT = """<script>
(() => {
  const classes = __CLASSES__;
  const letters = (n) => { let s = ""; for (; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + (n - 1) % 26) + s; return s; };
  const wire = () => {
    const grid = document.querySelector(".st-key-binome-sheet-grid table");
    if (!grid) return setTimeout(wire, 100);
    grid.querySelectorAll("tbody tr").forEach((tr, r) => {
      tr.querySelectorAll("td").forEach((td, c) => {
        const name = letters(c + 1) + (r + 1);
        if (!classes[name]) return;
        td.style.cursor = "pointer";
        td.title = name;
        td.onclick = () => {
          const button = document.querySelector("." + classes[name] + " button");
          if (button) button.click();
        };
      });
    });
  };
  wire();
})();
</script>"""


def _keys(ctx: Ctx, step: SpreadsheetStep) -> dict[str, str]:
    names = ("app", "sheet_cell", "sheet_bar", "sheet_enter", "sheet_sortcol",
             "sheet_sortorder", "sheet_sort", "sheet_reset", "sheet_check", "sheet_pick")
    return {n: key(ctx, step.id, n) for n in names}


def _state(ctx: Ctx, step: SpreadsheetStep) -> dict[str, Any]:
    k = _keys(ctx, step)
    names = _cell_choices(step)
    app = st.session_state.setdefault(k["app"], {
        "cells": {}, "order": engine.data_rows(step), "selected": names[0] if names else None})
    if app.get("selected") not in names:
        app["selected"] = names[0] if names else None
    return app


def _cell_choices(step: SpreadsheetStep) -> list[str]:
    "The name box: editable cells, then the formulas one may look at, row by row."
    editable = set(engine.editable_cells(step))
    formulas = {c for c, raw in engine.start_sheet(step).raw.items() if sf.is_formula(raw)}
    return [sf.cell_name(c) for c in sorted(editable | formulas)]


def answer_of(app: dict[str, Any], step: SpreadsheetStep) -> dict[str, Any]:
    "What the senior did, as recorded with the attempt."
    out: dict[str, Any] = {"cells": dict(app["cells"])}
    if engine.sorts(step):
        out["order"] = list(app["order"])
    return out


def _played(app: dict[str, Any], step: SpreadsheetStep, lang: str) -> engine.Played:
    played = engine.read_answer(step, answer_of(app, step), lang)
    if played is None:  # the lesson changed under a saved state: start again
        app.update(cells={}, order=engine.data_rows(step))
        played = engine.read_answer(step, answer_of(app, step), lang)
    assert played is not None
    return played


def _raw_in(app: dict[str, Any], step: SpreadsheetStep, name: str, lang: str) -> str:
    "What the formula bar shows for a cell: what was typed there, or the sheet's content."
    if name in app["cells"]:
        return engine.raw_text(app["cells"][name], lang)
    cell = sf.parse_cell(name)
    return engine.raw_text(_played(app, step, lang).sheet.raw.get(cell), lang) if cell else ""


# --- callbacks ----------------------------------------------------------------------
# Like a real spreadsheet, what is typed in the formula bar is kept when the senior presses
# Enter, or leaves the bar for another control (another cell, Sort, Check...). Streamlit
# may run the bar's callback before or after the other control's, so each control first
# keeps what is pending in the bar, and keeping the same text twice changes nothing.


def _editable_names(step: SpreadsheetStep) -> set[str]:
    return {sf.cell_name(c) for c in engine.editable_cells(step)}


def _keep_pending(ctx: Ctx, step: SpreadsheetStep, app: dict[str, Any]) -> None:
    "Keep what the formula bar holds in the chosen cell, if it was changed there."
    name = app.get("selected")
    typed = st.session_state.get(_keys(ctx, step)["sheet_bar"])
    if name in _editable_names(step) and typed is not None and \
            str(typed) != _raw_in(app, step, name, ctx.lang):
        app["cells"][name] = str(typed)[:engine.MAX_TYPED]


def _show_in_bar(ctx: Ctx, step: SpreadsheetStep, app: dict[str, Any]) -> None:
    if app.get("selected"):
        st.session_state[_keys(ctx, step)["sheet_bar"]] = _raw_in(app, step, app["selected"],
                                                                  ctx.lang)


def _on_enter(ctx: Ctx, step: SpreadsheetStep, name: str) -> None:
    "Enter (the key in the bar, or the button): keep what was typed in the cell `name`."
    app = _state(ctx, step)
    if app.get("selected") == name:  # else the name box moved on, and kept it already
        _keep_pending(ctx, step, app)


def _on_select(ctx: Ctx, step: SpreadsheetStep) -> None:
    k = _keys(ctx, step)
    app = _state(ctx, step)
    _keep_pending(ctx, step, app)
    app["selected"] = st.session_state[k["sheet_cell"]]
    _show_in_bar(ctx, step, app)


def _on_pick(ctx: Ctx, step: SpreadsheetStep, name: str) -> None:
    "A cell of the grid was clicked: it becomes the chosen cell, as in the name box."
    app = _state(ctx, step)
    _keep_pending(ctx, step, app)
    app["selected"] = name
    st.session_state[_keys(ctx, step)["sheet_cell"]] = name
    _show_in_bar(ctx, step, app)


def _on_sort(ctx: Ctx, step: SpreadsheetStep) -> None:
    "Sort the data rows by a column; what was typed in them moves with its row."
    k = _keys(ctx, step)
    app = _state(ctx, step)
    _keep_pending(ctx, step, app)
    column = st.session_state.get(k["sheet_sortcol"])
    order = st.session_state.get(k["sheet_sortorder"]) or "ascending"
    if not column:
        return
    rows = engine.data_rows(step)
    sheet = _played(app, step, ctx.lang).sheet
    moved = engine.sort_order(sheet, column, order, rows)  # current rows, in their new order
    app["order"] = [app["order"][r - engine.FIRST_DATA_ROW] for r in moved]
    new_row = {old: new for new, old in enumerate(moved, engine.FIRST_DATA_ROW)}
    editable = _editable_names(step)
    cells: dict[str, Any] = {}
    for name, raw in app["cells"].items():
        r, c = sf.parse_cell(name) or (0, 0)
        target = sf.cell_name((new_row.get(r, r), c))
        cells[target if target in editable else name] = raw
    app["cells"] = cells
    app["sorted"] = column
    _show_in_bar(ctx, step, app)


def _on_reset(ctx: Ctx, step: SpreadsheetStep) -> None:
    app = _state(ctx, step)
    app.update(cells={}, order=engine.data_rows(step), sorted=None)
    _show_in_bar(ctx, step, app)


def _on_check(ctx: Ctx, step: SpreadsheetStep) -> None:
    app = _state(ctx, step)
    _keep_pending(ctx, step, app)
    on_answer(ctx, step, answer_of(app, step))


# --- drawing ------------------------------------------------------------------------


def draw(step: SpreadsheetStep, ctx: Ctx, pack_dir: Path, tr: T, solved: bool) -> None:
    markdown(step.prompt, pack_dir)
    k = _keys(ctx, step)
    app = _state(ctx, step)
    sheet = _played(app, step, ctx.lang).sheet
    st.caption(tr("sheet.how"))
    names = _cell_choices(step)
    editable = _editable_names(step)
    if names:
        if k["sheet_cell"] not in st.session_state:
            st.session_state[k["sheet_cell"]] = app["selected"]
        if k["sheet_bar"] not in st.session_state:
            st.session_state[k["sheet_bar"]] = _raw_in(app, step, app["selected"], ctx.lang)
        box, bar = st.columns([1, 3], vertical_alignment="top")
        box.selectbox(tr("sheet.cell"), names, key=k["sheet_cell"],
                      on_change=_on_select, args=(ctx, step), disabled=solved)
        locked = app["selected"] not in editable
        with bar:
            st.text_input(tr("sheet.bar", cell=app["selected"]), key=k["sheet_bar"],
                          autocomplete="off",
                          disabled=solved or locked,
                          on_change=_on_enter, args=(ctx, step, app["selected"]))
            st.button(tr("sheet.enter"), icon=":material/keyboard_return:", key=k["sheet_enter"],
                      on_click=_on_enter,
                      args=(ctx, step, app["selected"]), disabled=solved or locked)
        with st.container(horizontal=True):  # the two words explained, in the page's language
            what_is(tr("sheet.cell_what"), tr("sheet.cell_help"))
            what_is(tr("sheet.bar_what"), tr("sheet.bar_help"))
        if locked:
            st.caption(tr("sheet.locked", cell=app["selected"]))
    if engine.sorts(step):  # like the Data > Sort menu, above the grid
        _sort_panel(step, ctx, app, sheet, tr, solved)
    formats = sheet_format.formats_for(step.formats, sheet)
    _grid(sheet, formats, sf.parse_cell(app["selected"] or ""), tr)
    if names and not solved:
        _click_to_pick(step, ctx, names)
    _explain(sheet, formats, app, tr)
    reset, check = st.columns(2)
    reset.button(tr("sheet.reset"), key=k["sheet_reset"], on_click=_on_reset, args=(ctx, step),
                 disabled=solved, width="stretch")
    check.button(tr("sheet.check"), type="primary", key=k["sheet_check"], on_click=_on_check,
                 args=(ctx, step), disabled=solved, width="stretch")


def _grid(sheet: sf.Sheet, formats: sheet_format.Formats,
          selected: sf.Cell | None, tr: T) -> None:
    "The sheet as a table: column letters on top, row numbers on the left."
    import pandas as pd

    letters = [sf.column_letters(c) for c in range(1, sheet.cols + 1)]
    rows = [[sheet_format.shown(sheet, (r, c), formats) for c in range(1, sheet.cols + 1)]
            for r in range(1, sheet.rows + 1)]
    frame = pd.DataFrame(rows, columns=letters, index=[str(r) for r in range(1, sheet.rows + 1)])

    def look(column: pd.Series) -> list[str]:
        c = sf.column_number(str(column.name))
        out = []
        for r in range(1, sheet.rows + 1):
            value = sheet.value((r, c))
            # numbers on the right, text on the left, as in a spreadsheet
            css = "text-align: right !important;" if isinstance(value, float) else ""
            if isinstance(value, sf.Error):
                css += "font-weight: bold;"
            if selected == (r, c):
                css += "outline: 3px solid #0b4f9c; outline-offset: -3px; font-weight: bold;"
            out.append(css)
        return out

    st.markdown(f"**{tr('sheet.grid_label')}**")
    with st.container(key=GRID):
        st.table(frame.style.format(_literal).apply(look))


def _click_to_pick(step: SpreadsheetStep, ctx: Ctx, names: list[str]) -> None:
    """A click on a cell of the grid picks it: each cell the name box offers has a button,
    hidden from sight and from the keyboard (whose path is the name box), that a click on
    the table's cell presses."""
    base = _keys(ctx, step)["sheet_pick"]
    with st.container(key=PICKS):
        for name in names:
            st.button(name, key=f"{base}.{name}", on_click=_on_pick, args=(ctx, step, name))
    classes = {name: "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", f"{base}.{name}")
               for name in names}
    st.html(_CLICK_SCRIPT.replace("__CLASSES__", json.dumps(classes)),
            unsafe_allow_javascript=True)


def _explain(sheet: sf.Sheet, formats: sheet_format.Formats,
             app: dict[str, Any], tr: T) -> None:
    "The chosen cell in words, and what each error value in the sheet means."
    name = app.get("selected")
    cell = sf.parse_cell(name) if name else None
    if cell is not None:
        raw = sheet.raw.get(cell)
        shown = sheet_format.shown(sheet, cell, formats)
        if sf.is_formula(raw):
            st.markdown(tr("sheet.holds_formula", cell=name, formula=f"`{_code(str(raw))}`",
                           shown=f"**{escape(shown) or ' '}**"))
        elif shown:
            st.markdown(tr("sheet.shows", cell=name, shown=f"**{escape(shown)}**"))
        else:
            st.markdown(tr("sheet.is_empty", cell=name))
    for r in range(1, sheet.rows + 1):
        for c in range(1, sheet.cols + 1):
            value = sheet.value((r, c))
            if isinstance(value, sf.Error):
                why = WHY_REASON.get(value.reason) or WHY.get(value.code, "sheet.why_parse")
                st.warning(tr(why, cell=sf.cell_name((r, c)), code=f"**{value.code}**"),
                           icon=":material/warning:")


def _literal(text: object) -> str:
    "A cell's text, shown as typed: st.table reads Markdown, so every sign is escaped."
    return _PUNCTUATION.sub(r"\\\1", str(text))


def _code(text: str) -> str:
    return text.replace("`", "'")


def _sort_panel(step: SpreadsheetStep, ctx: Ctx, app: dict[str, Any], sheet: sf.Sheet, tr: T,
                solved: bool) -> None:
    k = _keys(ctx, step)
    heads = {sf.column_letters(c): sheet.shown((1, c)) for c in range(1, sheet.cols + 1)}
    with st.container(border=True):
        st.markdown(f"**{tr('sheet.sort_title')}**")
        st.caption(tr("sheet.sort_help"))
        by, order = st.columns(2)
        by.selectbox(tr("sheet.sort_by"), list(heads), key=k["sheet_sortcol"],
                     format_func=lambda c: f"{c} ({heads[c]})" if heads[c] else c,
                     disabled=solved)
        order.radio(tr("sheet.sort_order"), ["ascending", "descending"],
                    key=k["sheet_sortorder"], format_func=lambda o: tr(f"sheet.{o}"),
                    disabled=solved)
        st.button(tr("sheet.sort"), key=k["sheet_sort"], on_click=_on_sort, args=(ctx, step),
                  disabled=solved)
        if app.get("sorted"):
            st.caption(tr("sheet.sorted", column=app["sorted"]))
