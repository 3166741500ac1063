"""Cached reads: the catalogue is read again only when a pack file changes."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import streamlit as st

from ..packs import Catalogue, lesson_folders, load_catalogue, signature

_CHECK_EVERY = 2.0  # seconds between two looks at the pack files' mtimes
_last: dict[str, object] = {"at": 0.0, "sig": None}


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folders: tuple[str, ...], sig: str) -> Catalogue:
    return load_catalogue([Path(f) for f in folders])


def catalogue() -> Catalogue:
    folders = tuple(str(f) for f in lesson_folders())
    now = time.monotonic()
    if _last["sig"] is None or now - float(_last["at"]) > _CHECK_EVERY \
            or _last.get("folders") != folders:
        files = repr(signature([Path(f) for f in folders])).encode()
        _last.update(at=now, sig=hashlib.sha1(files).hexdigest(), folders=folders)
    return _load(folders, _last["sig"])  # type: ignore[arg-type]
