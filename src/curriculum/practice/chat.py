"""The chat practice app's engine (pure: a transcript in, an outcome out).

The answer is the transcript of what the senior did so far in the chat:
``{"actions": [action, ...]}``, each action one of

- ``{"text": "Hi Sam 👍"}``: a message
- ``{"photo": "cake.jpg"}`` or ``{"photo": "cake.jpg", "text": "Here it is"}``: a photo
  of the gallery, with or without words
- ``{"reaction": "❤️"}``: a reaction put on the contact's last message
- ``{"voice": true}``: a (pretend) voice message

`replay()` plays the script against the transcript: each action is tried on the turn
that waits for the senior; when it satisfies that turn's `expect`, the contact's `reply`
and the next `says` turns follow. `check()` judges the latest action: it completes the
last turn (correct), a turn with more to come (partial), or misses (wrong, with that
turn's feedback). Nothing sent yet is not an attempt (invalid).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..checking import Outcome
from ..model import ChatStep, FieldFeedback, Rule
from ..rules import Options, normalise
from ..semantics import image_problem
from .fields import Found, matches_field, options_of

FIELDS: tuple[str, ...] = ("text", "photo", "reaction", "voice")

# The reactions the app offers, with the words an author may write instead of the emoji.
REACTIONS: dict[str, tuple[str, ...]] = {
    "❤️": ("heart", "love", "coeur", "cœur", "j'adore"),
    "👍": ("thumbs up", "like", "pouce levé", "pouce", "j'aime"),
    "😂": ("laughing", "laugh", "funny", "rire", "mdr"),
    "😮": ("surprised", "wow", "surprise", "étonné"),
    "😢": ("sad", "crying", "triste", "pleure"),
}
VOICE_SECONDS = 5  # the pretend voice message lasts 0:05

# Emoji are compared without their presentation selectors and skin tones: "❤" = "❤️",
# "👍🏽" = "👍" (keyboards add them, authors rarely type them).
_EMOJI_NOISE = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_RULE_TEXT_KEYS = ("equals", "one_of", "contains", "not_contains", "contains_all",
                   "contains_any", "starts_with", "ends_with", "close_to")


def plain(text: str) -> str:
    return _EMOJI_NOISE.sub("", text)


def reaction_emoji(word: str) -> str | None:
    "The offered reaction an author's value names ('heart' or '❤️'), or None."
    key = normalise(plain(word))
    for emoji, names in REACTIONS.items():
        if key == normalise(plain(emoji)) or key in {normalise(n) for n in names}:
            return plain(emoji)
    return None


def _map_rule(rule: Rule, fn: Any) -> Rule:
    "The rule with `fn` applied to every text value (nested rules included)."
    data = rule.model_dump(by_alias=True, exclude_none=True)

    def walk(node: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in node.items():
            if k in ("any", "all"):
                out[k] = [walk(x) for x in v]
            elif k == "not":
                out[k] = walk(v)
            elif k in _RULE_TEXT_KEYS:
                out[k] = [fn(x) for x in v] if isinstance(v, list) else fn(v)
            else:
                out[k] = v
        return out

    return Rule.model_validate(walk(data))


def field_rule(name: str, rule: Rule) -> Rule:
    if name == "reaction":
        return _map_rule(rule, lambda v: reaction_emoji(v) or plain(v))
    if name == "text":
        return _map_rule(rule, plain)
    return rule


def field_holds(name: str, rule: Rule, fields: Mapping[str, Any], options: Options) -> bool:
    "Whether a rule on one field holds for what an action sent."
    value = fields.get(name)
    if name in ("text", "reaction") and isinstance(value, str):
        value = plain(value)
    return matches_field(field_rule(name, rule), value, options)


def holds(rules: Mapping[str, Rule], fields: Mapping[str, Any], options: Options) -> bool:
    return all(field_holds(n, r, fields, options) for n, r in rules.items())


# --- Reading the transcript -------------------------------------------------------------

Action = dict[str, Any]


def read_actions(answer: Any) -> list[Action] | None:
    "The actions of an answer, or None when it cannot be read."
    if not isinstance(answer, dict) or not isinstance(answer.get("actions"), list):
        return None
    out: list[Action] = []
    for action in answer["actions"]:
        if not isinstance(action, dict) or not set(action) <= set(FIELDS):
            return None
        for name in ("text", "photo", "reaction"):
            if action.get(name) is not None and not isinstance(action[name], str):
                return None
        if "voice" in action and not isinstance(action["voice"], bool):
            return None
        out.append(action)
    return out


def fields_of(action: Action) -> dict[str, Any]:
    "Every field of an action (text '' and voice false when not sent)."
    return {
        "text": action.get("text") or "",
        "photo": action.get("photo") or None,
        "reaction": action.get("reaction") or None,
        "voice": bool(action.get("voice")),
    }


def is_blank(action: Action) -> bool:
    f = fields_of(action)
    return not (f["text"].strip() or f["photo"] or f["reaction"] or f["voice"])


# --- Playing the script ---------------------------------------------------------------


@dataclass
class Bubble:
    "One message on screen: from the contact (`mine` false) or from the senior."

    mine: bool
    who: str = ""  # the contact or group member who wrote it ("" for the senior)
    text: str = ""  # author Markdown for the contact; plain text for the senior
    photo: str | None = None
    voice: bool = False
    reaction: str | None = None  # the senior's reaction on a contact's message


@dataclass
class Replay:
    bubbles: list[Bubble] = field(default_factory=list)
    turn: int | None = None  # the script index of the turn waiting for the senior
    last: Literal["none", "ok", "wrong", "after"] = "none"  # what the latest action did
    last_turn: int | None = None  # the turn the latest action was tried on

    @property
    def done(self) -> bool:
        return self.turn is None


def _contact_bubbles(step: ChatStep, start: int, replay: Replay) -> int:
    "Play the contact's turns from `start`; return the index of the next expecting turn."
    i = start
    while i < len(step.script) and not step.script[i].expecting:
        turn = step.script[i]
        photo = turn.photo.file if turn.photo else None
        replay.bubbles.append(Bubble(False, step.speaker(i), turn.says or "", photo))
        i += 1
    return i


def replay(step: ChatStep, actions: list[Action]) -> Replay:
    "The conversation on screen after these actions, and where the senior is in it."
    options = options_of(step)
    out = Replay()
    pos = _contact_bubbles(step, 0, out)
    for action in actions:
        f = fields_of(action)
        if f["reaction"]:
            target = next((b for b in reversed(out.bubbles) if not b.mine), None)
            if target is not None:
                target.reaction = f["reaction"]
        if f["text"].strip() or f["photo"] or f["voice"]:
            out.bubbles.append(Bubble(True, "", f["text"], f["photo"], f["voice"]))
        if pos >= len(step.script):
            out.last, out.last_turn = "after", None
            continue
        turn = step.script[pos]
        out.last_turn = pos
        if holds(turn.expect or {}, f, options):
            out.last = "ok"
            if turn.reply:
                out.bubbles.append(Bubble(False, step.speaker(pos), turn.reply))
            pos = _contact_bubbles(step, pos + 1, out)
        else:
            out.last = "wrong"
    out.turn = pos if pos < len(step.script) else None
    return out


def check(step: ChatStep, answer: Any, lang: str = "en") -> Outcome:
    actions = read_actions(answer)
    if actions is None:
        return Outcome("invalid", notice="check.unreadable")
    if not actions or is_blank(actions[-1]):
        return Outcome("invalid", notice="chat.nothing_sent")
    if not step.turns_expecting:
        return Outcome("wrong", notice="check.wrong", rule="script")
    played = replay(step, actions)
    name = step.title_name
    if played.last == "after":
        return Outcome("correct", notice="check.correct", rule="script")
    at = played.last_turn
    if played.last == "ok":
        if played.done:
            return Outcome("correct", notice="check.correct", rule=f"script[{at}].expect")
        return Outcome("partial", notice="chat.read_next", params={"name": name},
                       rule=f"script[{at}].expect")
    assert at is not None
    return _wrong(step, at, fields_of(actions[-1]))


def _first_feedback(feedback: list[FieldFeedback], fields: Mapping[str, Any],
                    options: Options) -> int | None:
    return next((i for i, fb in enumerate(feedback) if holds(fb.when, fields, options)), None)


def _wrong(step: ChatStep, at: int, fields: Mapping[str, Any]) -> Outcome:
    turn = step.script[at]
    options = options_of(step)
    notice = _missing_kind(turn.expect or {}, fields, options)
    params = {"name": step.title_name}
    i = _first_feedback(turn.feedback, fields, options)
    if i is not None:
        return Outcome("wrong", (turn.feedback[i].say,), notice, params,
                       f"script[{at}].feedback[{i}]")
    i = _first_feedback(step.feedback, fields, options)
    if i is not None:
        return Outcome("wrong", (step.feedback[i].say,), notice, params, f"feedback[{i}]")
    if turn.otherwise:
        return Outcome("wrong", (turn.otherwise,), notice, params, f"script[{at}].otherwise")
    if step.otherwise:
        return Outcome("wrong", (step.otherwise,), notice, params, "otherwise")
    return Outcome("wrong", notice=notice or "check.wrong", params=params,
                   rule=f"script[{at}].otherwise")


def _missing_kind(expect: Mapping[str, Rule], fields: Mapping[str, Any],
                  options: Options) -> str | None:
    "A built-in word when the senior sent another thing than the one awaited."
    wants = {name for name, rule in expect.items() if not _allows_nothing(name, rule)}
    for name in ("photo", "reaction"):
        if name in wants and fields[name] and not field_holds(name, expect[name], fields,
                                                               options):
            return f"chat.other_{name}"
    if "photo" in wants and not fields["photo"]:
        return "chat.wants_photo"
    if "voice" in wants and not fields["voice"]:
        return "chat.wants_voice"
    if "reaction" in wants and not fields["reaction"]:
        return "chat.wants_reaction"
    if "text" in wants and not fields["text"].strip():
        return "chat.wants_text"
    return None


def _allows_nothing(name: str, rule: Rule) -> bool:
    "True when the rule holds for a field that was not sent (`voice: false`, `empty`...)."
    empty = {"text": "", "photo": None, "reaction": None, "voice": False}
    return field_holds(name, rule, empty, Options())


# --- Photos ---------------------------------------------------------------------------


def photo_src(name: str) -> str:
    "Where a photo's file would be in the pack: media/<name>, or the path as written."
    return name if "/" in name or "\\" in name else f"media/{name}"


def looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name


def photo_file(name: str, folder: Path) -> Path | None:
    "The pack's picture for a photo name, or None when it is just a name."
    src = photo_src(name)
    return folder / src if image_problem(src, folder) is None else None


# --- The answer shown -------------------------------------------------------------


def describe(action: Action) -> str:
    "One line of the derived answer (symbols of the app's buttons, words as sent)."
    parts: list[str] = []
    if action.get("photo"):
        parts.append(f"📎 📷 **{action['photo']}**")
    if action.get("text"):
        parts.append(f"💬 «{action['text']}»")
    if action.get("reaction"):
        parts.append(f"😊 → {action['reaction']}")
    if action.get("voice"):
        parts.append("🎤")
    return " + ".join(parts)


def solution_markdown(step: ChatStep) -> str | None:
    if step.solution:
        return step.solution
    from .chat_selftest import correct_actions

    actions = correct_actions(step)
    if not actions:
        return None
    return "\n".join(f"{n}. {describe(a)}" for n, a in enumerate(actions, 1))


def problems(step: ChatStep, folder: Path) -> Iterator[Found]:
    from .chat_problems import problems as found

    yield from found(step, folder)


def selftest(step: ChatStep, lang: str = "en") -> Iterator[tuple[bool, str]]:
    from .chat_selftest import selftest as run

    yield from run(step, lang)
