"""Whose profile is open: the one asked for (in the URL or by another page), else one
picked among those the viewers may see."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...programme import access
from ...store.people import Person
from .. import state
from ..profile_actions import PICK, TARGET

T = Callable[..., str]


def _picked() -> None:
    st.session_state[TARGET] = st.session_state[PICK]


def whose(viewers: list[Person], everyone: list[Person], partners: list[tuple[int, int]],
          tr: T) -> Person:
    "The person whose profile to show (the page stops with a refusal if there is none)."
    asked = st.query_params.get("person")
    if asked is not None:
        st.session_state[TARGET] = int(asked) if asked.isdigit() else -1
        del st.query_params["person"]
    wanted = st.session_state.get(TARGET)
    if wanted is not None and not access.can_see_person(viewers, wanted, partners):
        state.require(False)
    choices = {p.id: p for p in access.visible(viewers, everyone, partners)}
    default = wanted if wanted in choices else next(
        (v.id for v in viewers if v.id in choices), None)
    if default is None:
        state.require(False)
    if len(choices) > 1:
        if wanted in choices or st.session_state.get(PICK) not in choices:
            st.session_state[PICK] = default
        st.selectbox(tr("profile.whose"), list(choices), key=PICK,
                     format_func=lambda i: choices[i].name, on_change=_picked)
        return choices[st.session_state[PICK]]
    return choices[default]
