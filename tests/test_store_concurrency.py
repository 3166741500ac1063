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
