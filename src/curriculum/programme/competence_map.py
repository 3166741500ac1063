"""Which DigComp competences a senior reached, and through which lessons (pure).

A lesson counts once the senior finished it (a completed run). Its competences are its
own `digcomp:` list, or else its pack's. Codes are shown in DigComp's order, each with the
lessons that built it (in the order the senior finished them) and the closest Pix/CRCN
competences, for French programmes that certify with Pix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..competences import Competence, digcomp, frameworks, pix_for
from ..packs import Catalogue

LessonKey = tuple[str, str]  # (pack id, lesson id)


@dataclass(frozen=True)
class Reached:
    "One competence a senior reached, and the finished lessons that built it."

    code: str
    lessons: tuple[LessonKey, ...]

    @property
    def competence(self) -> Competence | None:
        return digcomp(self.code)

    def title(self, lang: str) -> str:
        found = self.competence
        return found.title(lang) if found else self.code

    def pix(self) -> list[Competence]:
        return pix_for(self.code)


def lesson_competences(catalogue: Catalogue) -> dict[LessonKey, tuple[str, ...]]:
    "Every lesson of the catalogue -> its DigComp codes (its own, else its pack's)."
    return {(lp.id, lesson_id): tuple(lesson.digcomp or lp.pack.digcomp)
            for lp in catalogue.packs.values() for lesson_id, lesson in lp.lessons.items()}


def competence_map(done: Iterable[LessonKey],
                   competences: Mapping[LessonKey, Sequence[str]]) -> tuple[Reached, ...]:
    """The competences reached through the finished lessons `done` (in the order they were
    finished), in DigComp's order. Lessons no longer in the catalogue, and codes DigComp
    does not know, are left out."""
    known = list(frameworks().digcomp)
    by_code: dict[str, list[LessonKey]] = {}
    for key in dict.fromkeys(done):  # each lesson once
        for code in dict.fromkeys(competences.get(key, ())):
            if code in known:
                by_code.setdefault(code, []).append(key)
    return tuple(Reached(code, tuple(by_code[code])) for code in known if code in by_code)


def by_person(finished: Iterable[tuple[int, str, str]],
              competences: Mapping[LessonKey, Sequence[str]]) -> dict[int, tuple[Reached, ...]]:
    """Each person with a finished lesson -> the competences they reached; `finished` is
    (person, pack, lesson) in the order the lessons were finished."""
    done: dict[int, list[LessonKey]] = {}
    for person, pack_id, lesson_id in finished:
        done.setdefault(person, []).append((pack_id, lesson_id))
    return {person: competence_map(keys, competences) for person, keys in sorted(done.items())}


CSV_COLUMNS = ("person", "digcomp", "competence", "pix", "lessons")


def csv_rows(by_person: Mapping[int, tuple[Reached, ...]], people: Mapping[int, str],
             lang: str = "en") -> list[tuple[str, ...]]:
    """One row per person and competence reached (people by name), for a CSV file: the
    Pix/CRCN codes and the lessons (pack/lesson) separated by spaces."""
    rows = [(people[person], r.code, r.title(lang), " ".join(p.code for p in r.pix()),
             " ".join(f"{pack}/{lesson}" for pack, lesson in r.lessons))
            for person, reached in by_person.items() if person in people for r in reached]
    return sorted(rows, key=lambda row: (row[0].casefold(), row[0]))
