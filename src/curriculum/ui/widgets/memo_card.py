"""The memo card's download button (the PDF is made only when it is pressed)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...memo import memo_pdf
from ...model import Lesson
from ...packs import LoadedPack
from ...render import escape, plain_text
from ...store import progress, session

T = Callable[..., str]


def download(lp: LoadedPack, lesson: Lesson, person_id: int, tr: T, where: str) -> None:
    "A button that downloads the lesson's large-print memo card, in the pack's language."
    lang = lp.pack.base_language

    def make() -> bytes:
        with session() as db:
            notes, tip = progress.memo_notes(db, person_id, lp.id, lesson.id)
        return memo_pdf(lesson, lp.folder, lang, notes, tip)

    name = escape(plain_text(lesson.title))  # help texts are Markdown: author text escaped
    st.download_button(tr("memo.download"), make, file_name=f"{lp.id}-{lesson.id}.pdf",
                       mime="application/pdf", icon=":material/print:",
                       key=f"memo.{where}.{lp.id}.{lesson.id}",
                       help=f"{tr('memo.help')} ({name})")
