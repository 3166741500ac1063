"""The frame around every page: config, state defaults, look, sidebar, navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..i18n import LANGUAGES
from ..programme import access
from ..store import people, session
from ..store.people import TEXT_SIZES
from . import state, theme
from .registry import PAGES as REGISTRY
from .registry import PAGES_DIR
from .widgets import page_language

HERE = Path(__file__).parent
PAGES = PAGES_DIR
FAVICON = HERE / "static" / "favicon.png"


def main() -> None:
    st.set_page_config(page_title="Binôme", page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="expanded")
    state.init()
    T = state.tr()
    senior = state.senior()
    theme.apply(senior.text_size if senior else None)
    viewers = state.viewers()
    pages = [st.Page(spec.path, title=T(spec.title_key), icon=spec.icon, default=spec.default,
                     url_path=spec.url_path)
             for spec in REGISTRY if access.can_open(spec.roles, viewers)]
    nav = st.navigation(pages)
    _sidebar(senior)
    _signed_in(viewers)
    page_language.speak(state.lang(), T)
    nav.run()
    state.sync_url()


def _set_lang() -> None:
    state.set_value(state.LANG, st.session_state["frame.lang"])
    st.session_state[state.LANG_CHOSEN] = True
    state.relabel()


def _set_size(person_id: int) -> None:
    if st.session_state["frame.size"] not in TEXT_SIZES:  # a label, never a size
        return
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
                     index=TEXT_SIZES.index(senior.text_size), key=state.labelled("frame.size"),
                     format_func=lambda s: T(f"size.{s}"), on_change=_set_size,
                     args=(senior.id,))
            junior = state.junior()
            who = (T("frame.pair", senior=senior.name, junior=junior.name) if junior
                   else T("frame.alone", senior=senior.name))
            st.markdown(who)
            st.page_link(PAGES / "welcome.py", label=T("frame.change_people"),
                         icon=":material/group:")


def _signed_in(viewers: list[people.Person]) -> None:
    "Who acts as the coordinator (or mentor alone), and a way for everyone to sign out."
    if not viewers:
        return
    T = state.tr()
    coordinator = next((v for v in viewers if "coordinator" in v.roles), None)
    mentor = next((v for v in viewers if "junior" in v.roles), None)
    with st.sidebar:
        if coordinator is not None:
            st.markdown(T("frame.as_coordinator", name=coordinator.name))
        if mentor is not None and state.senior() is None:
            st.markdown(T("frame.as_mentor", name=mentor.name))
        if st.button(T("frame.sign_out"), key="frame.sign_out", icon=":material/logout:"):
            state.sign_out()
            st.switch_page(PAGES / "welcome.py")
