"""A pairing's reasons in today's words (see `programme.matching.Reason`): names and sites
escaped for Markdown, topics, slots and languages translated, lists joined as a sentence."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..programme.matching import Reason
from ..render import escape

T = Callable[..., str]
USER_TEXT = ("name", "senior", "junior", "manager", "report", "partner", "site")


def _known(key: str, fallback: str, tr: T) -> str:
    text = tr(key)
    return fallback if text == key else text


def listing(items: list[str], tr: T) -> str:
    "'a, b and c' (in today's language)."
    return tr("pairs.list_last", rest=", ".join(items[:-1]), last=items[-1]) \
        if len(items) > 1 else "".join(items)


def words(reason: Reason, tr: T) -> str:
    "One reason in today's language; names and sites escaped for Markdown."
    p = {k: escape(str(v)) if k in USER_TEXT else v for k, v in reason.params.items()}
    if "topics" in p:
        p["topics"] = listing([_known(f"topic.{t}", escape(t), tr) for t in p["topics"]], tr)
    if "slots" in p:
        p["slots"] = listing([tr("pairs.slot", day=tr(f"pairs.day.{s[:3]}"),
                                 part=tr(f"pairs.part.{s[4:]}")) for s in p["slots"]], tr)
    if "language" in p:
        p["language"] = _known(f"pairs.lang.{p['language']}", escape(str(p["language"])), tr)
    kind = reason.kind
    if kind == "topics" and not p["covered"]:
        kind = "topics_none"
    elif kind == "topics" and p["wanted"] == 1:
        kind = "topics_one"
    return tr(f"pairs.reason.{kind}", **p)


def sentence(reasons: Iterable[Reason], tr: T) -> str:
    return tr("pairs.separator").join(words(r, tr) for r in reasons)
