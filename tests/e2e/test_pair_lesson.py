"""A pair walks a whole lesson in a real browser, from an empty database.

The senior (Margaret) and the junior (Leo) are added through the welcome page's form,
picked, and walk "Write your first email" step by step: the senior answers (once wrong
first on a choice and on a typed answer; Move up / Move down for an order; an email
written in the pretend mail app), the mentor gives a hint, shows an answer and taps how
the senior did the `do` step. Midway the page is reloaded: the lesson resumes where it
was, with its results. At the end the summary, then the SQLite file, must say what
happened. The steps and their right answers are read from the lesson's YAML.
"""

from __future__ import annotations

import re
from collections import Counter

from e2e_helpers import settle, wait_for_app
from e2e_player import (
    T,
    button,
    click,
    coach_panel,
    email_to_write,
    expect_feedback,
    expect_step,
    first_paragraph,
    go_next,
    load_lesson,
    main,
    put_in_order,
    query,
    right_text,
    senior_area,
    shown_text,
    tick,
    typo_of,
    words,
    wrong_option,
)
from playwright.sync_api import Page, expect

from curriculum.model import ChoiceStep, DoStep, EmailStep, ExplainStep, OrderStep, TextStep

LESSON = "email-basics/first-email"
SENIOR, JUNIOR = "Margaret", "Leo"
RELOAD_AFTER = 4  # reload once the 4th step is done and the 5th is showing


def add_form(page: Page):
    "The 'Add a person' expander (a <details>) on the welcome page."
    return page.get_by_test_id("stExpander").filter(has_text=T("welcome.add_person"))


def add_person(page: Page, name: str, role: str) -> None:
    "Fill in and send the 'Add a person' form (opening it first if it is folded)."
    expander = add_form(page)
    if expander.locator("details").get_attribute("open") is None:
        expander.locator("summary").click()
    form = expander.get_by_test_id("stForm")
    name_box = form.get_by_role("textbox", name=T("welcome.name"))
    expect(name_box).to_be_visible()
    name_box.fill(name)
    form.get_by_text(T(f"role.{role}"), exact=True).click()
    click(button(form, "welcome.add"))


def pick(page: Page, label: str, name: str) -> None:
    "Pick a person in a list: type the start of the name, then choose it."
    box = page.get_by_role("combobox", name=label)
    box.fill(name[:3])
    click(page.get_by_role("option", name=name, exact=True))
    expect(box).to_have_value(name)


def autonomy_group(page: Page):
    return coach_panel(page).get_by_role("radiogroup", name=T("coach.how_did", name=SENIOR))


