"""The memo card: an A4 PDF with embedded fonts; its text (pdftotext) holds the lesson's
title, the steps, accents, « », € and no-break spaces, with no missing glyph."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from curriculum import cli
from curriculum.memo import how_to, memo_pdf
from curriculum.packs import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs poppler-utils (pdftotext)")


@pytest.fixture(scope="module")
def cat():
    return load_catalogue([ROOT / "lessons"])


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_a_french_memo_prints_every_character(cat, tmp_path, caplog):
    lp = cat.packs["tableur-bases"]
    lesson = lp.lessons["first-sum"]
    pdf = tmp_path / "memo.pdf"
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        pdf.write_bytes(memo_pdf(lesson, lp.folder, "fr",
                                 notes="Le total\u00a0: « 12,50\u00a0€ »",
                                 tip="Commencez toujours par le signe =\u202f!"))
    assert "missing the following glyphs" not in caplog.text  # fpdf2 says so when any is
    text = text_of(pdf)
    assert lesson.title in text
    assert text.count("€") >= 8  # the lesson's own prices, and the notes
    assert "Comment faire" in text and "Mes notes" in text and "Le conseil de mon mentor" in text
    assert "« 12,50\u00a0€ »" in text or "« 12,50 € »" in text
    assert "€" in text and "é" in text
    assert "\ufffd" not in text  # no missing glyph (a box or a question mark)
    info = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in info and " yes yes yes " in info  # embedded, subset, unicode
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in size


def test_the_steps_read_as_how_to(cat):
    lesson = cat.lesson("tableur-bases", "first-sum")
    lines = [line for step in lesson.steps for line in how_to(step)]
    assert any(line.startswith("✓ ") for line in lines)  # the answers of checked steps


def test_the_cli_writes_the_memo(tmp_path, capsys):
    out = tmp_path / "memo.pdf"
    assert cli.main(["memo", "spreadsheet-basics/tidy-table", "--lang", "en",
                     "--out", str(out), "--paths", str(ROOT / "lessons")]) == 0
    text = text_of(out)
    lesson = load_catalogue([ROOT / "lessons"]).lesson("spreadsheet-basics", "tidy-table")
    assert lesson.title in text and "€" in text and "How to do it" in text
    assert cli.main(["memo", "nope/none", "--out", str(out),
                     "--paths", str(ROOT / "lessons")]) == 2
