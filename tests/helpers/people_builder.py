"""A person of the programme with a profile, for the tests of composing pairs (the store's
and the Pairs page's)."""

from __future__ import annotations

from curriculum.store import people as P


def add(db, name: str, role: str, *, langs=("fr",), site="Lyon", slots=(), capacity=None,
        manager=None, topics=None) -> int:
    "A new person with their languages, site, free slots, capacity, manager and topics."
    pid = P.create_person(db, name, role, langs[0]).id
    changes: dict = {"languages": list(langs), "site": site, "availability": list(slots),
                     "manager_id": manager}
    if capacity is not None:
        changes["capacity"] = capacity
    P.save_profile(db, pid, **changes)
    if topics:
        P.set_interests(db, pid, topics)
    return pid
