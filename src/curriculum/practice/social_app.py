"""The social practice app's state and what each action does to it (pure, JSON-able).

The app keeps one dict per step in the session; the UI's callbacks call these functions
and send `answer(step, state, action)` to the engine when the senior posts, reports,
likes, comments or saves. Nothing here shows `scam` or `fake`: they stay authoring facts.

State::

    {"liked": [post ids, in the order liked],
     "comments": [{"post": id, "text": "..."}, ...],      # the senior's comments
     "reports": {post id: reason},                         # in the order reported
     "posts": [{"id": "mine-1", "text", "photo", "audience"}, ...],   # newest first
     "settings": {name: value}}                            # as last saved
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ..model.social import AUDIENCES, SETTING_DEFAULTS, SETTINGS, Photo, SocialStep

FEED_TASKS = ("post", "spot", "react")
REPORT_REASONS: tuple[str, ...] = ("scam", "false", "spam", "other")
MAX_TEXT = 2000
MY_POST_PREFIX = "mine-"

State = dict[str, Any]


def initial_settings(step: SocialStep) -> dict[str, str]:
    "The privacy settings as the step starts: the step's own, else the defaults."
    given = step.settings.model_dump(exclude_none=True) if step.settings else {}
    return {name: given.get(name, SETTING_DEFAULTS[name]) for name in SETTINGS}


def start_audience(step: SocialStep) -> str:
    "The composer's audience before the senior changes it (the 'posts' setting)."
    return initial_settings(step)["posts"]


def new_state(step: SocialStep) -> State:
    return {"liked": [], "comments": [], "reports": {}, "posts": [],
            "settings": initial_settings(step)}


def photo_src(entry: str | Photo) -> str:
    return entry.src if isinstance(entry, Photo) else entry


def photo_alt(entry: str | Photo | None, alt: str | None = None) -> str:
    "Words for a photo: the author's, else made from the file name ('garden-party.jpg')."
    if alt:
        return alt
    if isinstance(entry, Photo):
        return photo_alt(entry.src, entry.alt)
    if not entry:
        return ""
    stem = Path(entry).stem.replace("-", " ").replace("_", " ").strip()
    return stem[:1].upper() + stem[1:]


def gallery_srcs(step: SocialStep) -> list[str]:
    return [photo_src(p) for p in step.gallery]


def gallery_alt(step: SocialStep, src: str | None) -> str:
    entry = next((p for p in step.gallery if photo_src(p) == src), src)
    return photo_alt(entry)


def image_path(name: str, folder: Path) -> str:
    "Where a picture named in a step lives, relative to the pack: media/<name> or the path."
    if "/" in name or "\\" in name:
        return name
    if (folder / name).is_file() and not (folder / "media" / name).is_file():
        return name
    return f"media/{name}"


# --- actions (each returns a new state) -------------------------------------------------


def _copy(state: State) -> State:
    return copy.deepcopy(state)


def toggle_like(state: State, post_id: str) -> State:
    out = _copy(state)
    if post_id in out["liked"]:
        out["liked"].remove(post_id)
    else:
        out["liked"].append(post_id)
    return out


def add_comment(state: State, post_id: str, text: str) -> State:
    "Add the senior's comment (blank comments are not added)."
    text = (text or "").strip()[:MAX_TEXT]
    out = _copy(state)
    if text:
        out["comments"].append({"post": post_id, "text": text})
    return out


def report(state: State, post_id: str, reason: str) -> State:
    out = _copy(state)
    out["reports"][post_id] = reason if reason in REPORT_REASONS else "other"
    return out


def undo_report(state: State, post_id: str) -> State:
    out = _copy(state)
    out["reports"].pop(post_id, None)
    return out


def publish(state: State, text: str, photo: str | None, audience: str) -> State:
    "The senior's post goes to the top of the feed (even an empty one: the engine says so)."
    out = _copy(state)
    number = 1 + max((int(p["id"].removeprefix(MY_POST_PREFIX)) for p in out["posts"]),
                     default=0)
    out["posts"].insert(0, {"id": f"{MY_POST_PREFIX}{number}",
                            "text": (text or "").strip()[:MAX_TEXT], "photo": photo or None,
                            "audience": audience if audience in AUDIENCES else "public"})
    return out


def unpublish(state: State, post_id: str) -> tuple[State, dict[str, Any] | None]:
    "Take one of the senior's posts back (to change it): the new state and the post."
    out = _copy(state)
    post = next((p for p in out["posts"] if p["id"] == post_id), None)
    if post is not None:
        out["posts"].remove(post)
        out["comments"] = [c for c in out["comments"] if c["post"] != post_id]
    return out, post


def save_settings(state: State, values: dict[str, str]) -> State:
    out = _copy(state)
    for name, value in values.items():
        if name in SETTINGS and value in SETTINGS[name]:
            out["settings"][name] = value
    return out


# --- the answer sent to the engine ------------------------------------------------------


def feed_fields(state: State) -> dict[str, Any]:
    comments = state.get("comments", [])
    commented = list(dict.fromkeys(c["post"] for c in comments))
    return {"liked": list(state.get("liked", [])), "commented": commented,
            "comment": "\n".join(c["text"] for c in comments),
            "comments": [dict(c) for c in comments]}


def answer(step: SocialStep, state: State, action: str) -> dict[str, Any]:
    "What the senior did, as the engine reads it and the attempt records it."
    out: dict[str, Any] = {"action": action}
    if step.task == "settings":
        out.update(state.get("settings", {}))
        return out
    if step.task == "post":
        latest = (state.get("posts") or [{}])[0]
        out.update({"text": latest.get("text", ""), "photo": latest.get("photo"),
                    "audience": latest.get("audience", start_audience(step))})
    if step.task == "spot":
        reports = dict(state.get("reports", {}))
        out.update({"flagged": list(reports), "reasons": reports})
    out.update(feed_fields(state))
    return out
