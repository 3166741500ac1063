"""A profile: languages, where one works, free slots, line manager; what a senior wants to
learn, what a junior can teach; one's own PIN. The coordinator opens anyone's profile; a
partner of a running pair may look at it; nobody else."""

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.programme import access, pins
from curriculum.render import escape
from curriculum.store import people, session
from curriculum.store.people import SLOTS, SPOKEN, TOPICS, Person
from curriculum.ui import data, state

T = state.tr()
TARGET = "profile.person"  # whose profile is open (an id); also ?person=ID in the URL
DONE = "profile.done"  # (section, catalogue key) of the last change saved
ERROR = "profile.error"  # (section, catalogue key or "", text)
SLOT_LABELS = {s: T(f"slot.{s}") for s in SLOTS}
WANT = {0: T("want.0"), 1: T("want.1"), 2: T("want.2"), 3: T("want.3")}
TEACH = {0: T("teach.0"), 1: T("teach.1"), 2: T("teach.2"), 3: T("teach.3")}


def _key(person: Person, name: str) -> str:
    "Widget keys carry the person's id: another profile never shows stale values."
    return f"profile.{person.id}.{name}"


def _said(section: str, done_key: str | None = None, error: tuple[str, str] | None = None):
    st.session_state[DONE] = (section, done_key) if done_key else None
    st.session_state[ERROR] = (section, *error) if error else None


def _saving(section: str, done_key: str, action) -> None:
    "Run a save; keep what to say (done, or the error a user can fix) for this section."
    try:
        with session() as db:
            action(db)
    except CurriculumError as exc:
        _said(section, error=("", state.error_text(exc)))
    else:
        _said(section, done_key)


def _feedback(section: str) -> None:
    done, error = st.session_state.get(DONE), st.session_state.get(ERROR)
    if done and done[0] == section:
        st.success(T(done[1]), icon="✅")
    if error and error[0] == section:
        st.error(T(error[1]) if error[1] else error[2], icon="⚠️")


def _save_about(person: Person) -> None:
    get = st.session_state.get
    remote = get(_key(person, "where")) == "remote"
    manager = get(_key(person, "manager")) or None
    _saving("about", "profile.saved", lambda db: people.save_about(
        db, person.id, languages=get(_key(person, "languages")) or [],
        site=get(_key(person, "site")), remote=remote,
        availability=[s for s in SLOTS if get(_key(person, f"slot.{s}"))],
        manager_id=manager))


def _save_learning(person: Person) -> None:
    get = st.session_state.get
    topics = {t: get(_key(person, f"want.{t}")) or 0 for t in TOPICS}
    lessons = [tuple(ref.split("/", 1)) for ref in get(_key(person, "lessons")) or []]
    _saving("learn", "profile.saved", lambda db: people.save_learning(
        db, person.id, topics, lessons))


def _save_teaching(person: Person) -> None:
    get = st.session_state.get
    topics = {t: get(_key(person, f"teach.{t}")) or 0 for t in TOPICS}
    _saving("teach", "profile.saved", lambda db: people.save_teaching(
        db, person.id, topics, get(_key(person, "capacity")) or 0))


def _pin_action(person: Person, remove: bool) -> None:
    get = st.session_state.get
    current, new, again = (get(_key(person, k)) or "" for k in ("pin_now", "pin_new", "pin_again"))
    for k in ("pin_now", "pin_new", "pin_again"):
        st.session_state[_key(person, k)] = ""

    def act(db) -> None:
        if person.has_pin:
            check = people.check_pin(db, person.id, current)
            if not check.ok:
                raise CurriculumError(T("pin.locked", minutes=max(1, round(check.wait / 60)))
                                      if check.wait else T("pin.wrong_current"))
        if remove:
            people.clear_pin(db, person.id)
        else:
            people.set_pin(db, person.id, new, again)

    _saving("pin", "pin.removed" if remove else "pin.saved", act)


