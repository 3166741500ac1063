"""French typography: the validator's warnings and `curriculum fix typography`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from curriculum import cli
from curriculum.packs import load_catalogue
from curriculum.typography import is_prose, places
from curriculum.yamlread import parse_yaml

BAD = Path(__file__).resolve().parent / "packs" / "bad"
CASE = "typography-french"
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BAD / CASE, tmp_path / CASE))


def typography_warnings(folder: Path) -> list[str]:
    return [f"{p.path.name}:{p.line}:{p.column}: {p.message}"
            for p in load_catalogue([folder]).problems if "French typography" in p.message]


def test_the_warning_points_at_the_space_and_says_what_to_type(pack: Path) -> None:
    warnings = typography_warnings(pack)
    assert ("premier.yaml:3:29: French typography: type a narrow no-break space (U+202F) "
            "before '!', not a plain space; `curriculum fix typography PATH` does it in the "
            "whole pack") in warnings
    lines = (pack / "premier.yaml").read_text(encoding="utf-8").splitlines()
    for warning in warnings:
        name, line, col = re.match(r"(.+?):(\d+):(\d+):", warning).groups()  # type: ignore[union-attr]
        source = (pack / name).read_text(encoding="utf-8").splitlines()[int(line) - 1]
        assert source[int(col) - 1] in " .", warning  # the space, or the first of three dots
    assert lines[2] == "title: 'Votre premier e-mail !'"


def test_only_prose_is_looked_at(pack: Path) -> None:
    warned_lines = {w.split(":")[1] for w in typography_warnings(pack) if "premier" in w}
    text = (pack / "premier.yaml").read_text(encoding="utf-8").splitlines()
    for number, source in enumerate(text, 1):
        if any(word in source for word in ("# Un commentaire", "equals:", "when:", "Pain ?",
                                            '"Total :"', "contains:", "starts_with",
                                            "date:")):
            assert str(number) not in warned_lines, source
    body = parse_yaml("body: 'Code `a ; b`, https://exemple.fr/a...b, sam@exemple.org, :) ;)'")
    assert places(body) == []
    source = 'prompt: "Tapez **=SI(B2>10 ; \\"oui\\" ; MAX(1 ; 2))** !"'
    at = source.index(" !") + 1  # only the space before !, not those of the formula
    assert [(p.column, p.new) for p in places(parse_yaml(source))] == [(at, NNBSP)]


def test_which_keys_are_prose() -> None:
    assert is_prose(("steps", 0, "script", 1, "says"))
    assert is_prose(("steps", 0, "feed", 0, "comments", 0, "text"))
    assert is_prose(("steps", 0, "mailbox", 0, "subject"))
    assert is_prose(("glossary", "Objet"))
    assert not is_prose(("steps", 0, "script", 1, "expect", "text"))
    assert not is_prose(("steps", 0, "example", "subject"))
    assert not is_prose(("steps", 0, "grid", 1, 0))
    assert not is_prose(("steps", 0, "options", 0, "id"))
    assert not is_prose(("steps", 0, "feedback", 0, "when", "contains"))


def test_english_packs_are_never_warned(pack: Path) -> None:
    pack_file = pack / "pack.yaml"
    pack_file.write_text(pack_file.read_text(encoding="utf-8").replace("language: fr-CA",
                                                                       "language: en"),
                         encoding="utf-8")
    assert typography_warnings(pack) == []


def _expected_fix(original: str, warnings: list[tuple[int, int, str]]) -> str:
    "The text with each warned place changed as its message says, by hand."
    lines = original.split("\n")
    for line, col, message in sorted(warnings, reverse=True):
        source = lines[line - 1]
        if "three dots" in message:
            assert source[col - 1: col + 2] == "..."
            lines[line - 1] = source[: col - 1] + "…" + source[col + 2:]
        else:
            assert source[col - 1] == " "
            new = NNBSP if "U+202F" in message else NBSP
            lines[line - 1] = source[: col - 1] + new + source[col:]
    return "\n".join(lines)


def test_fix_changes_exactly_the_warned_places_and_nothing_else(
        pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problems = [p for p in load_catalogue([pack]).problems if "French typography" in p.message]
    before = {f: (pack / f).read_bytes() for f in ("pack.yaml", "premier.yaml")}
    assert cli.main(["fix", "typography", str(pack)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == len(problems) == 25
    assert f"{pack / 'premier.yaml'}:3:29: space -> narrow no-break space (U+202F)" in out
    for name, original in before.items():
        warned = [(p.line, p.column, p.message) for p in problems if p.path.name == name]
        expected = _expected_fix(original.decode("utf-8"), warned).encode("utf-8")
        assert (pack / name).read_bytes() == expected
    fixed = (pack / "premier.yaml").read_text(encoding="utf-8")
    assert "title: 'Votre premier e-mail\u202f!'" in fixed
    assert 'equals: "sam@exemple.org ?"' in fixed  # an answer rule stays as it is
    assert fixed.startswith("# Un commentaire garde ses espaces : rien ici ne change ?\n")


def test_fix_then_validate_gives_no_typography_warning_and_fix_again_changes_nothing(
        pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["fix", "typography", str(pack)]) == 0
    after = (pack / "premier.yaml").read_bytes()
    capsys.readouterr()
    catalogue = load_catalogue([pack])
    assert typography_warnings(pack) == []
    assert catalogue.problems == ()
    assert cli.main(["fix", "typography", str(pack)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "0 change(s) in 0 file(s)" in err
    assert (pack / "premier.yaml").read_bytes() == after


def test_fix_keeps_crlf_line_ends_and_a_byte_order_mark(pack: Path) -> None:
    lesson = pack / "premier.yaml"
    lesson.write_bytes(b"\xef\xbb\xbf" + lesson.read_bytes().replace(b"\n", b"\r\n"))
    assert cli.main(["fix", "typography", str(lesson)]) == 0
    data = lesson.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Un commentaire")
    assert b"\r\ntitle: 'Votre premier e-mail\xe2\x80\xaf!'\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_fix_leaves_english_packs_alone(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack_file = pack / "pack.yaml"
    pack_file.write_text(pack_file.read_text(encoding="utf-8").replace("fr-CA", "en"),
                         encoding="utf-8")
    before = (pack / "premier.yaml").read_bytes()
    assert cli.main(["fix", "typography", str(pack)]) == 0
    assert "is not French" in capsys.readouterr().out
    assert (pack / "premier.yaml").read_bytes() == before


def test_fix_says_when_a_file_cannot_be_read(pack: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (pack / "premier.yaml").write_text("title: 'never closed\n", encoding="utf-8")
    assert cli.main(["fix", "typography", str(pack)]) == 1
    assert "premier.yaml:1:8: YAML syntax" in capsys.readouterr().err
    assert cli.main(["fix", "typography", str(pack / "nowhere")]) == 1
