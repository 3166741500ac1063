"""Today's practice: at most 8 steps that come back (oldest due first), each replayed as
the real step with its real practice app, then a calm end screen."""

import streamlit as st

from curriculum import clock, today
from curriculum.i18n import date_words
from curriculum.render import label as md_label
from curriculum.store import progress, review_items, session
from curriculum.ui import data, state
from curriculum.ui.actions import TODAY_INDEX, TODAY_PLAN, Ctx, key, on_today_next, shown_since
from curriculum.ui.frame import PAGES
from curriculum.ui.widgets import coach, focus, steps

T = state.tr()
RUNS = "today.runs"  # item id -> the review run it is replayed in (this browser session)

top = st.container(key=focus.STEP_TOP)  # the title, the intro and "Exercise n of N"
top.title(T("today.title"))
senior = state.senior()
if senior is None:
    st.info(T("catalogue.pick_first"), icon=":material/waving_hand:")
    st.page_link(PAGES / "welcome.py", label=T("nav.welcome"), icon=":material/waving_hand:")
    st.stop()

cat = data.catalogue()
plan = st.session_state.setdefault(TODAY_PLAN, {})
if senior.id not in plan:
    with session() as db:
        plan[senior.id] = [i.id for i in today.due_today(db, senior.id, clock.now())
                           if cat.lesson(i.pack_id, i.lesson_id) is not None]
ids = plan[senior.id]
index = st.session_state.setdefault(TODAY_INDEX, {}).get(senior.id, 0)
if not ids or index >= len(ids):
    if ids:
        st.success(T("today.end"), icon=":material/spa:")
    else:
        st.info(T("today.nothing"), icon=":material/spa:")
    with session() as db:  # stored in UTC, said in local time
        upcoming = review_items.next_due(db, senior.id, clock.now())
    if upcoming is not None:
        st.markdown(T("today.next_time", date=date_words(state.lang(), upcoming)))
    st.page_link(PAGES / "catalogue.py", label=T("today.to_lessons"),
                 icon=":material/menu_book:")
    focus.bring_into_view("step", f"today:end:{senior.id}")
    st.stop()

runs = st.session_state.setdefault(RUNS, {})
with session() as db:
    item = review_items.item_by_id(db, ids[index])
    lesson = cat.lesson(item.pack_id, item.lesson_id) if item else None
    step = next((s for s in lesson.steps if s.id == item.step_id), None) if lesson else None
    if item is not None and step is not None and item.id not in runs:
        runs[item.id] = progress.start_review_run(db, senior.id, item.pack_id, item.lesson_id,
                                                  step.id).id
    result = progress.step_results(db, runs[item.id]).get(step.id) if step else None

if item is None or lesson is None or step is None:  # the pack changed since: skip it
    st.session_state[TODAY_INDEX][senior.id] = index + 1
    st.rerun()

lp = cat.packs[item.pack_id]
ctx = Ctx(runs[item.id], senior.id, None, item.pack_id, item.lesson_id, "review",
          lp.pack.base_language)
shown_since(ctx, step.id)
if index == 0 and result is None:
    top.markdown(T("today.intro"))
top.progress((index + 1) / len(ids), text=T("today.item_of", n=index + 1, total=len(ids)))
top.caption(T("today.from_lesson", lesson=md_label(lesson.title)))
solved = bool(result and result.status == "done")
steps.draw(step, ctx, lp.folder, T, solved, result)
with st.container(key=focus.FEEDBACK):
    steps.feedback(st.session_state.get(key(ctx, step.id, "outcome")), lp.folder, T)
    coach.revealed(step, result, lp.folder, T)
coach.help_buttons(step, ctx, result, T, "senior")
moves_on = solved or bool(result and result.answer_shown)
last = index == len(ids) - 1
st.container(key=focus.ACTION).button(
    T("today.finish" if last else "today.next") if moves_on else T("player.skip"),
    type="primary" if moves_on else "secondary", key=f"today.next.{item.id}",
    on_click=on_today_next, args=(ctx, step), width="stretch")
focus.bring_into_view("step", f"today:{item.id}")
