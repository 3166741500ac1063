"""A real Streamlit server for the browser tests: app.py at the repo root on a free port,
on its own SQLite file, with the bundled lessons or the packs of a given folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP = REPO_ROOT / "app.py"
SERVER_START_TIMEOUT_S = 60


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


@contextmanager
def serve(tmp: Path, lessons: Path | None = None) -> Iterator[AppServer]:
    "Run the app until the block ends; `lessons`: a folder of packs (default: lessons/)."
    db_path = tmp / "e2e.db"
    log_path = tmp / "streamlit.log"
    url = f"http://127.0.0.1:{_free_port()}"
    env = os.environ.copy()
    env["CURRICULUM_DB"] = str(db_path)
    env["PYTHONUNBUFFERED"] = "1"
    if lessons is None:
        env.pop("CURRICULUM_LESSONS", None)  # the bundled lessons/ load
    else:
        env["CURRICULUM_LESSONS"] = str(lessons)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", url.rsplit(":", 1)[1],
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT)
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
