"""Browser tests: a real Streamlit server (app.py at the repo root) driven by
pytest-playwright through Debian's Chromium (/usr/bin/chromium).

Fixtures:
- app_server (session): the running app; `.url`, `.db_path` (fresh SQLite file).
- page: pytest-playwright's page, with 30 s timeouts, a run counter for settle()
  and a console-error check (a test fails on console errors it did not allow).
- console_errors: that collector, to `.allow(regex)` an expected error.
- empty_db: the server's database emptied (for a test that starts from nothing).
Helpers (wait_for_app, settle, assert_no_axe_violations) are in e2e_helpers.py.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_helpers import RUN_COUNTER_SCRIPT, ConsoleErrors
from playwright.sync_api import Page, expect

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
APP = REPO_ROOT / "app.py"

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
SERVER_START_TIMEOUT_S = 60
DEFAULT_TIMEOUT_MS = 30_000

expect.set_options(timeout=DEFAULT_TIMEOUT_MS)

_CONSOLE_KEY = pytest.StashKey[ConsoleErrors]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only this folder's.
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


# --- The Streamlit server --------------------------------------------------------------


@dataclass(frozen=True)
class AppServer:
    url: str
    db_path: Path
    log_path: Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(path: Path, max_chars: int = 6000) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no server output)"
    return text[-max_chars:] or "(no server output)"


def _wait_until_healthy(proc: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"streamlit exited with code {proc.returncode} before it was healthy.\n"
                f"Server output:\n{_log_tail(log_path)}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200 and resp.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(
        f"streamlit was not healthy after {SERVER_START_TIMEOUT_S} s.\n"
        f"Server output:\n{_log_tail(log_path)}",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    tmp = tmp_path_factory.mktemp("e2e-server")
    db_path = tmp / "e2e.db"
    log_path = tmp / "streamlit.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"

    env = os.environ.copy()
    env["CURRICULUM_DB"] = str(db_path)
    env.pop("CURRICULUM_LESSONS", None)  # the bundled lessons/ load
    env["PYTHONUNBUFFERED"] = "1"

    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_healthy(proc, url, log_path)
        yield AppServer(url=url, db_path=db_path, log_path=log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


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
