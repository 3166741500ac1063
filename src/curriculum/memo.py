"""The memo card: a large-print A4 PDF of a lesson to take home (fpdf2).

Title and goal, the steps as "how to" (with their pictures), the senior's own notes and the
mentor's tip, in the pack's language. The fonts (DejaVu Sans, shipped in `fonts/`) are
embedded, so accents, « », € and no-break spaces print right on any printer.
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

from .checking import solution_markdown
from .i18n import t
from .model import ChoiceStep, DoStep, ExplainStep, Lesson, Step
from .render import plain_text

FONTS = Path(__file__).parent / "fonts"
BODY, HEADING, TITLE = 16, 20, 28  # points: large print
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _lines(markdown: str | None) -> list[str]:
    "Author Markdown as plain paragraphs; list items get a bullet, one each."
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in (markdown or "").splitlines():
        if not line.strip():
            current = None
        elif _LIST.match(line) or current is None:
            current = [line]
            blocks.append(current)
        else:
            current.append(line)
    out = []
    for block in blocks:
        text = plain_text(_LIST.sub("", " ".join(block)))
        if text:
            out.append(("• " if _LIST.match(block[0]) else "") + text)
    return out


def how_to(step: Step) -> list[str]:
    "What a step says to do, in plain lines (the answer of a checked step, too)."
    if isinstance(step, ExplainStep):
        return _lines(step.body)
    if isinstance(step, DoStep):
        return _lines(step.task) + [f"☐ {plain_text(c)}" for c in step.checklist]
    lines = _lines(getattr(step, "prompt", ""))
    if isinstance(step, ChoiceStep):
        return lines + [f"✓ {plain_text(o.text)}" for o in step.options if o.correct]
    answer = solution_markdown(step)
    return lines + [f"✓ {x}" for x in _lines(answer)] if answer else lines


class _Memo(FPDF):
    def __init__(self, lang: str) -> None:
        super().__init__(format="A4")
        self.lang = lang
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", "", 11)
        self.cell(0, 8, t(self.lang, "memo.page", n=self.page_no()), align="C")

    def heading(self, text: str, size: int = HEADING) -> None:
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def para(self, text: str) -> None:
        self.set_font("DejaVu", "", BODY)
        self.multi_cell(0, BODY * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)


def memo_pdf(lesson: Lesson, pack_dir: Path | None, lang: str, notes: str | None = None,
             tip: str | None = None) -> bytes:
    "The memo card of a lesson as PDF bytes (fonts embedded)."
    pdf = _Memo(lang)
    pdf.set_title(plain_text(lesson.title))
    pdf.set_lang(lang)
    pdf.add_page()
    pdf.heading(plain_text(lesson.title), TITLE)
    pdf.para(t(lang, "memo.goal", goal=plain_text(lesson.goal)))
    pdf.ln(3)
    pdf.heading(t(lang, "memo.how_to"))
    for n, step in enumerate(lesson.steps, 1):
        title = plain_text(step.title) if step.title else t(lang, "memo.step", n=n)
        pdf.set_font("DejaVu", "B", BODY + 2)
        pdf.multi_cell(0, BODY * 0.55, f"{n}. {title}", new_x="LMARGIN", new_y="NEXT")
        for line in how_to(step):
            pdf.para(line)
        if step.image is not None and pack_dir is not None:
            picture = pack_dir / step.image.src
            if picture.suffix.lower() in (".png", ".jpg", ".jpeg") and picture.is_file():
                pdf.image(str(picture), w=110, alt_text=plain_text(step.image.alt))
                pdf.ln(2)
        pdf.ln(2)
    for key, text in (("memo.notes", notes), ("memo.tip", tip)):
        if text and text.strip():
            pdf.ln(2)
            pdf.heading(t(lang, key))
            for line in _lines(text) or [text.strip()]:
                pdf.para(line)
    return bytes(pdf.output())
