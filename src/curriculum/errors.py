"""Errors a user can fix.

Hierarchy::

    CurriculumError            anything a user (author, coordinator, senior) can fix
    ├── PackError              a lesson pack is not valid; ``problems`` lists every problem
    ├── ConfigError            a setting (environment variable, path) is wrong
    └── StoreError             the progress database cannot be used as it is
        └── DiskFullError      the disk is full: nothing was written, earlier data is safe

The CLI maps ``CurriculumError`` to exit code 1 and prints its message; pages show the
message. Anything else is a bug and is left to surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


class CurriculumError(Exception):
    "Something a user can fix; the message says where and how."


class ConfigError(CurriculumError):
    "A setting (environment variable, folder, file) is wrong."


class StoreError(CurriculumError):
    "The progress database cannot be used as it is."


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full: the write was rolled back, what
    was saved before is safe. `key` names the message in the UI catalogues."""

    def __init__(self) -> None:
        self.key, self.params = "store.disk_full", {}
        super().__init__("the disk is full: your earlier answers are safe; tell the "
                         "coordinator")


@dataclass(frozen=True, order=True)
class Problem:
    "One problem in one pack file, at a line and column (both 1-based)."

    path: Path
    line: int
    column: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class PackError(CurriculumError):
    "A lesson pack file is not valid; `problems` lists every problem found."

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
