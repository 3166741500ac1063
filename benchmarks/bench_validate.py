"""Benchmark: validating 100 packs of 10 lessons (issue 2, "Done means").

Generates, in a temporary folder, 100 packs x 10 lessons (about 8-9 steps each, every step
kind) by cloning the bundled English lessons under new ids, then times:

- `load_catalogue` in this process: the first call (cold: first use of the models, regex
  and YAML code paths) and the following calls (warm), with median and min;
- `curriculum validate <dir>` end to end in a subprocess (interpreter start, imports,
  validation, printing), next to the bare start-up cost of `import curriculum.cli`.

Every run must report 0 errors and 0 warnings, or the benchmark fails: a timing of a
catalogue that is rejected early would flatter us.

    .venv/bin/python benchmarks/bench_validate.py            # 100 packs x 10 lessons
    .venv/bin/python benchmarks/bench_validate.py --quick    # 10 packs x 10 lessons
    .venv/bin/python benchmarks/bench_validate.py --profile  # + the top functions (cProfile)

Not a test: nothing here is collected by pytest (testpaths = tests).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout even without `pip install -e`

from curriculum.packs import load_catalogue  # noqa: E402

LESSONS = REPO / "lessons"
# Ten English lessons with every step kind, the examples' comments and rules included.
SOURCES = [
    "email-basics/first-email",
    "email-basics/reply-forward",
    "messaging-basics/first-message",
    "messaging-basics/photos-and-groups",
    "social-media-basics/what-is-a-feed",
    "social-media-basics/privacy-and-scams",
    "spreadsheet-basics/cells-and-numbers",
    "spreadsheet-basics/first-sum",
    "examples/step-kinds",
    "examples/answer-rules",
]
PACK_TEMPLATE = LESSONS / "email-basics" / "pack.yaml"
ID_LINE = re.compile(r"^id:[ \t]*[^\s#]+", re.M)
REQUIRES_LINE = re.compile(r"^requires:[ \t]*\[[^\]\n]*\]", re.M)
LESSONS_LINE = re.compile(r"^lessons:[ \t]*\[[^\]\n]*\]", re.M)


def pack_id(p: int) -> str:
    return f"bench-{p:03d}"


def lesson_id(k: int) -> str:
    return f"lesson-{k:02d}"


def _sub_once(pattern: re.Pattern[str], repl: str, text: str, what: str) -> str:
    new, n = pattern.subn(repl, text, count=1)
    if n != 1:
        raise SystemExit(f"generator: no '{what}' line to rewrite; the source lessons changed")
    return new


def generate(root: Path, packs: int, lessons: int) -> tuple[int, int, int]:
    "Write `packs` packs of `lessons` lessons below root; returns (files, bytes, steps)."
    sources = [(LESSONS / f"{s}.yaml").read_text(encoding="utf-8") for s in SOURCES]
    steps_per_source = [len(re.findall(r"^  - id: .*\n    kind:", s, re.M)) for s in sources]
    media = {p.name: p for d in LESSONS.glob("*/media") for p in d.iterdir() if p.is_file()}
    pack_text = PACK_TEMPLATE.read_text(encoding="utf-8")
    files = size = steps = 0
    for p in range(1, packs + 1):
        folder = root / pack_id(p)
        (folder / "media").mkdir(parents=True)
        for name, src in media.items():
            shutil.copyfile(src, folder / "media" / name)
        ids = [lesson_id(k) for k in range(1, lessons + 1)]
        text = _sub_once(ID_LINE, f"id: {pack_id(p)}", pack_text, "id")
        text = _sub_once(LESSONS_LINE, f"lessons: [{', '.join(ids)}]", text, "lessons")
        (folder / "pack.yaml").write_text(text, encoding="utf-8")
        files, size = files + 1, size + len(text.encode())
        for k in range(1, lessons + 1):
            i = (p + k) % len(sources)  # each pack uses every source, in a different order
            # a chain inside the pack, and every fifth pack builds on the previous one
            requires = [lesson_id(k - 1)] if k > 1 else []
            if k == 1 and p > 1 and p % 5 == 0:
                requires = [f"{pack_id(p - 1)}/{lesson_id(1)}"]
            text = _sub_once(ID_LINE, f"id: {lesson_id(k)}", sources[i], "id")
            text = _sub_once(REQUIRES_LINE, f"requires: [{', '.join(requires)}]", text,
                             "requires")
            (folder / f"{lesson_id(k)}.yaml").write_text(text, encoding="utf-8")
            files, size, steps = files + 1, size + len(text.encode()), steps + steps_per_source[i]
    return files, size, steps


def timed_load(root: Path, packs: int, lessons: int) -> float:
    start = time.perf_counter()
    cat = load_catalogue([root])
    elapsed = time.perf_counter() - start
    ready = sum(len(lp.lessons) for lp in cat.packs.values())
    if cat.problems or len(cat.packs) != packs or ready != lessons * packs:
        shown = "\n".join(str(p) for p in cat.problems[:10])
        raise SystemExit(f"the generated catalogue is not clean: {len(cat.packs)} packs, "
                         f"{ready} lessons, {len(cat.errors)} errors, {len(cat.warnings)} "
                         f"warnings\n{shown}")
    return elapsed


def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "curriculum"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "curriculum.cli"]


def timed_cli(root: Path, packs: int, lessons: int) -> float:
    start = time.perf_counter()
    proc = subprocess.run([*cli_command(), "validate", str(root)], capture_output=True,
                          text=True, cwd=REPO, check=False)
    elapsed = time.perf_counter() - start
    expected = f"{packs} pack(s), {packs * lessons} lesson(s) ready: 0 error(s), 0 warning(s)"
    if proc.returncode != 0 or expected not in proc.stderr or proc.stdout.strip():
        raise SystemExit(f"curriculum validate failed (exit {proc.returncode}):\n"
                         f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return elapsed


def timed_startup() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import curriculum.cli"], check=True, cwd=REPO)
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10 packs, fewer repeats")
    ap.add_argument("--packs", type=int, help="number of packs (default 100, quick 10)")
    ap.add_argument("--lessons", type=int, default=10, help="lessons per pack (default 10)")
    ap.add_argument("--repeats", type=int, help="warm runs (default 5, quick 2)")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    args = ap.parse_args(argv)
    packs = args.packs or (10 if args.quick else 100)
    repeats = args.repeats or (2 if args.quick else 5)
    cli_repeats = 1 if args.quick else 3

    with tempfile.TemporaryDirectory(prefix="binome-bench-") as tmp:
        root = Path(tmp) / "packs"
        t0 = time.perf_counter()
        files, size, steps = generate(root, packs, args.lessons)
        gen = time.perf_counter() - t0
        n_lessons = packs * args.lessons
        print(f"Generated {packs} packs x {args.lessons} lessons = {n_lessons} lessons, "
              f"{steps} steps ({steps / n_lessons:.1f}/lesson), {files} YAML files, "
              f"{size / 1e6:.1f} MB, in {gen:.1f} s")
        print(f"Python {platform.python_version()}, {platform.machine()}, "
              f"{_cpus()} CPU(s)\n")

        cold = timed_load(root, packs, args.lessons)
        warm = [timed_load(root, packs, args.lessons) for _ in range(repeats)]
        cli = [timed_cli(root, packs, args.lessons) for _ in range(cli_repeats)]
        startup = [timed_startup() for _ in range(cli_repeats)]

        rows = [
            ("load_catalogue, cold (1st call)", [cold]),
            (f"load_catalogue, warm (x{repeats})", warm),
            (f"curriculum validate DIR (x{cli_repeats})", cli),
            ("  of which: python + import curriculum.cli", startup),
        ]
        print(f"{'measure':44} {'median ms':>9} {'min ms':>9} {'per lesson':>11}")
        for name, xs in rows:
            per = "" if name.startswith("  ") else \
                f"{statistics.median(xs) / n_lessons * 1e3:8.2f} ms"
            print(f"{name:44} {ms(statistics.median(xs))} {ms(min(xs))} {per:>11}")
        print(f"\nResult: {packs} packs, {n_lessons} lessons: 0 errors, 0 warnings (checked "
              "on every run)")

        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            load_catalogue([root])
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
    return 0


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    sys.exit(main())
