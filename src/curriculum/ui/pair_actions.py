"""What the pair page's buttons and forms do (Streamlit callbacks): start a session (both
people then go to the lessons, as learner and mentor, recording into it), end it with
notes, save and confirm the agreement, give feedback and a reflection.

Each keeps what to say for the next run: a catalogue key under NOTICE, or the text of an
error a user can fix under ERROR.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlite_utils import Database

from ..errors import CurriculumError
from ..store import agreements as A
from ..store import feedback as F
from ..store import progress, session
from . import state

PAIR, PICK, NOTICE, ERROR, GO = "pair.id", "pair.pick", "pair.notice", "pair.error", "pair.go"
PLAYER_SESSIONS = "player.session"  # the player's {(senior, junior): session id}
REFLECTION = ("went_well", "do_differently", "learnt", "next_plan")


def _run(action: Callable[[Database], Any], notice: str | Callable[[Any], str]) -> bool:
    "Run `action(db)`; keep its notice (a key, or made from the result), or the error."
    try:
        with session() as db:
            result = action(db)
    except CurriculumError as exc:
        st.session_state[ERROR] = state.error_text(exc)
        return False
    st.session_state[NOTICE] = notice(result) if callable(notice) else notice
    return True


def attach(pair: F.PairRecord, session_id: int) -> None:
    "Both people in the lessons, as learner and mentor, recording into this session."
    state.set_value(state.SENIOR, pair.senior_id)
    state.set_value(state.JUNIOR, pair.junior_id)
    st.session_state.setdefault(PLAYER_SESSIONS, {})[(pair.senior_id, pair.junior_id)] = \
        session_id
    st.session_state.pop("player.run_for", None)  # the next lesson opens in this session
    st.session_state[GO] = True


def start(pair: F.PairRecord) -> None:
    with session() as db:
        session_id = progress.start_session(db, "pair", pair.senior_id, pair.junior_id, pair.id)
    attach(pair, session_id)


def end(pair: F.PairRecord, session_id: int) -> None:
    notes = st.session_state.get(f"pair.notes.{session_id}", "")
    if _run(lambda db: F.end_session(db, session_id, notes), "pair.ended"):
        st.session_state.get(PLAYER_SESSIONS, {}).pop((pair.senior_id, pair.junior_id), None)


def confirm(pair_id: int, role: str) -> None:
    _run(lambda db: A.confirm(db, pair_id, role), "agreement.confirmed_notice")


def save_agreement(pair_id: int, known: set[str], had_confirmation: bool) -> None:
    get = st.session_state.get
    draft = A.Agreement(
        pair_id, tuple(get(f"pair.goals.{pair_id}") or ()), get(f"pair.own_goal.{pair_id}", ""),
        get(f"pair.sessions.{pair_id}", 6), get(f"pair.minutes.{pair_id}", 60),
        get(f"pair.rhythm.{pair_id}", "weekly"),
        A.rules_from_text(get(f"pair.rules.{pair_id}", "")))
    _run(lambda db: A.save_agreement(db, draft, known),
         lambda saved: "agreement.saved_again" if had_confirmation and not saved.confirmed
         else "agreement.saved")


def give_feedback(session_id: int, author_id: int) -> None:
    get = st.session_state.get
    scores = {k: get(f"pair-face-{k}-{session_id}") for k in F.SCORES}
    comment = get(f"pair.comment.{session_id}", "")
    _run(lambda db: F.give_feedback(db, session_id, author_id, scores, comment),
         "pair.thanks_feedback")


def give_reflection(session_id: int, author_id: int) -> None:
    words = {k: st.session_state.get(f"pair.{k}.{session_id}", "") for k in REFLECTION}
    _run(lambda db: F.give_reflection(db, session_id, author_id, **words),
         "pair.thanks_reflection")
