"""A hostile pack in a real browser: Markdown payloads in every author string (labels,
help texts, captions, options, chat names...) of every step kind, with the app's own
renderer and Streamlit's Markdown side by side. The browser never asks a host other than
the app for anything, and no data: link or outside image is in the page.

The payloads are those of tests/helpers/payload_pack.py (an image in a code span, an
escaped image, a data: link, raw HTML, an autolink), added to the examples pack; the
pack's own Markdown in tests/fixtures/xss.md is checked by tests/test_render.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from e2e_helpers import wait_for_app
from e2e_player import go_next, main
from e2e_server import serve
from payload_pack import EVIL, make_payload_pack
from playwright.sync_api import Page, expect

from curriculum.packs import load_catalogue
from curriculum.store import people, session

LESSONS = ["step-kinds", "practice-chat", "practice-email", "practice-spreadsheet",
           "practice-social"]
_BAD_IN_PAGE = """([evil, app]) => [
  ...[...document.querySelectorAll('img')].map((i) => i.getAttribute('src') || '')
     .filter((s) => s.includes(evil) || (/^https?:/i.test(s) && !s.startsWith(app)))
     .map((s) => 'img ' + s),
  ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))
     .filter((h) => /^\\s*(data|javascript):/i.test(h)).map((h) => 'link ' + h),
]"""


@pytest.fixture(scope="module")
def payload_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    "A second app server whose only pack is the payload pack."
    tmp = tmp_path_factory.mktemp("xss-server")
    make_payload_pack(tmp / "packs")
    assert not load_catalogue([tmp / "packs"]).errors
    with serve(tmp, lessons=tmp / "packs") as server:
        yield server.url, server.db_path


def test_payloads_in_every_step_kind_fetch_nothing_outside(page: Page, payload_server) -> None:
    url, db_path = payload_server
    app_host = urlsplit(url).netloc
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).scheme in (
        "http", "https", "ws", "wss") and urlsplit(r.url).netloc != app_host else None)
    with session(db_path) as db:
        senior = people.create_person(db, "Colette", "senior")
        junior = people.create_person(db, "Noah", "junior")
    catalogue = load_catalogue([db_path.parent / "packs"])
    for lesson_id in LESSONS:
        lesson = catalogue.lesson("payload", lesson_id)
        page.goto(f"{url}/player?senior={senior.id}&junior={junior.id}&lang=en"
                  f"&lesson=payload/{lesson_id}")
        wait_for_app(page)
        expect(main(page)).to_contain_text("Step 1 of")
        for n, step in enumerate(lesson.steps, 1):
            expect(main(page)).to_contain_text(f"Step {n} of {len(lesson.steps)}")
            for target in page.get_by_test_id("stTooltipHoverTarget").all():
                target.hover()  # help texts are drawn (Markdown) when hovered
            page.mouse.move(0, 0)
            assert page.evaluate(_BAD_IN_PAGE, [EVIL, url]) == [], (lesson_id, step.id)
            assert outside == [], (lesson_id, step.id, outside)
            go_next(page)
    assert page.get_by_text(EVIL).count() > 0, "the payloads were on the pages, as text"
    assert outside == []
