"""Benchmark: the lesson player's rerun time with 100,000 attempts in the database.

Builds a temporary progress database (curriculum.store.open_db, real schema) holding
100,000 attempts from 200 seniors and 40 juniors over many sessions and runs of the bundled
lessons, with consistent foreign keys (people, sessions, runs, step_results, attempts). One
senior has an unfinished run in the middle of email-basics/first-email.

Then, with streamlit.testing.v1.AppTest on the real app.py, it times reruns (`at.run()`
with nothing clicked) of:

- an EMPTY Streamlit page (one st.write): AppTest's own cost, the baseline;
- the player page on a minimal database (the pair of people, the unfinished run, nothing
  else), at the same step, so only the size of the database differs;
- the player page on the 100,000-attempt database;
- the senior's home page (today's practice) on that database with 10,000 review items
  (40 of them overdue for the senior: the page shows 8); its ratio to the empty page.

The three are interleaved rerun by rerun, so a busy machine slows all of them alike.
"Overhead" is our median minus the empty page's median. Last, it prints the SQL one player
rerun runs, and `EXPLAIN QUERY PLAN` of the store queries the player and catalogue use,
flagging full scans of the big tables.

    .venv/bin/python benchmarks/bench_player.py            # 100,000 attempts, 30 reruns
    .venv/bin/python benchmarks/bench_player.py --quick    # 10,000 attempts, 10 reruns
    .venv/bin/python benchmarks/bench_player.py --profile  # + cProfile of player reruns

Not a test: nothing here is collected by pytest (testpaths = tests).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import os
import platform
import pstats
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout even without `pip install -e`
sys.path.insert(0, str(REPO / "benchmarks"))  # bench_validate, for --extra-packs

import curriculum.store as store  # noqa: E402
from curriculum.packs import load_catalogue  # noqa: E402
from curriculum.store import progress, review_items  # noqa: E402

APP = REPO / "app.py"
PLAYER = "src/curriculum/ui/pages/player.py"
HOME = "src/curriculum/ui/pages/today.py"  # a senior alone lands here when practice waits
LESSON = "email-basics/first-email"
RESUME_AT = "address"  # the unfinished run stopped at this step (the 4th)
SENIORS, JUNIORS = 200, 40
BIG_TABLES = ("attempts", "runs", "step_results", "sessions", "people", "review_items")
CHECKED = ("choice", "text", "order")


# --------------------------------------------------------------------------- the data
def _lessons() -> list[tuple[str, str, list[tuple[str, str]]]]:
    "(pack, lesson, [(step id, kind)]) of every bundled lesson."
    cat = load_catalogue([REPO / "lessons"])
    if cat.errors:
        raise SystemExit(f"the bundled lessons have errors: {cat.errors[0]}")
    return [(pid, lid, [(s.id, s.kind) for s in lesson.steps])
            for pid, lp in sorted(cat.packs.items()) for lid, lesson in lp.lessons.items()]


def _answer(rnd: random.Random, kind: str, step_id: str, right: bool) -> str:
    if kind == "choice":
        return json.dumps([step_id if right else f"{step_id}-not"])
    if kind == "order":
        items = ["new", "to", "subject", "message", "send"]
        if not right:
            rnd.shuffle(items)
        return json.dumps(items)
    return json.dumps("sam@example.org" if right else rnd.choice(
        ["sam@exemple.org", "sam example.org", "Tea on sunday please come", "samexample"]))


class Builder:
    "Rows for every table, with explicit ids so the foreign keys hold."

    def __init__(self, seed: int = 42) -> None:
        self.rnd = random.Random(seed)
        self.rows: dict[str, list[dict]] = {t: [] for t in
                                            ("people", "sessions", "runs", "step_results",
                                             "attempts", "review_items")}
        self.clock = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)

    def tick(self, seconds: int) -> str:
        self.clock += timedelta(seconds=seconds)
        return self.clock.isoformat(timespec="seconds")

    def person(self, name: str, role: str) -> int:
        pid = len(self.rows["people"]) + 1
        self.rows["people"].append({
            "id": pid, "name": name, "role": role, "language": self.rnd.choice(["en", "fr"]),
            "text_size": self.rnd.choice(["large", "larger", "largest"]),
            "created_at": self.tick(60)})
        return pid

    def session(self, senior: int, junior: int | None) -> int:
        sid = len(self.rows["sessions"]) + 1
        start = self.tick(3600)
        self.rows["sessions"].append({
            "id": sid, "mode": "pair" if junior else "solo", "senior_id": senior,
            "junior_id": junior, "pair_id": None, "started_at": start,
            "ended_at": None if self.rnd.random() < 0.3 else self.tick(1), "notes": None})
        return sid

    def run(self, senior: int, sid: int, mode: str, pack: str, lesson: str,
            steps: list[tuple[str, str]], stop_at: int | None = None) -> int:
        "A walk through a lesson; stop_at: the index of the step it stopped at (unfinished)."
        rnd, rid = self.rnd, len(self.rows["runs"]) + 1
        started = self.tick(60)
        walked = steps if stop_at is None else steps[:stop_at]
        for step_id, kind in walked:
            tries = rnd.choice([1, 1, 1, 2, 2, 3, 4]) if kind in CHECKED else 0
            hints = rnd.choice([0, 0, 0, 1, 2]) if kind in CHECKED else 0
            shown = int(kind in CHECKED and rnd.random() < 0.08)
            autonomy = None if kind == "explain" else (
                "helped" if shown else "hinted" if hints else "alone")
            for n in range(tries):
                self.rows["attempts"].append({
                    "id": len(self.rows["attempts"]) + 1, "run_id": rid, "session_id": sid,
                    "person_id": senior, "pack_id": pack, "lesson_id": lesson,
                    "step_id": step_id, "answer": _answer(rnd, kind, step_id, n == tries - 1),
                    "outcome": "correct" if n == tries - 1 else "wrong",
                    "rule": None if n == tries - 1 else "otherwise", "hints_used": hints,
                    "answer_shown": shown, "autonomy": autonomy,
                    "duration_ms": rnd.randint(4_000, 120_000), "created_at": self.tick(40)})
            done = self.tick(30)
            self.rows["step_results"].append({
                "run_id": rid, "step_id": step_id, "status": "done", "attempts": tries,
                "hints_used": hints, "answer_shown": shown, "autonomy": autonomy,
                "autonomy_by": "mentor" if mode == "pair" and rnd.random() < 0.5 else
                "inferred", "seconds": rnd.randint(20, 400), "updated_at": done,
                "completed_at": done})
        end = self.tick(30)
        self.rows["runs"].append({
            "id": rid, "person_id": senior, "session_id": sid, "mode": mode, "pack_id": pack,
            "lesson_id": lesson,
            "current_step": steps[stop_at][0] if stop_at is not None else steps[-1][0],
            "started_at": started, "updated_at": end,
            "completed_at": None if stop_at is not None else end})
        return rid


def review(b: Builder, seniors: list[int], me: int, items: int,
           lessons: list[tuple[str, str, list[tuple[str, str]]]]) -> None:
    """`items` review items (fsrs cards) over the seniors; our senior has 40 overdue ones
    (a missed month: the home page must show 8 of them), the others are due later."""
    from fsrs import Card

    steps = [(p, lid, sid) for p, lid, ss in lessons for sid, kind in ss
             if kind != "explain" and kind != "do"]
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    seen: set[tuple] = set()
    while len(b.rows["review_items"]) < items:
        mine = len(b.rows["review_items"]) < 40
        who = me if mine else b.rnd.choice(seniors)
        pack, lesson, step = b.rnd.choice(steps)
        if (who, pack, lesson, step) in seen:
            continue
        seen.add((who, pack, lesson, step))
        due = now + timedelta(days=-b.rnd.randint(1, 40) if mine else b.rnd.randint(1, 90))
        card = Card(card_id=len(b.rows["review_items"]) + 1, due=due).to_dict()
        b.rows["review_items"].append({
            "id": len(b.rows["review_items"]) + 1, "person_id": who, "pack_id": pack,
            "lesson_id": lesson, "step_id": step, "card": json.dumps(card),
            "due": due.isoformat(timespec="seconds"), "reviews": b.rnd.randint(1, 9),
            "lapses": b.rnd.randint(0, 3), "last_grade": "hard", "created_at": b.tick(1),
            "updated_at": b.tick(1)})


def build(attempts: int, seed: int = 42, items: int = 0) -> tuple[Builder, int, int]:
    "Rows for ~`attempts` attempts; returns the builder, the senior and junior to play."
    b = Builder(seed)
    lessons = _lessons()
    seniors = [b.person(f"Senior {i:03d}", "senior") for i in range(1, SENIORS + 1)]
    juniors = [b.person(f"Junior {i:02d}", "junior") for i in range(1, JUNIORS + 1)]
    by_ref = {f"{p}/{lid}": (p, lid, steps) for p, lid, steps in lessons}
    me, my_junior = seniors[SENIORS // 2], juniors[0]
    # our senior has done this lesson twice before, and other lessons
    sid = b.session(me, my_junior)
    for _ in range(2):
        b.run(me, sid, "pair", *by_ref[LESSON])
    sessions: dict[int, tuple[int, int]] = {}  # senior -> (session, runs left in it)
    while len(b.rows["attempts"]) < attempts:
        senior = b.rnd.choice(seniors)
        sid, left = sessions.get(senior, (0, 0))
        junior = b.rnd.choice(juniors) if b.rnd.random() < 0.7 else None
        if left == 0:
            sid, left = b.session(senior, junior), b.rnd.randint(1, 5)
        mode = next(s["mode"] for s in reversed(b.rows["sessions"]) if s["id"] == sid)
        pack, lesson, steps = b.rnd.choice(lessons)
        if f"{pack}/{lesson}" == LESSON and senior == me:
            continue  # our senior's only unfinished run of this lesson comes last
        stop = b.rnd.randrange(len(steps)) if b.rnd.random() < 0.05 else None
        b.run(senior, sid, mode, pack, lesson, steps, stop)
        sessions[senior] = (sid, left - 1)
    resumable(b, me, my_junior, by_ref[LESSON])
    review(b, seniors, me, items, lessons)
    return b, me, my_junior


def resumable(b: Builder, senior: int, junior: int,
              lesson: tuple[str, str, list[tuple[str, str]]]) -> None:
    "The run to resume, stopped in the middle of the lesson (at RESUME_AT)."
    pack, lesson_id, steps = lesson
    stop = [s for s, _ in steps].index(RESUME_AT)
    b.run(senior, b.session(senior, junior), "pair", pack, lesson_id, steps, stop)


def build_minimal() -> tuple[Builder, int, int]:
    "The same senior, junior and unfinished run, and nothing else."
    b = Builder()
    me, junior = b.person("Marie", "senior"), b.person("Léa", "junior")
    resumable(b, me, junior, next(x for x in _lessons() if f"{x[0]}/{x[1]}" == LESSON))
    return b, me, junior


def fill(path: Path, b: Builder) -> dict[str, int]:
    "Insert every row in one write transaction; returns the row counts."
    db = store.open_db(path)
    try:
        with store.write(db):
            for table, rows in b.rows.items():  # parents first: the foreign keys hold
                db[table].insert_all(rows, batch_size=1000)
        bad = db.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise SystemExit(f"foreign key violations in the generated data: {bad[:5]}")
        return {t: db[t].count for t in b.rows}
    finally:
        db.close()


# --------------------------------------------------------------------------- the timing
def fast_apptest() -> None:
    "Skip AppTest's scan of installed packages for components (streamlit is pinned)."
    from streamlit.components.v2.component_manager import BidiComponentManager

    BidiComponentManager.discover_and_register_components = lambda self, *a, **k: None


class Target:
    "One AppTest and the database it must see."

    def __init__(self, name: str, db: Path | None, make: Callable[[], object]) -> None:
        self.name, self.db, self.make = name, db, make
        self.expect: tuple[list[str], list[str]] | None = None  # (titles, progress bars)
        self.at: object = None
        self.first: float = 0.0
        self.times: list[float] = []

    @contextmanager
    def env(self) -> Iterator[None]:
        if self.db is not None:
            os.environ["CURRICULUM_DB"] = str(self.db)
        yield

    def rerun(self) -> float:
        with self.env():
            start = time.perf_counter()
            self.at.run()  # type: ignore[attr-defined]
            elapsed = time.perf_counter() - start
        check(self)
        return elapsed


def _lesson_steps() -> list[str]:
    "The step ids of the benchmarked lesson, as the bundled pack has them now."
    from curriculum.packs import load_catalogue

    lesson = load_catalogue([REPO / "lessons"]).lesson(*LESSON.split("/"))
    assert lesson is not None and lesson.steps[3].id == RESUME_AT
    return [s.id for s in lesson.steps]


def check(t: Target) -> None:
    "Each rerun must render what we mean to time (not an error or another page)."
    at = t.at
    if at.exception:  # type: ignore[attr-defined]
        raise SystemExit(f"{t.name}: the page raised: {at.exception}")  # type: ignore[attr-defined]
    if t.db is None:
        return
    if t.expect is not None:
        titles = [x.value for x in at.title]  # type: ignore[attr-defined]
        bars = [p.proto.text for p in at.get("progress")]  # type: ignore[attr-defined]
        if (titles, bars) != t.expect:
            raise SystemExit(f"{t.name}: not the expected page: {titles}, {bars}")
        return
    titles = [x.value for x in at.title]  # type: ignore[attr-defined]
    bars = [p.proto.text for p in at.get("progress")]  # type: ignore[attr-defined]
    total = len(_lesson_steps())
    if titles != ["Write your first email"] or bars != [f"Step 4 of {total}"]:
        raise SystemExit(f"{t.name}: not the player at step 4: titles={titles}, bars={bars}")


def player(name: str, db: Path, senior: int, junior: int) -> Target:
    from streamlit.testing.v1 import AppTest

    def make() -> object:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.session_state["who.senior"] = senior
        at.session_state["who.junior"] = junior
        at.session_state["player.lesson"] = LESSON
        at.run()  # the welcome page; switch_page needs one run first
        at.switch_page(PLAYER)
        return at

    return Target(name, db, make)


def home(name: str, db: Path, senior: int, expect: tuple[list[str], list[str]]) -> Target:
    "The senior's home page alone: today's practice (the first item drawn)."
    from streamlit.testing.v1 import AppTest

    def make() -> object:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.session_state["who.senior"] = senior
        at.run()
        at.switch_page(HOME)
        return at

    t = Target(name, db, make)
    t.expect = expect
    return t


def empty_page(script: Path) -> Target:
    from streamlit.testing.v1 import AppTest

    return Target("empty Streamlit page (baseline)", None,
                  lambda: AppTest.from_file(str(script), default_timeout=60))


def measure(targets: list[Target], reruns: int, warmup: int) -> None:
    for t in targets:
        with t.env():
            t.at = t.make()
            start = time.perf_counter()
            t.at.run()  # type: ignore[attr-defined]  # first render: open_run writes
            t.first = time.perf_counter() - start
        check(t)
        for _ in range(warmup):
            t.rerun()
    for _ in range(reruns):  # interleaved: a busy machine slows every target alike
        for t in targets:
            t.times.append(t.rerun())


def compile_cost(scripts: list[Path], repeats: int = 21) -> float:
    "Median time to read, magic-rewrite and compile the scripts, as a new ScriptCache does."
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        cache = ScriptCache()
        for script in scripts:
            cache.get_bytecode(str(script))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


# --------------------------------------------------------------------------- the SQL
class _TracingSqlite3:
    "Stands in for the sqlite3 module inside curriculum.store: traces new connections."

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen

    def __getattr__(self, name: str) -> object:
        return getattr(sqlite3, name)

    def connect(self, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = sqlite3.connect(*args, **kwargs)  # type: ignore[arg-type]
        self.seen.append("-- connect")
        conn.set_trace_callback(self.seen.append)
        return conn


@contextmanager
def traced() -> Iterator[list[str]]:
    "Every SQL statement run on connections the store opens, from the first PRAGMA on."
    seen: list[str] = []
    store.sqlite3 = _TracingSqlite3(seen)  # type: ignore[assignment]
    try:
        yield seen
    finally:
        store.sqlite3 = sqlite3


def store_queries(path: Path, senior: int) -> dict[str, list[str]]:
    "The SQL the store functions run for the player and the catalogue, traced for real."
    db = store.open_db(path)
    out: dict[str, list[str]] = {}
    run_id = progress.unfinished_run(db, senior, *LESSON.split("/")).id  # type: ignore[union-attr]
    calls: dict[str, Callable[[], object]] = {
        "open_run": lambda: progress.open_run(db, senior, *LESSON.split("/"), "pair", None),
        "get_run": lambda: progress.get_run(db, run_id),
        "step_results": lambda: progress.step_results(db, run_id),
        "lesson_states": lambda: progress.lesson_states(db, senior),
        "summary": lambda: progress.summary(db, run_id),
        "set_autonomy": lambda: progress.set_autonomy(db, run_id, RESUME_AT, "alone"),
        "due_items (home)": lambda: review_items.due_items(db, senior, datetime.now(UTC), 8),
        "count_due (welcome)": lambda: review_items.count_due(db, senior, datetime.now(UTC)),
    }
    try:
        for name, call in calls.items():
            seen: list[str] = []
            db.conn.set_trace_callback(seen.append)
            call()
            db.conn.set_trace_callback(None)
            out[name] = [s for s in seen if re.match(r"\s*(select|update|insert|delete|with)",
                                                       s, re.I)]
    finally:
        db.close()
    return out


def query_plans(path: Path, queries: dict[str, list[str]]) -> list[str]:
    "Print EXPLAIN QUERY PLAN of each; return the flagged full scans."
    conn = sqlite3.connect(path)
    flagged: list[str] = []
    try:
        for name, stmts in queries.items():
            for sql in dict.fromkeys(stmts):
                if re.search(r"sqlite_master|^\s*PRAGMA", sql, re.I):
                    continue  # sqlite-utils' schema look-ups (tiny; listed above)
                print(f"\n[{name}] {sql}")
                for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                    detail = row[-1]
                    scan = re.match(r"SCAN (\w+)", detail)
                    bad = bool(scan and scan[1] in BIG_TABLES)
                    print(f"    {'!! ' if bad else ''}{detail}")
                    if bad:
                        flagged.append(f"{name}: {detail}")
    finally:
        conn.close()
    return flagged


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10,000 attempts, 10 reruns")
    ap.add_argument("--attempts", type=int, help="attempts to generate (default 100,000)")
    ap.add_argument("--reruns", type=int, help="timed reruns of each page (default 30)")
    ap.add_argument("--review-items", type=int, default=10_000, metavar="N",
                    help="review items (fsrs cards) to generate (default 10,000)")
    ap.add_argument("--profile", action="store_true", help="cProfile 10 player reruns")
    ap.add_argument("--extra-packs", type=int, default=0, metavar="N",
                    help="also serve N generated packs of 10 lessons (bench_validate's), to "
                         "see the catalogue's size in the rerun time")
    args = ap.parse_args(argv)
    n_attempts = args.attempts or (10_000 if args.quick else 100_000)
    reruns = args.reruns or (10 if args.quick else 30)
    os.chdir(REPO)  # the app reads lessons/ from the working folder
    os.environ.pop("CURRICULUM_LESSONS", None)

    with tempfile.TemporaryDirectory(prefix="binome-bench-") as tmp:
        big, small = Path(tmp) / "big.db", Path(tmp) / "minimal.db"
        os.environ["CURRICULUM_DB"] = str(big)  # before the app is ever imported
        t0 = time.perf_counter()
        b, senior, junior = build(n_attempts, items=args.review_items)
        t1 = time.perf_counter()
        counts = fill(big, b)
        t2 = time.perf_counter()
        print(f"Database: {', '.join(f'{v:,} {k}' for k, v in counts.items())}; "
              f"{big.stat().st_size / 1e6:.0f} MB; rows built in {t1 - t0:.1f} s, "
              f"inserted in {t2 - t1:.1f} s")
        print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
              f"{len(os.sched_getaffinity(0))} CPU(s); player: senior {senior} + junior "
              f"{junior}, {LESSON} at step '{RESUME_AT}'\n")
        del b

        if args.extra_packs:
            from bench_validate import generate

            generate(Path(tmp) / "packs", args.extra_packs, 10)
            os.environ["CURRICULUM_LESSONS"] = os.pathsep.join(["lessons",
                                                                str(Path(tmp) / "packs")])
            print(f"Lessons: the bundled ones + {args.extra_packs} generated packs of 10\n")
        m, s_senior, s_junior = build_minimal()
        fill(small, m)
        script = Path(tmp) / "empty_page.py"
        script.write_text('import streamlit as st\n\nst.write("Hello")\n', encoding="utf-8")

        fast_apptest()
        # AppTest sets session_state from this thread: "missing ScriptRunContext" is noise
        logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context") \
            .addFilter(lambda record: "missing ScriptRunContext" not in record.getMessage())
        # load the app's modules and the lesson catalogue (cached) once, on a third database
        fill(Path(tmp) / "warm.db", m)
        warm = player("warm-up", Path(tmp) / "warm.db", s_senior, s_junior)
        t0 = time.perf_counter()
        measure([warm], 0, warmup=1)
        print(f"Warm-up, not counted: first AppTest in this process, with the app's imports "
              f"and the lesson catalogue's load: {time.perf_counter() - t0:.2f} s\n")
        targets = [empty_page(script),
                   player("player, minimal database", small, s_senior, s_junior),
                   player(f"player, {n_attempts:,} attempts", big, senior, junior),
                   home(f"home (today), {args.review_items:,} items", big, senior,
                        (["Today's practice: 5 minutes"], ["Practice 1 of 8"]))]
        measure(targets, reruns, warmup=3)

        base = statistics.median(targets[0].times)
        print(f"{'rerun (at.run())':40} {'first ms':>9} {'median ms':>10} {'p90 ms':>8} "
              f"{'min ms':>8} {'overhead':>9}")
        for t in targets:
            med = statistics.median(t.times)
            over = "" if t is targets[0] else f"{(med - base) * 1000:+8.1f}"
            print(f"{t.name:40} {t.first * 1000:9.1f} {med * 1000:10.1f} "
                  f"{pct(t.times, 0.9) * 1000:8.1f} {min(t.times) * 1000:8.1f} {over:>9}")
        print(f"({reruns} interleaved reruns each, after 3 warm-up ones; overhead = median "
              "minus the empty page's median;\n 'first' = the page's first render in a new "
              "AppTest: the player then starts a session and resumes the run, writing)")

        ratio = statistics.median(targets[3].times) / base
        best = min(targets[3].times) / min(targets[0].times)
        print(f"Home page (today's practice) / empty page: {ratio:.2f}x by the medians, "
              f"{best:.2f}x by the minimums")

        script_cost = compile_cost([APP, REPO / PLAYER]) - compile_cost([script])
        print(f"Of the overhead, {script_cost * 1000:.1f} ms is AppTest compiling app.py and "
              "player.py again on every rerun (a fresh ScriptCache per run; a server compiles "
              "them once).")

        with targets[2].env(), traced() as seen:
            targets[2].rerun()
        opens = seen.count("-- connect")
        stmts = [s for s in seen if s != "-- connect"]
        print(f"\nOne player rerun: {opens} database connections opened, "
              f"{len(stmts)} SQL statements:")
        for sql, n in _counted(stmts):
            print(f"  {n:3d} x {sql}")

        flagged = query_plans(big, store_queries(big, senior))
        print("\nFull scans of big tables: " + ("none" if not flagged else
                                                "\n  " + "\n  ".join(flagged)))

        if args.profile:
            profile_reruns(targets[2], 10)
    return 0


def profile_reruns(t: Target, n: int) -> None:
    "cProfile of the script thread (where the page runs) over n reruns."
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    prof = cProfile.Profile()
    real = ScriptRunner._run_script

    def run_script(self: ScriptRunner, rerun_data: object) -> None:
        prof.enable()
        try:
            real(self, rerun_data)  # type: ignore[arg-type]
        finally:
            prof.disable()

    ScriptRunner._run_script = run_script  # type: ignore[method-assign]
    try:
        with t.env():
            for _ in range(n):
                t.at.run()  # type: ignore[attr-defined]
    finally:
        ScriptRunner._run_script = real  # type: ignore[method-assign]
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
    print(f"\ncProfile of {n} reruns of '{t.name}' (the script thread):")
    print(out.getvalue())


def _counted(stmts: list[str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for s in stmts:
        short = re.sub(r"\s+", " ", s)
        short = short if len(short) <= 110 else short[:107] + "..."
        counts[short] = counts.get(short, 0) + 1
    return list(counts.items())


if __name__ == "__main__":
    sys.exit(main())