def _target(viewers: list[Person], everyone: list[Person],
            partners: list[tuple[int, int]]) -> Person | None:
    "Whose profile: asked for (URL or another page), else picked among those one may see."
    asked = st.query_params.get("person")
    if asked is not None:
        st.session_state[TARGET] = int(asked) if asked.isdigit() else -1
        del st.query_params["person"]
    wanted = st.session_state.get(TARGET)
    if wanted is not None and not access.can_see_person(viewers, wanted, partners):
        state.require(False)
    choices = {p.id: p for p in access.visible(viewers, everyone, partners)}
    default = wanted if wanted in choices else next(
        (v.id for v in viewers if v.id in choices), None)
    if default is None:
        state.require(False)
    if len(choices) > 1:
        if wanted in choices or st.session_state.get("profile.pick") not in choices:
            st.session_state["profile.pick"] = default
        st.selectbox(T("profile.whose"), list(choices), key="profile.pick",
                     format_func=lambda i: choices[i].name,
                     on_change=lambda: st.session_state.update(
                         {TARGET: st.session_state["profile.pick"]}))
        return choices[st.session_state["profile.pick"]]
    return choices[default]


def _about_form(person: Person, others: list[Person]) -> None:
    st.header(T("profile.about"))
    with st.form(_key(person, "about_form"), border=False):
        st.multiselect(T("profile.languages"), list(SPOKEN), key=_key(person, "languages"),
                       default=[lang for lang in person.languages if lang in SPOKEN],
                       format_func=SPOKEN.__getitem__, placeholder=T("profile.choose"))
        st.radio(T("profile.where"), ["site", "remote"], key=_key(person, "where"),
                 index=1 if person.remote else 0, horizontal=True,
                 format_func=lambda w: T(f"profile.where_{w}"))
        st.text_input(T("profile.site"), value=person.site or "", key=_key(person, "site"),
                      max_chars=people.MAX_NAME, help=T("profile.site_help"))
        st.markdown(f"**{T('profile.availability')}**")
        st.caption(T("profile.availability_help"))
        for day in people.DAYS:
            cols = st.columns(2)
            for col, part in zip(cols, ("am", "pm"), strict=True):
                slot = f"{day}-{part}"
                col.checkbox(SLOT_LABELS[slot], value=slot in person.availability,
                             key=_key(person, f"slot.{slot}"))
        managers = {0: T("profile.no_manager"), **{p.id: p.name for p in others}}
        current = person.manager_id if person.manager_id in managers else 0
        st.selectbox(T("profile.manager"), list(managers), index=list(managers).index(current),
                     key=_key(person, "manager"), format_func=managers.__getitem__,
                     help=T("profile.manager_help"))
        st.form_submit_button(T("profile.save"), type="primary", on_click=_save_about,
                              args=(person,), key=_key(person, "about_save"))
    _feedback("about")


def _learning_form(person: Person, wanted: list[tuple[str, str]], wants: dict[str, int]) -> None:
    st.header(T("profile.learn"))
    st.markdown(T("profile.learn_help"))
    with st.form(_key(person, "learn_form"), border=False):
        for topic in TOPICS:
            st.radio(T(f"topic.{topic}"), list(WANT), index=wants.get(topic, 0),
                     key=_key(person, f"want.{topic}"), format_func=WANT.__getitem__,
                     horizontal=True)
        lessons = _lesson_choices(person)
        st.multiselect(T("profile.lessons"), list(lessons), key=_key(person, "lessons"),
                       default=[f"{p}/{lid}" for p, lid in wanted if f"{p}/{lid}" in lessons],
                       format_func=lessons.__getitem__, placeholder=T("profile.choose"))
        st.form_submit_button(T("profile.save"), type="primary", on_click=_save_learning,
                              args=(person,), key=_key(person, "learn_save"))
    _feedback("learn")


def _lesson_choices(person: Person) -> dict[str, str]:
    "The catalogue's lessons ('pack/lesson' -> 'Pack: Lesson'), in the person's languages."
    cat = data.catalogue()
    spoken = set(person.languages)
    return {f"{lp.id}/{lesson.id}": f"{lp.pack.title}: {lesson.title}"
            for lp in cat.packs.values() if not spoken or lp.pack.base_language in spoken
            for lesson in lp.lessons.values()}


