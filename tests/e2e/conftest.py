"""Browser tests: a real Streamlit server (app.py at the repo root) driven by
pytest-playwright through Debian's Chromium (/usr/bin/chromium).

Fixtures:
- app_server (session): the running app; `.url`, `.db_path` (fresh SQLite file).
- page: pytest-playwright's page, with 30 s timeouts, a run counter for settle()
  and a console-error check (a test fails on console errors it did not allow).
- console_errors: that collector, to `.allow(regex)` an expected error.
- empty_db: the server's database emptied (for a test that starts from nothing).
Helpers (wait_for_app, settle, assert_no_axe_violations) are in e2e_helpers.py; the
server itself is started by e2e_server.serve (a test may start a second one with its packs).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from e2e_helpers import RUN_COUNTER_SCRIPT, ConsoleErrors
from e2e_server import AppServer, serve
from playwright.sync_api import Page, expect

E2E_DIR = Path(__file__).resolve().parent

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 30_000

expect.set_options(timeout=DEFAULT_TIMEOUT_MS)

_CONSOLE_KEY = pytest.StashKey[ConsoleErrors]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only this folder's.
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


# --- The Streamlit server --------------------------------------------------------------


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    with serve(tmp_path_factory.mktemp("e2e-server")) as server:
        yield server


@pytest.fixture
def empty_db(app_server: AppServer) -> Path:
    """The server's database with every row deleted (tables and migrations kept), for a
    test that starts from nothing. The server opens a connection per operation, so it
    sees the empty tables at once."""
    path = app_server.db_path
    if path.exists():
        with closing(sqlite3.connect(path, timeout=30, isolation_level=None)) as conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            tables = [r[0] for r in conn.execute(
                "select name from sqlite_master where type = 'table' "
                "and name not like 'sqlite_%' and name not like '\\_%' escape '\\'")]
            conn.execute("BEGIN IMMEDIATE")
            for table in tables:
                conn.execute(f'DELETE FROM "{table}"')
            conn.execute("COMMIT")
    return path


# --- The browser (pytest-playwright overrides) -----------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # `playwright install` cannot download browsers here: use Debian's Chromium.
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's Chromium. "
            "Run `scripts/setup --browser` (apt-get install chromium).",
            pytrace=False,
        )
    args = list(CHROMIUM_ARGS)
    if browser_type_launch_args.get("headless") is False:  # --headed
        args.remove("--headless")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def page(page: Page, request: pytest.FixtureRequest) -> Page:
    page.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page.add_init_script(RUN_COUNTER_SCRIPT)
    request.node.stash[_CONSOLE_KEY] = ConsoleErrors(page)
    return page


@pytest.fixture
def console_errors(page: Page, request: pytest.FixtureRequest) -> ConsoleErrors:
    return request.node.stash[_CONSOLE_KEY]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    # Runs after the test body passed: a console error then fails the test itself
    # (a failing body is reported as is).
    result = yield
    collector = item.stash.get(_CONSOLE_KEY, None)
    if collector is not None:
        collector.check()
    return result
