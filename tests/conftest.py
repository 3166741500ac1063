"""Shared fixtures of the core test suite (tests/ui and tests/e2e have their own)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
PACKS = TESTS / "packs"
GOOD = PACKS / "good"
BAD = PACKS / "bad"


@pytest.fixture(autouse=True)
def _no_env_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    "Tests never read the developer's CURRICULUM_LESSONS or CURRICULUM_DB."
    monkeypatch.delenv("CURRICULUM_LESSONS", raising=False)
    monkeypatch.delenv("CURRICULUM_DB", raising=False)
