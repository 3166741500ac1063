"""A profile: languages, where one works, free slots, line manager; what a senior wants to
learn, what a junior can teach; one's own PIN. The coordinator opens anyone's profile; a
partner of a running pair may look at it; nobody else."""

import streamlit as st

from curriculum import today
from curriculum.programme import access, goals
from curriculum.programme.competence_map import competence_map, lesson_competences
from curriculum.render import escape
from curriculum.render import label as md_label
from curriculum.store import people, progress, session
from curriculum.ui import data, state
from curriculum.ui.widgets import competences, mastery, memo_card
from curriculum.ui.widgets import profile_forms as forms
from curriculum.ui.widgets.profile_pick import whose

T = state.tr()

viewers = state.viewers()
state.require(bool(viewers))
head = st.empty()
with session() as db:
    everyone = people.list_people(db)
    partners = people.partners(db, {v.id for v in viewers})
person = whose(viewers, everyone, partners, T)
with session() as db:
    person = people.get_person(db, person.id)
    wants = people.interests(db, person.id, "wants")
    teaches = people.interests(db, person.id, "teaches")
    wanted = people.wanted_lessons(db, person.id)
    finished = progress.finished_lessons(db, person.id)

head.title(escape(person.name))
st.markdown(T("profile.roles", roles=", ".join(T(f"role.{r}") for r in person.roles)))
if person.has_role("senior"):
    cat = data.catalogue()
    reached = competence_map([(pack, lesson) for _, pack, lesson in finished],
                             lesson_competences(cat))
    competences.for_learner(reached, goals.lesson_names(cat), state.lang(), T)
    with session() as db:
        levels = today.levels(db, cat, person.id)
    mastery.lessons(levels, list(wanted), cat, T)
    finished_refs = [ref for ref, level in levels.items() if level in ("done", "mastered")
                     and cat.lesson(*ref) is not None]
    if finished_refs:
        with st.expander(T("memo.cards"), icon=":material/print:"):
            for pack_id, lesson_id in finished_refs:
                st.markdown(f"**{md_label(cat.lesson(pack_id, lesson_id).title)}**")
                memo_card.download(cat.packs[pack_id], cat.lesson(pack_id, lesson_id),
                                   person.id, T, "profile")
if not access.can_edit_person(viewers, person.id):
    forms.read_only(person, wants, teaches, T)
    st.stop()

forms.about_form(person, [p for p in everyone if p.id != person.id and p.active], T)
if person.has_role("senior"):
    lessons = goals.lesson_names(data.catalogue(), set(person.languages))
    forms.learning_form(person, wanted, wants, lessons, T)
if person.has_role("junior"):
    forms.teaching_form(person, teaches, T)
if person.id in {v.id for v in viewers}:
    forms.pin_form(person, T)
elif access.can_manage_people(viewers):
    forms.pin_elsewhere(person, T)
