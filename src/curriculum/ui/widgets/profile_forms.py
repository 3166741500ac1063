"""The sections of a profile: about, what one wants to learn, what one can teach, one's PIN;
or, for a partner, the same read only."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ...programme import pins
from ...render import escape
from ...store import people
from ...store.people import SLOTS, SPOKEN, TOPICS, Person
from .. import state
from ..profile_actions import NOTICES, key, pin_action, save_about, save_learning, save_teaching

T = Callable[..., str]


def _slot_labels(tr: T) -> dict[str, str]:
    return {s: tr(f"slot.{s}") for s in SLOTS}


def _wants(tr: T) -> dict[int, str]:
    return {0: tr("want.0"), 1: tr("want.1"), 2: tr("want.2"), 3: tr("want.3")}


def _teaches(tr: T) -> dict[int, str]:
    return {0: tr("teach.0"), 1: tr("teach.1"), 2: tr("teach.2"), 3: tr("teach.3")}


def where(person: Person, tr: T) -> str:
    "Where a person works, in words (Markdown)."
    return tr("profile.where_remote") if person.remote else escape(person.site or "—")


def _topic_levels(person: Person, what: str, labels: dict[int, str], levels: dict[str, int],
                  tr: T) -> None:
    "A row of choices per topic: how much one wants to learn it, or can teach it (0-3)."
    for topic in TOPICS:
        st.radio(tr(f"topic.{topic}"), list(labels), index=levels.get(topic, 0),
                 key=state.labelled(key(person, f"{what}.{topic}")), format_func=labels.__getitem__,
                 horizontal=True)


def about_form(person: Person, others: list[Person], tr: T) -> None:
    st.header(tr("profile.about"))
    slot_labels = _slot_labels(tr)
    with st.form(key(person, "about_form"), border=False):
        st.multiselect(tr("profile.languages"), list(SPOKEN), key=key(person, "languages"),
                       default=[lang for lang in person.languages if lang in SPOKEN],
                       format_func=SPOKEN.__getitem__, placeholder=tr("profile.choose"))
        st.radio(tr("profile.where"), ["site", "remote"],
                 key=state.labelled(key(person, "where")),
                 index=1 if person.remote else 0, horizontal=True,
                 format_func=lambda w: tr(f"profile.where_{w}"))
        st.text_input(tr("profile.site"), value=person.site or "", key=key(person, "site"),
                      max_chars=people.MAX_NAME, help=tr("profile.site_help"))
        st.markdown(f"**{tr('profile.availability')}**")
        st.caption(tr("profile.availability_help"))
        for day in people.DAYS:
            cols = st.columns(2)
            for col, part in zip(cols, ("am", "pm"), strict=True):
                slot = f"{day}-{part}"
                col.checkbox(slot_labels[slot], value=slot in person.availability,
                             key=key(person, f"slot.{slot}"))
        managers = {0: tr("profile.no_manager"), **{p.id: p.name for p in others}}
        current = person.manager_id if person.manager_id in managers else 0
        st.selectbox(tr("profile.manager"), list(managers), index=list(managers).index(current),
                     key=key(person, "manager"), format_func=managers.__getitem__,
                     help=tr("profile.manager_help"))
        st.form_submit_button(tr("profile.save"), type="primary", on_click=save_about,
                              args=(person,), key=key(person, "about_save"))
    NOTICES.show("about")


def learning_form(person: Person, wanted: list[tuple[str, str]], wants: dict[str, int],
                  lessons: dict[str, str], tr: T) -> None:
    "Topics to learn and lessons wanted (`lessons`: 'pack/lesson' -> its name)."
    st.header(tr("profile.learn"))
    st.markdown(tr("profile.learn_help"))
    with st.form(key(person, "learn_form"), border=False):
        _topic_levels(person, "want", _wants(tr), wants, tr)
        st.multiselect(tr("profile.lessons"), list(lessons), key=key(person, "lessons"),
                       default=[f"{p}/{lid}" for p, lid in wanted if f"{p}/{lid}" in lessons],
                       format_func=lessons.__getitem__, placeholder=tr("profile.choose"))
        st.form_submit_button(tr("profile.save"), type="primary", on_click=save_learning,
                              args=(person,), key=key(person, "learn_save"))
    NOTICES.show("learn")


def teaching_form(person: Person, teaches: dict[str, int], tr: T) -> None:
    st.header(tr("profile.teach"))
    st.markdown(tr("profile.teach_help"))
    with st.form(key(person, "teach_form"), border=False):
        _topic_levels(person, "teach", _teaches(tr), teaches, tr)
        st.number_input(tr("profile.capacity"), min_value=0, max_value=people.MAX_CAPACITY,
                        step=1, value=person.capacity or 0, key=key(person, "capacity"))
        st.form_submit_button(tr("profile.save"), type="primary", on_click=save_teaching,
                              args=(person,), key=key(person, "teach_save"))
    NOTICES.show("teach")


def pin_form(person: Person, tr: T) -> None:
    "One's own PIN: set it, change it (the current one first), or remove it."
    st.header(tr("pin.title"))
    st.markdown(tr("pin.is_set") if person.has_pin else tr("pin.not_set"))
    with st.form(key(person, "pin_form"), border=False):
        if person.has_pin:
            st.text_input(tr("pin.current"), type="password", key=key(person, "pin_now"),
                          max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.text_input(tr("pin.new"), type="password", key=key(person, "pin_new"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off", help=tr("pin.rules"))
        st.text_input(tr("pin.again"), type="password", key=key(person, "pin_again"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(tr("pin.change") if person.has_pin else tr("pin.set"),
                              type="primary", on_click=pin_action, args=(person, False),
                              key=key(person, "pin_save"))
        if person.has_pin and not person.has_role("coordinator"):
            st.form_submit_button(tr("pin.remove"), on_click=pin_action, args=(person, True),
                                  key=key(person, "pin_remove"))
    NOTICES.show("pin")


def pin_elsewhere(person: Person, tr: T) -> None:
    "Someone else's PIN, for the coordinator: whether it is set, and where to change it."
    st.header(tr("pin.title"))
    st.markdown(tr("pin.is_set") if person.has_pin else tr("pin.not_set"))
    st.caption(tr("profile.pin_on_people"))


def read_only(person: Person, wants: dict[str, int], teaches: dict[str, int], tr: T) -> None:
    "What a partner may see of a profile: no form, no PIN."
    slot_labels = _slot_labels(tr)
    st.info(tr("profile.read_only"), icon=":material/visibility:")
    st.markdown(f"**{tr('profile.languages')}**: "
                + (", ".join(SPOKEN.get(x, x) for x in person.languages) or "—"))
    st.markdown(f"**{tr('profile.where')}**: " + where(person, tr))
    st.markdown(f"**{tr('profile.availability')}**: "
                + (", ".join(slot_labels[s] for s in person.availability if s in slot_labels)
                   or "—"))
    for title, levels, words in ((tr("profile.learn"), wants, _wants(tr)),
                                 (tr("profile.teach"), teaches, _teaches(tr))):
        if levels:
            st.header(title)
            st.markdown("\n".join(f"- {tr(f'topic.{t}')}: {words[levels[t]]}"
                                  for t in TOPICS if levels.get(t)))
