"""Author Markdown -> safe HTML: nothing executable gets through; images only from the pack."""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from curriculum.render import plain_text, to_html

TESTS = Path(__file__).resolve().parent

XSS = (TESTS / "fixtures" / "xss.md").read_text(encoding="utf-8")
SAFE_TAGS = {"h1", "h2", "h3", "p", "a", "img", "code", "pre", "strong", "em", "ul", "ol", "li",
             "blockquote", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "s"}
SAFE_ATTRS = {"href", "src", "alt", "title", "class", "target", "rel"}
SAFE_HREF = re.compile(r"^(https?:|mailto:|tel:|#|[^:]*$)")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser


def scheme_of(url: str) -> str:
    "What a browser sees: entities decoded, blanks and control characters dropped."
    return "".join(c for c in html.unescape(url) if c > " ").lower()


@pytest.fixture(params=[False, True], ids=["block", "inline"])
def xss_html(request: pytest.FixtureRequest) -> str:
    return to_html(XSS, None, inline=request.param)


def test_no_executable_tag_gets_through(xss_html: str) -> None:
    lower = xss_html.lower()
    for bad in ("<script", "<iframe", "<svg", "<style", "<object", "<embed", "<form", "<input",
                "<body", "<math", "<div", "<!--"):
        assert bad not in lower
    found = parse(xss_html)
    assert {tag for tag, _ in found.tags} <= SAFE_TAGS
    assert found.comments == []


def test_no_event_handler_or_style_attribute(xss_html: str) -> None:
    for tag, attrs in parse(xss_html).tags:
        assert set(attrs) <= SAFE_ATTRS, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs)


def test_no_dangerous_link_scheme(xss_html: str) -> None:
    links = [(tag, attrs) for tag, attrs in parse(xss_html).tags if "href" in attrs
             or "src" in attrs]
    for tag, attrs in links:
        url = scheme_of(attrs.get("href") or attrs.get("src") or "")
        assert SAFE_HREF.match(url), (tag, attrs)
        for bad in ("javascript:", "vbscript:", "data:", "file:"):
            assert not url.startswith(bad), (tag, attrs)


def test_the_xss_text_is_still_shown_as_text() -> None:
    out = to_html(XSS)
    assert "&lt;script&gt;alert('script tag')&lt;/script&gt;" in out
    assert "<code>&lt;script&gt;inline code stays text&lt;/script&gt;</code>" in out


def test_safe_links_still_work() -> None:
    out = to_html(XSS)
    assert ('<a href="https://example.org" target="_blank" rel="noopener noreferrer">'
            "a web page</a>") in out
    assert '<a href="mailto:sam@example.org">mail</a>' in out
    assert '<a href="tel:+33123456789">call</a>' in out
    assert '<a href="#top">anchor</a>' in out
    assert "<strong>bold</strong>" in out


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "dot.png").write_bytes((TESTS / "packs/good/tour/media/dot.png")
                                              .read_bytes())
    (tmp_path / "outside.png").write_bytes(b"\x89PNG outside")
    return folder


def test_an_image_inside_the_pack_becomes_a_data_url(pack: Path) -> None:
    out = to_html("![A dot](media/dot.png)", pack)
    encoded = base64.b64encode((pack / "media" / "dot.png").read_bytes()).decode()
    assert f'<img src="data:image/png;base64,{encoded}" alt="A dot" />' in out


@pytest.mark.parametrize("src", ["../outside.png", "media/../../outside.png", "/etc/passwd.png",
                                 "http://example.org/x.png", "https://example.org/x.png",
                                 "//example.org/x.png", "media/missing.png"])
def test_an_image_from_anywhere_else_becomes_its_alt_text(pack: Path, src: str) -> None:
    out = to_html(f"Look: ![A dot]({src})", pack)
    assert out == "<p>Look: [A dot]</p>\n"


@pytest.mark.parametrize("src", ["file:///etc/x.png", "C:/x.png", "javascript:alert(1)"])
def test_an_image_with_an_unsafe_scheme_is_never_an_image(pack: Path, src: str) -> None:
    out = to_html(f"![A dot]({src})", pack)
    assert "<img" not in out
    assert "href" not in out


def test_without_a_pack_every_image_is_its_alt_text() -> None:
    assert to_html("![A dot](media/dot.png)") == "<p>[A dot]</p>\n"
    assert to_html("![](https://x.org/a.png)") == "<p>[image]</p>\n"


def test_alt_text_is_escaped(pack: Path) -> None:
    out = to_html("![<script>alert(1)</script>](../outside.png)", pack)
    assert "<script" not in out
    assert "&lt;script&gt;" in out or "[alert(1)]" in out


def test_inline_has_no_paragraph() -> None:
    assert to_html("**Hello** _you_", inline=True) == "<strong>Hello</strong> <em>you</em>"


def test_plain_text() -> None:
    assert plain_text("**Hello** `code`\nand [a link](https://x.org)") == (
        "Hello code and a link")
    assert plain_text("<b>raw</b>") == "<b>raw</b>"


def test_a_checkbox_label_draws_no_image_nor_link() -> None:
    from curriculum.render import plain_label

    got = plain_label("The `![a](https://evil.example/a.png)` box \\![b](https://evil.example/b.png)"
                      " [dl](data:text/html;base64,PHN2Zz4=) <img src=x> (yes!)")
    assert got == ("The !\\[a\\](https://evil.example/a.png) box !b \\[dl\\](data:text/html;"
                   "base64,PHN2Zz4=) \\<img src=x\\> (yes!)")
