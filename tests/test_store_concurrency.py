"""Two real processes write to the same SQLite file at once: nothing is lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from curriculum.store import open_db, session
from curriculum.store import people as P
from curriculum.store import progress as R
from curriculum.store.schema import MIGRATIONS

N = 300

WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from curriculum.store import open_db
    from curriculum.store import people as P
    from curriculum.store import progress as R

    db_file, go, name, run_id, n = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], \\
        int(sys.argv[5])
    (go.parent / f"ready-{name}").touch()
    while not go.exists():  # both processes start writing at the same moment
        time.sleep(0.005)
    db = open_db(db_file)
    if run_id == "new":  # a fresh database: both processes migrate it at once
        P.create_person(db, name, "senior")
    else:
        run = R.get_run(db, int(run_id))
        for i in range(n):
            R.record_attempt(db, R.Attempt(run.id, run.person_id, run.pack_id, run.lesson_id,
                                           "shared-step", f"{name}-{i}", "wrong", None, 0, False,
                                           None, 10))
            R.record_hint(db, run.id, "shared-step")
            R.open_run(db, run.person_id, run.pack_id, f"lesson-{i % 10}", "solo")  # read+write
    db.close()
    print("ok", name)
""")


def run_two(db_file: Path, run_id: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(db_file), str(go), name,
                               run_id, str(N)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for name in ("one", "two")]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{n}").exists() for n in ("one", "two")):
        assert time.monotonic() < deadline, "the workers did not start"
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"a worker stopped: {proc.communicate()[1]}")
        time.sleep(0.01)
    go.touch()
    for proc, name in zip(procs, ("one", "two"), strict=True):
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        assert out.strip() == f"ok {name}"


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db_file = tmp_path / "shared.db"
    with session(db_file) as db:
        senior = P.create_person(db, "Marie", "senior")
        run = R.open_run(db, senior.id, "email-basics", "first-email", "solo")
    run_two(db_file, str(run.id), tmp_path)
    with session(db_file) as db:
        answers = [row[0] for row in db.execute("select answer from attempts")]
        assert len(answers) == 2 * N
        assert len(set(answers)) == 2 * N
        result = R.step_results(db, run.id)["shared-step"]
        assert (result.attempts, result.hints_used) == (2 * N, 2 * N)
        per_lesson = db.execute("select lesson_id, count(*) from runs group by lesson_id")
        assert dict(per_lesson.fetchall()) == {"first-email": 1} | {
            f"lesson-{i}": 1 for i in range(10)}  # each run opened once, then resumed


def test_two_processes_opening_a_fresh_database_at_once(tmp_path: Path) -> None:
    db_file = tmp_path / "fresh.db"
    run_two(db_file, "new", tmp_path)
    db = open_db(db_file)
    assert sorted(p.name for p in P.list_people(db)) == ["one", "two"]
    assert [m.name for m in MIGRATIONS.applied(db)] == [m.name for m in MIGRATIONS._migrations]
    db.close()


def test_pin_guesses_at_the_same_moment_cannot_get_round_the_lockout(tmp_path: Path,
                                                                     monkeypatch) -> None:
    "20 threads, each with its own connection to one file, guess at once: 19 wrong, 1 right."
    import threading

    from curriculum.programme import pins

    db_file = tmp_path / "pins.db"
    with session(db_file) as db:
        claire = P.create_person(db, "Claire", "coordinator")
        P.set_pin(db, claire.id, "2468")
    verified: list[str] = []
    real_verify = pins.verify_pin
    guard = threading.Lock()

    def counting_verify(pin: str, stored: str | None) -> bool:
        with guard:
            verified.append(pin)
        return real_verify(pin, stored)

    monkeypatch.setattr(pins, "verify_pin", counting_verify)
    guesses = [f"{1000 + i}" for i in range(19)]
    guesses.insert(11, "2468")
    barrier = threading.Barrier(len(guesses))
    results: dict[str, P.PinCheck] = {}
    errors: list[BaseException] = []

    def guess(pin: str) -> None:
        try:
            with session(db_file) as db:
                barrier.wait()
                results[pin] = P.check_pin(db, claire.id, pin)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=guess, args=(pin,)) for pin in guesses]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(results) == 20
    # the wrong PINs checked before the lock (and again after a right one) stay within
    # the free tries; every other guess is refused without being checked
    if "2468" in verified:
        at = verified.index("2468")
        assert results["2468"].ok
        assert at <= pins.FREE_TRIES - 1  # the 5th wrong PIN locks: no check after it
        assert len(verified[at + 1:]) <= pins.FREE_TRIES
    else:
        assert len(verified) == pins.FREE_TRIES
        assert not results["2468"].ok and results["2468"].wait > 0
    refused = [pin for pin, r in results.items() if pin not in verified]
    assert all(results[pin].wait > 0 for pin in refused)
    with session(db_file) as db:
        row = db["people"].get(claire.id)
    assert row["pin_failures"] <= pins.FREE_TRIES