def test_a_pair_walks_a_whole_lesson(page: Page, app_server, empty_db) -> None:
    lesson = load_lesson(LESSON)
    total = len(lesson.steps)

    # --- Welcome: nobody yet; add the two people, then pick them ---------------------
    page.goto(app_server.url)
    wait_for_app(page)
    expect(main(page)).to_contain_text(T("welcome.no_seniors"))
    expect(add_form(page).locator("details")).to_have_attribute("open", "")  # open at first
    add_person(page, SENIOR, "senior")
    expect(main(page)).to_contain_text(T("frame.alone", senior=SENIOR))
    add_person(page, JUNIOR, "junior")
    expect(main(page)).to_contain_text(T("frame.pair", senior=SENIOR, junior=JUNIOR))

    page.goto(app_server.url)  # they come back another day: pick them from the lists
    wait_for_app(page)
    pick(page, T("welcome.senior"), SENIOR)
    pick(page, T("welcome.junior"), JUNIOR)
    expect(main(page)).to_contain_text(T("frame.pair", senior=SENIOR, junior=JUNIOR))
    click(button(page, "welcome.go"))

    # --- Catalogue: goal and minutes first, then Start -------------------------------
    expect(page).to_have_url(re.compile(r"/catalogue\?"))
    card = page.get_by_test_id("stHorizontalBlock").filter(
        has=page.get_by_text(lesson.title, exact=True))
    expect(card).to_contain_text(words(lesson.goal))
    expect(card).to_contain_text(T("catalogue.minutes", n=lesson.minutes))
    click(card.get_by_role("button", name=T("catalogue.start"), exact=True))

    # --- The player ----------------------------------------------------------------
    expect(page).to_have_url(re.compile(r"/player\?.*lesson=email-basics%2Ffirst-email"))
    expect(page.get_by_role("heading", level=1, name=lesson.title)).to_be_visible()
    expect(coach_panel(page)).to_contain_text(first_paragraph(lesson.mentor_intro))

    expected: dict[str, str] = {}  # step id -> the autonomy the walk should record
    wrong_first: list[str] = []  # steps answered wrong once before right
    did = Counter()  # what the walk did once, to be sure it happened
    for n, step in enumerate(lesson.steps, 1):
        expect_step(page, n, total)
        area, coach = senior_area(page), coach_panel(page)
        if step.mentor:
            expect(coach).to_contain_text(first_paragraph(step.mentor))

        if isinstance(step, ExplainStep):
            expect(area).to_contain_text(first_paragraph(step.body))
            if step.image is not None:
                expect(area.get_by_role("img", name=step.image.alt)).to_be_visible()

        elif isinstance(step, ChoiceStep) and not step.multiple:
            expect(area).to_contain_text(words(step.prompt))
            wrong = wrong_option(step)
            tick(area, wrong.text)
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.wrong_title", words(wrong.feedback))
            did["wrong choice"] += 1
            wrong_first.append(step.id)
            # The mentor gives the first hint from the coach panel.
            click(button(coach, "coach.next_hint", n=1, total=len(step.hints)))
            expect(area).to_contain_text(T("player.hint_n", n=1))
            expect(area).to_contain_text(words(step.hints[0]))
            did["hint"] += 1
            right = next(o for o in step.options if o.correct)
            tick(area, right.text)
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.correct_title", words(right.feedback))
            expected[step.id] = "hinted"

        elif isinstance(step, ChoiceStep):  # choose all the right ones
            expect(area).to_contain_text(T("player.pick_all"))
            for option in step.options:
                if option.correct:
                    tick(area, option.text)
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.correct_title",
                            *(words(o.feedback) for o in step.options if o.correct))
            expected[step.id] = "alone"

        elif isinstance(step, TextStep) and not did["wrong text"]:
            expect(area).to_contain_text(words(step.prompt))
            right = right_text(step)
            typo, said = typo_of(step, right)
            answer_box = area.get_by_role("textbox", name=T("player.your_answer"))
            answer_box.fill(typo)
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.wrong_title", words(said))
            did["wrong text"] += 1
            wrong_first.append(step.id)
            answer_box.fill(right)
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.correct_title", T("check.correct"))
            expected[step.id] = "alone"

        elif isinstance(step, TextStep):  # the mentor shows the answer, the senior copies it
            expect(area).to_contain_text(words(step.prompt))
            click(button(coach, "player.show_answer"))
            expect(area).to_contain_text(T("player.the_answer"))
            expect(area).to_contain_text(words(step.solution))
            did["answer shown"] += 1
            area.get_by_role("textbox", name=T("player.your_answer")).fill(shown_text(step))
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.correct_title", T("check.correct"))
            expected[step.id] = "helped"

        elif isinstance(step, OrderStep):
            expect(area).to_contain_text(T("player.order_help"))
            assert put_in_order(page, step) > 0, "the items were shown in the right order"
            click(button(area, "player.check"))
            expect_feedback(page, "feedback.correct_title", T("check.correct"))
            did["order"] += 1
            expected[step.id] = "alone"

        elif isinstance(step, EmailStep):  # the practice app: New email, type it, Send
            write_email(page, area, step)
            expect_feedback(page, "feedback.correct_title", T("check.correct"))
            expected[step.id] = "alone"

        elif isinstance(step, DoStep):
            expect(area).to_contain_text(first_paragraph(step.task))
            for item in step.checklist:  # the senior ticks each thing as they do it
                box = area.get_by_role("checkbox", name=words(item))
                tick(area, item)
                settle(page)
                expect(box).to_be_checked()
            group = autonomy_group(page)
            tick(group, T("autonomy.hinted"))  # the mentor's one tap
            settle(page)
            expect(group.get_by_role("radio", name=T("autonomy.hinted"))).to_be_checked()
            did["mentor tap"] += 1
            expected[step.id] = "hinted"

        else:
            raise AssertionError(f"this walk cannot do step {step.id} (kind {step.kind}) yet")

        if step.checked:  # the coach panel says what was inferred
            level = T(f"autonomy.{expected[step.id]}")
            expect(coach).to_contain_text(T("coach.inferred", level=level))
            expect(autonomy_group(page).get_by_role("radio", name=level)).to_be_checked()

        go_next(page)
        if n == RELOAD_AFTER:
            reload_and_resume(page, lesson, n + 1)

    assert did >= Counter(["wrong choice", "hint", "wrong text", "answer shown", "order",
                           "mentor tap"]), did

    # --- The summary -------------------------------------------------------------------
    counts = Counter(expected.values())
    expect(main(page)).to_contain_text(T("summary.well_done", name=SENIOR))
    for level in ("alone", "hinted", "helped"):
        metric = page.get_by_test_id("stMetric").filter(has_text=T(f"autonomy.{level}"))
        expect(metric.get_by_test_id("stMetricValue")).to_have_text(str(counts[level]))
    run = query(app_server.db_path, "select id from runs")
    assert len(run) == 1, "one run for the whole lesson, also across the reload"
    seconds = query(app_server.db_path, "select sum(seconds) from step_results "
                    "where run_id = ?", run[0]["id"])[0][0]
    assert seconds > 0
    minutes = max(1, round(seconds / 60))
    time_metric = page.get_by_test_id("stMetric").filter(has_text=T("summary.time"))
    expect(time_metric.get_by_test_id("stMetricValue")).to_have_text(
        T("summary.minutes", n=minutes))
    expect(main(page)).to_contain_text(T("summary.sentence", alone=counts["alone"],
                                         hinted=counts["hinted"], helped=counts["helped"],
                                         minutes=minutes))
    expect(main(page)).not_to_contain_text(T("summary.skipped", n=0).removeprefix("0"))

    check_database(app_server.db_path, lesson, expected, wrong_first)


