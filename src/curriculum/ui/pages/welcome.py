"""Welcome: who is here? A learner (and a mentor for a pair), picked or created; each types
their PIN if they set one. The coordinator signs in with their PIN, and on the very first
run the coordinator is created here."""

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.i18n import LANGUAGES
from curriculum.programme import pins
from curriculum.render import escape
from curriculum.store import people, session
from curriculum.ui import state
from curriculum.ui.frame import PAGES

T = state.tr()
PICK_SENIOR, PICK_JUNIOR = "welcome.senior", "welcome.junior"
NEW_NAME, NEW_ROLE, NEW_LANG = "welcome.new_name", "welcome.new_role", "welcome.new_lang"
PICK = {state.SENIOR: PICK_SENIOR, state.JUNIOR: PICK_JUNIOR}
PENDING = {state.SENIOR: "welcome.pending_senior", state.JUNIOR: "welcome.pending_junior"}
PIN = {state.SENIOR: "welcome.pin_senior", state.JUNIOR: "welcome.pin_junior"}
NOTICE = {state.SENIOR: "welcome.notice_senior", state.JUNIOR: "welcome.notice_junior"}
COORD, COORD_PIN, COORD_NOTICE = "welcome.coordinator", "welcome.coordinator_pin", \
    "welcome.notice_coordinator"
FIRST_NAME, FIRST_PIN, FIRST_AGAIN = "welcome.first_name", "welcome.first_pin", \
    "welcome.first_again"
FIRST_ERROR = "welcome.first_error"


def _add_person() -> None:
    name, role = st.session_state.get(NEW_NAME, ""), st.session_state.get(NEW_ROLE, "senior")
    try:
        with session() as db:
            person = people.create_person(db, name, role,
                                          st.session_state.get(NEW_LANG) or state.lang())
    except CurriculumError as exc:
        st.session_state["welcome.error"] = str(exc)
        return
    st.session_state.pop("welcome.error", None)
    st.session_state[NEW_NAME] = ""
    key = state.SENIOR if role == "senior" else state.JUNIOR
    st.session_state.pop(PENDING[key], None)
    state.set_value(key, person.id)
    st.session_state[PICK[key]] = person.id


def _pick(key: str) -> None:
    "A name was picked: signed in at once, or once their PIN is typed if they set one."
    chosen = st.session_state[PICK[key]] or None
    st.session_state.pop(NOTICE[key], None)
    with session() as db:
        person = people.get_person(db, chosen)
    if person is not None and person.has_pin:
        st.session_state[PENDING[key]] = person.id
        state.set_value(key, None)
    else:
        st.session_state.pop(PENDING[key], None)
        state.set_value(key, chosen)


def _pin_notice(check: people.PinCheck) -> tuple[str, dict]:
    if check.wait:
        return "pin.locked", {"minutes": max(1, round(check.wait / 60))}
    return "pin.wrong", {}


def _enter_pin(key: str) -> None:
    person_id, pin = st.session_state.get(PENDING[key]), st.session_state.get(PIN[key], "")
    st.session_state[PIN[key]] = ""
    with session() as db:
        check = people.check_pin(db, person_id, pin)
    if check.ok:
        st.session_state.pop(PENDING[key], None)
        st.session_state.pop(NOTICE[key], None)
        state.set_value(key, person_id)
    else:
        st.session_state[NOTICE[key]] = _pin_notice(check)


def _coordinator_sign_in() -> None:
    person_id, pin = st.session_state.get(COORD), st.session_state.get(COORD_PIN, "")
    st.session_state[COORD_PIN] = ""
    with session() as db:
        coordinators = {c.id for c in people.coordinators(db)}
        check = (people.check_pin(db, person_id, pin) if person_id in coordinators
                 else people.PinCheck(False))
    if check.ok:
        st.session_state.pop(COORD_NOTICE, None)
        st.session_state[state.COORDINATOR] = person_id
    else:
        st.session_state[COORD_NOTICE] = _pin_notice(check)


def _create_coordinator() -> None:
    name, pin = st.session_state.get(FIRST_NAME, ""), st.session_state.get(FIRST_PIN, "")
    again = st.session_state.get(FIRST_AGAIN, "")
    st.session_state[FIRST_PIN] = st.session_state[FIRST_AGAIN] = ""
    try:
        with session() as db:
            person = people.ensure_coordinator(db, name, pin, again, state.lang())
    except CurriculumError as exc:
        st.session_state[FIRST_ERROR] = ("", {"text": state.error_text(exc)})
        return
    st.session_state.pop(FIRST_ERROR, None)
    st.session_state[state.COORDINATOR] = person.id


def _notice(key: str) -> None:
    "An error kept by a callback as (catalogue key, parameters), shown in today's language."
    found = st.session_state.get(key)
    if found:
        text_key, params = found
        st.error(T(text_key, **params) if text_key else params["text"], icon="⚠️")


