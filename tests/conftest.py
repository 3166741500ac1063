"""Shared set-up of the core test suite (tests/ui and tests/e2e have their own conftest).

Test modules find their data beside them (tests/packs, tests/fixtures) through
`Path(__file__)`: importing from a conftest clashes with the other conftests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from curriculum.store import open_db

CORE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _no_env_folders(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    "Core tests never read the developer's CURRICULUM_LESSONS or CURRICULUM_DB."
    if Path(request.path).resolve().parent == CORE:  # not tests/ui, not tests/e2e
        monkeypatch.delenv("CURRICULUM_LESSONS", raising=False)
        monkeypatch.delenv("CURRICULUM_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    "A new database with the whole schema, in a file of its own (the core tests' store)."
    database = open_db(tmp_path / "curriculum.db")
    yield database
    database.close()
