"""The practice sheet feels like one: a click on a cell picks it, prices show as the pack
wrote them ("1,20 €"), and a formula that takes only the ends of a range is told so."""

from __future__ import annotations

from pathlib import Path

import pytest
import ui_practice
from ui_practice import ok, run_id

PACK = """\
format: 1
id: tableur-test
title: Un tableur
language: fr
topic: spreadsheets
lessons: [courses]
"""
LESSON = """\
id: courses
title: Les courses
goal: Vous savez additionner.
steps:
  - id: total
    kind: spreadsheet
    grid:
      - [Article, Prix]
      - [Pain, 2.15]
      - [Lait, "1.20"]
      - [Pommes, 3.40]
      - [Fromage, 4.25]
      - [Total, ""]
    editable: [B3, B6]
    formats: {B: "0.00 €"}
    prompt: En **B6**, additionnez les prix.
    expect:
      B6: {formula: true, uses: [SOMME], refs: "B2:B5", value: 11}
    feedback:
      - when: {B6: {formula: true, robust: false}}
        say: Votre formule additionne les prix eux-mêmes.
    hints: [Tapez =SOMME(B2:B5).]
"""


@pytest.fixture
def french_sheet(make_app, people, db_file, tmp_path: Path, monkeypatch):
    folder = tmp_path / "packs" / "tableur-test"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    (folder / "courses.yaml").write_text(LESSON, encoding="utf-8")
    monkeypatch.setenv("CURRICULUM_LESSONS", str(tmp_path / "packs"))
    at = ui_practice.open_step(make_app, people, "total", lesson="tableur-test/courses",
                               steps=["total"], ui__lang="fr")
    base = f"player.{{}}.{run_id(db_file)}.total"
    return at, base


def column_b(at) -> list[str]:
    return [str(v) for v in at.table[0].value["B"]]


def test_prices_show_as_the_pack_wrote_them(french_sheet) -> None:
    at, base = french_sheet
    assert column_b(at)[:5] == ["Prix", "2,15\u00a0€", "1,20\u00a0€", "3,40\u00a0€", "4,25\u00a0€"]
    ok(at.button(key=f"{base.format('sheet_pick')}.B6").click().run())
    at.text_input(key=base.format("sheet_bar")).input("=SOMME(B2:B5)")
    ok(at.button(key=base.format("sheet_enter")).click().run())
    assert column_b(at)[5] == "11,00\u00a0€"


def test_a_click_on_a_cell_picks_it(french_sheet) -> None:
    at, base = french_sheet
    assert at.selectbox(key=base.format("sheet_cell")).value == "B3"
    ok(at.button(key=f"{base.format('sheet_pick')}.B6").click().run())
    assert at.selectbox(key=base.format("sheet_cell")).value == "B6"
    assert at.text_input(key=base.format("sheet_bar")).label == "Barre de formule (cellule B6)"
    # the keyboard path is still there: the name box
    ok(at.selectbox(key=base.format("sheet_cell")).select("B3").run())
    assert at.text_input(key=base.format("sheet_bar")).label == "Barre de formule (cellule B3)"


def test_only_the_ends_of_the_range_is_told_so(french_sheet) -> None:
    at, base = french_sheet
    ok(at.button(key=f"{base.format('sheet_pick')}.B6").click().run())
    at.text_input(key=base.format("sheet_bar")).input("=SOMME(B2;B5)")
    ok(at.button(key=base.format("sheet_enter")).click().run())
    ok(at.button(key=base.format("sheet_check")).click().run())
    said = " ".join(w.value for w in at.warning)
    assert "Vous n’avez additionné que B2 et B5\u00a0: écrivez B2:B5" in said
    assert "additionne les prix eux-mêmes" not in ui_practice.said(at)
