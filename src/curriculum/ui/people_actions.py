"""What the People page's forms do (Streamlit callbacks): add a person, change their name,
roles and whether they are still in, set or remove their PIN."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from ..render import escape
from ..store import people, session
from ..store.people import ROLES, Person
from . import state
from .notices import Notices

PICK = "people.pick"  # the person being changed (an id)
NOTICES = Notices("people.done", "people.error")
NEW_NAME, NEW_LANG = "people.new_name", "people.new_lang"
NEW = "people.new"  # the prefix of the new person's role boxes


def key(person_id: int, name: str) -> str:
    return f"people.{person_id}.{name}"


def roles_chosen(prefix: str) -> list[str]:
    return [r for r in ROLES if st.session_state.get(f"{prefix}.role.{r}")]


def _no_role() -> people.PeopleError:
    return people.PeopleError("people.pick_a_role", "Choose at least one role.")


TWIN = "people.twin"  # a name already taken, that the next press of Add adds all the same


def twin_warning(name: str) -> str | None:
    """What to say before adding a second person with a name already taken; None to go on
    (nobody has it, or Add is pressed again for the same name after the warning)."""
    cleaned = " ".join(str(name).split())
    with session() as db:
        twins = people.same_name(db, cleaned)
    if not twins or st.session_state.get(TWIN) == cleaned.casefold():
        st.session_state.pop(TWIN, None)
        return None
    st.session_state[TWIN] = cleaned.casefold()
    T = state.tr()
    return T("people.same_name", name=escape(twins[0].name),
             roles=", ".join(T(f"role.{r}") for r in twins[0].roles))


def add() -> None:
    name, roles = st.session_state.get(NEW_NAME, ""), roles_chosen(NEW)
    made: list[Person] = []
    warning = twin_warning(name)
    if warning:
        NOTICES.say("add", error=("", warning))
        return

    def act(db: Database) -> None:
        if not roles:
            raise _no_role()
        person = people.create_person(db, name, roles[0], st.session_state.get(NEW_LANG)
                                      or state.lang())
        made.append(people.set_roles(db, person.id, roles))

    if NOTICES.run("add", "people.added", act, name=escape(" ".join(str(name).split()))):
        st.session_state[NEW_NAME] = ""
        st.session_state[PICK] = made[0].id


def save(person: Person) -> None:
    roles = roles_chosen(key(person.id, "edit"))
    name = st.session_state.get(key(person.id, "name"), person.name)
    active = bool(st.session_state.get(key(person.id, "active"), True))

    def act(db: Database) -> None:
        if not roles:
            raise _no_role()
        people.set_roles(db, person.id, roles, active=active, name=name)

    NOTICES.run("edit", "people.saved", act)


def set_pin(person: Person) -> None:
    new, again = (st.session_state.get(key(person.id, k)) or "" for k in ("pin", "again"))
    st.session_state[key(person.id, "pin")] = st.session_state[key(person.id, "again")] = ""
    NOTICES.run("pin", "people.pin_set", lambda db: people.set_pin(db, person.id, new, again))


def clear_pin(person: Person) -> None:
    NOTICES.run("pin", "people.pin_removed", lambda db: people.clear_pin(db, person.id))
