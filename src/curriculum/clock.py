"""The one clock of the core: whatever needs "now" asks `clock.now()`.

Tests (and the demo) set it with `clock.frozen(moment)` or `clock.use(source)`, so nothing
depends on the day the code runs, the machine's time zone or its speed. Times are
timezone-aware and in UTC; pages turn them into local time only to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

Source = Callable[[], datetime]


def _system() -> datetime:
    return datetime.now(UTC)


_source: Source = _system


def now() -> datetime:
    "The current moment, aware, in UTC."
    return _source().astimezone(UTC)


def stamp() -> str:
    "The current moment as stored in the database: ISO 8601, UTC, to the second."
    return now().isoformat(timespec="seconds")


def use(source: Source | None) -> None:
    "Read the time from `source` from now on (None: the system clock again)."
    global _source
    _source = source or _system


@contextmanager
def frozen(moment: datetime) -> Iterator[None]:
    "Within the block, `now()` is `moment` (naive moments are taken as UTC)."
    fixed = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    previous = _source
    use(lambda: fixed)
    try:
        yield
    finally:
        use(previous)
