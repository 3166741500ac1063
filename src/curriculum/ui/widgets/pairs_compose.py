"""The Pairs page's parts: a pair's card (score, reasons, accept or end), swapping two
mentors, who is not paired and why, and pairing by hand with a preview."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...render import escape
from ...store import pairs, session
from ...store.pairs import Pair, Unpaired
from ...store.people import Person
from .. import state
from ..pairs_actions import (
    HAND_JUNIOR,
    HAND_SENIOR,
    NOTICE,
    SWAP_A,
    SWAP_B,
    accepted,
    act,
    ended,
    pair_by_hand,
    swap,
    title,
)
from ..reasons import sentence, words

T = Callable[..., str]


def notice() -> None:
    "What the last action said (once)."
    said = st.session_state.pop(NOTICE, None)
    if said:
        (st.success if said[0] == "success" else st.error)(
            said[1], icon=":material/check_circle:" if said[0] == "success"
                else ":material/warning:")


def card(pair: Pair, tr: T) -> None:
    with st.container(border=True):
        st.subheader(title(pair))
        st.markdown(tr("pairs.score", score=round((pair.score or 0) * 100)))
        st.markdown(tr("pairs.why", reasons=sentence(pair.reasons, tr)))
        if pair.warnings:
            st.warning(tr("pairs.warnings", reasons=sentence(pair.warnings, tr)),
                       icon=":material/warning:")
        if pair.hand_made:
            st.caption(tr("pairs.hand_made"))
        if pair.status == "proposed":
            st.button(tr("pairs.accept"), key=f"pairs.accept.{pair.id}",
                      icon=":material/check_circle:",
                      on_click=act, args=(lambda db: pairs.accept(db, pair.id), accepted))
            return
        st.markdown(tr("pairs.since", date=(pair.accepted_at or "")[:10]))
        with st.expander(tr("pairs.end")):
            st.button(tr("pairs.end_confirm"), key=f"pairs.end.{pair.id}", on_click=act,
                      args=(lambda db: pairs.end(db, pair.id), ended))


def swap_form(proposed: list[Pair], tr: T) -> None:
    "Swap the mentors of two proposed pairs."
    st.subheader(tr("pairs.swap_header"))
    st.markdown(tr("pairs.swap_help"))
    labels = {p.id: title(p, plain=True) for p in proposed}
    for key, label in ((SWAP_A, "pairs.swap_first"), (SWAP_B, "pairs.swap_second")):
        if st.session_state.get(key) not in labels:
            st.session_state[key] = None
        st.selectbox(tr(label), list(labels), key=state.labelled(key),
                     format_func=labels.__getitem__,
                     placeholder=tr("pairs.swap_choose"))
    st.button(tr("pairs.swap"), key="pairs.swap", icon=":material/swap_horiz:", on_click=swap,
              disabled=None in (st.session_state.get(SWAP_A), st.session_state.get(SWAP_B)))


def unpaired(waiting: list[Unpaired], everyone: dict[int, Person], tr: T) -> None:
    "Who is not paired, and why."
    st.header(tr("pairs.unpaired_header"))
    if not waiting:
        st.success(tr("pairs.unpaired_none"), icon=":material/check_circle:")
    for u in waiting:
        person = everyone.get(u.person_id)
        if person is not None:
            st.markdown("- " + tr("pairs.unpaired_item", name=escape(person.name),
                                  role=tr(f"role.{u.role}"), reason=words(u.reason, tr)))


def by_hand(everyone: dict[int, Person], tr: T) -> None:
    "Pick a senior and a junior: their score and reasons, a warning where a rule is broken."
    st.header(tr("pairs.hand_header"))
    st.markdown(tr("pairs.hand_help"))
    for key, role, label in ((HAND_SENIOR, "senior", "pairs.hand_senior"),
                             (HAND_JUNIOR, "junior", "pairs.hand_junior")):
        names = {p.id: p.name for p in everyone.values() if p.has_role(role)}
        if st.session_state.get(key) not in names:
            st.session_state[key] = None
        st.selectbox(tr(label), list(names), key=key, format_func=names.__getitem__,
                     placeholder=tr("pairs.hand_choose"))
    chosen = st.session_state.get(HAND_SENIOR), st.session_state.get(HAND_JUNIOR)
    preview = None
    if None not in chosen:
        with session() as db:
            preview = pairs.check(db, *chosen)
    if preview is not None:
        st.markdown(tr("pairs.score", score=round(preview.score * 100)))
        st.markdown(tr("pairs.why", reasons=sentence(preview.reasons, tr)))
        if preview.problems:
            st.warning(tr("pairs.warnings", reasons=sentence(preview.problems, tr)),
                       icon=":material/warning:")
        else:
            st.success(tr("pairs.hand_ok"), icon=":material/check_circle:")
    st.button(tr("pairs.hand_make_anyway" if preview and preview.problems
                 else "pairs.hand_make"),
              key="pairs.hand_make", icon=":material/handshake:", on_click=pair_by_hand,
              disabled=preview is None)
