"""The competence frameworks lessons name with `digcomp:` (bundled in data/competences.yaml).

- DigComp 2.2: 21 competences (1.1 to 5.4), the codes authors write;
- Pix / CRCN: the 16 French competences, each DigComp competence pointing at its closest ones.

Titles are given in English and French; other languages fall back to English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .messages import did_you_mean

DATA = Path(__file__).parent / "data" / "competences.yaml"
FALLBACK = "en"


@dataclass(frozen=True)
class Competence:
    code: str
    titles: dict[str, str]
    pix: tuple[str, ...] = ()  # for a DigComp competence: the closest Pix/CRCN codes

    def title(self, lang: str) -> str:
        return self.titles.get(lang.split("-")[0], self.titles[FALLBACK])


@dataclass(frozen=True)
class Frameworks:
    digcomp: dict[str, Competence]
    pix: dict[str, Competence]
    areas: dict[str, dict[str, str]]


@cache
def frameworks() -> Frameworks:
    "The bundled lists, read once."
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))

    def build(table: dict) -> dict[str, Competence]:
        return {str(code): Competence(str(code), {k: v for k, v in row.items() if k != "pix"},
                                      tuple(str(p) for p in row.get("pix", ())))
                for code, row in table.items()}

    return Frameworks(build(data["digcomp"]["competences"]), build(data["pix"]["competences"]),
                      {str(k): v for k, v in data["digcomp"]["areas"].items()})


def digcomp(code: str) -> Competence | None:
    return frameworks().digcomp.get(code)


def pix_for(code: str) -> list[Competence]:
    "The Pix/CRCN competences closest to a DigComp code (none for an unknown code)."
    found = digcomp(code)
    return [frameworks().pix[p] for p in found.pix] if found else []


def code_problem(code: str) -> str | None:
    "Why a `digcomp:` code is not one of DigComp 2.2, or None when it is."
    known = frameworks().digcomp
    if code in known:
        return None
    by_area: dict[str, list[str]] = {}
    for known_code in known:
        by_area.setdefault(known_code.split(".")[0], []).append(known_code)
    ranges = [f"{codes[0]} to {codes[-1]}" for codes in by_area.values()]
    return (f"'{code}' is not a DigComp 2.2 competence{did_you_mean(code, list(known))}: "
            f"use one of {', '.join(ranges[:-1])} or {ranges[-1]}")
