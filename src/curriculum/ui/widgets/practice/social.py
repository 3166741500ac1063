"""The social practice app on screen. To be completed: see the practice-apps issue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ....model import PracticeStep
from ...actions import Ctx
from ..content import markdown


def draw(step: PracticeStep, ctx: Ctx, pack_dir: Path, tr: Callable[..., str],
         solved: bool) -> None:
    markdown(step.prompt, pack_dir)
