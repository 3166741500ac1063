"""UI strings, one catalogue per language; `t(lang, key, **params)`.

A language's catalogue is `<lang>.yaml` plus any `<lang>.<area>.yaml` beside it (one file
per area of the app, so areas can grow without touching each other); a key lives in one
file only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT = "en"
_DIR = Path(__file__).parent


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


def t(lang: str, key: str, **params: object) -> str:
    "The string for `key` in `lang` (falling back to English, then to the key itself)."
    lang = lang if lang in LANGUAGES else DEFAULT
    text = catalogue(lang).get(key) or catalogue(DEFAULT).get(key) or key
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text
