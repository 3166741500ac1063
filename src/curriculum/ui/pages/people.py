"""People (the coordinator only): everyone in the programme; add a person, change their
roles, set or remove a PIN, open their profile."""

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.i18n import LANGUAGES
from curriculum.programme import access, pins
from curriculum.render import escape
from curriculum.store import people, session
from curriculum.store.people import ROLES, SLOTS, SPOKEN, Person
from curriculum.ui import state
from curriculum.ui.registry import PAGES_DIR

T = state.tr()
PICK = "people.pick"  # the person being changed (an id)
DONE, ERROR = "people.done", "people.error"  # (section, key or "", text)
NEW_NAME, NEW_LANG = "people.new_name", "people.new_lang"


def _key(person_id: int, name: str) -> str:
    return f"people.{person_id}.{name}"


def _say(section: str, done: str | None = None, error: tuple[str, str] | None = None,
         **params: object) -> None:
    st.session_state[DONE] = (section, done, params) if done else None
    st.session_state[ERROR] = (section, *error) if error else None


def _run(section: str, done: str, action, **params: object) -> bool:
    try:
        with session() as db:
            action(db)
    except CurriculumError as exc:
        _say(section, error=("", state.error_text(exc)))
        return False
    _say(section, done, **params)
    return True


def _feedback(section: str) -> None:
    done, error = st.session_state.get(DONE), st.session_state.get(ERROR)
    if done and done[0] == section:
        st.success(T(done[1], **done[2]), icon="✅")
    if error and error[0] == section:
        st.error(T(error[1]) if error[1] else error[2], icon="⚠️")


def _roles_chosen(prefix: str) -> list[str]:
    return [r for r in ROLES if st.session_state.get(f"{prefix}.role.{r}")]


def _add() -> None:
    name, roles = st.session_state.get(NEW_NAME, ""), _roles_chosen("people.new")
    made: list[Person] = []

    def act(db) -> None:
        if not roles:
            raise people.PeopleError("people.pick_a_role", "Choose at least one role.")
        person = people.create_person(db, name, roles[0], st.session_state.get(NEW_LANG)
                                      or state.lang())
        made.append(people.set_roles(db, person.id, roles))

    if _run("add", "people.added", act, name=escape(" ".join(str(name).split()))):
        st.session_state[NEW_NAME] = ""
        st.session_state[PICK] = made[0].id


def _save(person: Person) -> None:
    roles = _roles_chosen(_key(person.id, "edit"))
    name = st.session_state.get(_key(person.id, "name"), person.name)
    active = bool(st.session_state.get(_key(person.id, "active"), True))

    def act(db) -> None:
        if not roles:
            raise people.PeopleError("people.pick_a_role", "Choose at least one role.")
        people.set_roles(db, person.id, roles, active=active, name=name)

    _run("edit", "people.saved", act)


def _set_pin(person: Person) -> None:
    new, again = (st.session_state.get(_key(person.id, k)) or "" for k in ("pin", "again"))
    st.session_state[_key(person.id, "pin")] = st.session_state[_key(person.id, "again")] = ""
    _run("pin", "people.pin_set", lambda db: people.set_pin(db, person.id, new, again))


def _clear_pin(person: Person) -> None:
    _run("pin", "people.pin_removed", lambda db: people.clear_pin(db, person.id))


def _where(p: Person) -> str:
    return T("profile.where_remote") if p.remote else escape(p.site or "—")


def _table(everyone: list[Person]) -> None:
    yes, no = T("people.yes"), T("people.no")
    st.table([{T("people.col_name"): escape(p.name),
               T("people.col_roles"): ", ".join(T(f"role.{r}") for r in p.roles),
               T("people.col_languages"): ", ".join(SPOKEN.get(x, x) for x in p.languages),
               T("people.col_where"): _where(p),
               T("people.col_slots"): str(len([s for s in p.availability if s in SLOTS])),
               T("people.col_pin"): yes if p.has_pin else no,
               T("people.col_active"): yes if p.active else no}
              for p in everyone], hide_index=True, alt=T("people.table_alt"))


def _edit(person: Person) -> None:
    with st.form(_key(person.id, "form"), border=False):
        st.text_input(T("welcome.name"), value=person.name, key=_key(person.id, "name"),
                      max_chars=people.MAX_NAME)
        st.markdown(f"**{T('people.roles')}**")
        for role in ROLES:
            st.checkbox(T(f"role.{role}"), value=person.has_role(role),
                        key=f"{_key(person.id, 'edit')}.role.{role}")
        st.checkbox(T("people.active"), value=person.active, key=_key(person.id, "active"),
                    help=T("people.active_help"))
        st.form_submit_button(T("profile.save"), type="primary", on_click=_save,
                              args=(person,), key=_key(person.id, "save"))
    _feedback("edit")
    if st.button(T("people.open_profile", name=escape(person.name)),
                 key=_key(person.id, "open"), icon="🪪"):
        st.session_state["profile.person"] = person.id
        st.switch_page(PAGES_DIR / "profile.py")

    st.subheader(T("pin.title"))
    st.markdown(T("people.has_pin", name=escape(person.name)) if person.has_pin
                else T("people.no_pin", name=escape(person.name)))
    if person.has_role("coordinator") and not person.has_pin:
        st.warning(T("people.coordinator_needs_pin"), icon="🔑")
    with st.form(_key(person.id, "pin_form"), border=False):
        st.text_input(T("pin.new"), type="password", key=_key(person.id, "pin"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off", help=T("pin.rules"))
        st.text_input(T("pin.again"), type="password", key=_key(person.id, "again"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(T("people.set_pin"), on_click=_set_pin, args=(person,),
                              key=_key(person.id, "pin_save"))
    if person.has_pin and not person.has_role("coordinator"):
        st.button(T("people.remove_pin"), key=_key(person.id, "clear"), on_click=_clear_pin,
                  args=(person,))
    _feedback("pin")


state.require(access.can_manage_people(state.viewers()))
st.title(f"👥 {T('nav.people')}")
with session() as db:
    everyone = people.list_people(db)

st.header(T("people.everyone"))
if everyone:
    _table(everyone)

st.header(T("people.change"))
names = {p.id: p.name for p in everyone}
if st.session_state.get(PICK) not in names:
    st.session_state[PICK] = next(iter(names), None)
st.selectbox(T("people.who"), list(names), key=PICK, format_func=names.__getitem__)
chosen = next((p for p in everyone if p.id == st.session_state.get(PICK)), None)
if chosen is not None:
    _edit(chosen)

st.header(T("people.add"))
with st.form("people.add_form", border=False):
    st.text_input(T("welcome.name"), key=NEW_NAME, max_chars=people.MAX_NAME)
    st.markdown(f"**{T('people.roles')}**")
    for role in ROLES:
        st.checkbox(T(f"role.{role}"), key=f"people.new.role.{role}", value=role == "senior")
    st.radio(T("frame.language"), list(LANGUAGES), key=NEW_LANG, horizontal=True,
             format_func=LANGUAGES.__getitem__, index=list(LANGUAGES).index(state.lang()))
    st.form_submit_button(T("people.add_button"), type="primary", on_click=_add,
                          key="people.add_go")
_feedback("add")
