"""The lesson player: one step at a time; the senior's area, and the coach panel in pairs."""

import streamlit as st

from curriculum.render import label as md_label
from curriculum.store import pairs, progress, session
from curriculum.ui import data, state
from curriculum.ui.actions import LAST_EVENT, Ctx, key, on_move, shown_since
from curriculum.ui.frame import PAGES
from curriculum.ui.widgets import coach, focus, memo_card, steps, summary
from curriculum.ui.widgets.content import markdown

T = state.tr()
SESSION = "player.session"  # (senior, junior) -> session id, for this browser session

senior, junior = state.senior(), state.junior()
ref = st.session_state.get(state.LESSON) or ""
pack_id, _, lesson_id = ref.partition("/")
cat = data.catalogue()
lesson = cat.lesson(pack_id, lesson_id)
if senior is None or lesson is None:
    st.title(T('nav.player'))
    st.info(T("player.pick_first" if senior is None else "player.pick_lesson"),
            icon=":material/waving_hand:")
    st.page_link(PAGES / ("welcome.py" if senior is None else "catalogue.py"),
                 label=T("nav.welcome" if senior is None else "nav.catalogue"))
    st.stop()

pack_dir = cat.packs[pack_id].folder
mode = state.mode()
sessions = st.session_state.setdefault(SESSION, {})
who = (senior.id, junior.id if junior else None)
with session() as db:
    if who not in sessions:
        sessions[who] = progress.start_session(db, mode, senior.id, who[1],
                                               pairs.active_pair_id(db, senior.id, who[1]))
    run = progress.open_run(db, senior.id, pack_id, lesson_id, mode, sessions[who]) \
        if st.session_state.get("player.run_for") != (ref, who) else None
    if run is not None:
        st.session_state["player.run_for"] = (ref, who)
        st.session_state["player.run_id"] = run.id
        st.session_state["player.resumed"] = run.current_step is not None
    run = progress.get_run(db, st.session_state["player.run_id"])
    results = progress.step_results(db, run.id)

ctx = Ctx(run.id, senior.id, sessions[who], pack_id, lesson_id, mode,
          cat.packs[pack_id].pack.base_language)
top = st.container(key=focus.STEP_TOP)
top.title(md_label(lesson.title))
if run.completed_at:
    summary.draw(lesson, run, results, senior.name, T, lambda: memo_card.download(
        cat.packs[pack_id], lesson, senior.id, T, "end"))
    focus.bring_into_view("step", f"done:{run.id}")
    st.stop()

index = lesson.index_of(run.current_step)
step = lesson.steps[index]
result = results.get(step.id)
shown_since(ctx, step.id)
top.progress((index + 1) / len(lesson.steps),
             text=T("player.step_of", n=index + 1, total=len(lesson.steps)))
if st.session_state.pop("player.resumed", False):
    st.info(T("player.welcome_back"), icon=":material/waving_hand:")
if index == 0 and result is None:
    st.markdown(T("player.goal", goal=md_label(lesson.goal)))

area, panel = st.columns([3, 2], gap="large") if mode == "pair" else (st.container(), None)
with area:
    solved = bool(result and result.status == "done" and step.checked)
    steps.draw(step, ctx, pack_dir, T, solved, result)
    with st.container(key=focus.FEEDBACK):
        steps.feedback(st.session_state.get(key(ctx, step.id, "outcome")), pack_dir, T)
        if problem := st.session_state.pop(key(ctx, step.id, "error"), None):
            st.error(problem, icon=":material/save:")
        coach.revealed(step, result, pack_dir, T)
    if mode == "solo" and step.kind != "do":  # a task for real: "I need help" gives them
        coach.help_buttons(step, ctx, result, T, "senior")
    back, forward = st.container(key=focus.ACTION).columns(2)
    back.button(T("player.back"), key=f"player.back.{step.id}", on_click=on_move,
                args=(ctx, lesson, step, -1), disabled=index == 0, width="stretch")
    done = result is not None and result.status == "done"
    last = index == len(lesson.steps) - 1
    moves_on = (done or bool(result and result.answer_shown) or step.kind == "explain"
                or (step.kind == "do" and mode == "pair"))
    forward.button(T("player.finish" if last else "player.next") if moves_on
                   else T("player.skip"), type="primary" if moves_on else
                   "secondary", key=f"player.next.{step.id}", on_click=on_move,
                   args=(ctx, lesson, step, 1), width="stretch")
if panel is not None and junior is not None:
    with panel:
        coach.panel(lesson, step, ctx, result, senior.name, pack_dir, T, first=index == 0)

glossary = cat.packs[pack_id].pack.glossary
if glossary:
    with st.expander(T("player.glossary"), icon=":material/menu_book:"):
        for term, meaning in glossary.items():
            markdown(f"**{term}**: {meaning}", pack_dir)

event, count = st.session_state.get(LAST_EVENT, ("open", 0))
if event == "check" and st.session_state.get(key(ctx, step.id, "outcome")) is not None:
    focus.bring_into_view("feedback", f"check:{count}")
else:
    focus.bring_into_view("step", f"step:{run.id}:{step.id}:{count}")
