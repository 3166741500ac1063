"""The frame around every page: config, state defaults, look, sidebar, navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..i18n import LANGUAGES
from ..store import people, session
from ..store.people import TEXT_SIZES
from . import state, theme

HERE = Path(__file__).parent
PAGES = HERE / "pages"
FAVICON = HERE / "static" / "favicon.png"

# page registry: (file, title key, icon, default)
REGISTRY = [
    ("welcome.py", "nav.welcome", "👋", True),
    ("catalogue.py", "nav.catalogue", "📚", False),
    ("player.py", "nav.player", "▶️", False),
    ("authors.py", "nav.authors", "✍️", False),
]


def main() -> None:
    st.set_page_config(page_title="Binôme", page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="expanded")
    state.init()
    T = state.tr()
    senior = state.senior()
    theme.apply(senior.text_size if senior else None)
    pages = [st.Page(PAGES / f, title=T(title), icon=icon, default=default,
                     url_path=f.removesuffix(".py"))
             for f, title, icon, default in REGISTRY]
    nav = st.navigation(pages)
    _sidebar(senior)
    nav.run()
    state.sync_url()


def _set_lang() -> None:
    state.set_value(state.LANG, st.session_state["frame.lang"])


def _set_size(person_id: int) -> None:
    with session() as db:
        people.update_person(db, person_id, text_size=st.session_state["frame.size"])


def _sidebar(senior: people.Person | None) -> None:
    T = state.tr()
    with st.sidebar:
        st.radio(T("frame.language"), list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                 index=list(LANGUAGES).index(state.lang()), key="frame.lang",
                 on_change=_set_lang)
        if senior is not None:
            st.radio(T("frame.text_size", name=senior.name), TEXT_SIZES,
                     index=TEXT_SIZES.index(senior.text_size), key="frame.size",
                     format_func=lambda s: T(f"size.{s}"), on_change=_set_size,
                     args=(senior.id,))
            junior = state.junior()
            who = (T("frame.pair", senior=senior.name, junior=junior.name) if junior
                   else T("frame.alone", senior=senior.name))
            st.markdown(who)
            st.page_link(PAGES / "welcome.py", label=T("frame.change_people"), icon="👥")
