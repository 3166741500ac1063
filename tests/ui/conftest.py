"""AppTest fixtures: the real app.py on a real SQLite file in a temp folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = "src/curriculum/ui/pages"


@pytest.fixture(scope="session", autouse=True)
def _fast_apptest() -> Iterator[None]:
    "Skip AppTest's scan of installed packages for components (streamlit is pinned)."
    from streamlit.components.v2.component_manager import BidiComponentManager

    mp = pytest.MonkeyPatch()
    mp.setattr(BidiComponentManager, "discover_and_register_components",
               lambda self, *a, **k: None)
    yield
    mp.undo()


@pytest.fixture
def db_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "curriculum.db"
    monkeypatch.setenv("CURRICULUM_DB", str(path))
    monkeypatch.chdir(ROOT)
    return path


@pytest.fixture
def people(db_file: Path) -> dict[str, int]:
    from curriculum.store import people as store_people
    from curriculum.store import session

    with session(db_file) as db:
        senior = store_people.create_person(db, "Marie", "senior")
        junior = store_people.create_person(db, "Léa", "junior")
    return {"senior": senior.id, "junior": junior.id}


@pytest.fixture
def make_app(db_file: Path) -> Callable[..., AppTest]:
    "An AppTest of app.py, with session_state preset from keyword arguments."

    def make(page: str | None = None, **state: object) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        for key, value in state.items():
            at.session_state[key.replace("__", ".")] = value
        at.run()
        if page:
            at.switch_page(f"{PAGES}/{page}.py")
            at.run()
        assert not at.exception, at.exception
        return at

    return make