def _teaching_form(person: Person, teaches: dict[str, int]) -> None:
    st.header(T("profile.teach"))
    st.markdown(T("profile.teach_help"))
    with st.form(_key(person, "teach_form"), border=False):
        for topic in TOPICS:
            st.radio(T(f"topic.{topic}"), list(TEACH), index=teaches.get(topic, 0),
                     key=_key(person, f"teach.{topic}"), format_func=TEACH.__getitem__,
                     horizontal=True)
        st.number_input(T("profile.capacity"), min_value=0, max_value=people.MAX_CAPACITY,
                        step=1, value=person.capacity or 0, key=_key(person, "capacity"))
        st.form_submit_button(T("profile.save"), type="primary", on_click=_save_teaching,
                              args=(person,), key=_key(person, "teach_save"))
    _feedback("teach")


def _pin_form(person: Person) -> None:
    st.header(T("pin.title"))
    st.markdown(T("pin.is_set") if person.has_pin else T("pin.not_set"))
    with st.form(_key(person, "pin_form"), border=False):
        if person.has_pin:
            st.text_input(T("pin.current"), type="password", key=_key(person, "pin_now"),
                          max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.text_input(T("pin.new"), type="password", key=_key(person, "pin_new"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off", help=T("pin.rules"))
        st.text_input(T("pin.again"), type="password", key=_key(person, "pin_again"),
                      max_chars=pins.MAX_DIGITS, autocomplete="off")
        st.form_submit_button(T("pin.change") if person.has_pin else T("pin.set"),
                              type="primary", on_click=_pin_action, args=(person, False),
                              key=_key(person, "pin_save"))
        if person.has_pin and not person.has_role("coordinator"):
            st.form_submit_button(T("pin.remove"), on_click=_pin_action, args=(person, True),
                                  key=_key(person, "pin_remove"))
    _feedback("pin")


def _read_only(person: Person, wants: dict[str, int], teaches: dict[str, int]) -> None:
    "What a partner may see of a profile: no form, no PIN."
    st.info(T("profile.read_only"), icon="👀")
    st.markdown(f"**{T('profile.languages')}**: "
                + (", ".join(SPOKEN.get(x, x) for x in person.languages) or "—"))
    st.markdown(f"**{T('profile.where')}**: " + (T("profile.where_remote") if person.remote
                                                else escape(person.site or "—")))
    st.markdown(f"**{T('profile.availability')}**: "
                + (", ".join(SLOT_LABELS[s] for s in person.availability if s in SLOT_LABELS)
                   or "—"))
    for title, levels, words in ((T("profile.learn"), wants, WANT),
                                 (T("profile.teach"), teaches, TEACH)):
        if levels:
            st.header(title)
            st.markdown("\n".join(f"- {T(f'topic.{t}')}: {words[levels[t]]}"
                                  for t in TOPICS if levels.get(t)))


viewers = state.viewers()
state.require(bool(viewers))
head = st.empty()
with session() as db:
    everyone = people.list_people(db)
    partners = people.partners(db, {v.id for v in viewers})
person = _target(viewers, everyone, partners)
with session() as db:
    person = people.get_person(db, person.id)
    wants = people.interests(db, person.id, "wants")
    teaches = people.interests(db, person.id, "teaches")
    wanted = people.wanted_lessons(db, person.id)

head.title(f"🪪 {escape(person.name)}")
st.markdown(T("profile.roles", roles=", ".join(T(f"role.{r}") for r in person.roles)))
if not access.can_edit_person(viewers, person.id):
    _read_only(person, wants, teaches)
    st.stop()

_about_form(person, [p for p in everyone if p.id != person.id and p.active])
if person.has_role("senior"):
    _learning_form(person, wanted, wants)
if person.has_role("junior"):
    _teaching_form(person, teaches)
if person.id in {v.id for v in viewers}:
    _pin_form(person)
elif access.can_manage_people(viewers):
    st.header(T("pin.title"))
    st.markdown(T("pin.is_set") if person.has_pin else T("pin.not_set"))
    st.caption(T("profile.pin_on_people"))
