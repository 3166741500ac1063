"""Author Markdown -> safe HTML.

markdown-it-py with raw HTML off (tags are shown as text), links only with safe schemes
(http, https, mailto, tel, and relative), images only from files inside the pack (inlined
as data: URLs, so nothing is fetched from elsewhere). External links open in a new tab
without giving it access to the page.
"""

from __future__ import annotations

import base64
import contextlib
import mimetypes
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .packfiles import PackFileError, read_pack_file
from .semantics import MAX_IMAGE_BYTES, image_problem

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def _safe_link(url: str) -> bool:
    u = "".join(url.split()).lower()
    if ":" not in u.split("/")[0].split("?")[0].split("#")[0]:
        return True  # relative link or anchor
    return u.startswith(SAFE_SCHEMES)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


_MD = _parser()


def data_url(path: Path, root: Path | None = None) -> str:
    "The picture inlined (read as a regular file inside `root`, size-capped)."
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    data = read_pack_file(path, path.parent if root is None else root, MAX_IMAGE_BYTES)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _fix_tokens(tokens: list[Token], pack_dir: Path | None) -> None:
    for tok in tokens:
        if tok.children:
            _fix_tokens(tok.children, pack_dir)
        if tok.type == "image":
            src = str(tok.attrs.get("src", ""))
            ok = pack_dir is not None and image_problem(src, pack_dir) is None
            inlined = None
            if ok and pack_dir is not None:
                with contextlib.suppress(PackFileError):  # changed since it was checked
                    inlined = data_url(pack_dir / src, pack_dir)
            if inlined is not None:
                tok.attrs["src"] = inlined
            else:  # replaced by its alt text, so nothing is fetched
                tok.type = "text"
                tok.content = f"[{tok.content or 'image'}]"
                tok.children = None
        elif tok.type == "link_open":
            href = str(tok.attrs.get("href", ""))
            if href.startswith(("http:", "https:")):
                tok.attrs["target"] = "_blank"
                tok.attrs["rel"] = "noopener noreferrer"


@lru_cache(maxsize=4096)
def to_html(markdown: str, pack_dir: Path | None = None, inline: bool = False) -> str:
    "Render Markdown safely. `inline` renders a single line without a <p> around it."
    text = str(markdown)
    tokens = _MD.parseInline(text) if inline else _MD.parse(text)
    _fix_tokens(tokens, pack_dir)
    return _MD.renderer.render(tokens, _MD.options, {})


def plain_text(markdown: str) -> str:
    "Markdown without its markup (for labels, selftest answers and exports)."
    out: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for tok in tokens:
            if tok.children:
                walk(tok.children)
            elif tok.type in ("text", "code_inline"):
                out.append(tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif tok.type == "fence" or tok.type == "code_block":
                out.append(tok.content)

    walk(_MD.parse(str(markdown)))
    return " ".join("".join(out).split())


# What Streamlit's Markdown could turn into an image, a link, HTML, a colour or maths.
_PLAIN_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`[]<>$"})


def plain_label(markdown: str) -> str:
    """Author Markdown as plain words for a checkbox label: nothing in it can draw an
    image or a link. Only the few characters that could are escaped, so the accessible
    name (the label as written) still holds the words shown (WCAG 2.5.3)."""
    return plain_text(markdown).translate(_PLAIN_ESCAPE)


_LABEL_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]()<>#|~$!:{}"})


def escape(text: str) -> str:
    "Plain text (a person's name...) made safe to place inside Markdown."
    return " ".join(str(text).split()).translate(_LABEL_ESCAPE)


def label(markdown: str) -> str:
    "Author Markdown reduced to bold, italics and code, for widget labels (no links, no HTML)."
    out: list[str] = []

    def walk(tokens: list[Token]) -> None:
        for tok in tokens:
            if tok.children:
                walk(tok.children)
            elif tok.type == "text":
                out.append(tok.content.translate(_LABEL_ESCAPE))
            elif tok.type == "code_inline":
                out.append("`" + tok.content.replace("`", "'") + "`")
            elif tok.type in ("strong_open", "strong_close"):
                out.append("**")
            elif tok.type in ("em_open", "em_close"):
                out.append("*")
            elif tok.type in ("softbreak", "hardbreak"):
                out.append(" ")

    walk(_MD.parseInline(" ".join(str(markdown).split())))
    return "".join(out)
