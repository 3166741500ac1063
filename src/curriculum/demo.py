"""A living demo programme, so that a first run shows pairs at work and a full dashboard.

`seed(db, catalogue)` adds a coordinator (PIN `DEMO_PIN`: change it), 12 seniors and
10 juniors with their profiles, 9 accepted pairs with their agreements, and the last
weeks of pair sessions: lessons walked in English and French with attempts, hints and
autonomy, notes, feedback both ways and next plans. Two pairs need attention: one has
not met for four weeks, one's feedback is falling. Three seniors are still waiting for a
partner, for the pairs page to propose. Everything is dated relative to `now`, and the
same `now` gives the same programme (the randomness is seeded).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from . import clock, today
from .checking import correct_answer
from .model import Lesson
from .packs import Catalogue
from .review.schedule import Try
from .store import agreements, pairs, people, write

DEMO_PIN = "1234"  # the demo coordinator's PIN: change it (README)
COORDINATOR = ("Claire Bernard", "fr")

# name, interface language, languages spoken, site (None: remote), slots, topics, text size
SENIORS = [
    ("Marie Dupont", "fr", ["fr"], "Lyon", ["tue-am", "thu-am"],
     {"email": 1, "messaging": 1, "social-media": 1}, "larger"),
    ("Robert Martin", "en", ["en", "fr"], "Paris", ["mon-pm", "tue-am"],
     {"email": 2, "spreadsheets": 1}, "large"),
    ("Josiane Leroy", "fr", ["fr"], "Lyon", ["wed-am", "fri-am"],
     {"spreadsheets": 1, "email": 2}, "largest"),
    ("Bernard Petit", "fr", ["fr"], "Paris", ["mon-am", "thu-pm"],
     {"messaging": 1, "social-media": 1}, "larger"),
    ("Margaret Hughes", "en", ["en"], None, ["tue-pm", "wed-pm"],
     {"social-media": 1, "messaging": 2}, "larger"),
    ("Gérard Lambert", "fr", ["fr"], "Lyon", ["thu-am", "fri-am"],
     {"spreadsheets": 2, "email": 1}, "large"),
    ("Helen Carter", "en", ["en"], "Paris", ["mon-am", "wed-am"],
     {"email": 1, "spreadsheets": 1}, "larger"),
    ("Michel Fontaine", "fr", ["fr", "en"], "Paris", ["tue-pm", "thu-pm"],
     {"social-media": 1, "spreadsheets": 2}, "large"),
    ("David Okafor", "en", ["en"], None, ["wed-pm", "fri-pm"],
     {"messaging": 1, "email": 2}, "large"),
    ("Françoise Girard", "fr", ["fr"], "Lyon", ["mon-pm", "wed-pm"],
     {"email": 1, "social-media": 1}, "largest"),
    ("Annie Rousseau", "fr", ["fr"], "Paris", ["tue-am", "fri-am"],
     {"messaging": 1, "spreadsheets": 1}, "larger"),
    ("Peter Walsh", "en", ["en"], "Paris", ["thu-am", "fri-pm"],
     {"spreadsheets": 1, "social-media": 2}, "large"),
]
# name, interface language, languages, site, slots, topics (confidence), capacity, manager
JUNIORS = [
    ("Léa Moreau", "fr", ["fr", "en"], "Lyon", ["tue-am", "thu-am", "fri-am"],
     {"email": 3, "messaging": 3, "social-media": 2}, 2, None),
    ("Sam Taylor", "en", ["en"], "Paris", ["mon-pm", "tue-am", "wed-am"],
     {"email": 3, "spreadsheets": 3}, 2, None),
    ("Hugo Lefèvre", "fr", ["fr"], "Paris", ["mon-am", "thu-pm"],
     {"messaging": 3, "social-media": 3}, 2, "Bernard Petit"),
    ("Chloé Martin", "fr", ["fr", "en"], None, ["wed-am", "fri-am", "tue-pm"],
     {"spreadsheets": 3, "email": 2}, 2, None),
    ("Priya Shah", "en", ["en", "fr"], None, ["tue-pm", "wed-pm"],
     {"social-media": 3, "messaging": 2}, 1, None),
    ("Yanis Benali", "fr", ["fr"], "Lyon", ["thu-am", "fri-am", "mon-pm"],
     {"spreadsheets": 3, "email": 3}, 2, None),
    ("Emma Wilson", "en", ["en"], "Paris", ["mon-am", "wed-am"],
     {"email": 3, "spreadsheets": 2}, 1, None),
    ("Lucas Bernard", "fr", ["fr", "en"], "Paris", ["tue-pm", "thu-pm"],
     {"social-media": 3, "spreadsheets": 2}, 2, None),
    ("Nina Kowalski", "en", ["en"], None, ["wed-pm", "fri-pm"],
     {"messaging": 3, "email": 2}, 1, None),
    ("Théo Garnier", "fr", ["fr"], "Lyon", ["mon-pm", "wed-pm"],
     {"social-media": 2, "email": 3}, 2, None),
]


@dataclass(frozen=True)
class DemoPair:
    senior: str
    junior: str
    lang: str  # the packs they use
    goals: tuple[str, ...]
    own_goal: str
    weeks: int  # accepted this many weeks ago
    every: int = 7  # days between sessions
    skill: float = 0.0  # how quickly the senior gets going alone
    story: str = ""  # "quiet": no session for 4 weeks; "falling": feedback falls;
    # "unconfirmed": the junior has not confirmed yet; "new": accepted, not met yet


PAIRS = [
    DemoPair("Marie Dupont", "Léa Moreau", "fr", ("courriel-bases", "messagerie-bases"),
             "Envoyer des photos à mes petits-enfants", 6, skill=0.05),
    DemoPair("Robert Martin", "Sam Taylor", "en", ("email-basics", "spreadsheet-basics"),
             "Keep my club's accounts in a spreadsheet", 7, skill=0.15),
    DemoPair("Josiane Leroy", "Chloé Martin", "fr", ("tableur-bases",),
             "Faire mon budget du mois sans calculatrice", 6, every=14),
    DemoPair("Bernard Petit", "Léa Moreau", "fr",
             ("messagerie-bases", "reseaux-sociaux-bases/privacy-and-scams"),
             "Ne plus me faire avoir par les faux messages", 8, story="quiet"),
    DemoPair("Margaret Hughes", "Priya Shah", "en", ("social-media-basics",),
             "Follow my grandson's football club online", 5, skill=0.1, story="falling"),
    DemoPair("Gérard Lambert", "Yanis Benali", "fr", ("tableur-bases", "courriel-bases"),
             "Envoyer mes relevés de jardin au club", 5, skill=0.1),
    DemoPair("Helen Carter", "Emma Wilson", "en", ("email-basics/first-email",
             "spreadsheet-basics"), "Answer my emails without asking my son", 4,
             story="unconfirmed"),
    DemoPair("Michel Fontaine", "Lucas Bernard", "fr", ("reseaux-sociaux-bases",),
             "Partager les photos de la chorale", 4, every=14, skill=0.2),
    DemoPair("David Okafor", "Nina Kowalski", "en", ("messaging-basics",),
             "Video-call my sister in Lagos", 1, story="new"),
]

NOTES = {
    "en": ["We went through the lesson at a calm pace.",
           "Lots of questions today, all good ones.",
           "Practised on the real phone at the end.",
           "Short session: a meeting ran late."],
    "fr": ["Nous avons fait la leçon tranquillement.",
           "Beaucoup de questions aujourd'hui, toutes bonnes.",
           "Nous avons essayé sur le vrai téléphone à la fin.",
           "Séance courte : une réunion a débordé."],
}
COMMENTS = {
    "en": ["Very patient, thank you.", "Clear explanations.", "I felt at ease.", "",
           "A bit fast for me today.", "Please slow down when you show the screen."],
    "fr": ["Très patiente, merci.", "Des explications claires.", "Je me suis senti à l'aise.",
           "", "Un peu rapide pour moi aujourd'hui.", "Allez plus doucement sur l'écran."],
}
WENT_WELL = {
    "en": ["The senior did most steps alone.", "We laughed a lot; the order step clicked.",
           "Good questions about safety."],
    "fr": ["Presque toutes les étapes faites sans aide.",
           "On a bien ri ; l'étape d'ordre est passée.",
           "De bonnes questions sur la sécurité."],
}
DIFFERENTLY = {
    "en": ["Let them type without my help for longer.", "Use larger text from the start.",
           "Explain the words before the steps."],
    "fr": ["Laisser taper plus longtemps sans aider.", "Mettre le texte en grand dès le début.",
           "Expliquer les mots avant les étapes."],
}
LEARNT = {
    "en": ["How they organised paper files for 30 years.", "A good way to remember passwords.",
           "Patience, and the history of our company."],
    "fr": ["Comment classer des dossiers papier pendant 30 ans.",
           "Une bonne astuce pour retenir les mots de passe.",
           "La patience, et l'histoire de notre entreprise."],
}
NEXT = {"en": "Start “{lesson}”, then practise the last one again.",
        "fr": "Commencer « {lesson} », puis refaire un peu la précédente."}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _slot_time(day: datetime, slot: str) -> datetime:
    "The first day on or after `day` at the slot (09:30 in the morning, 14:00 after noon)."
    weekday = DAYS.index(slot[:3])
    base = day + timedelta(days=(weekday - day.weekday()) % 7)
    hour, minute = (9, 30) if slot.endswith("am") else (14, 0)
    return base.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _lessons(catalogue: Catalogue, pair: DemoPair) -> list[tuple[str, Lesson]]:
    "The lessons the pair walks: its goals first, then the other packs in its language."
    order: list[tuple[str, Lesson]] = []
    packs = [lp for lp in catalogue.packs.values()
             if lp.pack.base_language == pair.lang and lp.pack.topic != "other"]
    for goal in pair.goals:
        pack_id, _, lesson_id = goal.partition("/")
        lp = catalogue.packs.get(pack_id)
        if lp is not None:
            order += [(pack_id, lesson) for lid, lesson in lp.lessons.items()
                      if not lesson_id or lid == lesson_id]
    for lp in packs:
        order += [(lp.id, lesson) for lesson in lp.lessons.values()]
    return list({(p, lesson.id): (p, lesson) for p, lesson in order}.values())


class _Seeder:
    def __init__(self, db: Database, catalogue: Catalogue, now: datetime, rng: random.Random):
        self.db, self.catalogue, self.now, self.rng = db, catalogue, now, rng
        self.counts = {"sessions": 0, "runs": 0, "attempts": 0, "feedback": 0}

    def person(self, name: str, role: str, lang: str, languages: list[str], site: str | None,
               slots: list[str], topics: dict[str, int], size: str = "large",
               capacity: int | None = None) -> int:
        made = people.create_person(self.db, name, role, lang, size)
        people.save_profile(self.db, made.id, languages=languages, site=site,
                            remote=site is None, availability=slots, capacity=capacity)
        people.set_interests(self.db, made.id, topics)
        return made.id

    def pair(self, demo: DemoPair, senior_id: int, junior_id: int, slot: str) -> None:
        accepted = self.now - timedelta(weeks=demo.weeks, days=2)
        match = pairs.check(self.db, senior_id, junior_id)  # the matcher's words for it
        pair_id = int(self.db["pairs"].insert({
            "senior_id": senior_id, "junior_id": junior_id, "status": "active",
            "score": match.score, "explanation": json.dumps(
                [r.to_dict() for r in match.reasons], ensure_ascii=False),
            "warnings": json.dumps([r.to_dict() for r in match.problems]), "hand_made": 0,
            "created_at": _stamp(accepted - timedelta(days=1)),
            "accepted_at": _stamp(accepted)}).last_pk)
        saved = agreements.save_agreement(self.db, agreements.Agreement(
            pair_id, demo.goals, demo.own_goal, 6 if demo.every == 7 else 4,
            60, "weekly" if demo.every == 7 else "fortnightly",
            agreements.default_rules(demo.lang)))
        confirmed = _stamp(accepted + timedelta(days=1))
        self.db["agreements"].update(saved.id, {
            "updated_at": _stamp(accepted + timedelta(hours=20)),
            "senior_confirmed_at": confirmed,
            "junior_confirmed_at": None if demo.story == "unconfirmed" else confirmed})
        if demo.story == "new":
            return
        lessons = _lessons(self.catalogue, demo)
        start = _slot_time(accepted + timedelta(days=1), slot)
        last = self.now - timedelta(weeks=4) if demo.story == "quiet" else self.now
        when, n = start, 0
        while when < last - timedelta(hours=20) and n < len(lessons):
            lesson_after = lessons[n + 1][1].title if n + 1 < len(lessons) else ""
            self.session(demo, pair_id, senior_id, junior_id, when, n, lessons[n],
                         lesson_after, final=when + timedelta(days=demo.every) >= last)
            when += timedelta(days=demo.every)
            n += 1

    def session(self, demo: DemoPair, pair_id: int, senior_id: int, junior_id: int,
                start: datetime, n: int, walk: tuple[str, Lesson], lesson_after: str,
                final: bool) -> None:
        rng, lang = self.rng, demo.lang
        session_id = int(self.db["sessions"].insert({
            "mode": "pair", "senior_id": senior_id, "junior_id": junior_id,
            "pair_id": pair_id, "started_at": _stamp(start)}).last_pk)
        pack_id, lesson = walk
        half = final and demo.story == ""  # the latest lesson is still under way
        moment = start + timedelta(minutes=10)  # hello, coffee, the agenda
        run_id = int(self.db["runs"].insert({
            "person_id": senior_id, "session_id": session_id, "mode": "pair",
            "pack_id": pack_id, "lesson_id": lesson.id, "current_step": None,
            "started_at": _stamp(moment), "updated_at": _stamp(moment),
            "completed_at": None}).last_pk)
        steps = lesson.steps[: max(2, len(lesson.steps) // 2)] if half else lesson.steps
        levels = self.levels([st for st in steps if st.kind != "explain"],
                             min(0.95, 0.2 + demo.skill + 0.14 * n))
        for step in steps:
            seconds = rng.randint(90, 260)
            moment += timedelta(seconds=seconds)
            autonomy = levels.get(step.id)
            hints = 1 if autonomy == "hinted" else 0
            shown = autonomy == "helped" and step.checked
            tries = 0
            if step.checked:
                if autonomy != "alone":
                    self.attempt(run_id, session_id, senior_id, pack_id, lesson.id, step.id,
                                 "?", "wrong", hints, shown, autonomy, moment - timedelta(
                                     seconds=seconds // 2))
                    tries += 1
                self.attempt(run_id, session_id, senior_id, pack_id, lesson.id, step.id,
                             correct_answer(step), "correct", hints, shown, autonomy, moment)
                tries += 1
            if step.checked:  # what needed help comes back in today's practice
                today.record_try(self.db, senior_id, pack_id, lesson.id, step,
                                 Try(hints, shown, True, autonomy != "alone"), moment)
            self.db["step_results"].insert({
                "run_id": run_id, "step_id": step.id, "status": "done", "attempts": tries,
                "hints_used": hints, "answer_shown": int(shown), "autonomy": autonomy,
                "autonomy_by": "mentor" if autonomy else None, "seconds": seconds,
                "updated_at": _stamp(moment), "completed_at": _stamp(moment)})
        done = None if half else _stamp(moment)
        self.db["runs"].update(run_id, {"current_step": steps[-1].id if half else
                                        lesson.steps[-1].id, "updated_at": _stamp(moment),
                                        "completed_at": done})
        end = max(moment + timedelta(minutes=rng.randint(5, 12)),
                  start + timedelta(minutes=rng.randint(45, 65)))  # talk, plan, goodbye
        self.db["sessions"].update(session_id, {
            "ended_at": _stamp(end), "notes": rng.choice(NOTES[lang])})
        self.feedback(demo, session_id, senior_id, junior_id, n, end, lesson_after
                      or lesson.title)
        self.counts["sessions"] += 1
        self.counts["runs"] += 1

    def levels(self, steps: list, share_alone: float) -> dict[str, str]:
        "How the senior did each step: this share of them alone, the others with help."
        alone = set(self.rng.sample(range(len(steps)), round(share_alone * len(steps))))
        return {st.id: "alone" if i in alone else
                "hinted" if st.hints and self.rng.random() < 0.6 else "helped"
                for i, st in enumerate(steps)}

    def attempt(self, run_id: int, session_id: int, person_id: int, pack_id: str,
                lesson_id: str, step_id: str, answer: object, outcome: str, hints: int,
                shown: bool, autonomy: str | None, moment: datetime) -> None:
        self.db["attempts"].insert({
            "run_id": run_id, "session_id": session_id, "person_id": person_id,
            "pack_id": pack_id, "lesson_id": lesson_id, "step_id": step_id,
            "answer": json.dumps(answer, ensure_ascii=False), "outcome": outcome,
            "rule": "demo", "hints_used": hints, "answer_shown": int(shown),
            "autonomy": autonomy, "duration_ms": self.rng.randint(8_000, 60_000),
            "created_at": _stamp(moment)})
        self.counts["attempts"] += 1

    def feedback(self, demo: DemoPair, session_id: int, senior_id: int, junior_id: int,
                 n: int, end: datetime, next_lesson: str) -> None:
        rng, lang = self.rng, demo.lang
        if demo.story == "falling":
            base = (5, 5, 4, 3, 2, 2)[min(n, 5)]
            scores = {k: max(1, min(5, base - (k == "patience"))) for k in
                      ("tact", "patience", "clarity", "respect")}
            comment = COMMENTS[lang][4 if n >= 2 else 0]
        else:
            scores = {k: rng.choice((4, 5, 5)) for k in ("tact", "patience", "clarity",
                                                          "respect")}
            comment = rng.choice(COMMENTS[lang][:4])
        self.db["feedback"].insert({
            "session_id": session_id, "author_id": senior_id, "role": "senior", **scores,
            "comment": comment or None, "created_at": _stamp(end)})
        self.db["feedback"].insert({
            "session_id": session_id, "author_id": junior_id, "role": "junior",
            "went_well": rng.choice(WENT_WELL[lang]),
            "do_differently": rng.choice(DIFFERENTLY[lang]),
            "learnt": rng.choice(LEARNT[lang]),
            "next_plan": NEXT[lang].format(lesson=next_lesson),
            "created_at": _stamp(end + timedelta(minutes=2))})
        self.counts["feedback"] += 2


def seed(db: Database, catalogue: Catalogue, reset: bool = False,
         now: datetime | None = None) -> str:
    "Add the demo programme; does nothing if people exist (unless reset)."
    if not reset and db["people"].exists() and db["people"].count:
        return "the database already has people: demo not added"
    now = (now or clock.now()).astimezone(UTC)
    seeder = _Seeder(db, catalogue, now, random.Random(2024))
    with write(db):
        name, lang = COORDINATOR
        coordinator = seeder.person(name, "coordinator", lang, ["fr", "en"], "Lyon", [], {})
        people.set_pin(db, coordinator, DEMO_PIN)
        ids: dict[str, int] = {}
        for name, lang, spoken, site, slots, topics, size in SENIORS:
            ids[name] = seeder.person(name, "senior", lang, spoken, site, slots, topics, size)
        for name, lang, spoken, site, slots, topics, capacity, _ in JUNIORS:
            ids[name] = seeder.person(name, "junior", lang, spoken, site, slots, topics,
                                      capacity=capacity)
        for name, *_, manager in JUNIORS:
            if manager:
                people.save_profile(db, ids[name], manager_id=ids[manager])
        slots = {name: row[4] for row in SENIORS for name in [row[0]]}
        for demo in PAIRS:
            seeder.pair(demo, ids[demo.senior], ids[demo.junior], slots[demo.senior][0])
    c = seeder.counts
    return (f"demo added: {len(ids) + 1} people (coordinator {COORDINATOR[0]}, PIN "
            f"{DEMO_PIN}: change it), {len(PAIRS)} pairs, {c['sessions']} sessions, "
            f"{c['attempts']} attempts, {c['feedback']} feedback notes")
