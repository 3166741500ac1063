"""Benchmark: proposing pairs for 500 seniors x 300 juniors (the spec: under 2 seconds).

Makes realistic random profiles (seeded): languages (mostly French, some English, a few
others, some people bilingual), 6 sites and ~15% remote, 2-6 free weekly slots on
weekdays, 1-4 topics (a senior's level 1-3, a junior's confidence 1-3), juniors' capacity
1-3, line managers (a fifth of the juniors report to a senior, a few seniors to a
junior), and 40 pairs already running. Then it times:

- `matching.propose(seniors, juniors, active)`: the pure computation (scores of the
  150,000 pairs, the assignment, the explanations, the unpaired and why), with its parts;
- `store.pairs.propose(db)` on a temporary SQLite database holding the same people: what
  the coordinator's button does (read people and topics, compute, withdraw the old
  proposals, write the new ones, all in one BEGIN IMMEDIATE transaction).

It checks every run: the same number of pairs, no proposal breaking a constraint, no
junior over capacity.

    .venv/bin/python benchmarks/bench_matching.py               # 7 runs of each
    .venv/bin/python benchmarks/bench_matching.py --runs 3 --seniors 100 --juniors 60

Not a test: nothing here is collected by pytest (testpaths = tests).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout even without `pip install -e`

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402

import curriculum.store as store  # noqa: E402
from curriculum.programme import matching  # noqa: E402
from curriculum.store import pairs as store_pairs  # noqa: E402
from curriculum.store.people import SLOTS, Person  # noqa: E402

TOPICS = ("email", "spreadsheets", "messaging", "social-media")
SITES = ("Lyon", "Paris", "Lille", "Nantes", "Bordeaux", "Toulouse")
WEEKDAY_SLOTS = [s for s in SLOTS if not s.startswith(("sat", "sun"))]


def languages(rng: random.Random) -> tuple[str, ...]:
    first = rng.choices(["fr", "en", "es", "ar", "de"], [70, 18, 5, 4, 3])[0]
    second = rng.choice(["en", "fr"]) if rng.random() < 0.3 else None
    return tuple(dict.fromkeys([first, second] if second else [first]))


def profiles(n_seniors: int, n_juniors: int, seed: int = 4
             ) -> tuple[list[Person], list[Person], list[tuple[int, int]]]:
    rng = random.Random(seed)

    def person(pid: int, role: str) -> Person:
        remote = rng.random() < 0.15
        return Person(
            pid, f"{role.title()} {pid}", role, roles=(role,), languages=languages(rng),
            site=None if remote else rng.choice(SITES), remote=remote,
            availability=tuple(rng.sample(WEEKDAY_SLOTS, rng.randint(2, 6))),
            capacity=rng.choice([1, 2, 2, 3]) if role == "junior" else None,
            interests={t: rng.randint(1, 3) for t in rng.sample(TOPICS, rng.randint(1, 4))})

    seniors = [person(i, "senior") for i in range(1, n_seniors + 1)]
    juniors = [person(n_seniors + i, "junior") for i in range(1, n_juniors + 1)]
    for k, j in enumerate(juniors):
        if rng.random() < 0.2:
            juniors[k] = Person(**{**j.__dict__, "manager_id": rng.choice(seniors).id})
    for k, s in enumerate(seniors):
        if rng.random() < 0.03:
            seniors[k] = Person(**{**s.__dict__, "manager_id": rng.choice(juniors).id})
    active = [(seniors[i].id, juniors[i % len(juniors)].id) for i in range(40)
              if i < len(seniors)]
    return seniors, juniors, active


def fill_db(path: Path, seniors: list[Person], juniors: list[Person],
            active: list[tuple[int, int]]) -> None:
    "The same people in a real database (migrations, one write transaction)."
    db = store.open_db(path)
    stamp = store.now()
    with store.write(db):
        db["people"].insert_all({
            "id": p.id, "name": p.name, "role": p.role, "language": p.languages[0]
            if p.languages[0] in ("en", "fr") else "en", "text_size": "large",
            "created_at": stamp, "roles": json.dumps(p.roles),
            "languages": json.dumps(p.languages), "site": p.site, "remote": int(p.remote),
            "availability": json.dumps(p.availability), "manager_id": p.manager_id,
            "capacity": p.capacity, "active": 1} for p in (*seniors, *juniors))
        db["interests"].insert_all({
            "person_id": p.id, "kind": "wants" if p.role == "senior" else "teaches",
            "topic": t, "level": v} for p in (*seniors, *juniors) for t, v in p.interests.items())
        db["pairs"].insert_all({
            "senior_id": s, "junior_id": j, "status": "active", "score": 0.5,
            "explanation": "[]", "warnings": "[]", "hand_made": 0, "created_at": stamp,
            "accepted_at": stamp} for s, j in active)
    db.close()


def check(result: matching.Proposals, seniors: list[Person], juniors: list[Person],
          active: list[tuple[int, int]]) -> None:
    by_id = {p.id: p for p in (*seniors, *juniors)}
    used: dict[int, int] = {}
    for m in result.pairs:
        assert not matching.problems(by_id[m.senior_id], by_id[m.junior_id]), m
        used[m.junior_id] = used.get(m.junior_id, 0) + 1
    for j in juniors:
        taken = sum(1 for _, x in active if x == j.id)
        assert used.get(j.id, 0) + taken <= max(matching.capacity(j), taken), j.id


def timed(fn: Callable[[], object], runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def line(label: str, times: list[float]) -> str:
    return (f"| {label:<44} | {statistics.median(times) * 1000:8.0f} ms "
            f"| {min(times) * 1000:8.0f} ms | {max(times) * 1000:8.0f} ms |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seniors", type=int, default=500)
    ap.add_argument("--juniors", type=int, default=300)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    seniors, juniors, active = profiles(args.seniors, args.juniors)
    places = sum(matching.capacity(j) for j in juniors) - len(active)
    print(f"{len(seniors)} seniors x {len(juniors)} juniors, {len(active)} pairs running, "
          f"{places} free places; Python {platform.python_version()}, numpy "
          f"{np.__version__}, scipy {scipy.__version__}, {os.cpu_count()} CPUs, load "
          f"{os.getloadavg()[0]:.1f}")

    waiting = [p for p in seniors if p.id not in {s for s, _ in active}]
    parts: dict[str, list[float]] = {"score_matrix": [], "linear_sum_assignment": []}
    for _ in range(args.runs):
        start = time.perf_counter()
        scores, allowed = matching.score_matrix(waiting, juniors)
        parts["score_matrix"].append(time.perf_counter() - start)
        free = matching._free(juniors, active)
        cols = [j for j, p in enumerate(juniors) for _ in range(free[p.id])]
        cost = np.where(allowed[:, cols], -(len(waiting) + 1.0 + scores[:, cols]), 0.0)
        start = time.perf_counter()
        linear_sum_assignment(cost)
        parts["linear_sum_assignment"].append(time.perf_counter() - start)

    pure, result = timed(lambda: matching.propose(seniors, juniors, active), args.runs)
    assert isinstance(result, matching.Proposals)
    check(result, seniors, juniors, active)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        fill_db(path, seniors, juniors, active)

        def with_db() -> matching.Proposals:
            with store.session(path) as db:
                return store_pairs.propose(db)

        stored, again = timed(with_db, args.runs)
        assert isinstance(again, matching.Proposals)
        assert len(again.pairs) == len(result.pairs), (len(again.pairs), len(result.pairs))
        assert abs(again.total - result.total) < 1e-6, (again.total, result.total)
        with store.session(path) as db:
            assert db["pairs"].count_where("status = 'proposed'") == len(result.pairs)

    kinds: dict[str, int] = {}
    for u in result.unpaired:
        kinds[f"{u.role}:{u.reason.kind}"] = kinds.get(f"{u.role}:{u.reason.kind}", 0) + 1
    print(f"proposed {len(result.pairs)} pairs, mean score {result.total / len(result.pairs):.3f}; "
          f"unpaired: {dict(sorted(kinds.items()))}")
    print(f"\n{args.runs} runs each:\n")
    print(f"| {'measure':<44} | {'median':>11} | {'min':>11} | {'max':>11} |")
    print(f"|{'-' * 46}|{'-' * 13}|{'-' * 13}|{'-' * 13}|")
    print(line("`matching.propose` (pure)", pure))
    print(line("  of which `score_matrix`", parts["score_matrix"]))
    print(line("  of which `linear_sum_assignment`", parts["linear_sum_assignment"]))
    print(line("`store.pairs.propose` (SQLite, read + write)", stored))
    verdict = "OK" if statistics.median(stored) < 2 else "TOO SLOW"
    print(f"\nspec: under 2 s -> {verdict} (median {statistics.median(stored):.2f} s with the "
          "database)")


if __name__ == "__main__":
    main()
