"""No author text reaches Streamlit's Markdown raw: every step kind, in a pair (coach panel
too), with Markdown payloads in every author string (tests/helpers/payload_pack.py).

Every label, help text, caption, option and Markdown element of every step is read back
as Streamlit would read it (CommonMark): no image, no link to the payload's host or to a
data: address, no raw <img>. What our renderer draws (st.html) fetches nothing outside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from google.protobuf.message import Message
from markdown_it import MarkdownIt
from payload_pack import EVIL, make_payload_pack

from curriculum.packs import load_catalogue

_MD = MarkdownIt("commonmark")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link


def _strings(message: Message) -> list[str]:
    "Every text field of an element's proto (labels, help, options, bodies...)."
    found: list[str] = []
    for _field, value in message.ListFields():
        values = value if isinstance(value, Iterable) and not isinstance(
            value, str | bytes | Message) else [value]
        for v in values:
            if isinstance(v, str):
                found.append(v)
            elif isinstance(v, Message):
                found += _strings(v)
    return found


def _elements(node):
    if hasattr(node, "children"):
        for child in node.children.values():
            yield from _elements(child)
    if getattr(node, "proto", None) is not None:
        yield node


def raw_author_text(text: str) -> list[str]:
    """What Streamlit's Markdown would make of this text that fetches or links outside (a
    link in a label or a caption is no feature of ours: any link to the payload's host)."""
    bad: list[str] = []

    def walk(tokens):
        for tok in tokens:
            if tok.children:
                walk(tok.children)
            if tok.type == "image":
                bad.append(f"image {tok.attrs.get('src')}")
            elif tok.type == "link_open":
                href = str(tok.attrs.get("href", ""))
                if EVIL in href or href.lower().startswith("data:"):
                    bad.append(f"link {href}")
            elif tok.type in ("html_inline", "html_block") and "<img" in tok.content.lower():
                bad.append(f"html {tok.content}")

    walk(_MD.parse(text))
    return bad


def outside_fetches(html: str) -> list[str]:
    "What our renderer's HTML would fetch outside, or open as a data: or script link."
    fetched = [m for m in re.findall(r'src="([^"]*)"', html) if not m.startswith("data:image")]
    opened = [m for m in re.findall(r'href="([^"]*)"', html)
              if m.lower().startswith(("data:", "javascript:"))]
    return fetched + opened


PLAIN = {"Image", "ChatMessage", "Code"}  # alt, avatar name, code: not Markdown


def check_page(at, where: str) -> int:
    "Fails on any raw author text on the page; the number of texts looked at."
    seen = 0
    for element in _elements(at._tree):
        kind = type(element).__name__
        if kind in PLAIN:
            continue
        for text in _strings(element.proto):
            seen += 1
            if element.proto.DESCRIPTOR.name == "Html" or kind == "Html":
                assert not outside_fetches(text), (where, kind, text)
            elif EVIL in text or "data:text" in text:
                assert not raw_author_text(text), (where, kind, text)
    return seen


def test_the_checker_sees_a_raw_payload() -> None:
    from payload_pack import PAYLOAD

    assert len(raw_author_text(PAYLOAD.replace("`", ""))) >= 3


@pytest.fixture
def payload(tmp_path, monkeypatch):
    folder = tmp_path / "packs"
    make_payload_pack(folder)
    monkeypatch.setenv("CURRICULUM_LESSONS", str(folder))
    return load_catalogue([folder])


def test_every_widget_of_every_step_kind_keeps_author_text_escaped(make_app, people,
                                                                  payload) -> None:
    assert not payload.errors, payload.errors
    loaded = payload.packs["payload"]
    kinds: set[str] = set()
    for lesson_id, lesson in loaded.lessons.items():
        at = make_app("player", who__senior=people["senior"], who__junior=people["junior"],
                      player__lesson=f"payload/{lesson_id}")
        for step in lesson.steps:
            assert not at.exception, at.exception
            assert check_page(at, f"{lesson_id}/{step.id}") > 0
            kinds.add(step.kind)
            for prefix in ("player.hint", "player.answer_btn"):  # hints and the answer too
                found = [b for b in at.button if b.key and b.key.startswith(prefix)
                         and not b.disabled]
                if found:
                    found[0].click().run()
                    check_page(at, f"{lesson_id}/{step.id} after {prefix}")
            nxt = [b for b in at.button if b.key and b.key.startswith("player.next")]
            nxt[0].click().run()
        check_page(at, f"{lesson_id}: the summary")
    assert kinds >= {"explain", "choice", "text", "order", "do", "email", "spreadsheet",
                     "chat", "social"}


def test_the_catalogue_and_the_authors_page_keep_author_text_escaped(make_app, people,
                                                                    payload) -> None:
    at = make_app("catalogue", who__senior=people["senior"])
    check_page(at, "catalogue")
    at = make_app("authors")
    at.selectbox(key="authors.preview").set_value("payload/step-kinds").run()
    check_page(at, "authors")


def test_a_file_name_in_the_authors_page_is_escaped(make_app, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "odd" / "p"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("format: 1\nid: p\ntitle: P\nlanguage: en\n"
                                      "topic: email\nlessons: [one]\n", encoding="utf-8")
    (folder / f"![x](https:{EVIL}:x.png).yaml").write_text("id: x\n", encoding="utf-8")
    monkeypatch.setenv("CURRICULUM_LESSONS", str(tmp_path / "odd"))
    at = make_app("authors")
    check_page(at, "authors, an odd file name")
    assert Path(folder).exists()
