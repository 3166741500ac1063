"""Page-wide look: the text size chosen by the senior, and readable defaults."""

from __future__ import annotations

import streamlit as st

SIZES = {"large": 20, "larger": 24, "largest": 28}  # px; the base is never under 18

_CSS = """
<style>
html {{ font-size: {px}px; }}
.stApp p, .stApp li, .stApp label, .stApp button, .stApp input, .stApp textarea {{
  font-size: 1rem; line-height: 1.5;
}}
.stApp a {{ text-decoration: underline; }}
/* the sidebar's menu is a menu: no underline (it broke between the words) */
.stApp [data-testid="stSidebarNavLink"] {{ text-decoration: none; }}
.stApp a[data-testid="stPageLink-NavLink"] {{ text-decoration: none; }}
.stApp a[data-testid="stPageLink-NavLink"] p {{ text-decoration: underline; }}
/* A label is never cut: buttons wrap their words, and columns too narrow for the text
   size go under each other (their least width grows with the text size). */
.stApp button, .stApp button * {{
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;
}}
.stApp button {{ height: auto !important; }}
.stApp [data-testid="stSidebarNavLink"] * {{
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important;
}}
.stApp [data-testid="stHorizontalBlock"] {{ flex-wrap: wrap !important; }}
.stApp [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {{
  min-width: min(100%, 11rem) !important; flex-grow: 1 !important;
}}
.stApp :focus-visible {{ outline: 3px solid #0b4f9c !important; outline-offset: 2px; }}
[data-testid="stMainBlockContainer"] {{
  padding: 2rem 1.5rem 4rem 1.5rem !important; max-width: 72rem !important;
}}
.stApp h1 {{ font-size: 2rem !important; }}
.stApp h2 {{ font-size: 1.5rem !important; }}
.stApp h3 {{ font-size: 1.25rem !important; }}
.st-key-binome-sheet-picks {{ display: none !important; }}
.binome-md img {{ max-width: 100%; height: auto; border: 1px solid #555; }}
.binome-md code {{ font-size: 0.95em; background: #eef1f5; color: #111; padding: 0 .2em; }}
</style>
"""


def apply(text_size: str | None) -> None:
    px = SIZES.get(text_size or "large", SIZES["large"])
    st.html(_CSS.format(px=px))
