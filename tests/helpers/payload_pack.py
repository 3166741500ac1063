"""A hostile lesson pack for tests: the examples pack (every step kind) with Markdown
payloads added to every author string a senior or a mentor sees.

On the pythonpath (see pyproject.toml), for the AppTest and the browser tests alike.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVIL = "evil.example"
# an image in a code span, an escaped image, a data: link, raw HTML, an autolink
PAYLOAD = (f" `![a](https://{EVIL}/a.png)` \\![b](https://{EVIL}/b.png)"
           " [dl](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
           f" <img src=https://{EVIL}/c.png> <https://{EVIL}/d.png>")
_KEYS = {"title", "prompt", "body", "task", "text", "feedback", "hints", "checklist",
         "solution", "name", "subject", "alt", "says", "author", "say", "goal", "explain",
         "mentor_notes", "watch_for", "before", "hint", "summary", "me", "label"}
_CHOICES = {"compose", "reply", "forward", "triage", "post", "spot", "react", "settings"}


def _inject(node: Any, key: str | None = None) -> Any:
    if isinstance(node, dict):
        return {k: _inject(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_inject(v, key) for v in node]
    if isinstance(node, str) and key in _KEYS and node not in _CHOICES:
        return node + PAYLOAD
    return node


def make_payload_pack(folder: Path, pack_id: str = "payload") -> Path:
    "The examples pack as `folder/pack_id`, payloads in every shown text."
    target = folder / pack_id
    shutil.copytree(ROOT / "lessons" / "examples", target)
    for path in target.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "pack.yaml":
            data["id"] = pack_id
            data.pop("audience", None)  # shown in the learners' catalogue
            data["title"] += PAYLOAD
        else:
            data = _inject(data)
            data.pop("requires", None)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return target
