"""Read YAML the way authors expect, keeping where every key and value stands.

- Only ``true``/``false`` are booleans (``no``, ``on``, ``yes`` stay text: "Norway").
- Duplicate keys are reported instead of silently overwritten.
- Huge files, alias bombs and absurd nesting give a message, not a hang or a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .packfiles import PackFileError, TooLarge, read_pack_file

MAX_BYTES = 1_000_000
MAX_NODES = 200_000
Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    "SafeLoader with YAML 1.2 booleans (pure Python: its error messages are the reference)."


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    "The same, on libyaml when it is there: ~5x faster on valid files."


def _number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    "A number whose written form would change (10.50, 007, 2.10) stays as written."
    construct = (yaml.SafeLoader.construct_yaml_int if node.tag.endswith(":int")
                 else yaml.SafeLoader.construct_yaml_float)
    value = construct(loader, node)
    return value if str(value) == node.value else node.value


for _cls in (_Loader, _FastLoader):
    _cls.add_constructor("tag:yaml.org,2002:int", _number)
    _cls.add_constructor("tag:yaml.org,2002:float", _number)
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )


@dataclass
class Document:
    "A parsed YAML file: its data, where each path stands, and what went wrong."

    data: Any = None
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    issues: list[tuple[int, int, str]] = field(default_factory=list)  # line, col, message
    # every text value as written: path -> (start line, col, end line, col, style), the
    # end just after its last character ('' plain, '"' '\'' quoted, '|' '>' block)
    scalars: dict[Path_, tuple[int, int, int, int, str]] = field(default_factory=dict)
    text: str = ""  # the file's text (without a byte order mark)
    strict_only: bool = False  # libyaml read something the reference parser refuses

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        "Line and column of a path; falls back to the nearest parent that exists."
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


def read_yaml(path: Path, root: Path | None = None) -> Document:
    """Parse one YAML file. Never raises for bad content: problems go to `issues`.

    Only a regular file inside `root` (default: the file's folder) is read, and at most
    MAX_BYTES of it: a pipe, a device or a link out of the pack gives a problem instead.
    """
    doc = Document()
    try:
        raw = read_pack_file(path, path.parent if root is None else root, MAX_BYTES)
    except TooLarge as exc:
        doc.issues.append(
            (1, 1, f"the file is too large ({exc.size // 1000} kB; a pack file may have "
                   f"at most {MAX_BYTES // 1000} kB): split it into several lessons")
        )
        return doc
    except PackFileError as exc:
        doc.issues.append((1, 1, str(exc)))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.issues.append((line, 1, "the file is not UTF-8 text: save it as UTF-8"))
        return doc
    return parse_yaml(text, doc)


def parse_yaml(text: str, doc: Document | None = None) -> Document:
    "Parse with libyaml; a file with any problem is parsed again for the reference messages."
    fast = _parse(text, Document(text=text), _FastLoader)
    trusted = not fast.issues and not fast.strict_only and not _RISKY.search(text)
    if trusted or _FastLoader is _Loader:
        if doc is None:
            return fast
        doc.data, doc.values, doc.keys = fast.data, fast.values, fast.keys
        doc.scalars, doc.text = fast.scalars, text
        return doc
    doc = doc or Document()
    doc.text = text
    return _parse(text, doc, _Loader)


# Constructs libyaml accepts although they are not valid YAML (PyYAML, the reference,
# refuses them): a directive with a comment glued on (%YAML 1.1#x), a block scalar
# header with one (>#x), a tab between values. Files with them are read by the reference.
_RISKY = re.compile(r"\t|^%|[|>][-+0-9]*#", re.MULTILINE)


def _parse(text: str, doc: Document, loader_cls: type) -> Document:
    bad = _BAD_CHAR.search(text)
    if bad:
        doc.issues.append(_bad_character(text, bad.start()))
        return doc
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.issues.append((1, 1, "the file is empty"))
            return doc
        if _count(node, {}, 0) > MAX_NODES:
            doc.issues.append((1, 1, "the file expands to too many values (anchors and "
                                     "aliases used too much): write it out plainly"))
            return doc
        _walk(node, (), doc, set())
        doc.strict_only = loader_cls is not _Loader and _lenient(node, False, set())
        doc.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        doc.issues.append(_yaml_issue(exc, text))
    except yaml.YAMLError as exc:
        doc.issues.append((1, 1, f"YAML error: {exc}"))
    except RecursionError:
        doc.issues.append((1, 1, "the file is nested too deeply to read"))
    finally:
        loader.dispose()
    return doc


# What YAML refuses to read (its "printable" set), found before any parser sees it.
_BAD_CHAR = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD"
                       "\U00010000-\U0010FFFF]")


def _bad_character(text: str, index: int) -> tuple[int, int, str]:
    "Line, column and message for a character YAML does not allow (NUL, BEL...)."
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    if text.count("\x00") * 4 >= len(text) > 0:
        return 1, 1, ("the file looks like UTF-16 text, not UTF-8: save it again as UTF-8 "
                      "(in your editor: Save as, encoding UTF-8)")
    code = f"U+{ord(text[index]):04X}"
    return line, col, (f"the file holds an invisible control character ({code}) that YAML "
                       "does not allow: delete it (retype the text around it)")


def _yaml_issue(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    "Line, column and a plain-words message for a YAML syntax error."
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source or "found character '\\t'" in problem:
        indent = source[: len(source) - len(source.lstrip(" \t"))]
        if "\t" in indent or "\t" not in source:
            return line, col, "YAML syntax: a tab is used for indentation; indent with spaces"
        tab = source.index("\t") + 1
        return line, tab, "YAML syntax: a tab between values; write spaces instead of the tab"
    if problem.endswith("but found '#'") and 1 < col <= len(source) \
            and source[col - 2] not in " \t":
        return line, col, ("YAML syntax: a # starts a comment only after a space: write a "
                           "space before the #")
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        quote = exc.context_mark
        return quote.line + 1, quote.column + 1, _unclosed(text[quote.index])
    if problem.endswith("but got '?'"):  # PyYAML ends plain text at a ? inside [ ] or { }
        return line, col, ("YAML syntax: a ? inside [ ] or { } ends the text there: put that "
                           "text in quotes, like \"Is it safe?\"")
    flow = exc.context_mark
    if exc.context in ("while parsing a flow sequence", "while parsing a flow mapping") \
            and flow is not None and flow.line + 1 < line:
        what, end = ("list", "]") if "sequence" in exc.context else ("mapping", "}")
        return flow.line + 1, flow.column + 1, (
            f"YAML syntax: the {what} opened here with {text[flow.index]} is never closed: "
            f"end it with {end}")
    opened = _unclosed_quote(lines[: line - 1])
    if opened and _parses_further(lines, opened, line):
        # a quote left open swallowed the lines below it, up to some other quote
        return opened[0], opened[1], _unclosed(opened[2])
    if "'<scalar>'" in problem and col > 1 and source[col - 2] in "\"'":
        # "Say "hi"" or 'C'est': the inner quote ended the text, and the rest makes no sense
        quote = source[col - 2]
        inside = "write “ ” (curly quotes) or \\\"" if quote == '"' else \
            "write ’ or '' (two apostrophes)"
        return line, col - 1, (f"YAML syntax: this {quote} ends the quoted text too early: "
                               f"inside {quote}...{quote}, {inside}")
    if "mapping values are not allowed" in problem:
        indent = len(source) - len(source.lstrip(" -"))
        if re.match(r"[\w\"' -]+$", source[indent : col - 1]) and ":" not in source[: col - 1]:
            # the line starts with its own key: it is read as part of the value above
            return line, indent + 1, ("YAML syntax: the indentation does not line up with the "
                                      "lines above")
        return line, col, ("YAML syntax: a ': ' inside a value; put the whole value in quotes "
                           "(\"like: this\")")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return line, col, "YAML syntax: the indentation does not line up with the lines above"
    return line, col, f"YAML syntax: {problem}"


def _unclosed(quote: str) -> str:
    return (f"YAML syntax: the quote {quote} opened here is never closed: end the text with "
            f"{quote} too")


_VALUE_QUOTE = re.compile(r"""^\s*(?:- +)*(?:[^\s"'#][^:#]*: +)?(?:- +)*(["'])""")


def _unclosed_quote(lines: list[str]) -> tuple[int, int, str] | None:
    "The last line whose value opens a quote it does not close (line, col, quote)."
    for number in range(len(lines), 0, -1):
        source = lines[number - 1]
        m = _VALUE_QUOTE.match(source)
        if not m:
            continue
        quote, rest = m[1], source[m.end():]
        if quote == '"':
            rest = rest.replace("\\\\", "").replace('\\"', "")
        else:
            rest = rest.replace("''", "")
        if quote not in rest:
            return number, m.start(1) + 1, quote
    return None


def _parses_further(lines: list[str], opened: tuple[int, int, str], line: int) -> bool:
    "True when closing the quote at the end of its line gets the parser past `line`."
    fixed = list(lines)
    fixed[opened[0] - 1] += opened[2]
    try:
        yaml.compose("\n".join(fixed), Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line + 1 > line
    except yaml.YAMLError:
        return False
    return True


def _lenient(node: yaml.Node, in_flow: bool, seen: set[int]) -> bool:
    "A plain '?' inside [ ] or { }: libyaml reads it, PyYAML (the reference) does not."
    if id(node) in seen:
        return False
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return in_flow and not node.style and "?" in node.value
    flow = in_flow or bool(node.flow_style)
    children = (node.value if isinstance(node, yaml.SequenceNode)
                else [n for pair in node.value for n in pair])
    return any(_lenient(child, flow, seen) for child in children)


def _count(node: yaml.Node, memo: dict[int, int], depth: int) -> int:
    if depth > 200:
        raise RecursionError
    key = id(node)
    if key in memo:
        return memo[key]
    total = 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += _count(k, memo, depth + 1) + _count(v, memo, depth + 1)
            if total > MAX_NODES:
                break
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            total += _count(v, memo, depth + 1)
            if total > MAX_NODES:
                break
    memo[key] = total
    return total


def _walk(node: yaml.Node, path: Path_, doc: Document, stack: set[int]) -> None:
    doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in stack:  # a recursive alias: the constructor will refuse it too
        return
    stack.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            line = key_node.start_mark.line + 1
            if key == "<<":
                continue
            if key in seen:
                doc.issues.append((line, key_node.start_mark.column + 1,
                                   f"duplicate key '{key}' (first at line {seen[key]})"))
                continue
            seen[key] = line
            doc.keys[(*path, key)] = (line, key_node.start_mark.column + 1)
            _walk(value_node, (*path, key), doc, stack)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), doc, stack)
    elif isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        doc.scalars[path] = (node.start_mark.line + 1, node.start_mark.column + 1,
                             end.line + 1, end.column + 1, node.style or "")
    stack.discard(id(node))
