"""Checks the models cannot express: ids, links, files, reachability of feedback.

Each check returns `(where, severity, message)`; `where` is a path in the YAML data, so
the caller can point at the exact line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

from .checking import solution_markdown
from .competences import code_problem
from .messages import did_you_mean
from .model import (
    CHECKED_KINDS,
    ChoiceStep,
    Lesson,
    OrderStep,
    Pack,
    PracticeStep,
    Rule,
    Step,
    TextStep,
)
from .packfiles import MAX_FILE_BYTES, picture_problem
from .regex_shape import slow_shape
from .rules import Options, compile_pattern

Found = tuple[tuple[Any, ...], str, str]
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
MAX_IMAGE_BYTES = MAX_FILE_BYTES
LONG_PROMPT = 500
_SHAPE_ADVICE = {
    "nested": "avoid nested repeats like (a+)+",
    "overlap": "avoid repeated alternatives that start alike, like (a|aa)+",
}


def check_pack(pack: Pack) -> list[Found]:
    found: list[Found] = []
    if pack.translation_of == pack.id:
        found.append((("translation_of",), "error", "a pack cannot be a translation of itself"))
    for term, text in pack.glossary.items():
        if not text.strip():
            found.append((("glossary", term), "warning", f"the glossary term '{term}' has no "
                          "explanation"))
    found += _digcomp_codes(pack.digcomp)
    return found


def _digcomp_codes(codes: list[str]) -> list[Found]:
    "Each `digcomp:` code is one of the 21 competences of DigComp 2.2."
    return [(("digcomp", i), "error", problem)
            for i, code in enumerate(codes) if (problem := code_problem(code))]


def check_lesson(lesson: Lesson, folder: Path, pack_id: str) -> list[Found]:
    found: list[Found] = _digcomp_codes(lesson.digcomp)
    seen: dict[str, int] = {}
    for i, step in enumerate(lesson.steps):
        at = ("steps", i)
        if step.id in seen:
            found.append(((*at, "id"), "error",
                          f"duplicate step id '{step.id}' (also step {seen[step.id] + 1})"))
        seen.setdefault(step.id, i)
        found += [((*at, *w), s, m) for w, s, m in check_step(step, folder)]
    for i, ref in enumerate(lesson.requires):
        if ref == lesson.id or ref == f"{pack_id}/{lesson.id}":
            found.append((("requires", i), "error", "a lesson cannot require itself"))
    return found


def check_step(step: Step, folder: Path) -> Iterator[Found]:
    if step.image is not None:
        problem = image_problem(step.image.src, folder)
        if problem:
            yield ("image", "src"), "error", problem
    if step.kind in CHECKED_KINDS and not getattr(step, "all_hints", step.hints):
        yield ("id",), "warning", (f"step '{step.id}' is checked but has no hints: add one or "
                                   "two, so the senior can get unstuck alone")
    prompt = getattr(step, "prompt", None)
    if prompt and len(prompt) > LONG_PROMPT:
        yield ("prompt",), "warning", (f"very long prompt ({len(prompt)} characters): seniors "
                                       "read better in short steps; split it or move text to "
                                       "an explain step")
    if isinstance(step, PracticeStep):
        from .practice import engine

        yield from engine(step.kind).problems(step, folder)
    elif isinstance(step, ChoiceStep):
        yield from _check_choice(step)
    elif isinstance(step, TextStep):
        yield from _check_text(step)
    elif isinstance(step, OrderStep):
        yield from _duplicates(step.items, "items", "item")


def image_problem(src: str, folder: Path) -> str | None:
    "Why an image path cannot be shown, or None when it is a file inside the pack."
    if "://" in src or src.startswith(("/", "\\", "data:")) or ":" in src[:3]:
        return f"image '{src}' must be a file inside the pack, like media/picture.png"
    target = (folder / src).resolve()
    if not target.is_relative_to(folder.resolve()):
        return f"image '{src}' is outside the pack folder: put it in the pack's media/ folder"
    if target.suffix.lower() not in IMAGE_TYPES:
        return f"image '{src}' must be one of: {', '.join(IMAGE_TYPES)}"
    if not target.is_file() and target.exists():
        return (f"image '{src}' is not a regular file (a device, a pipe or a folder): "
                "replace it with a picture file")
    if not target.is_file():
        siblings = [str(p.relative_to(folder)) for p in folder.rglob("*")
                    if p.suffix.lower() in IMAGE_TYPES]
        return f"image file '{src}' does not exist{did_you_mean(src, siblings)}"
    problem = picture_problem(folder / src, folder, MAX_IMAGE_BYTES)
    return f"image '{src}' {problem}" if problem else None


def _duplicates(items: list[Any], key: str, noun: str) -> Iterator[Found]:
    seen: set[str] = set()
    for j, item in enumerate(items):
        if item.id in seen:
            yield (key, j, "id"), "error", f"duplicate {noun} id '{item.id}'"
        seen.add(item.id)


def _check_choice(step: ChoiceStep) -> Iterator[Found]:
    yield from _duplicates(step.options, "options", "option")
    n = len(step.correct_ids)
    if n == 0:
        yield ("options",), "error", ("no option has 'correct: true': mark the right answer"
                                      + ("s" if step.multiple else ""))
    elif n > 1 and not step.multiple:
        yield ("options",), "error", (f"{n} options have 'correct: true' in a single choice: keep "
                                      "one, or set 'multiple: true'")
    for j, option in enumerate(step.options):
        if not option.correct and not option.feedback:
            yield ("options", j, "id"), "warning", (
                f"wrong option '{option.id}' has no feedback: say why it is not the right one")


def _rules(rule: Rule, path: tuple[Any, ...]) -> Iterator[tuple[Rule, tuple[Any, ...]]]:
    yield rule, path
    for name in ("any", "all"):
        for k, sub in enumerate(getattr(rule, name + "_") or []):
            yield from _rules(sub, (*path, name, k))
    if rule.not_ is not None:
        yield from _rules(rule.not_, (*path, "not"))


def pattern_problems(rule: Rule, path: tuple[Any, ...], opts: Options) -> Iterator[Found]:
    "Bad or very slow regular expressions anywhere in a rule."
    for sub, where in _rules(rule, path):
        if sub.regex is None:
            continue
        try:
            compile_pattern(sub.regex, opts)
        except regex.error as exc:
            yield (*where, "regex"), "error", f"bad regular expression '{sub.regex}': {exc}"
            continue
        shape = slow_shape(sub.regex)
        if shape is not None:
            yield (*where, "regex"), "warning", (
                f"the regular expression '{sub.regex}' is very slow on some answers and will "
                f"be cut short: simplify it ({_SHAPE_ADVICE[shape]})")


def _check_text(step: TextStep) -> Iterator[Found]:
    opts = Options(step.case_sensitive, step.accent_sensitive)
    for i, rule in enumerate(step.accept):
        yield from pattern_problems(rule, ("accept", i), opts)
        yield from _no_lists(rule, ("accept", i))
        if rule.is_blank():
            yield ("accept", i), "warning", "this rule is empty: it accepts every answer"
        if rule.model_fields_set == {"close_to"}:
            yield ("accept", i), "warning", ("close_to alone never accepts the exact answer "
                                             "(only near misses): add equals for it")
    earlier: list[tuple[int, Rule]] = []
    for i, fb in enumerate(step.feedback):
        yield from pattern_problems(fb.when, ("feedback", i, "when"), opts)
        for j, prev in earlier:
            if prev.is_blank() or _always_for_answers(prev):
                yield ("feedback", i), "warning", (
                    f"this feedback can never be shown: feedback rule {j + 1} above matches "
                    "every answer")
                break
            if prev == fb.when:
                yield ("feedback", i), "warning", (
                    f"this feedback can never be shown: feedback rule {j + 1} above has the "
                    "same condition")
                break
        if fb.when.model_fields_set == {"empty"} and fb.when.empty:
            yield ("feedback", i), "warning", (
                "this feedback can never be shown: a blank answer gets a gentle notice "
                "before any feedback")
        earlier.append((i, fb.when))
    if solution_markdown(step) is None:
        yield ("prompt",), "warning", ("no 'solution', and none can be made from 'accept': "
                                       "'show the answer' needs one; add solution: with the "
                                       "expected answer")


def _no_lists(rule: Rule, path: tuple[Any, ...]) -> Iterator[Found]:
    for sub, where in _rules(rule, path):
        if isinstance(sub.equals, list):
            yield (*where, "equals"), "error", ("'equals' takes one value in a typed answer: "
                                                "use one_of for several")


def _always_for_answers(rule: Rule) -> bool:
    "Rules that hold for every non-blank answer (blank answers never reach feedback)."
    fields = rule.model_fields_set
    if fields == {"empty"}:
        return rule.empty is False
    if fields == {"not_"} and rule.not_ is not None:
        return rule.not_.model_fields_set == {"empty"} and rule.not_.empty is True
    if fields == {"min_words"}:
        return (rule.min_words or 0) <= 1
    if fields == {"regex"}:
        return rule.regex in ("", ".*", "^", ".+", "^.*$")
    return False


def check_requires(pack_id: str, lesson: Lesson,
                   lessons: dict[str, set[str]]) -> list[Found]:
    "Each requires entry names a lesson that exists (same pack, or pack-id/lesson-id)."
    found: list[Found] = []
    for i, ref in enumerate(lesson.requires):
        other_pack, _, other = ref.rpartition("/")
        other_pack = other_pack or pack_id
        if other_pack not in lessons:
            found.append((("requires", i), "warning",
                          f"requires '{ref}': no pack '{other_pack}' is loaded"
                          f"{did_you_mean(other_pack, list(lessons))}"))
        elif other not in lessons[other_pack]:
            found.append((("requires", i), "error",
                          f"requires '{ref}': pack '{other_pack}' has no lesson '{other}'"
                          f"{did_you_mean(other, sorted(lessons[other_pack]))}"))
    return found


def requires_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    "Cycles in the 'requires' graph (nodes are 'pack/lesson')."
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path: list[str] = [root]
        todo: list[list[str]] = [list(graph.get(root, []))]  # explicit stack: no recursion
        state[root] = 1
        while todo:
            if not todo[-1]:
                state[path.pop()] = 2
                todo.pop()
                continue
            nxt = todo[-1].pop(0)
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(list(graph.get(nxt, [])))
    return cycles
