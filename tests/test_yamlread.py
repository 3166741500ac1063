"""Reading YAML as authors expect: positions, YAML 1.2 booleans, duplicates, syntax errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.yamlread import MAX_BYTES, parse_yaml, read_yaml

TEXT = """\
id: first
title: "Hello: world"
steps:
  - id: one
    kind: explain
    body: |
      Some text.
  - {id: two, kind: do, task: Go}
"""


def test_positions_of_keys_and_values() -> None:
    doc = parse_yaml(TEXT)
    assert doc.issues == []
    assert doc.keys[("title",)] == (2, 1)
    assert doc.values[("title",)] == (2, 8)
    assert doc.values[("steps", 0)] == (4, 5)
    assert doc.keys[("steps", 0, "kind")] == (5, 5)
    assert doc.values[("steps", 0, "kind")] == (5, 11)
    assert doc.values[("steps", 0, "body")] == (6, 11)
    assert doc.values[("steps", 1, "task")] == (8, 31)


def test_where_falls_back_to_the_nearest_parent() -> None:
    doc = parse_yaml(TEXT)
    assert doc.where(("steps", 1, "prompt")) == (8, 5)
    assert doc.where(("steps", 0, "kind"), key=True) == (5, 5)
    assert doc.where(("nothing", "here")) == (1, 1)


def test_data_is_what_yaml_says() -> None:
    doc = parse_yaml(TEXT)
    assert doc.data["title"] == "Hello: world"
    assert doc.data["steps"][0]["body"] == "Some text.\n"
    assert doc.data["steps"][1] == {"id": "two", "kind": "do", "task": "Go"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True), ("false", False), ("True", True), ("FALSE", False),
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
        ("No", "No"), ("Norway", "Norway"), ("1", 1), ("2.5", 2.5), ("null", None),
        ('"true"', "true"),
    ],
)
def test_yaml_1_2_booleans(value: str, expected: object) -> None:
    assert parse_yaml(f"x: {value}\n").data == {"x": expected}


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    doc = parse_yaml("id: a\ntitle: One\nsteps: []\ntitle: Two\n")
    assert doc.issues == [(4, 1, "duplicate key 'title' (first at line 2)")]


def test_duplicate_keys_in_a_nested_mapping() -> None:
    doc = parse_yaml("steps:\n  - id: a\n    kind: do\n    id: b\n")
    assert doc.issues == [(4, 5, "duplicate key 'id' (first at line 2)")]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        pytest.param("a: 1\nb:\n\tc: 2\n", (3, 1, "YAML syntax: a tab is used for indentation; "
                                                 "indent with spaces"), id="tab"),
        pytest.param("id: a\ngoal: Note this: it matters\n",
                     (2, 16, "YAML syntax: a ': ' inside a value; put the whole value in "
                             "quotes (\"like: this\")"), id="colon-in-value"),
        pytest.param("steps:\n  - say: Note: this\n",
                     (2, 14, "YAML syntax: a ': ' inside a value; put the whole value in "
                             "quotes (\"like: this\")"), id="colon-in-list-value"),
        pytest.param("a:\n  kind: choice\n   prompt: x\n",
                     (3, 4, "YAML syntax: the indentation does not line up with the lines "
                            "above"), id="indented-too-far"),
        pytest.param("a:\n  kind: choice\n prompt: x\n",
                     (3, 2, "YAML syntax: the indentation does not line up with the lines "
                            "above"), id="indented-too-little"),
        pytest.param('id: a\ntitle: "A first\ngoal: x\n',
                     (2, 8, 'YAML syntax: the quote " opened here is never closed: end the '
                            'text with " too'), id="quote-never-closed"),
        pytest.param("id: a\ntitle: 'A first\ngoal: x\n",
                     (2, 8, "YAML syntax: the quote ' opened here is never closed: end the "
                            "text with ' too"), id="single-quote-never-closed"),
        pytest.param('id: a\ntitle: "A first\ngoal: x\nhints: ["a hint"]\n',
                     (2, 8, 'YAML syntax: the quote " opened here is never closed: end the '
                            'text with " too'), id="quote-closed-much-later"),
        pytest.param('id: a\ntitle: "Say "hi" now"\ngoal: x\n',
                     (2, 13, 'YAML syntax: this " ends the quoted text too early: inside '
                             '"...", write “ ” (curly quotes) or \\"'), id="quote-in-quote"),
        pytest.param("id: a\ntitle: 'C'est la vie'\ngoal: x\n",
                     (2, 10, "YAML syntax: this ' ends the quoted text too early: inside "
                             "'...', write ’ or '' (two apostrophes)"), id="apostrophe-in-quote"),
        pytest.param("hints: [Is it safe?, Why?]\n",
                     (1, 19, "YAML syntax: a ? inside [ ] or { } ends the text there: put that "
                             "text in quotes, like \"Is it safe?\""), id="question-in-list"),
        pytest.param("image: {src: a.png, alt: Who?}\n",
                     (1, 29, "YAML syntax: a ? inside [ ] or { } ends the text there: put that "
                             "text in quotes, like \"Is it safe?\""), id="question-in-map"),
        pytest.param("id: a\nhints: [one, two\ngoal: x\n",
                     (2, 8, "YAML syntax: the list opened here with [ is never closed: end "
                            "it with ]"), id="open-bracket"),
        pytest.param("id: a\nimage: {src: a.png, alt: A\ngoal: x\n",
                     (2, 8, "YAML syntax: the mapping opened here with { is never closed: "
                            "end it with }"), id="open-brace"),
    ],
)
def test_syntax_errors_say_where_and_what(text: str, issue: tuple[int, int, str]) -> None:
    doc = parse_yaml(text)
    assert doc.issues == [issue]
    assert doc.data is None


def test_a_quote_inside_a_block_text_is_not_blamed() -> None:
    text = 'body: |\n  "He said\n  so.\nsteps:\n  kind: choice\n   prompt: x\n'
    assert parse_yaml(text).issues == [
        (6, 4, "YAML syntax: the indentation does not line up with the lines above")]


def test_well_closed_quotes_are_not_blamed() -> None:
    text = 'a: "He said \\"hi\\""\nb: \'It\'\'s\'\nc:\n  kind: x\n   prompt: y\n'
    assert parse_yaml(text).issues == [
        (5, 4, "YAML syntax: the indentation does not line up with the lines above")]


def test_empty_file() -> None:
    assert parse_yaml("").issues == [(1, 1, "the file is empty")]
    assert parse_yaml("# only a comment\n").issues == [(1, 1, "the file is empty")]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    doc = parse_yaml("\n".join(lines) + "\n")
    assert doc.data is None
    assert doc.issues == [(1, 1, "the file expands to too many values (anchors and aliases "
                                 "used too much): write it out plainly")]


def test_a_few_aliases_are_fine() -> None:
    doc = parse_yaml("a: &x [1, 2]\nb: *x\n")
    assert doc.issues == []
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_absurd_nesting_gives_a_message() -> None:
    doc = parse_yaml("a: " + "[" * 300 + "]" * 300 + "\n")
    assert doc.data is None
    assert doc.issues == [(1, 1, "the file is nested too deeply to read")]


def test_files_too_large_not_utf8_or_missing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    assert read_yaml(big).issues[0][:2] == (1, 1)
    assert "too large" in read_yaml(big).issues[0][2]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    assert read_yaml(latin).issues == [(2, 1, "the file is not UTF-8 text: save it as UTF-8")]
    missing = read_yaml(tmp_path / "nope.yaml")
    assert missing.issues[0][:2] == (1, 1)
    assert missing.issues[0][2].startswith("cannot read the file")


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: first\n")
    doc = read_yaml(path)
    assert doc.issues == []
    assert doc.data == {"id": "first"}


def test_a_bracket_closed_on_its_line_is_not_called_unclosed() -> None:
    assert parse_yaml("hints: [a: b: c]\n").issues == [
        (1, 13, "YAML syntax: expected ',' or ']', but got ':'")]


def _yaml_files():
    root = Path(__file__).resolve().parents[1]
    return sorted([*root.glob("lessons/*/*.yaml"), *root.glob("tests/packs/*/*/*.yaml")])


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_fast_parser_reads_every_file_as_the_reference_does(path):
    from curriculum import yamlread

    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    fast = yamlread.parse_yaml(text)
    reference = yamlread._parse(text, yamlread.Document(), yamlread._Loader)
    assert (fast.data, fast.values, fast.keys, fast.issues) == \
        (reference.data, reference.values, reference.keys, reference.issues)


def test_numbers_keep_the_form_the_author_wrote():
    data = parse_yaml("a: 10.50\nb: '007'\nc: 007\nd: 2.1\ne: 15\nf: [2.10, 1.20]\n").data
    assert data == {"a": "10.50", "b": "007", "c": "007", "d": 2.1, "e": 15,
                    "f": ["2.10", "1.20"]}


def test_an_unquoted_price_is_checked_as_written(tmp_path):
    from curriculum.checking import check
    from curriculum.model import TextStep

    rule = parse_yaml("accept: [{equals: 10.50}]\n").data["accept"]
    step = TextStep.model_validate({"id": "p", "kind": "text", "prompt": "Price?",
                                    "accept": rule})
    assert check(step, "10.50").status == "correct"
