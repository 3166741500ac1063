"""Welcome: who is here? A senior (and a junior for a pair), picked or created."""

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.i18n import LANGUAGES
from curriculum.store import people, session
from curriculum.ui import state
from curriculum.ui.frame import PAGES

T = state.tr()
PICK_SENIOR, PICK_JUNIOR = "welcome.senior", "welcome.junior"
NEW_NAME, NEW_ROLE, NEW_LANG = "welcome.new_name", "welcome.new_role", "welcome.new_lang"


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
    state.set_value(state.SENIOR if role == "senior" else state.JUNIOR, person.id)
    st.session_state[PICK_SENIOR if role == "senior" else PICK_JUNIOR] = person.id


def _pick(key: str, widget: str) -> None:
    state.set_value(key, st.session_state[widget])


st.title("Binôme")
st.markdown(T("welcome.intro"))

with session() as db:
    seniors = {p.id: p.name for p in people.list_people(db, "senior")}
    juniors = {p.id: p.name for p in people.list_people(db, "junior")}

st.header(T("welcome.who"))
left, right = st.columns(2)
with left:
    if seniors:
        st.session_state.setdefault(PICK_SENIOR, st.session_state.get(state.SENIOR))
        st.selectbox(T("welcome.senior"), list(seniors), format_func=seniors.__getitem__,
                     key=PICK_SENIOR, index=None, placeholder=T("welcome.choose"),
                     on_change=_pick, args=(state.SENIOR, PICK_SENIOR))
    else:
        st.info(T("welcome.no_seniors"))
with right:
    NOBODY = 0
    options = [NOBODY, *juniors]
    current = st.session_state.get(state.JUNIOR) or NOBODY
    st.session_state.setdefault(PICK_JUNIOR, current if current in options else NOBODY)
    st.selectbox(T("welcome.junior"), options, key=PICK_JUNIOR,
                 format_func=lambda i: juniors.get(i) or T("welcome.alone"),
                 on_change=lambda: state.set_value(
                     state.JUNIOR, st.session_state[PICK_JUNIOR] or None))

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
