"""The lesson catalogue, by topic: goal and minutes first, with the senior's progress."""

import streamlit as st

from curriculum import today
from curriculum.i18n import LANGUAGES
from curriculum.render import label as md_label
from curriculum.store import session
from curriculum.ui import data, state
from curriculum.ui.frame import PAGES
from curriculum.ui.widgets.cards import lesson_card

T = state.tr()
FILTER = "catalogue.language"


def _open(ref: str) -> None:
    "Open a lesson: its unfinished run if there is one, else a new run."
    st.session_state.pop("player.run_for", None)
    state.set_value(state.LESSON, ref)


st.title(T('catalogue.title'))
senior = state.senior()
if senior is None:
    st.info(T("catalogue.pick_first"), icon=":material/waving_hand:")
    st.page_link(PAGES / "welcome.py", label=T("nav.welcome"), icon=":material/waving_hand:")
    st.stop()

cat = data.catalogue()
languages = sorted({lp.pack.base_language for lp in cat.packs.values()})
choices = ["all", *languages]
st.session_state.setdefault(FILTER, state.lang() if state.lang() in choices else "all")
chosen = st.radio(T("catalogue.language"), choices, key=state.labelled(FILTER), horizontal=True,
                  format_func=lambda c: T("catalogue.all") if c == "all"
                  else LANGUAGES.get(c, c))
with session() as db:
    states = today.levels(db, cat, senior.id)

packs = [lp for lp in cat.packs.values()
         if lp.lessons and lp.pack.audience == "learners"
         and (chosen == "all" or lp.pack.base_language == chosen)]
if not packs:
    st.info(T("catalogue.empty"))
for topic in sorted({lp.pack.topic for lp in packs}):
    st.header(T(f'topic.{topic}'))
    for lp in (p for p in packs if p.pack.topic == topic):
        st.subheader(md_label(lp.pack.title))
        if lp.pack.summary:
            st.markdown(md_label(lp.pack.summary))
        for lesson in lp.lessons.values():
            if lesson_card(cat, lp, lesson, states, T, on_open=_open):
                st.switch_page(PAGES / "player.py")
