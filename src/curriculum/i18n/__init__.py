"""UI strings, one catalogue per language; `t(lang, key, **params)`.

A language's catalogue is `<lang>.yaml` plus any `<lang>.<area>.yaml` beside it (one file
per area of the app, so areas can grow without touching each other); a key lives in one
file only.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT = "en"
_DIR = Path(__file__).parent


def supported(tag: str | None) -> str | None:
    "The UI language for a language tag ('fr-BE' -> 'fr'), or None when there is none."
    base = re.split(r"[-_]", tag or "")[0].lower()
    return base if base in LANGUAGES else None


def first_language(*tags: str | None) -> str:
    "The first tag the UI speaks, in order of preference; English when none does."
    return next((lang for tag in tags if (lang := supported(tag))), DEFAULT)


def files(lang: str) -> list[Path]:
    return [_DIR / f"{lang}.yaml", *sorted(_DIR.glob(f"{lang}.*.yaml"))]


@cache
def catalogue(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in files(lang):
        with path.open(encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        out.update({str(k): str(v) for k, v in data.items()})
    return out


_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_ELISION = re.compile(r"\b([Qq]ue|[Dd]e|[Ll]e|[Ll]a|[Jj]e|[Nn]e|[Ss]e) ([AEIOUÉÈÊÀÂaeiouéèêàâ])")


def number(lang: str, value: object) -> object:
    "A decimal number written as `lang` writes it (4,5 in French)."
    if isinstance(value, float):
        value = f"{value:g}"
    if lang == "fr" and isinstance(value, str) and _DECIMAL.match(value):
        return value.replace(".", ",")
    return value


def t(lang: str, key: str, **params: object) -> str:
    "The string for `key` in `lang` (falling back to English, then to the key itself)."
    lang = lang if lang in LANGUAGES else DEFAULT
    text = catalogue(lang).get(key) or catalogue(DEFAULT).get(key) or key
    if not params:
        return text
    try:
        out = text.format(**{k: number(lang, v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return text
    if lang == "fr":  # "que Annie" -> "qu'Annie", once the name is in
        out = _ELISION.sub(lambda m: m[1][:-1] + "'" + m[2], out)
    return out


def date_words(lang: str, moment: datetime | None, with_time: bool = False) -> str:
    "A date (and time) in words, in `lang`, in local time ('—' for none)."
    if moment is None:
        return "—"
    local = moment.astimezone()
    text = t(lang, "pair.date", weekday=t(lang, "pair.weekdays").split(",")[local.weekday()],
             day=local.day, month=t(lang, "pair.months").split(",")[local.month - 1],
             year=local.year)
    return t(lang, "pair.date_time", date=text, time=local.strftime("%H:%M")) if with_time \
        else text
