"""What the last save of a form said, shown under that form on the next run.

A page with several forms (sections) keeps two session_state keys: the change saved last,
as (section, catalogue key, parameters), and the last error a user can fix, as (section,
catalogue key or "", text). Only the section they belong to shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from sqlite_utils import Database

from ..errors import CurriculumError
from ..store import session
from . import state


@dataclass(frozen=True)
class Notices:
    done_key: str  # session_state key of (section, catalogue key, parameters)
    error_key: str  # session_state key of (section, catalogue key or "", text)

    def say(self, section: str, done: str | None = None,
            error: tuple[str, str] | None = None, **params: object) -> None:
        st.session_state[self.done_key] = (section, done, params) if done else None
        st.session_state[self.error_key] = (section, *error) if error else None

    def run(self, section: str, done: str, action: Callable[[Database], Any],
            **params: object) -> bool:
        "Run `action(db)`; keep what to say in this section: done, or the error to fix."
        try:
            with session() as db:
                action(db)
        except CurriculumError as exc:
            self.say(section, error=("", state.error_text(exc)))
            return False
        self.say(section, done, **params)
        return True

    def show(self, section: str) -> None:
        "Under a section's form: what its last save said, in today's language."
        T = state.tr()
        done, error = st.session_state.get(self.done_key), st.session_state.get(self.error_key)
        if done and done[0] == section:
            st.success(T(done[1], **done[2]), icon=":material/check_circle:")
        if error and error[0] == section:
            st.error(T(error[1]) if error[1] else error[2], icon=":material/error:")
