"""Helpers for the browser tests: waiting for Streamlit, axe-core, console errors.

Import them in tests as ``from e2e_helpers import settle, wait_for_app, ...`` (the
module has a distinctive name so that it cannot shadow another ``helpers`` module
on sys.path).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Error, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

APP_SELECTOR = '[data-testid="stApp"]'
APP_READY = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
APP_RUNNING = '[data-testid="stApp"][data-test-script-state="running"]'

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

# Installed in every page by the `page` fixture (conftest.py) before any script of
# the app: counts the script runs (transitions of stApp to "running"), so that
# settle() also notices reruns that finished before it started looking.
RUN_COUNTER_SCRIPT = """
(() => {
  if (window.top !== window || window.__e2eRuns !== undefined) return;
  window.__e2eRuns = 0;
  window.__e2eSettled = 0;
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const el = m.target;
      if (el.getAttribute && el.getAttribute("data-testid") === "stApp"
          && el.getAttribute("data-test-script-state") === "running"
          && m.oldValue !== "running") {
        window.__e2eRuns += 1;
      }
    }
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["data-test-script-state"],
  });
})();
"""

_MARK_SETTLED = """
() => { if (window.__e2eRuns !== undefined) window.__e2eSettled = window.__e2eRuns; }
"""

_RERUN_STARTED = """
(sel) => (window.__e2eRuns !== undefined && window.__e2eRuns > window.__e2eSettled)
  || document.querySelector(sel) !== null
"""


# After a run, the elements of the previous run that this one did not redraw stay in the
# page, marked stale, until the client clears them (just after the script state changes):
# meanwhile a locator can match the old and the new copy of a block (a strict-mode error).
_NO_STALE = """() => document.querySelector('[data-stale="true"]') === null"""


def wait_for_app(page: Page, timeout: float = 30_000) -> None:
    """Wait until the app is connected, its script is not running, and the elements of
    the previous run that this one did not draw again are gone."""
    page.wait_for_selector(APP_READY, state="attached", timeout=timeout)
    page.wait_for_function(_NO_STALE, timeout=timeout)
    page.evaluate(_MARK_SETTLED)


def settle(page: Page, timeout: float = 30_000, start_timeout: float = 2_000) -> None:
    """After an interaction (click, fill + Enter...), wait for Streamlit's rerun to end.

    Waits up to `start_timeout` ms for a rerun to start (or to have started and even
    finished since the last wait: the page counts runs, see RUN_COUNTER_SCRIPT),
    then for the app to be idle again. If no rerun is seen at all, it simply checks
    that the app is idle.
    """
    # No rerun seen: it was too fast to see, or the interaction caused none.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_RERUN_STARTED, arg=APP_RUNNING, timeout=start_timeout)
    wait_for_app(page, timeout=timeout)


def assert_no_axe_violations(
    page: Page, context_name: str, *, max_targets: int = 3, disable_rules: Iterable[str] = ()
) -> None:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; fail on any violation.

    `context_name` names the page or state under test in the failure message.
    `disable_rules` turns off axe rule ids (justify each use in the test).
    """
    options: dict = {
        "runOnly": {"type": "tag", "values": list(WCAG_TAGS)},
        "resultTypes": ["violations"],
    }
    disabled = list(disable_rules)
    if disabled:
        options["rules"] = {rule: {"enabled": False} for rule in disabled}
    results = Axe().run(page, options=options)
    violations = results.response["violations"]
    if not violations:
        return
    lines = [f"{len(violations)} axe violation(s) on {context_name} ({page.url}):"]
    for v in violations:
        targets = [" ".join(map(str, node["target"])) for node in v["nodes"]]
        shown = ", ".join(targets[:max_targets])
        more = f" (+{len(targets) - max_targets} more)" if len(targets) > max_targets else ""
        lines.append(f"- {v['id']} [{v.get('impact')}]: {v['help']}")
        lines.append(f"    targets: {shown}{more}")
        lines.append(f"    see: {v.get('helpUrl', '')}")
    pytest.fail("\n".join(lines), pytrace=False)


# --- Browser console errors ---------------------------------------------------------

# Harmless: on a deep link (/some_page) the client first asks for
# /some_page/_stcore/health and /some_page/_stcore/host-config, which answer 404,
# before it finds the server's root. Chromium logs a "Failed to load resource"
# error for each. Patterns are matched against "<message> (at <url>)".
DEFAULT_ALLOWED_ERRORS = (
    re.compile(
        r"^Failed to load resource: the server responded with a status of 404 .*"
        r"\(at https?://[^/ ]+/[^ ]+/_stcore/(health|host-config)\)$"
    ),
)


@dataclass
class ConsoleErrors:
    """Collects console errors and uncaught exceptions of one page."""

    page: Page
    allowed: list[re.Pattern[str]] = field(default_factory=lambda: list(DEFAULT_ALLOWED_ERRORS))
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_pageerror)

    def allow(self, pattern: str) -> None:
        """Tolerate, in this test, errors whose "<message> (at <url>)" matches this regex.

        Uncaught exceptions are matched as "<name>: <message>".
        """
        self.allowed.append(re.compile(pattern))

    def _on_console(self, msg: ConsoleMessage) -> None:
        if msg.type != "error":
            return
        url = (msg.location or {}).get("url") or "?"
        text = f"{msg.text} (at {url})"
        if any(p.search(text) for p in self.allowed):
            return
        self.errors.append(f"console.error: {text}")

    def _on_pageerror(self, exc: Error) -> None:
        text = f"{exc.name}: {exc.message}"
        if any(p.search(text) for p in self.allowed):
            return
        self.errors.append(f"uncaught exception: {text}")

    def check(self) -> None:
        if self.errors:
            listed = "\n".join(f"- {e}" for e in self.errors)
            pytest.fail(f"browser console errors:\n{listed}", pytrace=False)
