"""Smoke test: the real app starts and shows its welcome page in a real browser."""

from e2e_helpers import wait_for_app
from playwright.sync_api import Page, expect


def test_welcome_page_shows_title(page: Page, app_server) -> None:
    page.goto(app_server.url)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Binôme", level=1)).to_be_visible()
