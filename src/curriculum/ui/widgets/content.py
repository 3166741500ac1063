"""Author content on the page: always through the safe renderer."""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from ...render import to_html


def markdown(text: str | None, pack_dir: Path | None = None) -> None:
    "Show author Markdown (raw HTML off, safe links, pack images only)."
    if text:
        st.html(f'<div class="binome-md">{to_html(text, pack_dir)}</div>')


def picture(path: Path, alt: str, note: str = "", width: int | str = "content") -> None:
    """A pack picture; when it cannot be drawn (changed or damaged since it was checked),
    its words (`alt`) and a short `note` instead, so the lesson goes on."""
    try:
        st.image(str(path), alt=alt, width=width)
    except Exception:  # Pillow and Streamlit raise many kinds for a broken picture
        st.html(f'<div class="binome-md"><p><em>{html.escape(alt)}</em></p></div>')
        if note:
            st.caption(note)
