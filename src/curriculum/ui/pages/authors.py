"""The authors' panel: every problem in every pack, a lesson preview, and how to start one."""

import streamlit as st

from curriculum.cli import schema_text
from curriculum.model import json_schemas
from curriculum.packs import lesson_folders
from curriculum.render import escape as md_escape
from curriculum.render import label as md_label
from curriculum.ui import data, state
from curriculum.ui.widgets import steps
from curriculum.ui.widgets.content import markdown

T = state.tr()
PREVIEW = "authors.preview"

st.title(T('authors.title'))
cat = data.catalogue()
lessons = sum(len(lp.lessons) for lp in cat.packs.values())
st.markdown(T("authors.folders", folders=", ".join(f"`{f}`" for f in lesson_folders())))
a, b, c = st.columns(3)
a.metric(T("authors.ready"), T("authors.ready_value", packs=len(cat.packs), lessons=lessons))
b.metric(T("authors.errors"), len(cat.errors))
c.metric(T("authors.warnings"), len(cat.warnings))

st.header(T("authors.problems"))
if not cat.problems:
    st.success(T("authors.no_problems"), icon=":material/check_circle:")
for path, problems in cat.problems_by_file().items():
    errors = sum(p.is_error for p in problems)
    icon = ":material/block:" if errors else ":material/warning:"
    title = T("authors.file_summary", file=md_escape(str(path)), errors=errors,
              warnings=len(problems) - errors)
    with st.expander(title, icon=icon, expanded=bool(errors)):
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)

st.header(T("authors.preview"))
refs = [f"{lp.id}/{lid}" for lp in cat.packs.values() for lid in lp.lessons]
ref = st.selectbox(T("authors.pick_lesson"), refs, index=None, key=PREVIEW,
                   placeholder=T("welcome.choose"))
if ref:
    pack_id, _, lesson_id = ref.partition("/")
    lesson = cat.lesson(pack_id, lesson_id)
    pack_dir = cat.packs[pack_id].folder
    if lesson is not None:
        st.subheader(md_label(lesson.title))
        markdown(T("player.goal", goal=lesson.goal), pack_dir)
        for n, step in enumerate(lesson.steps, 1):
            with st.container(border=True):
                st.markdown(f"**{n}. `{step.id}`** · {T('kind.' + step.kind)}")
                steps.preview(step, pack_dir, T)

st.header(T("authors.start"))
st.markdown(T("authors.start_help"))
st.code("curriculum new pack my-pack --lang en\ncurriculum new lesson second-lesson "
        "--dir lessons/my-pack\ncurriculum validate lessons/my-pack\ncurriculum selftest "
        "my-pack", language=None)  # bash colours fail WCAG contrast
schemas = json_schemas()
left, right = st.columns(2)
left.download_button(T("authors.schema_pack"), schema_text(schemas["pack"]),
                     file_name="pack.schema.json", mime="application/json")
right.download_button(T("authors.schema_lesson"), schema_text(schemas["lesson"]),
                      file_name="lesson.schema.json", mime="application/json")
