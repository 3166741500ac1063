"""Composing pairs (pure): score a senior-junior pair, explain it, choose the best set.

The score of a pair is between 0 and 1 (pages show it out of 100), a weighted sum::

    part      weight  value (0 to 1)
    topics    0.50    sum over the senior's wanted topics t of need(t) x confidence(t),
                      divided by the sum of need(t) x 3; need = 4 - the senior's own level
                      (1-3), confidence = the junior's 1-3 for t (0 when they do not teach
                      it); a level of 0 means "not chosen"; no wanted topic scores 0
    time      0.25    weekly slots free for both ("tue-am"): min(shared, 2) / 2
    language  0.15    1 when the senior's first language is shared, 0.5 for another one
    place     0.10    1 on the same site, or both remote; 0 otherwise

Hard constraints, which a proposal never breaks: a language in common; neither is the
other's line manager (`manager_id`, both ways); the junior's capacity (minus their active
pairs; `DEFAULT_CAPACITY` when not set); and nobody mentors themselves.

The set of pairs is optimal, not greedy: `linear_sum_assignment` over seniors x junior
*slots* (each junior repeated once per free place). A forbidden cell costs 0, an allowed
one -(C + score) with C larger than any total score, so the solver pairs as many seniors
as the constraints allow and, among those sets, reaches the highest total score (pairing
one more senior always beats a better score for the others). Seniors already in an active
pair are not proposed again. Who is left out is listed with the first reason that applies
(`unpaired`).

Explanations are data, not text: each `Reason` has a `kind` (the page translates
`pairs.reason.<kind>`) and its numbers and names in `params`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..store.people import SLOTS, Person

WEIGHTS = {"topics": 0.50, "time": 0.25, "language": 0.15, "place": 0.10}
MAX_LEVEL = 3  # levels and confidences run 1-3
ENOUGH_SLOTS = 2  # two shared weekly slots count as full marks for time
DEFAULT_CAPACITY = 2  # as the store gives a new junior
REMOTE = "\0remote"  # cannot be a site's name
# every Reason kind (the page shows `pairs.reason.<kind>`): a proposal's explanation,
# the constraints a pair breaks (warnings), and why someone is left without a pair
EXPLANATIONS = ("topics", "no_topics", "slots", "no_slots", "first_language", "language",
                "same_site", "both_remote", "different_place")
CONSTRAINTS = ("same_person", "no_language", "manager", "no_capacity", "already_paired")
UNPAIRED = ("no_juniors", "no_seniors", "no_language_any", "manager_only", "mentors_full",
            "mentors_taken", "capacity_zero", "seniors_taken", "not_proposed")


@dataclass(frozen=True)
class Reason:
    "One point of an explanation or a warning: a kind and its numbers and names."

    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "params": self.params}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        return cls(str(data["kind"]), dict(data.get("params") or {}))


@dataclass(frozen=True)
class Match:
    "A senior and a junior: the score, why (`reasons`), and which constraints it breaks."

    senior_id: int
    junior_id: int
    score: float
    reasons: tuple[Reason, ...]
    problems: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Unpaired:
    person_id: int
    role: str  # "senior" or "junior"
    reason: Reason


@dataclass(frozen=True)
class Proposals:
    pairs: tuple[Match, ...]
    unpaired: tuple[Unpaired, ...]

    @property
    def total(self) -> float:
        return sum(m.score for m in self.pairs)


def capacity(junior: Person) -> int:
    return DEFAULT_CAPACITY if junior.capacity is None else max(0, int(junior.capacity))


def _level(value: int) -> int:
    "A level or confidence 1-3 (0 or less means the topic is not chosen: see callers)."
    return min(MAX_LEVEL, max(1, int(value)))


def _place(p: Person) -> str | None:
    "REMOTE, a normalised site name, or None when unknown."
    if p.remote:
        return REMOTE
    site = " ".join((p.site or "").split()).casefold()
    return site or None


def _is_manager(senior: Person, junior: Person) -> bool:
    return senior.manager_id == junior.id or junior.manager_id == senior.id


def problems(senior: Person, junior: Person, free: int | None = None,
             partner: str | None = None) -> list[Reason]:
    "The hard constraints the pair breaks (and a senior who already has a mentor)."
    found: list[Reason] = []
    if senior.id == junior.id:
        found.append(Reason("same_person", {"name": senior.name}))
    if not set(senior.languages) & set(junior.languages):
        found.append(Reason("no_language", {"senior": senior.name, "junior": junior.name}))
    if _is_manager(senior, junior):
        boss, report = (junior, senior) if senior.manager_id == junior.id else (senior, junior)
        found.append(Reason("manager", {"manager": boss.name, "report": report.name}))
    if free is not None and free <= 0:
        found.append(Reason("no_capacity", {"name": junior.name,
                                            "capacity": capacity(junior)}))
    if partner is not None:
        found.append(Reason("already_paired", {"name": senior.name, "partner": partner}))
    return found


def explain(senior: Person, junior: Person, free: int | None = None,
            partner: str | None = None) -> Match:
    "Score a pair and say why in structured reasons (see the module's table)."
    wanted = {t: MAX_LEVEL + 1 - _level(v) for t, v in senior.interests.items() if v > 0}
    conf = {t: _level(v) for t, v in junior.interests.items() if v > 0}
    reasons: list[Reason] = []
    covered = sorted((t for t in wanted if t in conf), key=lambda t: (-wanted[t], t))
    denom = sum(wanted.values()) * MAX_LEVEL
    topics = sum(n * conf.get(t, 0) for t, n in wanted.items()) / denom if denom else 0.0
    if wanted:
        reasons.append(Reason("topics", {"covered": len(covered), "wanted": len(wanted),
                                         "name": senior.name, "topics": covered}))
    else:
        reasons.append(Reason("no_topics", {"name": senior.name}))
    shared = [s for s in SLOTS if s in set(senior.availability) & set(junior.availability)]
    time = min(len(shared), ENOUGH_SLOTS) / ENOUGH_SLOTS
    reasons.append(Reason("slots", {"slots": shared}) if shared else Reason("no_slots"))
    common = [x for x in senior.languages if x in junior.languages]
    language = 0.0
    if common:
        first = common[0] == senior.languages[0]
        language = 1.0 if first else 0.5
        reasons.append(Reason("first_language" if first else "language",
                              {"language": common[0], "name": senior.name}))
    place_s, place_j = _place(senior), _place(junior)
    place = 1.0 if place_s is not None and place_s == place_j else 0.0
    if place and place_s == REMOTE:
        reasons.append(Reason("both_remote"))
    elif place:
        reasons.append(Reason("same_site", {"site": senior.site or ""}))
    else:
        reasons.append(Reason("different_place"))
    score = (WEIGHTS["topics"] * topics + WEIGHTS["time"] * time
             + WEIGHTS["language"] * language + WEIGHTS["place"] * place)
    return Match(senior.id, junior.id, round(score, 6), tuple(reasons),
                 tuple(problems(senior, junior, free, partner)))


def score_matrix(seniors: Sequence[Person], juniors: Sequence[Person]
                 ) -> tuple[np.ndarray, np.ndarray]:
    "Scores (seniors x juniors, as `explain` gives them) and which pairs are allowed."
    topics = sorted({t for p in (*seniors, *juniors) for t in p.interests})
    langs = sorted({x for p in (*seniors, *juniors) for x in p.languages})
    ti, li = {t: i for i, t in enumerate(topics)}, {x: i for i, x in enumerate(langs)}
    slot_i = {s: i for i, s in enumerate(SLOTS)}
    ns, nj = len(seniors), len(juniors)
    need, conf = np.zeros((ns, len(topics))), np.zeros((nj, len(topics)))
    free_s, free_j = np.zeros((ns, len(SLOTS))), np.zeros((nj, len(SLOTS)))
    speak_s, speak_j, first_s = (np.zeros((ns, len(langs))), np.zeros((nj, len(langs))),
                                 np.zeros((ns, len(langs))))
    for i, p in enumerate(seniors):
        for t, v in p.interests.items():
            need[i, ti[t]] = MAX_LEVEL + 1 - _level(v) if v > 0 else 0
        for x in p.languages:
            speak_s[i, li[x]] = 1
        if p.languages:
            first_s[i, li[p.languages[0]]] = 1
        free_s[i, [slot_i[s] for s in set(p.availability) if s in slot_i]] = 1
    for j, p in enumerate(juniors):
        for t, v in p.interests.items():
            conf[j, ti[t]] = _level(v) if v > 0 else 0
        for x in p.languages:
            speak_j[j, li[x]] = 1
        free_j[j, [slot_i[s] for s in set(p.availability) if s in slot_i]] = 1
    denom = need.sum(axis=1, keepdims=True) * MAX_LEVEL
    topic = np.divide(need @ conf.T, denom, out=np.zeros((ns, nj)), where=denom > 0)
    time = np.minimum(free_s @ free_j.T, ENOUGH_SLOTS) / ENOUGH_SLOTS
    common = (speak_s @ speak_j.T) > 0
    language = np.where((first_s @ speak_j.T) > 0, 1.0, np.where(common, 0.5, 0.0))
    places: dict[str, int] = {}
    code_s = np.array([places.setdefault(x, len(places)) if (x := _place(p)) else -1
                       for p in seniors], dtype=int).reshape(ns, 1)
    code_j = np.array([places.setdefault(x, len(places)) if (x := _place(p)) else -2
                       for p in juniors], dtype=int).reshape(1, nj)
    place = (code_s == code_j).astype(float)
    scores = np.round(WEIGHTS["topics"] * topic + WEIGHTS["time"] * time
                      + WEIGHTS["language"] * language + WEIGHTS["place"] * place, 6)
    allowed = common.copy()
    s_index = {p.id: i for i, p in enumerate(seniors)}
    j_index = {p.id: j for j, p in enumerate(juniors)}
    for i, p in enumerate(seniors):
        if p.manager_id in j_index:
            allowed[i, j_index[p.manager_id]] = False
        if p.id in j_index:
            allowed[i, j_index[p.id]] = False
    for j, p in enumerate(juniors):
        if p.manager_id in s_index:
            allowed[s_index[p.manager_id], j] = False
    return scores, allowed


def propose(seniors: Sequence[Person], juniors: Sequence[Person],
            active: Iterable[tuple[int, int]] = ()) -> Proposals:
    """The best set of new pairs, and everyone left without one (with the reason).

    `active` holds the (senior_id, junior_id) pairs already running: their seniors are
    not proposed again, and they count against their junior's capacity.
    """
    active = list(active)
    paired = {s for s, _ in active}
    seniors = [p for p in seniors if p.active and p.id not in paired]
    juniors = [p for p in juniors if p.active]
    free = _free(juniors, active)
    scores, allowed = score_matrix(seniors, juniors)
    columns = [j for j, p in enumerate(juniors) for _ in range(free[p.id])]
    chosen: list[tuple[int, int]] = []
    if seniors and columns:
        c = len(seniors) + 1.0  # more than any total score: the count comes first
        sub_allowed, sub_scores = allowed[:, columns], scores[:, columns]
        cost = np.where(sub_allowed, -(c + sub_scores), 0.0)
        rows, cols = linear_sum_assignment(cost)
        chosen = [(int(i), columns[k]) for i, k in zip(rows, cols, strict=True)
                  if sub_allowed[i, k]]
    pairs = tuple(explain(seniors[i], juniors[j]) for i, j in chosen)
    taken = [(m.senior_id, m.junior_id) for m in pairs]
    return Proposals(pairs, tuple(unpaired(seniors, juniors, active, taken)))


def _free(juniors: Sequence[Person], active: Iterable[tuple[int, int]]) -> dict[int, int]:
    used: dict[int, int] = {}
    for _, j in active:
        used[j] = used.get(j, 0) + 1
    return {p.id: max(0, capacity(p) - used.get(p.id, 0)) for p in juniors}


def unpaired(seniors: Sequence[Person], juniors: Sequence[Person],
             active: Iterable[tuple[int, int]], proposed: Iterable[tuple[int, int]] = ()
             ) -> list[Unpaired]:
    "Active people in no pair (active or proposed), each with the first reason that applies."
    active, proposed = list(active), list(proposed)
    in_pair = {x for pair in (*active, *proposed) for x in pair}
    free = _free([p for p in juniors if p.active], active)
    left = _free([p for p in juniors if p.active], [*active, *proposed])
    out: list[Unpaired] = []
    for s in seniors:
        if not s.active or s.id in in_pair:
            continue
        others = [j for j in juniors if j.active and j.id != s.id]
        speak = [j for j in others if set(s.languages) & set(j.languages)]
        fits = [j for j in speak if not _is_manager(s, j)]
        if not others:
            reason = Reason("no_juniors")
        elif not speak:
            reason = Reason("no_language_any", {"name": s.name})
        elif not fits:
            reason = Reason("manager_only", {"name": s.name})
        elif any(left[j.id] for j in fits):  # never after `propose`: it pairs all it can
            reason = Reason("not_proposed", {"name": s.name})
        elif not any(free[j.id] for j in fits):
            reason = Reason("mentors_full", {"name": s.name})
        else:
            reason = Reason("mentors_taken", {"name": s.name})
        out.append(Unpaired(s.id, "senior", reason))
    for j in juniors:
        if not j.active or j.id in in_pair:
            continue
        others = [s for s in seniors if s.active and s.id != j.id]
        speak = [s for s in others if set(s.languages) & set(j.languages)]
        if capacity(j) == 0:
            reason = Reason("capacity_zero", {"name": j.name})
        elif not others:
            reason = Reason("no_seniors")
        elif not speak:
            reason = Reason("no_language_any", {"name": j.name})
        elif all(_is_manager(s, j) for s in speak):
            reason = Reason("manager_only", {"name": j.name})
        elif any(s.id not in in_pair and not _is_manager(s, j) for s in speak):
            reason = Reason("not_proposed", {"name": j.name})
        else:
            reason = Reason("seniors_taken", {"name": j.name})
        out.append(Unpaired(j.id, "junior", reason))
    return out
