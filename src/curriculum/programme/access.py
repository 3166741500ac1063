"""Who sees what (pure).

A senior sees their own progress, agreement and feedback; a junior sees their pairs; the
coordinator sees everything. The people signed in on a browser are its *viewers* (a pair
sitting together: both of them).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..store.people import Person

EVERYONE: frozenset[str] | None = None


def roles_of(viewers: Iterable[Person]) -> frozenset[str]:
    return frozenset(role for v in viewers for role in (v.roles or (v.role,)))


def can_open(page_roles: frozenset[str] | None, viewers: Iterable[Person]) -> bool:
    "A page open to everyone (None), or to one of the viewers' roles."
    return page_roles is None or bool(page_roles & roles_of(viewers))


def is_coordinator(viewers: Iterable[Person]) -> bool:
    return "coordinator" in roles_of(viewers)


def can_see_person(viewers: Iterable[Person], person_id: int,
                   partners: Iterable[tuple[int, int]] = ()) -> bool:
    "Oneself; one's pair partners (senior, junior); everyone for the coordinator."
    viewers = list(viewers)
    if is_coordinator(viewers):
        return True
    ids = {v.id for v in viewers}
    return person_id in ids or any(
        (s in ids and j == person_id) or (j in ids and s == person_id) for s, j in partners)


def can_see_pair(viewers: Iterable[Person], senior_id: int, junior_id: int) -> bool:
    "The pair's own senior or junior, or the coordinator."
    viewers = list(viewers)
    return is_coordinator(viewers) or bool({senior_id, junior_id} & {v.id for v in viewers})
