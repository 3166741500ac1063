"""The pages: file, title, icon, and who may open them (None: everyone)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGES_DIR = Path(__file__).parent / "pages"
MEMBERS = frozenset({"senior", "junior", "coordinator"})
COORDINATOR = frozenset({"coordinator"})


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    icon: str
    roles: frozenset[str] | None = None
    default: bool = False

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.file

    @property
    def url_path(self) -> str:
        return self.file.removesuffix(".py")


PAGES = (
    PageSpec("welcome.py", "nav.welcome", ":material/waving_hand:", default=True),
    PageSpec("today.py", "nav.today", ":material/today:", MEMBERS),
    PageSpec("catalogue.py", "nav.catalogue", ":material/menu_book:"),
    PageSpec("player.py", "nav.player", ":material/play_arrow:"),
    PageSpec("pair.py", "nav.pair", ":material/handshake:", MEMBERS),
    PageSpec("profile.py", "nav.profile", ":material/badge:", MEMBERS),
    PageSpec("authors.py", "nav.authors", ":material/edit_note:"),
    PageSpec("pairs.py", "nav.pairs", ":material/extension:", COORDINATOR),
    PageSpec("people.py", "nav.people", ":material/group:", COORDINATOR),
    PageSpec("dashboard.py", "nav.dashboard", ":material/dashboard:", COORDINATOR),
)
