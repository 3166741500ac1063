"""Find, read and validate lesson packs.

`load_catalogue(folders)` reads every pack below the folders and returns the valid packs
and lessons plus every problem found (`path:line:col`). One broken file never stops the
others: a pack whose pack.yaml has an error is left out, a lesson with an error is left
out of its pack, and everything else loads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import typography
from .errors import ConfigError, Problem, Severity
from .messages import did_you_mean, translate
from .model import FORMAT_VERSION, Lesson, Pack, Step
from .semantics import check_lesson, check_pack, check_requires, check_step, requires_cycles
from .yamlread import Document, read_yaml

PACK_FILE = "pack.yaml"
STEP_ADAPTER: TypeAdapter[Step] = TypeAdapter(Step)


@dataclass(frozen=True)
class LoadedPack:
    pack: Pack
    folder: Path
    lessons: dict[str, Lesson]  # the valid lessons, in the pack's order
    files: dict[str, Path]  # lesson id -> file

    @property
    def id(self) -> str:
        return self.pack.id


@dataclass(frozen=True)
class Catalogue:
    packs: dict[str, LoadedPack] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def lesson(self, pack_id: str, lesson_id: str) -> Lesson | None:
        loaded = self.packs.get(pack_id)
        return loaded.lessons.get(lesson_id) if loaded else None

    def problems_by_file(self) -> dict[Path, list[Problem]]:
        out: dict[Path, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.path, []).append(p)
        return out


def lesson_folders(env: str | None = None) -> list[Path]:
    "The folders to read packs from: CURRICULUM_LESSONS (like PATH) or ./lessons."
    value = os.environ.get("CURRICULUM_LESSONS") if env is None else env
    if value:
        return [Path(p) for p in value.split(os.pathsep) if p]
    return [Path("lessons")]


def find_pack_dirs(paths: Iterable[Path]) -> list[Path]:
    "Pack folders at or directly below each path (a file stands for its pack folder)."
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            path = path.parent
        if not path.exists():
            raise ConfigError(f"{path}: no such folder; check the path "
                              "(or the CURRICULUM_LESSONS setting)")
        if (path / PACK_FILE).is_file():
            found.append(path)
            continue
        children = [
            child for child in sorted(path.iterdir())
            if child.is_dir() and not child.name.startswith((".", "_"))
            and ((child / PACK_FILE).is_file() or any(child.glob("*.yaml")))
        ]
        if not children and any(path.glob("*.yaml")):
            children = [path]  # lesson files without pack.yaml: load_pack says so
        found += children
    return found


def signature(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    "A cheap fingerprint of every pack file (path, size, mtime): a key for caches."
    sig = []
    for folder in folders:
        if not folder.exists():
            continue
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in (".yaml", ".yml", ".md", ".png", ".jpg", ".jpeg",
                                            ".gif", ".webp", ".svg"):
                st = p.stat()
                sig.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(sig)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, col: int, severity: Severity, message: str) -> None:
        self.problems.append(Problem(path, line, col, severity, message))

    def from_doc(self, path: Path, doc: Document) -> None:
        for line, col, msg in doc.issues:
            self.add(path, line, col, "error", msg)

    def at(self, path: Path, doc: Document, where: tuple[Any, ...], severity: Severity,
           message: str, key: bool = False) -> None:
        line, col = doc.where(where, key=key)
        self.add(path, line, col, severity, message)


def _build(model: type[BaseModel], doc: Document, path: Path, out: _Collector) -> Any:
    if not isinstance(doc.data, dict):
        out.at(path, doc, (), "error", "the file must be a mapping of keys (key: value lines)")
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for where, key, msg in translate(exc, model, doc.data):
            out.at(path, doc, where, "error", msg, key=key)
    except RecursionError:
        out.at(path, doc, (), "error", "rules are nested too deeply")
    return None


def _format_ok(doc: Document, path: Path, out: _Collector) -> bool:
    fmt = doc.data.get("format") if isinstance(doc.data, dict) else None
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT_VERSION:
        out.at(path, doc, ("format",), "error",
               f"format {fmt} is newer than this app knows (it reads format "
               f"{FORMAT_VERSION}): update Binôme, or write format: {FORMAT_VERSION}")
        return False
    return True


def load_pack(folder: Path, out: _Collector) -> LoadedPack | None:
    "Read one pack folder; problems go to `out`. None when pack.yaml itself is broken."
    pack_path = folder / PACK_FILE
    if not os.path.lexists(pack_path):
        out.add(pack_path, 1, 1, "error",
                f"the folder '{folder.name}' has lesson files but no {PACK_FILE}: add one "
                "(`curriculum new pack` writes a template)")
        return None
    doc = read_yaml(pack_path)
    out.from_doc(pack_path, doc)
    if doc.issues or not _format_ok(doc, pack_path, out):
        return None
    pack = _build(Pack, doc, pack_path, out)
    files = {p.stem: p for p in sorted(folder.glob("*.y*ml"))
             if p.name != PACK_FILE and p.suffix in (".yaml", ".yml")}
    listed = list(pack.lessons) if pack else _listed(doc)
    for i, lesson_id in enumerate(listed):
        if lesson_id not in files:
            out.at(pack_path, doc, ("lessons", i), "error",
                   f"lesson '{lesson_id}' is listed but there is no file {lesson_id}.yaml"
                   f"{did_you_mean(lesson_id, list(files))}")
        if listed.index(lesson_id) != i:
            out.at(pack_path, doc, ("lessons", i), "error",
                   f"lesson '{lesson_id}' is listed twice")
    for stem, p in files.items():
        if stem not in listed:
            out.add(p, 1, 1, "error",
                    f"the file {p.name} is not listed in {PACK_FILE} 'lessons'"
                    f"{did_you_mean(stem, listed)}: add '{stem}' to the list, or remove the file")
    pack_ok = pack is not None
    if pack is not None:
        if pack.id != folder.name:
            out.at(pack_path, doc, ("id",), "error",
                   f"the pack id '{pack.id}' must equal its folder name '{folder.name}'")
            pack_ok = False
        for where, severity, msg in check_pack(pack):
            out.at(pack_path, doc, where, severity, msg)
            pack_ok = pack_ok and severity != "error"
    french = pack is not None and typography.is_french(pack.language)
    if french:
        _typography(pack_path, doc, out)
    lessons: dict[str, Lesson] = {}
    pack_id = pack.id if pack else folder.name
    for lesson_id in [*listed, *(f for f in files if f not in listed)]:
        path = files.get(lesson_id)
        if path is None or lesson_id in lessons:
            continue
        lesson = _load_lesson(path, folder, pack_id, out, french)
        if lesson is not None and lesson_id in listed:
            lessons[lesson_id] = lesson
    if pack is None or not pack_ok:
        return None
    return LoadedPack(pack, folder, lessons, {k: v for k, v in files.items() if k in lessons})


def _listed(doc: Document) -> list[str]:
    value = doc.data.get("lessons") if isinstance(doc.data, dict) else None
    return [x for x in value if isinstance(x, str)] if isinstance(value, list) else []


def _typography(path: Path, doc: Document, out: _Collector) -> None:
    "Warnings where French wants a no-break space or an ellipsis (a French pack's prose)."
    for place in typography.places(doc):
        out.add(path, place.line, place.column, "warning", place.message)


def _load_lesson(path: Path, folder: Path, pack_id: str, out: _Collector,
                 french: bool = False) -> Lesson | None:
    doc = read_yaml(path)
    out.from_doc(path, doc)
    if doc.issues:
        return None
    if french:
        _typography(path, doc, out)
    lesson = _build(Lesson, doc, path, out)
    if lesson is None:
        _check_steps_alone(doc, path, folder, out)
        return None
    before = len([p for p in out.problems if p.is_error])
    if lesson.id != path.stem:
        out.at(path, doc, ("id",), "error",
               f"the lesson id '{lesson.id}' must equal its file name '{path.stem}'")
    for where, severity, msg in check_lesson(lesson, folder, pack_id):
        out.at(path, doc, where, severity, msg)
    errors_now = len([p for p in out.problems if p.is_error])
    return lesson if errors_now == before else None


def _check_steps_alone(doc: Document, path: Path, folder: Path, out: _Collector) -> None:
    "When a lesson does not validate as a whole, still check each step that does."
    steps = doc.data.get("steps") if isinstance(doc.data, dict) else None
    if not isinstance(steps, list):
        return
    seen: dict[str, int] = {}
    for i, raw in enumerate(steps):
        try:
            step = STEP_ADAPTER.validate_python(raw)
        except (ValidationError, RecursionError):
            continue
        if step.id in seen:
            out.at(path, doc, ("steps", i, "id"), "error",
                   f"duplicate step id '{step.id}' (also step {seen[step.id] + 1})")
        seen.setdefault(step.id, i)
        for where, severity, msg in check_step(step, folder):
            out.at(path, doc, ("steps", i, *where), severity, msg)


def load_catalogue(folders: Iterable[Path]) -> Catalogue:
    "Every pack below the folders, with every problem found."
    out = _Collector()
    packs: dict[str, LoadedPack] = {}
    for folder in find_pack_dirs(list(folders)):
        loaded = load_pack(folder, out)
        if loaded is None:
            continue
        if loaded.id in packs:
            out.add(folder / PACK_FILE, 1, 1, "error",
                    f"another pack already has the id '{loaded.id}' "
                    f"({packs[loaded.id].folder}): pack ids must be unique")
            continue
        packs[loaded.id] = loaded
    _check_links(packs, out)
    problems = tuple(sorted(set(out.problems), key=lambda p: (str(p.path), p.line, p.column)))
    return Catalogue(packs, problems)


def _check_links(packs: dict[str, LoadedPack], out: _Collector) -> None:
    "Checks across packs: requires, translation_of; lessons whose requires are broken go."
    lesson_ids = {pid: set(lp.pack.lessons) for pid, lp in packs.items()}
    for lp in packs.values():
        pack_path = lp.folder / PACK_FILE
        if lp.pack.translation_of and lp.pack.translation_of not in packs:
            doc = read_yaml(pack_path)
            out.at(pack_path, doc, ("translation_of",), "warning",
                   f"translation_of: no pack '{lp.pack.translation_of}' is loaded"
                   f"{did_you_mean(lp.pack.translation_of, list(packs))}")
        for lesson_id, lesson in list(lp.lessons.items()):
            found = check_requires(lp.pack.id, lesson, lesson_ids)
            if not found:
                continue
            doc = read_yaml(lp.files[lesson_id])
            for where, severity, msg in found:
                out.at(lp.files[lesson_id], doc, where, severity, msg)
            if any(sev == "error" for _, sev, _ in found):
                del lp.lessons[lesson_id]
    graph = {
        f"{pid}/{lid}": [r if "/" in r else f"{pid}/{r}" for r in lesson.requires]
        for pid, lp in packs.items() for lid, lesson in lp.lessons.items()
    }
    for cycle in requires_cycles(graph):
        for node in dict.fromkeys(cycle):  # every lesson of the circle, once
            pid, lid = node.split("/")
            lp = packs[pid]
            if lid not in lp.lessons:
                continue
            start = cycle.index(node)
            loop = [*cycle[start:-1], *cycle[:start], node]
            out.at(lp.files[lid], read_yaml(lp.files[lid]), ("requires",), "error",
                   "'requires' goes round in a circle: " + " -> ".join(loop))
            del lp.lessons[lid]
