"""The pair page's Agreement tab: what the pair agreed (goals, the senior's own goal, the
rhythm, ground rules), who has confirmed it, and the form to fill it in or change it."""

from __future__ import annotations

import streamlit as st

from ...render import escape
from ...store import agreements as A
from ...store import feedback as F
from ..pair_actions import confirm, save_agreement
from .pair_view import PairView


def draw(view: PairView) -> None:
    if view.agreement is None:
        st.markdown(view.tr("agreement.intro"))
    else:
        _agreed(view, view.agreement)
    _form(view)


def _agreed(view: PairView, agreement: A.Agreement) -> None:
    T, titles = view.tr, view.titles
    for role, name in (("senior", view.senior), ("junior", view.junior)):
        at = F.parse_time(agreement.confirmed_by(role))
        st.markdown(T("agreement.confirmed_by", name=name, date=view.when(at)) if at
                    else T("agreement.waiting_for", name=name))
    st.markdown(f"**{T('agreement.goals')}**")
    st.markdown("\n".join(f"- {escape(titles.get(g, g))}" for g in agreement.goals)
                or T("agreement.no_goals"))
    if agreement.own_goal:
        st.markdown(T("agreement.own_goal_is", name=view.senior,
                      goal=escape(agreement.own_goal)))
    st.markdown(T("agreement.rhythm_is", n=agreement.sessions_planned,
                  minutes=agreement.minutes, rhythm=T(f"agreement.{agreement.rhythm}")))
    st.markdown(f"**{T('agreement.rules')}**")
    st.markdown("\n".join(f"- {escape(r)}" for r in agreement.ground_rules)
                or T("agreement.no_rules"))
    for role, name, present in (("senior", view.senior, view.is_senior),
                                ("junior", view.junior, view.is_junior)):
        if present and agreement.confirmed_by(role) is None:
            st.button(T("agreement.i_agree", name=name), type="primary",
                      key=f"pair.confirm.{role}", on_click=confirm, args=(view.pair.id, role))


def _form(view: PairView) -> None:
    "The agreement's form, filled in with what is agreed (or a draft in today's language)."
    T, titles, agreement, pid = view.tr, view.titles, view.agreement, view.pair.id
    shown = agreement or A.draft(pid, view.lang)
    defaults = {f"pair.goals.{pid}": [g for g in shown.goals if g in titles],
                f"pair.own_goal.{pid}": shown.own_goal,
                f"pair.sessions.{pid}": shown.sessions_planned,
                f"pair.minutes.{pid}": shown.minutes if shown.minutes in A.MINUTES else 60,
                f"pair.rhythm.{pid}": shown.rhythm,
                f"pair.rules.{pid}": "\n".join(shown.ground_rules)}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    can_edit = view.is_senior or view.is_junior or view.coordinator
    with st.expander(T("agreement.edit" if agreement else "agreement.fill_in"),
                     expanded=agreement is None), st.form(f"pair.agreement.{pid}"):
        st.multiselect(T("agreement.goals"), list(titles), format_func=titles.__getitem__,
                       key=f"pair.goals.{pid}", help=T("agreement.goals_help"),
                       placeholder=T("agreement.goals_placeholder"))
        st.text_input(T("agreement.own_goal", name=view.senior), key=f"pair.own_goal.{pid}",
                      max_chars=A.MAX_OWN_GOAL, placeholder=T("agreement.own_goal_example"))
        left, mid, right = st.columns(3)
        left.number_input(T("agreement.sessions"), min_value=1, max_value=A.MAX_SESSIONS,
                          step=1, key=f"pair.sessions.{pid}")
        mid.selectbox(T("agreement.minutes"), A.MINUTES, key=f"pair.minutes.{pid}",
                      format_func=lambda m: T("agreement.minutes_value", n=m))
        right.radio(T("agreement.rhythm"), A.RHYTHMS, key=f"pair.rhythm.{pid}",
                    format_func=lambda r: T(f"agreement.{r}"))
        st.text_area(T("agreement.rules"), key=f"pair.rules.{pid}", height=160,
                     help=T("agreement.rules_help"))
        st.form_submit_button(T("agreement.save"), type="primary", disabled=not can_edit,
                              on_click=save_agreement,
                              args=(pid, set(titles), bool(agreement
                                                            and agreement.confirmed_by_anyone)))
