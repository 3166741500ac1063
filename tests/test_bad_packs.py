"""Every broken pack in tests/packs/bad/<case>/ gives exactly the lines of <case>.expected.

Each case is a small pack with ONE defect. The .expected file holds what
`curriculum validate` prints for it, paths relative to tests/packs/bad/.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from curriculum.errors import Problem
from curriculum.packs import load_catalogue

BAD = Path(__file__).resolve().parent / "packs" / "bad"
GOOD = Path(__file__).resolve().parent / "packs" / "good"

CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def lines(problems: tuple[Problem, ...] | list[Problem], base: Path) -> list[str]:
    return [str(dataclasses.replace(p, path=p.path.relative_to(base))) for p in problems]


def expected(case: str) -> list[str]:
    return (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30
    orphans = {p.stem for p in BAD.glob("*.expected")} - set(CASES)
    assert not orphans, f".expected files without a case folder: {orphans}"


@pytest.mark.parametrize("case", CASES)
def test_bad_pack_gives_the_expected_problems(case: str) -> None:
    catalogue = load_catalogue([BAD / case])
    got = lines(catalogue.problems, BAD)
    assert got == expected(case)
    assert got, "a bad case must produce at least one problem"


@pytest.mark.parametrize("case", CASES)
def test_a_broken_pack_never_breaks_a_valid_one(case: str, tmp_path: Path) -> None:
    shutil.copytree(BAD / case, tmp_path / case)
    shutil.copytree(GOOD / "tour", tmp_path / "tour")
    catalogue = load_catalogue([tmp_path])
    assert "tour" in catalogue.packs
    assert list(catalogue.packs["tour"].lessons) == ["basics", "practice"]
    assert lines(catalogue.problems, tmp_path) == expected(case)


@pytest.mark.parametrize("case", CASES)
def test_a_lesson_with_errors_is_not_shown(case: str) -> None:
    "Errors stop that lesson from being shown to learners; warnings never do."
    catalogue = load_catalogue([BAD / case])
    broken = {p.path for p in catalogue.errors}
    for loaded in catalogue.packs.values():
        for lesson_id in loaded.lessons:
            assert loaded.files[lesson_id] not in broken, f"{lesson_id} has errors but is shown"
    if not catalogue.errors:  # warnings only: everything is shown
        assert list(catalogue.packs) == [case]
        assert len(catalogue.packs[case].lessons) == len(catalogue.packs[case].pack.lessons)


PACK_ERRORS = ["pack-id-not-folder", "translation-of-itself", "format-too-new", "bad-topic",
               "bad-language", "unknown-key-pack", "missing-key-pack", "empty-pack-file",
               "no-pack-file"]


@pytest.mark.parametrize("case", PACK_ERRORS)
def test_an_error_in_pack_yaml_hides_the_pack(case: str) -> None:
    catalogue = load_catalogue([BAD / case])
    assert catalogue.errors
    assert catalogue.packs == {}


def test_a_listed_lesson_without_file_hides_only_that_lesson() -> None:
    catalogue = load_catalogue([BAD / "lesson-file-missing"])
    assert list(catalogue.packs["lesson-file-missing"].lessons) == ["first"]


def test_good_packs_have_no_problem_at_all() -> None:
    catalogue = load_catalogue([GOOD])
    assert [str(p) for p in catalogue.problems] == []
    assert sorted(catalogue.packs) == ["tour", "visite"]
    assert list(catalogue.packs["tour"].lessons) == ["basics", "practice"]
    assert list(catalogue.packs["visite"].lessons) == ["bases"]


def test_yes_and_no_stay_text_in_a_good_pack() -> None:
    lesson = load_catalogue([GOOD]).lesson("tour", "basics")
    assert lesson is not None
    step = lesson.step("is-it-safe")
    assert [o.id for o in step.options] == ["yes", "no"]
    assert step.correct_ids == frozenset({"no"})


def test_numbers_written_as_ids_are_text() -> None:
    lesson = load_catalogue([GOOD]).lesson("tour", "practice")
    assert lesson is not None
    assert [s.id for s in lesson.steps] == ["again", "2", "done"]


def test_a_very_long_requires_chain_is_no_problem():
    from curriculum.semantics import requires_cycles

    chain = {f"p/l{i}": [f"p/l{i + 1}"] for i in range(5000)}
    assert requires_cycles(chain) == []
    chain["p/l5000"] = ["p/l0"]
    (cycle,) = requires_cycles(chain)
    assert len(cycle) == 5002 and cycle[0] == cycle[-1]
