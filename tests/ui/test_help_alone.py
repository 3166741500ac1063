"""Alone on a task for real: "I need help" gives the hints one by one, then the solution."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

from curriculum.packs import load_catalogue
from curriculum.render import plain_text

ROOT = Path(__file__).resolve().parents[2]


def _lesson(ref: str):
    return load_catalogue([ROOT / "lessons"]).lesson(*ref.split("/"))


def _to_do_step(at, lesson):
    while True:
        index = int(next(p.proto.text for p in at.get("progress")).split()[1]) - 1
        if lesson.steps[index].kind == "do":
            return lesson.steps[index]
        next(b for b in at.button if b.key and b.key.startswith("player.next")).click().run()


def _help(at):
    return next(b for b in at.button if b.key and b.key.startswith("player.needhelp"))


def _text(at) -> str:
    return " ".join([*(m.value for m in at.markdown),
                     *(html.unescape(h.proto.body) for h in at.get("html"))])


def test_hints_come_one_at_a_time_then_the_solution(make_app, people, db_file):
    lesson = _lesson("email-basics/first-email")
    at = make_app("player", who__senior=people["senior"], player__lesson="email-basics/first-email")
    step = _to_do_step(at, lesson)
    assert len(step.hints) == 2 and step.solution
    assert not [b for b in at.button if b.key and b.key.startswith(("player.hint",
                                                                    "player.answer_btn"))]
    assert _help(at).label == "I need help"
    first, second = (plain_text(h)[:20] for h in step.hints)
    _help(at).click().run()
    assert first in _text(at) and second not in _text(at)
    assert "Hint 1" in _text(at) and "The answer" not in _text(at)
    assert _help(at).label == "I need more help"
    _help(at).click().run()
    assert second in _text(at) and "The answer" not in _text(at)
    _help(at).click().run()
    assert "The answer" in _text(at)
    assert _help(at).disabled
    assert not at.info or "someone you trust" not in at.info[0].value
    next(b for b in at.button if b.key and b.key.startswith("player.done")).click().run()
    with sqlite3.connect(db_file) as conn:
        row = conn.execute("select hints_used, answer_shown, autonomy, status from step_results"
                           " where step_id = ?", [step.id]).fetchone()
    assert row == (2, 1, "helped", "done")


def test_ask_someone_you_trust_only_when_the_pack_gives_nothing(make_app, people):
    lesson = _lesson("examples/step-kinds")
    at = make_app("player", who__senior=people["senior"], player__lesson="examples/step-kinds")
    step = _to_do_step(at, lesson)
    assert not step.hints and not step.solution
    _help(at).click().run()
    assert any("someone you trust" in i.value for i in at.info)
