"""Turn pydantic's validation errors into messages an author can act on."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]


def did_you_mean(word: object, choices: list[str] | tuple[str, ...]) -> str:
    "' (did you mean 'x'?)' or ''."
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    if get_origin(tp) in (Union, types.UnionType):
        members = [a for a in get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return tp


def _descend(tp: Any, part: str | int) -> Any:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if origin in (list, tuple) and isinstance(part, int):
        return get_args(tp)[0]
    if origin is dict:
        return get_args(tp)[1]
    if origin in (Union, types.UnionType):
        for member in get_args(tp):
            member = _unwrap(member)
            kind = getattr(member, "model_fields", {}).get("kind")
            if kind is not None and part in get_args(kind.annotation):
                return member
        return None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, f in tp.model_fields.items():
            if part in (name, f.alias):
                return f.annotation
        if tp.model_config.get("extra") == "allow":  # other keys typed by __pydantic_extra__
            return _extra_type(tp)
    return None


def _extra_type(model: type[BaseModel]) -> Any:
    "The type of the extra keys' values of a model that types them, or None."
    try:
        extra = get_type_hints(model, include_extras=True).get("__pydantic_extra__")
    except (NameError, TypeError):
        return None
    args = get_args(_unwrap(extra)) if extra is not None else ()
    return args[1] if len(args) == 2 else None


def keys_at(root: type[BaseModel], loc: Loc) -> list[str]:
    "The keys the model accepts at a location given as pydantic's `loc`."
    tp: Any = root
    for part in loc:
        tp = _descend(tp, part)
        if tp is None:
            return []
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or name for name, f in tp.model_fields.items()]
    return []


def data_path(data: Any, loc: Loc) -> tuple[tuple[str | int, ...], bool]:
    "The path in the YAML data for a pydantic loc (dropping union tags); True if it exists."
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and node.get("kind") == part:
            continue  # the discriminator's tag
        else:
            return tuple(path), False
    return tuple(path), True


def _name(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


def _where(loc: Loc) -> str:
    "'steps[2].options[0]' for messages about list items."
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def translate(
    exc: ValidationError, root: type[BaseModel], data: Any
) -> list[tuple[tuple[str | int, ...], bool, str]]:
    "[(data path, is a key position, message)] for every error pydantic found."
    out = []
    errors = exc.errors()
    misspelt = {  # (parent loc, the key meant): "unknown key 'sya'" already says "say"
        (tuple(e["loc"][:-1]), close[0])
        for e in errors if e["type"] == "extra_forbidden"
        for close in [difflib.get_close_matches(str(e["loc"][-1]),
                                                keys_at(root, tuple(e["loc"][:-1])), 1, 0.6)]
        if close
    }
    for err in errors:
        loc: Loc = tuple(err["loc"])
        kind = err["type"]
        if kind == "missing" and (loc[:-1], loc[-1]) in misspelt:
            continue
        ctx = err.get("ctx", {})
        name = _name(loc)
        path, _ = data_path(data, loc)
        at_key = False
        value = err.get("input")
        if kind == "extra_forbidden":
            allowed = keys_at(root, loc[:-1])
            msg = f"unknown key '{loc[-1]}'{did_you_mean(loc[-1], allowed)}"
            at_key = True
        elif kind == "missing":
            msg = f"missing required key '{name}'"
        elif kind == "union_tag_invalid":
            from .model import STEP_KINDS

            tag = ctx.get("tag")
            msg = (f"unknown step kind '{tag}'{did_you_mean(tag, STEP_KINDS)}; "
                   f"the kinds are: {', '.join(STEP_KINDS)}")
            path = (*path, "kind")
        elif kind == "union_tag_not_found":
            from .model import STEP_KINDS

            msg = f"missing required key 'kind' (one of: {', '.join(STEP_KINDS)})"
        elif kind == "model_attributes_type" or kind == "model_type" or kind == "dict_type":
            msg = f"'{_where(path) or 'the file'}' must be a mapping of keys (key: value lines)"
        elif kind == "list_type":
            msg = f"'{name}' must be a list (lines starting with '- ', or [a, b])"
        elif kind in ("string_type",):
            msg = f"'{_where(path)}' must be text"
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            msg = f"'{name}' must be a whole number"
        elif kind in ("float_type", "float_parsing"):
            msg = f"'{name}' must be a number"
        elif kind in ("bool_type", "bool_parsing"):
            msg = f"'{name}' must be true or false" + (
                f", not '{value}'" if isinstance(value, str) else "")
        elif kind == "greater_than_equal":
            msg = f"'{name}' must be at least {ctx['ge']:g}"
        elif kind == "greater_than":  # for whole numbers, '> 0' means 'at least 1'
            gt = ctx["gt"]
            msg = (f"'{name}' must be at least {gt + 1}" if isinstance(gt, int)
                   else f"'{name}' must be more than {gt:g}")
        elif kind == "too_short":
            n = ctx.get("min_length", 1)
            msg = f"'{name}' needs at least {n} item{'s' if n != 1 else ''}"
        elif kind == "string_too_short":
            msg = f"'{name}' must not be empty"
        elif kind == "literal_error":
            expected = [x.strip(" '") for x in str(ctx.get("expected", "")).replace(" or ", ",")
                        .split(",") if x.strip(" '")]
            msg = (f"'{name}' cannot be '{value}'{did_you_mean(value, expected)}; "
                   f"use one of: {', '.join(expected)}")
        elif kind == "string_pattern_mismatch":
            msg = _pattern_message(name, value)
        elif kind == "value_error":
            msg = str(ctx.get("error", err["msg"]))
        else:
            msg = f"'{_where(loc)}': {err['msg']}"
        out.append((path, at_key, msg))
    return out


def _pattern_message(name: str, value: Any) -> str:
    if name == "language":
        return f"'{value}' is not a language tag: write it like en, fr or fr-BE"
    if name == "digcomp":
        return f"'{value}' is not a DigComp competence id: write it like \"2.1\""
    if name in ("requires",):
        return (f"'{value}' is not a lesson reference: write a lesson id (first-email) "
                f"or pack-id/lesson-id (email-basics/first-email)")
    return (f"'{value}' is not a valid {name if name != 'id' else 'id'}: use lower-case "
            f"letters, digits and dashes, like 'first-email'")

