"""Interface icons are Material symbols, which always render; emoji show as empty boxes in a
browser without an emoji font. Emoji stay only where they are what the senior picks or sends."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex
from streamlit.material_icon_names import ALL_MATERIAL_ICONS

from curriculum.i18n import LANGUAGES, catalogue
from curriculum.ui.registry import PAGES

UI = Path(__file__).resolve().parents[1] / "src" / "curriculum" / "ui"
EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
MATERIAL = regex.compile(r":material/([a-z0-9_]+):")
# the content of the practice chat: its emoji picker and its reactions
CONTENT = {"👍", "😀", "😂", "❤️", "😘", "🎉", "🌸", "🙏", "😮", "😢"}


def ui_literals() -> list[tuple[str, int, str]]:
    "Every string literal in the UI code (f-string parts included): file, line, text."
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((str(path.relative_to(UI)), node.lineno, node.value))
    return found


def catalogue_texts() -> list[tuple[str, str]]:
    return [(f"{lang}:{key}", text) for lang in sorted(LANGUAGES)
            for key, text in catalogue(lang).items()]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_emoji_in_the_catalogues(lang):
    with_emoji = {k: v for k, v in catalogue(lang).items() if EMOJI.search(v)}
    assert with_emoji == {}


def test_no_emoji_in_the_ui_code_but_the_chat_content():
    with_emoji = [(f, n, s) for f, n, s in ui_literals() if EMOJI.search(s) and s not in CONTENT]
    assert with_emoji == []


def test_the_content_emoji_are_still_offered():
    "The chat's picker and reactions keep their emoji: they are what the senior sends."
    assert {s for _, _, s in ui_literals()} >= CONTENT


def test_every_material_icon_exists():
    "A misspelt icon name would show as its name in letters."
    names = [(f"{f}:{n}", name) for f, n, s in ui_literals() for name in MATERIAL.findall(s)]
    assert len(names) > 50
    assert [(w, name) for w, name in names if name not in ALL_MATERIAL_ICONS] == []


def test_icons_are_given_as_icons_never_inside_a_text():
    """`icon=":material/send:"` is hidden from screen readers; inside Markdown text Streamlit
    names it "send icon", in English on a French page. So a text never holds an icon."""
    assert [w for w, text in catalogue_texts() if ":material/" in text] == []
    inside = [(f, n, s) for f, n, s in ui_literals() if ":material/" in s
              and not MATERIAL.fullmatch(s)]
    assert inside == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.file)
def test_every_page_has_a_material_icon_and_a_title_in_words(page):
    assert MATERIAL.fullmatch(page.icon) and MATERIAL.fullmatch(page.icon)[1] in ALL_MATERIAL_ICONS
    for lang in LANGUAGES:
        assert regex.search(r"\p{L}", catalogue(lang)[page.title_key])