def write_email(page: Page, area, step: EmailStep) -> None:
    """A compose step of the email practice app: New email, the worked solution's To,
    Subject and Message typed in, Send."""
    assert step.task == "compose", f"this walk writes new emails only, not {step.task}"
    expect(area).to_contain_text(first_paragraph(step.prompt))
    click(area.get_by_role("button", name=T("email.new")))
    fields = email_to_write(step)
    for field, value in fields.items():
        key = "email.message" if field == "body" else f"email.{field}"
        box = area.get_by_role("textbox", name=T(key), exact=True)
        box.fill(value)
    # "Send", not "Close without sending"
    click(area.get_by_role("button", name=re.compile(rf"(^|\s){re.escape(T('email.send'))}$")))
    expect(area).to_contain_text(T("email.sent", to=fields["to"]))


def reload_and_resume(page: Page, lesson, n: int) -> None:
    "Reload the page: the same step comes back with a welcome, and the past is kept."
    assert lesson.steps[n - 2].checked, "reload after a checked step, to see it kept"
    expect_step(page, n, len(lesson.steps))
    page.reload()
    wait_for_app(page)
    expect_step(page, n, len(lesson.steps))
    expect(main(page)).to_contain_text(T("player.welcome_back"))
    expect(coach_panel(page)).to_be_visible()  # still a pair
    expect(page).to_have_url(re.compile(r"senior=\d+&junior=\d+&lesson="))

    # The step done before the reload is still done: back to it.
    click(button(page, "player.back"))
    expect_step(page, n - 1, len(lesson.steps))
    expect(main(page)).not_to_contain_text(T("player.welcome_back"))
    area = senior_area(page)
    expect(button(area, "player.check")).to_be_disabled()
    expect(button(area, "player.next")).to_be_visible()  # not "Skip for now"
    expect(coach_panel(page)).to_contain_text(T("coach.inferred", level=T("autonomy.alone")))
    go_next(page)
    expect_step(page, n, len(lesson.steps))


def check_database(db_path, lesson, expected: dict[str, str], wrong_first: list[str]) -> None:
    "The SQLite file holds the people, the pair sessions, the attempts and the autonomy."
    people = {r["name"]: r for r in query(db_path, "select * from people")}
    assert set(people) == {SENIOR, JUNIOR}
    assert people[SENIOR]["role"] == "senior" and people[JUNIOR]["role"] == "junior"
    senior_id, junior_id = people[SENIOR]["id"], people[JUNIOR]["id"]

    sessions = query(db_path, "select * from sessions")
    assert sessions and all(s["mode"] == "pair" and s["senior_id"] == senior_id
                            and s["junior_id"] == junior_id for s in sessions)

    (run,) = query(db_path, "select * from runs")
    assert (run["person_id"], run["pack_id"], run["lesson_id"], run["mode"]) == \
        (senior_id, "email-basics", "first-email", "pair")
    assert run["completed_at"] is not None

    results = {r["step_id"]: r for r in query(
        db_path, "select * from step_results where run_id = ?", run["id"])}
    assert set(results) == {s.id for s in lesson.steps}, "every step has a result"
    for step in lesson.steps:
        r = results[step.id]
        assert r["status"] == "done", step.id
        if step.checked or step.kind == "do":
            assert r["autonomy"] == expected[step.id], (step.id, r["autonomy"])
            assert r["autonomy_by"] == ("mentor" if step.kind == "do" else "inferred"), step.id
        else:
            assert r["autonomy"] is None, step.id

    attempts = query(db_path, "select * from attempts where run_id = ? order by id", run["id"])
    by_step: dict[str, list] = {}
    for a in attempts:
        by_step.setdefault(a["step_id"], []).append(a)
        assert a["person_id"] == senior_id and a["session_id"] is not None
        assert a["autonomy"] in ("alone", "hinted", "helped"), dict(a)
    checked = [s for s in lesson.steps if s.checked]
    assert set(by_step) == {s.id for s in checked}
    for step in checked:
        outcomes = [a["outcome"] for a in by_step[step.id]]
        assert outcomes == (["wrong", "correct"] if step.id in wrong_first
                            else ["correct"]), (step.id, outcomes)
        assert by_step[step.id][-1]["autonomy"] == expected[step.id], step.id
    hinted = [a for a in attempts if a["outcome"] == "correct" and a["hints_used"]]
    shown = [a for a in attempts if a["answer_shown"]]
    assert [a["step_id"] for a in hinted] == [k for k, v in expected.items()
                                              if v == "hinted" and k in by_step]
    assert [a["step_id"] for a in shown] == [k for k, v in expected.items() if v == "helped"]
