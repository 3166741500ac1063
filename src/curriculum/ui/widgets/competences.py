"""The DigComp competences reached: one learner's (profile), every learner's (dashboard)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ...competences import Competence
from ...programme.competence_map import LessonKey, Reached
from ...render import escape

T = Callable[..., str]


def _named(competence: Competence, lang: str) -> str:
    return f"{competence.code} {escape(competence.title(lang))}"


def _lesson(key: LessonKey, names: Mapping[str, str]) -> str:
    return escape(names.get(f"{key[0]}/{key[1]}", f"{key[0]}/{key[1]}"))


def for_learner(reached: tuple[Reached, ...], names: Mapping[str, str], lang: str,
                tr: T) -> None:
    "A table: each competence (code and title), its Pix/CRCN match, the lessons that built it."
    st.subheader(tr("competences.title"))
    if not reached:
        st.info(tr("competences.none"), icon=":material/eco:")
        return
    st.table({
        tr("competences.digcomp"): [_named(r.competence, lang) if r.competence else r.code
                                    for r in reached],
        tr("competences.pix"): [" · ".join(_named(p, lang) for p in r.pix()) or "—"
                                for r in reached],
        tr("competences.lessons"): [" · ".join(_lesson(k, names) for k in r.lessons)
                                    for r in reached],
    })
    st.caption(tr("competences.help"))


def for_programme(by_person: Mapping[int, tuple[Reached, ...]], people: Mapping[int, str],
                  lang: str, tr: T) -> None:
    "Per learner: how many competences they reached, and which."
    st.subheader(tr("competences.programme"))
    rows = [(people[p], reached) for p, reached in by_person.items() if p in people and reached]
    if not rows:
        st.info(tr("competences.none_programme"), icon=":material/eco:")
        return
    rows.sort(key=lambda row: row[0].casefold())
    st.table({
        tr("competences.learner"): [escape(name) for name, _ in rows],
        tr("competences.count"): [len(reached) for _, reached in rows],
        tr("competences.digcomp"): [" · ".join(f"{r.code} {escape(r.title(lang))}"
                                               for r in reached) for _, reached in rows],
    })
    st.caption(tr("competences.help"))
