"""Semantic checks of a chat step (what the model cannot say): who is in the chat, turns
that are either a message or a task, photos in the gallery, reactions offered, fields."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..messages import did_you_mean
from ..model import ChatStep, Rule
from ..semantics import IMAGE_TYPES, image_problem, pattern_problems
from .chat import FIELDS, REACTIONS, looks_like_path, photo_file, photo_src, reaction_emoji
from .fields import Found, options_of, unknown_fields


def photo_problem(name: str, folder: Path) -> tuple[str, str] | None:
    "A path that is not a picture of the pack (error); a name close to one (warning)."
    if looks_like_path(name):
        problem = image_problem(name, folder)
        return ("error", problem.replace("image", "photo", 1)) if problem else None
    if photo_file(name, folder) is not None:
        return None
    if os.path.lexists(folder / photo_src(name)):  # the file is there but cannot be shown
        problem = image_problem(photo_src(name), folder)
        return ("error", problem.replace(f"image '{photo_src(name)}'", f"photo '{name}'", 1)) \
            if problem else None
    media = folder / "media"
    names = sorted(p.name for p in media.iterdir() if p.suffix.lower() in IMAGE_TYPES) \
        if media.is_dir() else []
    close = did_you_mean(name, names)
    if close:
        return "warning", (f"photo '{name}' is not in the pack's media/ folder{close}: it "
                           "will be shown as a name only")
    return None


def _values(rule: Rule) -> Iterator[str]:
    "Every value a rule compares with (not under `not`)."
    for key in ("equals", "one_of", "contains", "contains_all", "contains_any"):
        v = getattr(rule, key)
        if isinstance(v, list):
            yield from v
        elif v is not None:
            yield v
    for sub in [*(rule.any_ or []), *(rule.all_ or [])]:
        yield from _values(sub)


def _offered_problems(rules: Mapping[str, Rule], step: ChatStep, where: tuple[Any, ...],
                      severity: str, lead: str) -> Iterator[Found]:
    "Photos not in the gallery, reactions not offered, voice not yes/no."
    gallery = [p.file for p in step.gallery]
    for name, rule in rules.items():
        for value in _values(rule) if name in ("photo", "reaction", "voice") else ():
            if name == "photo" and value not in gallery:
                listed = (f"the gallery has: {', '.join(gallery)}" if gallery
                          else "the gallery is empty: add it to 'gallery'")
                yield (*where, name), severity, (
                    f"{lead}photo '{value}' is not in the gallery{did_you_mean(value, gallery)}; "
                    f"{listed}")
            elif name == "reaction" and reaction_emoji(value) is None:
                offered = ", ".join(f"{e} ({n[0]})" for e, n in REACTIONS.items())
                yield (*where, name), severity, (
                    f"{lead}reaction '{value}' is not offered; the reactions are: {offered}")
            elif name == "voice" and value not in ("true", "false"):
                yield (*where, name), "error", f"voice is true or false, not '{value}'"


def _rules_problems(step: ChatStep, rules: Mapping[str, Rule],
                    where: tuple[Any, ...]) -> Iterator[Found]:
    yield from unknown_fields(rules, FIELDS, where, "chat")
    for name, rule in rules.items():
        yield from pattern_problems(rule, (*where, name), options_of(step))


def problems(step: ChatStep, folder: Path) -> Iterator[Found]:
    yield from _who_problems(step)
    for j, photo in enumerate(step.gallery):
        found = photo_problem(photo.file, folder)
        if found:
            yield ("gallery", j, "file"), found[0], found[1]
        if photo.file in [p.file for p in step.gallery[:j]]:
            yield ("gallery", j, "file"), "warning", f"photo '{photo.file}' is twice in the gallery"
    if not step.turns_expecting:
        yield ("script",), "error", ("the script has no turn with 'expect': add one that says "
                                     "what the senior must send")
    seen_contact = False
    previous_expecting: int | None = None
    for i, turn in enumerate(step.script):
        yield from _turn_problems(step, i, folder, seen_contact)
        if turn.expecting and previous_expecting is not None \
                and not step.script[previous_expecting].reply:
            yield ("script", i, "expect"), "warning", (
                "the contact says nothing between this turn and the one before: add a 'reply' "
                "to the one before, or a turn with 'says', so the senior knows what to do next")
        if turn.says or turn.photo:
            seen_contact = True
        if turn.expecting:
            seen_contact = seen_contact or bool(turn.reply)
            previous_expecting = i
        elif turn.says or turn.photo:
            previous_expecting = None
    for i, fb in enumerate(step.feedback):
        yield from _rules_problems(step, fb.when, ("feedback", i, "when"))
        yield from _offered_problems(fb.when, step, ("feedback", i, "when"), "warning",
                                     "this feedback can never be shown: ")
    if step.hints and step.turn_hints:
        yield ("hints",), "warning", (
            "this chat has hints on the step and on its turns: the senior's hint count is "
            "shared, so asking for a turn's hint also shows the step's next hint; put all "
            "hints on the turns")


def _who_problems(step: ChatStep) -> Iterator[Found]:
    if step.contact is None and step.group is None:
        yield ("id",), "error", ("a chat step needs a 'contact' (one person: {name, avatar}) "
                                 "or a 'group' ({name, members})")
    elif step.contact is not None and step.group is not None:
        yield ("group",), "error", "a chat step has a 'contact' or a 'group', not both"
    if step.group is not None:
        members = step.group.members
        for j, member in enumerate(members):
            if member in members[:j]:
                yield ("group", "members", j), "error", f"'{member}' is twice in the group"


def _turn_problems(step: ChatStep, i: int, folder: Path,
                   seen_contact: bool) -> Iterator[Found]:
    turn = step.script[i]
    at = ("script", i)
    speaks = turn.says is not None or turn.photo is not None
    if turn.expecting and speaks:
        yield (*at, "expect"), "error", (
            "a turn is either what the contact says or what the senior must do: move "
            "'expect' to a turn of its own, after this one")
    elif not turn.expecting and not speaks:
        yield at, "error", ("this turn is empty: give it 'says' (the contact's message) or "
                            "'expect' (what the senior must send)")
    if not turn.expecting:
        for key, value in (("hints", turn.hints), ("feedback", turn.feedback),
                           ("otherwise", turn.otherwise), ("reply", turn.reply)):
            if value:
                yield (*at, key), "error", (
                    f"'{key}' only goes in a turn with 'expect' (what the senior must do)")
    if turn.from_ is not None:
        yield from _from_problems(step, turn.from_, (*at, "from"), turn.expecting)
    if turn.photo is not None:
        found = photo_problem(turn.photo.file, folder)
        if found:
            yield (*at, "photo", "file"), found[0], found[1]
    if turn.expect is None:
        return
    yield from _rules_problems(step, turn.expect, (*at, "expect"))
    yield from _offered_problems(turn.expect, step, (*at, "expect"), "error", "")
    if not turn.expect:
        yield (*at, "expect"), "warning", ("this 'expect' is empty: anything the senior "
                                           "sends is right")
    if "reaction" in turn.expect and not seen_contact:
        yield (*at, "expect", "reaction"), "error", (
            "nothing to react to yet: the contact must say something before this turn")
    for j, fb in enumerate(turn.feedback):
        yield from _rules_problems(step, fb.when, (*at, "feedback", j, "when"))
        yield from _offered_problems(fb.when, step, (*at, "feedback", j, "when"), "warning",
                                     "this feedback can never be shown: ")


def _from_problems(step: ChatStep, who: str, where: tuple[Any, ...],
                   expecting: bool) -> Iterator[Found]:
    if expecting:
        yield where, "error", "'from' goes with 'says': it names who in the group says it"
    elif step.group is None:
        yield where, "warning", ("'from' is for group chats: in a chat with one contact, "
                                 "every message is theirs")
    elif who not in step.group.members:
        yield where, "error", (f"'{who}' is not a member of the group"
                               f"{did_you_mean(who, step.group.members)}; the members are: "
                               f"{', '.join(step.group.members)}")


