"""Which pair the pair page shows, and what its tabs draw from (`PairView`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from ...i18n import date_words, t
from ...programme import access
from ...programme.dashboard import PairReport
from ...store.agreements import Agreement
from ...store.feedback import PairRecord, SessionRecord
from ..pair_actions import ERROR, NOTICE, PAIR, PICK

T = Callable[..., str]


@dataclass(frozen=True)
class PairView:
    "The pair (names escaped for Markdown), its report, who is here, in today's language."

    pair: PairRecord
    report: PairReport | None
    current: SessionRecord | None  # the session under way, if any
    titles: dict[str, str]  # goal ("pack" or "pack/lesson") -> its title
    here: frozenset[int]  # the people signed in on this browser
    coordinator: bool
    lang: str

    def tr(self, key: str, **params: object) -> str:
        return t(self.lang, key, **params)

    def when(self, moment: datetime | None, with_time: bool = False) -> str:
        return date_words(self.lang, moment, with_time)

    def lesson_title(self, pack_id: str, lesson_id: str) -> str:
        return self.titles.get(f"{pack_id}/{lesson_id}", f"{pack_id}/{lesson_id}")

    @property
    def agreement(self) -> Agreement | None:
        return self.report.agreement if self.report else None

    @property
    def senior(self) -> str:
        return self.pair.senior_name

    @property
    def junior(self) -> str:
        return self.pair.junior_name

    @property
    def is_senior(self) -> bool:
        return self.pair.senior_id in self.here

    @property
    def is_junior(self) -> bool:
        return self.pair.junior_id in self.here


def _picked() -> None:
    st.session_state[PAIR] = st.session_state[PICK]


def pick(pairs: list[PairRecord], here: set[int], tr: T) -> PairRecord:
    "The pair open (first: one whose two people are here); a choice when there are several."
    ids = [p.id for p in pairs]
    if st.session_state.get(PAIR) not in ids:
        st.session_state[PAIR] = access.pair_to_open(pairs, here)
    if len(pairs) > 1:
        names = {p.id: tr("pair.names", senior=p.senior_name, junior=p.junior_name)
                 + ("" if p.active else f" ({tr('pair.ended_pair')})") for p in pairs}
        st.session_state[PICK] = st.session_state[PAIR]
        st.selectbox(tr("pair.which"), ids, format_func=names.__getitem__, key=PICK,
                     on_change=_picked)
    return next(p for p in pairs if p.id == st.session_state[PAIR])


def notices(tr: T) -> None:
    "What the last action said (once): done, or the error a user can fix."
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(tr(notice), icon=":material/check_circle:")
    problem = st.session_state.pop(ERROR, None)
    if problem:
        st.error(problem, icon=":material/error:")
