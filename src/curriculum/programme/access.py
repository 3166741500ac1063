"""Who sees what (pure).

A senior sees their own progress, agreement and feedback; a junior sees their pairs; the
coordinator sees everything. The people signed in on a browser are its *viewers* (a pair
sitting together: both of them). A viewer acts in the role they signed in as (`acting`):
someone who is both a mentor and a coordinator, signed in as the mentor, is a mentor
until they enter the coordinator's PIN.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from ..store.feedback import PairRecord
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


def visible_pairs(viewers: Iterable[Person], pairs: Iterable[PairRecord]) -> list[PairRecord]:
    "The pairs these viewers may open (see `can_see_pair`)."
    viewers = list(viewers)
    return [p for p in pairs if can_see_pair(viewers, p.senior_id, p.junior_id)]


def pair_to_open(pairs: Sequence[PairRecord], here: Collection[int]) -> int:
    "The pair whose senior and junior are both here, else the first pair (its id)."
    both = [p.id for p in pairs if {p.senior_id, p.junior_id} <= set(here)]
    return (both or [p.id for p in pairs])[0]


def acting(person: Person, role: str) -> Person | None:
    "The person as signed in for `role` (their other roles left aside); None if not theirs."
    if not person.has_role(role) or not person.active:
        return None
    return replace(person, role=role, roles=(role,))


def can_edit_person(viewers: Iterable[Person], person_id: int) -> bool:
    "Oneself, or anyone for the coordinator (a partner may look, not change)."
    viewers = list(viewers)
    return is_coordinator(viewers) or person_id in {v.id for v in viewers}


def can_manage_people(viewers: Iterable[Person]) -> bool:
    "Add people, give roles, reset PINs: the coordinator only."
    return is_coordinator(viewers)


def can_see_progress(viewers: Iterable[Person], senior_id: int,
                     partners: Iterable[tuple[int, int]] = ()) -> bool:
    "A senior's progress: the senior, the junior of one of their pairs, the coordinator."
    viewers = list(viewers)
    if is_coordinator(viewers):
        return True
    ids = {v.id for v in viewers}
    return senior_id in ids or any(s == senior_id and j in ids for s, j in partners)


def visible(viewers: Iterable[Person], people: Iterable[Person],
            partners: Iterable[tuple[int, int]] = ()) -> list[Person]:
    "The people whose profile these viewers may open."
    viewers, partners = list(viewers), list(partners)
    return [p for p in people if can_see_person(viewers, p.id, partners)]
