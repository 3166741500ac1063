"""Author content on the page: always through the safe renderer."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ...render import to_html


def markdown(text: str | None, pack_dir: Path | None = None) -> None:
    "Show author Markdown (raw HTML off, safe links, pack images only)."
    if text:
        st.html(f'<div class="binome-md">{to_html(text, pack_dir)}</div>')
