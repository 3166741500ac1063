"""What the Pairs page's buttons do (Streamlit callbacks): propose, accept, swap, pair by
hand, end. Each keeps what to say, (level, Markdown), for the next run of the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlite_utils import Database

from ..errors import CurriculumError
from ..programme.matching import Proposals
from ..render import escape
from ..store import pairs, session
from ..store.pairs import Pair
from . import state

NOTICE = "pairs.notice"  # (level, text) of the last action, shown once
SWAP_A, SWAP_B = "pairs.swap_a", "pairs.swap_b"
HAND_SENIOR, HAND_JUNIOR = "pairs.hand_senior", "pairs.hand_junior"


def title(pair: Pair, plain: bool = False) -> str:
    "'Senior and Junior' (names escaped for Markdown unless `plain`)."
    name = (lambda p: p.name) if plain else (lambda p: escape(p.name))
    return state.tr()("pairs.pair_title", senior=name(pair.senior), junior=name(pair.junior))


def _error(exc: CurriculumError) -> str:
    T = state.tr()
    key, params = getattr(exc, "key", None), getattr(exc, "params", {})
    if key and T(key) != key:
        return T(key, **{k: escape(str(v)) for k, v in params.items()})
    return escape(str(exc))


def act(action: Callable[[Database], Any], done: Callable[[Any], str]) -> None:
    "Run `action(db)`; keep what `done(result)` says, or the error, for the next run."
    try:
        with session() as db:
            result = action(db)
    except CurriculumError as exc:
        st.session_state[NOTICE] = ("error", _error(exc))
        return
    st.session_state[NOTICE] = ("success", done(result))


def accepted(pair: Pair) -> str:
    return state.tr()("pairs.notice.accepted", senior=escape(pair.senior.name),
                      junior=escape(pair.junior.name))


def accepted_all(counts: tuple[int, int]) -> str:
    T = state.tr()
    accepted, left = counts
    text = T("pairs.notice.accepted_all", n=accepted)
    return f"{text} {T('pairs.notice.left', n=left)}" if left else text


def ended(pair: Pair) -> str:
    return state.tr()("pairs.notice.ended", senior=escape(pair.senior.name),
                      junior=escape(pair.junior.name))


def proposed(result: Proposals) -> str:
    return state.tr()("pairs.notice.proposed", n=len(result.pairs))


def swap() -> None:
    first, second = st.session_state.get(SWAP_A), st.session_state.get(SWAP_B)
    act(lambda db: pairs.swap(db, first, second),
        lambda two: state.tr()("pairs.notice.swapped", first=title(two[0]),
                               second=title(two[1])))


def pair_by_hand() -> None:
    senior, junior = st.session_state.get(HAND_SENIOR), st.session_state.get(HAND_JUNIOR)
    act(lambda db: pairs.pair_by_hand(db, senior, junior), accepted)
    if st.session_state[NOTICE][0] == "success":
        st.session_state[HAND_SENIOR] = st.session_state[HAND_JUNIOR] = None
