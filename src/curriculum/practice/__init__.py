"""The practice apps' engines, one module per kind (pure: an action in, an outcome out).

Each module provides:

- ``FIELDS``: the fields its ``expect``/``feedback`` rules may name
- ``check(step, answer, lang) -> Outcome``: `answer` is what the senior did in the app
  (a dict of fields), recorded with the attempt
- ``problems(step, folder) -> Iterator[Found]``: semantic checks for the validator
- ``selftest(step, lang) -> Iterator[tuple[bool, str]]``: recorded actions that must pass/fail
- ``solution_markdown(step) -> str | None``: what "show the answer" shows
"""

from __future__ import annotations

from types import ModuleType

from . import chat, email, social, spreadsheet

ENGINES: dict[str, ModuleType] = {
    "email": email,
    "spreadsheet": spreadsheet,
    "chat": chat,
    "social": social,
}


def engine(kind: str) -> ModuleType:
    return ENGINES[kind]
