"""UI strings, one catalogue per language (i18n/<lang>.yaml); `t(lang, key, **params)`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT = "en"
_DIR = Path(__file__).parent


@cache
def catalogue(lang: str) -> dict[str, str]:
    with (_DIR / f"{lang}.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    return {str(k): str(v) for k, v in data.items()}


def t(lang: str, key: str, **params: object) -> str:
    "The string for `key` in `lang` (falling back to English, then to the key itself)."
    lang = lang if lang in LANGUAGES else DEFAULT
    text = catalogue(lang).get(key) or catalogue(DEFAULT).get(key) or key
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text
