"""A small demo: a few seniors and juniors, some lessons done, so a first run looks alive."""

from __future__ import annotations

from sqlite_utils import Database

from .checking import correct_answer, infer_autonomy
from .packs import Catalogue
from .store import people, progress

DEMO_PEOPLE = [
    ("Marie Dupont", "senior", "fr", "larger"),
    ("Robert Martin", "senior", "en", "large"),
    ("Josiane Leroy", "senior", "fr", "largest"),
    ("Léa Moreau", "junior", "fr", "large"),
    ("Sam Taylor", "junior", "en", "large"),
]


def seed(db: Database, catalogue: Catalogue, reset: bool = False) -> str:
    "Add the demo people and some progress; does nothing if people exist (unless reset)."
    if not reset and db["people"].exists() and db["people"].count:
        return "the database already has people: demo not added"
    made = {name: people.create_person(db, name, role, lang, size)
            for name, role, lang, size in DEMO_PEOPLE}
    robert, lea, marie = made["Robert Martin"], made["Léa Moreau"], made["Marie Dupont"]
    pairs = [(robert, made["Sam Taylor"], "en"), (marie, lea, "fr")]
    runs = 0
    for senior, junior, lang in pairs:
        packs = [lp for lp in catalogue.packs.values()
                 if lp.pack.base_language == lang and lp.pack.topic == "email"]
        if not packs or not packs[0].lessons:
            continue
        lp = packs[0]
        lesson = next(iter(lp.lessons.values()))
        session_id = progress.start_session(db, "pair", senior.id, junior.id)
        run = progress.open_run(db, senior.id, lp.id, lesson.id, "pair", session_id)
        for n, step in enumerate(lesson.steps):
            hints = 1 if n % 3 == 2 and step.hints else 0
            for _ in range(hints):
                progress.record_hint(db, run.id, step.id)
            autonomy = infer_autonomy(hints, False) if step.checked or step.kind == "do" else None
            if step.checked:
                progress.record_attempt(db, progress.Attempt(
                    run.id, senior.id, lp.id, lesson.id, step.id, correct_answer(step),
                    "correct", "demo", hints, False, autonomy, 20_000, session_id))
            progress.complete_step(db, run.id, step.id, autonomy, 60 + 15 * n)
        progress.complete_run(db, run.id)
        progress.end_session(db, session_id)
        runs += 1
    return f"demo added: {len(made)} people, {runs} lesson(s) done in pairs"
