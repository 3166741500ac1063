"""The pair page's Today tab: the session under way (go to the lessons, end it with
notes) or a new one to start with both present; then feedback on the last session, the
senior's on the junior with faces, and the junior's reflection."""

from __future__ import annotations

import streamlit as st

from ...render import escape
from ...store import feedback as F
from ...store.feedback import FACES
from .. import state
from ..frame import PAGES
from ..pair_actions import REFLECTION, attach, end, give_feedback, give_reflection, start
from .pair_view import PairView

BIG_FACES = """<style>
[class*="st-key-pair-face-"] [role="radiogroup"] { gap: .5rem; flex-wrap: wrap; }
[class*="st-key-pair-face-"] [role="radiogroup"] label {
  border: 2px solid #555; border-radius: .5rem; padding: .4rem .8rem; margin: 0; }
[class*="st-key-pair-face-"] [role="radiogroup"] label p { font-size: 1.35rem; }
</style>"""


def draw(view: PairView) -> None:
    T, pair = view.tr, view.pair
    if view.agreement is None or not view.agreement.confirmed:
        st.info(T("pair.agreement_first"), icon=":material/edit_note:")
    current = view.current
    if current is not None:
        st.subheader(T("pair.in_progress", time=view.when(current.started_at, True)))
        if view.is_senior and view.is_junior:
            st.button(T("pair.go_lessons"), type="primary", key="pair.go_lessons",
                      on_click=attach, args=(pair, current.id))
        with st.form(f"pair.end.{current.id}"):
            st.text_area(T("pair.notes"), key=f"pair.notes.{current.id}", max_chars=F.MAX_TEXT,
                         help=T("pair.notes_help"))
            st.form_submit_button(T("pair.end"), on_click=end, args=(pair, current.id),
                                  disabled=not (view.is_senior or view.is_junior))
    elif pair.active:
        if view.report and view.report.next_plan:
            st.markdown(T("pair.plan", plan=escape(view.report.next_plan)))
        if view.is_senior and view.is_junior:
            st.button(T("pair.start"), type="primary", key="pair.start", on_click=start,
                      args=(pair,))
            st.caption(T("pair.start_help"))
        elif not view.coordinator or view.is_senior or view.is_junior:
            st.info(T("pair.both_needed", senior=view.senior, junior=view.junior),
                    icon=":material/group:")
            st.page_link(PAGES / "welcome.py", label=T("nav.welcome"),
                         icon=":material/waving_hand:")
    _how_was_it(view)


def _how_was_it(view: PairView) -> None:
    "Feedback on the last session ended, from whoever here has not given it yet."
    T = view.tr
    last = view.report.last_ended if view.report else None
    if last is None or not ((view.is_senior and last.feedback is None)
                            or (view.is_junior and last.reflection is None)):
        return
    sid, senior, junior = last.session.id, view.senior, view.junior
    st.subheader(T("pair.how_was_it", date=view.when(last.session.started_at)))
    if view.is_senior and last.feedback is None:
        st.html(BIG_FACES)
        with st.form(f"pair.feedback.{sid}"):
            st.markdown(T("pair.feedback_for", senior=senior, junior=junior))
            for score in F.SCORES:
                st.radio(T(f"pair.question.{score}", junior=junior), list(FACES),
                         index=None, horizontal=True,
                         key=state.labelled(f"pair-face-{score}-{sid}"),
                         format_func=lambda n: f"{FACES[n]} {T(f'pair.face.{n}')}")
            st.text_area(T("pair.comment", junior=junior), key=f"pair.comment.{sid}",
                         max_chars=F.MAX_TEXT)
            st.form_submit_button(T("pair.send_feedback"), type="primary",
                                  on_click=give_feedback, args=(sid, view.pair.senior_id))
    if view.is_junior and last.reflection is None:
        with st.form(f"pair.reflection.{sid}"):
            st.markdown(T("pair.reflection_for", junior=junior))
            for field in REFLECTION:
                st.text_area(T(f"pair.{field}", senior=senior), key=f"pair.{field}.{sid}",
                             max_chars=F.MAX_TEXT, height=90)
            st.form_submit_button(T("pair.send_reflection"), type="primary",
                                  on_click=give_reflection, args=(sid, view.pair.junior_id))
