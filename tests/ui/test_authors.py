"""The authors' panel shows broken packs with file:line:col while valid packs keep working."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def broken_pack(tmp_path, monkeypatch):
    folder = tmp_path / "packs" / "broken-pack"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "format: 1\nid: broken-pack\ntitle: Broken\nlanguage: en\ntopic: email\n"
        "lessons: [one]\n", encoding="utf-8")
    (folder / "one.yaml").write_text(
        "id: one\ntitle: One\ngoal: Learn.\nsteps:\n  - id: a\n    kind: explain\n"
        "    bodyy: Hello\n", encoding="utf-8")
    monkeypatch.setenv("CURRICULUM_LESSONS", f"{ROOT / 'lessons'}:{tmp_path / 'packs'}")
    return folder


def test_broken_pack_is_listed_with_its_position(make_app, broken_pack):
    at = make_app("authors")
    codes = " ".join(c.value for c in at.code)
    assert f"{broken_pack / 'one.yaml'}:7:5: error: unknown key 'bodyy' (did you mean 'body'?)" \
        in codes
    assert at.metric[1].value == "1"  # one error: the misspelt key (not also "body missing")


def test_valid_packs_still_work_beside_a_broken_one(make_app, broken_pack, people):
    at = make_app("catalogue", who__senior=people["senior"])
    assert at.button(key="catalogue.open.email-basics/first-email")
    assert not [b for b in at.button if b.key and "broken-pack" in b.key]


def test_preview_shows_every_step_with_answers_and_mentor_notes(make_app):
    at = make_app("authors")
    at.selectbox(key="authors.preview").set_value("email-basics/first-email").run()
    assert not at.exception
    texts = " ".join(m.value for m in at.markdown)
    assert "Right answer" in texts and "What to watch for" in texts and "Hint 1" in texts