def _pin_form(key: str, label_key: str) -> None:
    "The PIN box for a person picked who set a PIN."
    pending = st.session_state.get(PENDING[key])
    if pending is None or st.session_state.get(PICK[key]) != pending:
        st.session_state.pop(PENDING[key], None)  # another name is picked now
        return
    with st.form(f"{PIN[key]}.form", border=False):
        st.text_input(T(label_key), type="password", key=PIN[key],
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(T("welcome.sign_in"), on_click=_enter_pin, args=(key,),
                              key=f"{PIN[key]}.go")
    _notice(NOTICE[key])


def _first_run() -> None:
    "No coordinator yet: the person setting the programme up creates the coordinator."
    with st.container(border=True):
        st.markdown(f"**{T('welcome.first_run_title')}**")
        st.markdown(T("welcome.first_run"))
        with st.form("welcome.first", border=False):
            st.text_input(T("welcome.name"), key=FIRST_NAME, max_chars=people.MAX_NAME)
            st.text_input(T("pin.new"), key=FIRST_PIN, type="password",
                          max_chars=pins.MAX_DIGITS, autocomplete="off", help=T("pin.rules"))
            st.text_input(T("pin.again"), key=FIRST_AGAIN, type="password",
                          max_chars=pins.MAX_DIGITS, autocomplete="off")
            st.form_submit_button(T("welcome.create_coordinator"), type="primary",
                                  on_click=_create_coordinator, key="welcome.first.go")
        _notice(FIRST_ERROR)


def _coordinator(coordinators: dict[int, str]) -> None:
    "The coordinator's sign-in (always with their PIN), or who is signed in as coordinator."
    st.header(T("welcome.coordinator_title"))
    signed_in = st.session_state.get(state.COORDINATOR)
    if signed_in in coordinators:
        st.success(T("welcome.coordinator_in", name=escape(coordinators[signed_in])),
                   icon="🔑")
        st.page_link(PAGES / "people.py", label=T("nav.people"), icon="👥")
        return
    with st.form("welcome.coordinator_form", border=False):
        st.selectbox(T("welcome.coordinator_name"), list(coordinators), key=COORD,
                     format_func=coordinators.__getitem__)
        st.text_input(T("pin.yours"), type="password", key=COORD_PIN,
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(T("welcome.coordinator_sign_in"),
                              on_click=_coordinator_sign_in, key="welcome.coordinator.go")
    _notice(COORD_NOTICE)


st.title("Binôme")
st.markdown(T("welcome.intro"))

with session() as db:
    seniors = {p.id: p.name for p in people.list_people(db, "senior") if p.active}
    juniors = {p.id: p.name for p in people.list_people(db, "junior") if p.active}
    coordinators = {p.id: p.name for p in people.coordinators(db)}

if not coordinators:
    st.info(T("welcome.first_run_hint"), icon="🔑")

st.header(T("welcome.who"))
left, right = st.columns(2)
with left:
    if seniors:
        st.session_state.setdefault(PICK_SENIOR, st.session_state.get(state.SENIOR))
        st.selectbox(T("welcome.senior"), list(seniors), format_func=seniors.__getitem__,
                     key=PICK_SENIOR, index=None, placeholder=T("welcome.choose"),
                     on_change=_pick, args=(state.SENIOR,))
        _pin_form(state.SENIOR, "welcome.pin_senior")
    else:
        st.info(T("welcome.no_seniors"))
with right:
    NOBODY = 0
    options = [NOBODY, *juniors]
    current = st.session_state.get(state.JUNIOR) or NOBODY
    st.session_state.setdefault(PICK_JUNIOR, current if current in options else NOBODY)
    st.selectbox(T("welcome.junior"), options, key=PICK_JUNIOR,
                 format_func=lambda i: juniors.get(i) or T("welcome.alone"),
                 on_change=_pick, args=(state.JUNIOR,))
    _pin_form(state.JUNIOR, "welcome.pin_junior")

senior = state.senior()
if senior is not None:
    junior = state.junior()
    st.success(T("frame.pair", senior=senior.name, junior=junior.name) if junior
               else T("frame.alone", senior=senior.name), icon="👥")
    if st.button(T("welcome.go"), type="primary", key="welcome.go"):
        st.switch_page(PAGES / "catalogue.py")

with st.expander(T("welcome.add_person"), expanded=not seniors):
    with st.form("welcome.add", border=False):
        st.text_input(T("welcome.name"), key=NEW_NAME, max_chars=people.MAX_NAME)
        st.radio(T("welcome.role"), ["senior", "junior"], key=NEW_ROLE,
                 format_func=lambda r: T(f"role.{r}"), horizontal=True)
        st.radio(T("frame.language"), list(LANGUAGES), key=NEW_LANG, horizontal=True,
                 format_func=LANGUAGES.__getitem__, index=list(LANGUAGES).index(state.lang()))
        st.form_submit_button(T("welcome.add"), on_click=_add_person)
    if st.session_state.get("welcome.error"):
        st.error(st.session_state["welcome.error"], icon="⚠️")

if coordinators:
    _coordinator(coordinators)
else:
    _first_run()
