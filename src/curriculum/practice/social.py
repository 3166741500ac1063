"""The social practice app's engine (pure): what the senior did in the app in, an outcome out.

The answer is a dict of fields (see `social_app.answer`), with the `action` that sent it:

- post: text, photo, audience (public | friends | only-me), sent by the Post button;
  a post with no text and no photo is blank
- spot: flagged (post ids reported), sent by each report and by "I have finished"
- react: liked, commented (post ids), comment (the senior's comments), sent by a like or
  a comment (also known in post and spot tasks)
- settings: the privacy settings, sent by Save; saving without changing anything is blank

In spot and react tasks, an answer that is right so far, with rules left that only need
more done (a post still to report, a comment still to write), is "partial".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

from ..checking import Outcome
from ..messages import did_you_mean
from ..model import Rule
from ..model.social import AUDIENCES, SETTINGS, SocialStep
from ..rules import Options, is_blank
from ..selftest import candidates
from ..semantics import image_problem, pattern_problems
from . import social_app
from .fields import (
    Found,
    all_hold,
    as_text,
    feedback_tries,
    matches_field,
    options_of,
    otherwise,
)

ID_FIELDS = ("flagged", "liked", "commented")
FEED_FIELDS = ("liked", "commented", "comment")
SETTING_FIELDS: tuple[str, ...] = tuple(SETTINGS)
TASK_FIELDS: dict[str, tuple[str, ...]] = {
    "post": ("text", "photo", "audience", *FEED_FIELDS),
    "spot": ("flagged", *FEED_FIELDS),
    "react": FEED_FIELDS,
    "settings": SETTING_FIELDS,
}
FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for fs in TASK_FIELDS.values() for f in fs))
LIST_FIELDS = ID_FIELDS
TEXT_FIELDS = ("text", "comment")
BLANK_NOTICE = {"post": "social.blank_post", "spot": "social.blank_spot",
                "react": "social.blank_react", "settings": "social.blank_settings"}
PARTIAL_NOTICE = {"spot": "social.partial_spot", "react": "social.partial_react"}


# --- checking ---------------------------------------------------------------------------


def _values(step: SocialStep) -> dict[str, tuple[str, ...]]:
    "The values a single-valued field can take (None stands for 'no photo')."
    out: dict[str, tuple[str, ...]] = {"audience": AUDIENCES,
                                       "photo": tuple(social_app.gallery_srcs(step))}
    out.update(SETTINGS)
    return out


def read_state(step: SocialStep, answer: Any) -> dict[str, Any] | None:
    "The fields of the answer for the step's task, or None when it cannot be read."
    if not isinstance(answer, dict):
        return None
    state: dict[str, Any] = {}
    for name in TASK_FIELDS[step.task]:
        value = answer.get(name)
        if name in LIST_FIELDS:
            value = [] if value is None else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return None
        elif name in TEXT_FIELDS:
            value = "" if value is None else value
            if not isinstance(value, str):
                return None
        elif name == "photo":
            if value is not None and not isinstance(value, str):
                return None
            value = value or None
        elif name in SETTINGS or name == "audience":
            allowed = AUDIENCES if name == "audience" else SETTINGS[name]
            if value is None and step.task == "settings":
                value = social_app.initial_settings(step)[name]
            if value not in allowed:
                return None
        state[name] = value
    return state


def _blank(step: SocialStep, state: dict[str, Any]) -> bool:
    if step.task == "post":
        return is_blank(state["text"]) and not state["photo"]
    if step.task == "settings":
        return state == social_app.initial_settings(step)
    return not any(state.get(f) for f in ("flagged", "liked", "commented"))


def _empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and is_blank(value))


def _progress(rule: Rule, value: Any, options: Options) -> str:
    "'holds', 'todo' (nothing done yet), 'some' (right items, not all yet) or 'wrong'."
    if matches_field(rule, value, options):
        return "holds"
    if _empty(value):
        return "todo"
    if isinstance(value, list) and isinstance(rule.equals, list) \
            and rule.model_fields_set == {"equals"}:
        wanted = {as_text(x).casefold() for x in rule.equals}
        if {as_text(v).casefold() for v in value} < wanted:
            return "some"
    return "wrong"


def _partial(step: SocialStep, state: dict[str, Any]) -> bool:
    "Right so far, with more to do (spot and react tasks only)."
    if step.task not in PARTIAL_NOTICE:
        return False
    options = options_of(step)
    seen = [(_progress(rule, state.get(name), options), state.get(name))
            for name, rule in step.expect.items()]
    if any(p == "wrong" for p, _ in seen):
        return False
    return any(p == "some" or (p == "holds" and not _empty(v)) for p, v in seen)


def check(step: SocialStep, answer: Any, lang: str = "en") -> Outcome:
    state = read_state(step, answer)
    if state is None:
        return Outcome("invalid", notice="check.unreadable")
    options = options_of(step)
    if all_hold(step.expect, state, options):
        return Outcome("correct", notice="check.correct", rule="expect")
    if _blank(step, state):
        return Outcome("invalid", notice=BLANK_NOTICE[step.task])
    said = next(((i, fb.say) for i, fb in enumerate(step.feedback)
                 if all_hold(fb.when, state, options)), None)
    if _partial(step, state):
        return Outcome("partial", (said[1],) if said else (), PARTIAL_NOTICE[step.task],
                       rule=f"feedback[{said[0]}]" if said else "partial")
    if said is not None:
        return Outcome("wrong", (said[1],), rule=f"feedback[{said[0]}]")
    return otherwise(step)


# --- semantic checks --------------------------------------------------------------------


def _rule_values(rule: Rule, path: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...],
                                                                      bool]]:
    "(value, where, single) for every value a rule names; single: compared as a whole."
    if rule.equals is not None:
        if isinstance(rule.equals, list):
            for k, v in enumerate(rule.equals):
                yield v, (*path, "equals", k), True
        else:
            yield rule.equals, (*path, "equals"), True
    for name in ("one_of", "contains_all", "contains_any"):
        for k, v in enumerate(getattr(rule, name) or []):
            yield v, (*path, name, k), name == "one_of"
    for name in ("contains", "not_contains"):
        v = getattr(rule, name)
        if v is not None:
            yield v, (*path, name), False
    for name in ("any", "all"):
        for k, sub in enumerate(getattr(rule, name + "_") or []):
            yield from _rule_values(sub, (*path, name, k))
    if rule.not_ is not None:
        yield from _rule_values(rule.not_, (*path, "not"))


def _list_equals(rule: Rule, path: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    if isinstance(rule.equals, list):
        yield (*path, "equals")
    for name in ("any", "all"):
        for k, sub in enumerate(getattr(rule, name + "_") or []):
            yield from _list_equals(sub, (*path, name, k))
    if rule.not_ is not None:
        yield from _list_equals(rule.not_, (*path, "not"))


def _field_problems(step: SocialStep, name: str, rule: Rule,
                    path: tuple[Any, ...]) -> Iterator[Found]:
    "Values a rule names that the field cannot hold: unknown post ids, photos, audiences."
    if name in ID_FIELDS:
        ids = [p.id for p in step.feed]
        for value, where, _ in _rule_values(rule, path):
            if value not in ids:
                known = f"the posts are: {', '.join(ids)}" if ids else "the feed is empty"
                yield where, "error", (f"no post '{value}' in the feed"
                                       f"{did_you_mean(value, ids)}; {known}")
        return
    if name in TEXT_FIELDS:
        for where in _list_equals(rule, path):
            yield where, "error", ("'equals' takes one text here: use one_of for several, "
                                   "or contains")
        return
    for where in _list_equals(rule, path):
        yield where, "error", f"'{name}' holds one value: use one_of for several"
    allowed = _values(step)[name]
    for value, where, single in _rule_values(rule, path):
        if not single or isinstance(value, list):
            continue
        if name == "photo" and value not in allowed:
            have = (f"the gallery has: {', '.join(allowed)}" if allowed
                    else "the gallery is empty: add the photos the senior can choose from")
            yield where, "error", (f"photo '{value}' is not in the gallery"
                                   f"{did_you_mean(value, allowed)}; {have}")
        elif name != "photo" and value.casefold() not in allowed:
            noun = "an audience" if name == "audience" else f"a value of '{name}'"
            yield where, "error", (f"'{value}' is not {noun}{did_you_mean(value, allowed)}; "
                                   f"use one of: {', '.join(allowed)}")


def _rules_problems(step: SocialStep, rules: dict[str, Rule],
                    where: tuple[Any, ...]) -> Iterator[Found]:
    fields = TASK_FIELDS[step.task]
    options = options_of(step)
    for name, rule in rules.items():
        if name not in fields:
            other = next((t for t, fs in TASK_FIELDS.items() if name in fs), None)
            also = f" ('{name}' belongs to task: {other})" if other else ""
            yield (*where, name), "error", (
                f"'{name}' is not a field of a social step with task: {step.task}"
                f"{did_you_mean(name, fields)}{also}; the fields are: {', '.join(fields)}")
            continue
        yield from pattern_problems(rule, (*where, name), options)
        yield from _field_problems(step, name, rule, (*where, name))


def problems(step: SocialStep, folder: Path) -> Iterator[Found]:
    yield from _rules_problems(step, step.expect, ("expect",))
    for i, fb in enumerate(step.feedback):
        yield from _rules_problems(step, fb.when, ("feedback", i, "when"))
    seen: set[str] = set()
    for j, post in enumerate(step.feed):
        if post.id in seen:
            yield ("feed", j, "id"), "error", f"duplicate post id '{post.id}'"
        seen.add(post.id)
        if post.image:
            problem = image_problem(social_app.image_path(post.image, folder), folder)
            if problem:
                yield ("feed", j, "image"), "error", problem
    srcs: set[str] = set()
    for k, entry in enumerate(step.gallery):
        src = social_app.photo_src(entry)
        at = ("gallery", k, "src")  # a plain name has no "src": its line is the entry's
        if src in srcs:
            yield at, "error", f"photo '{src}' is twice in the gallery"
        srcs.add(src)
        problem = image_problem(social_app.image_path(src, folder), folder)
        if problem:
            yield at, "error", problem
    if step.task in ("spot", "react") and not step.feed:
        yield ("task",), "error", (f"a {step.task} task needs posts: add them under 'feed'")
    if step.task == "settings" and step.feed:
        yield ("feed",), "warning", "a settings task shows the settings, not the feed: " \
            "remove 'feed'"
    if step.task != "post" and step.gallery:
        yield ("gallery",), "warning", (f"only a post task shows the gallery: remove "
                                        f"'gallery' from this {step.task} task")
    yield from _consistency(step)


def _consistency(step: SocialStep) -> Iterator[Found]:
    "Warnings where the step cannot mean what it says."
    if not all(name in TASK_FIELDS[step.task] for name in step.expect):
        return
    if step.task == "settings" and all_hold(step.expect, social_app.initial_settings(step),
                                            options_of(step)):
        yield ("expect",), "warning", ("the settings already are what 'expect' asks: the "
                                       "senior has nothing to change; set 'settings' to "
                                       "other values")
    flagged = step.expect.get("flagged")
    ids = {p.id for p in step.feed}
    if step.task == "spot" and flagged is not None and isinstance(flagged.equals, list) \
            and flagged.model_fields_set == {"equals"} and set(flagged.equals) <= ids:
        wanted = set(flagged.equals)
        for j, post in enumerate(step.feed):
            bad = post.scam or post.fake
            if post.id in wanted and not bad:
                yield ("feed", j, "id"), "warning", (
                    f"post '{post.id}' must be flagged but is not marked scam: true or "
                    "fake: true")
            elif bad and post.id not in wanted:
                yield ("feed", j, "id"), "warning", (
                    f"post '{post.id}' is marked {'scam' if post.scam else 'fake'} but "
                    "expect.flagged does not include it")


# --- selftest ---------------------------------------------------------------------------


def _domain(step: SocialStep, name: str, rule: Rule) -> list[Any]:
    "Values to try for a field, most likely first."
    if name in ID_FIELDS:
        ids = [p.id for p in step.feed]
        pool: list[Any] = []
        if isinstance(rule.equals, list):
            pool.append(list(rule.equals))
        pool += [list(c) for n in range(min(len(ids), 4) + 1) for c in combinations(ids, n)]
        return pool
    if name == "photo":
        return [*social_app.gallery_srcs(step), None]
    if name == "audience":
        return list(AUDIENCES)
    if name in SETTINGS:
        return list(SETTINGS[name])
    texts = [c for c in candidates(rule) if isinstance(c, str)]
    return [*texts, "Lovely photo, thank you for sharing", "", "Hello"]


def solve(step: SocialStep, rules: dict[str, Rule],
          base: dict[str, Any] | None = None) -> dict[str, Any] | None:
    "A state where every rule holds (other fields from `base`), or None if none is found."
    options = options_of(step)
    state = dict(base or {})
    for name, rule in rules.items():
        value = next((v for v in _domain(step, name, rule)
                      if matches_field(rule, v, options)), _MISSING)
        if value is _MISSING:
            return None
        state[name] = value
    return state


_MISSING = object()


def blank_state(step: SocialStep) -> dict[str, Any]:
    if step.task == "settings":
        return {"action": "save", **social_app.initial_settings(step)}
    state: dict[str, Any] = {"action": {"post": "post", "spot": "done"}.get(step.task, "like"),
                             "liked": [], "commented": [], "comment": ""}
    if step.task == "post":
        state.update(text="", photo=None, audience=social_app.start_audience(step))
    if step.task == "spot":
        state["flagged"] = []
    return state


def right_answer(step: SocialStep) -> dict[str, Any] | None:
    return solve(step, step.expect, blank_state(step))


def selftest(step: SocialStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    right = right_answer(step)
    yield right is not None, "no action found in which every 'expect' rule holds"
    if right is None:
        return
    got = check(step, right, lang)
    yield got.status == "correct", f"the derived right action {_show(right)} is not accepted"
    blank = check(step, blank_state(step), lang)
    if blank.status != "correct":
        yield blank.status == "invalid", f"doing nothing should be blank, got {blank.status}"
    for i, sample, out in feedback_tries(step, lambda when: solve(step, when, right),
                                         lambda action: check(step, action, lang)):
        yield any(f.strip() for f in out.feedback), \
            f"feedback {i + 1}: the action {_show(sample)} should get that feedback"
    for name, rule in step.expect.items():
        if name in TEXT_FIELDS:
            continue
        wrong_value = next((v for v in _domain(step, name, rule)
                            if not matches_field(rule, v, options_of(step))), _MISSING)
        if wrong_value is _MISSING:
            continue
        sample = {**right, name: wrong_value}
        out = check(step, sample, lang)
        if out.status == "invalid":
            continue
        yield out.status in ("wrong", "partial") and bool(out.feedback or out.notice), \
            f"the action {_show(sample)} should not be right, and should get feedback"


def _show(state: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v!r}" for k, v in state.items() if k != "action") + "}"


# --- the answer, for "show the answer" ------------------------------------------------


def solution_markdown(step: SocialStep) -> str | None:
    "The author's solution, else the right action in a compact form."
    if step.solution:
        return step.solution
    right = right_answer(step)
    if right is None:
        return None
    titles = {p.id: p.author for p in step.feed}
    lines = []
    for name in step.expect:
        value = right.get(name)
        if name in ID_FIELDS:
            icon = {"flagged": "🚩", "liked": "👍", "commented": "💬"}[name]
            shown = ", ".join(f"**{titles.get(v, v)}**" for v in value) or "—"
            lines.append(f"- {icon} {shown}")
        elif name == "photo":
            lines.append(f"- 🖼️ {social_app.gallery_alt(step, value) if value else '—'}")
        elif name in TEXT_FIELDS:
            continue
        else:
            lines.append(f"- {name.replace('_', ' ')}: **{value}**")
    return "\n".join(lines) or None
