"""Read aloud: the words of a step, and a script that carries only our text, as JSON."""

from __future__ import annotations

from pathlib import Path

from curriculum.packs import load_catalogue
from curriculum.speech import reader_html, step_words

ROOT = Path(__file__).resolve().parents[1]
WORDS = {"group": "Read this step aloud", "play": "Read aloud", "pause": "Pause",
         "resume": "Resume", "stop": "Stop", "no_voice": "No voice"}


def test_a_step_is_read_as_plain_text():
    lesson = load_catalogue([ROOT / "lessons"]).lesson("tableur-bases", "first-sum")
    words = step_words(lesson.steps[1])
    assert "Par quoi commence toute formule" in words
    assert "**" not in words and "<" not in words


def test_the_text_goes_in_as_json_and_cannot_close_the_script():
    evil = 'Hello </script><img src=x onerror=alert(1)> & "quotes" \u2028'
    out = reader_html(evil, "fr-FR", WORDS, "binome-read-1-s")
    assert out.count("</script>") == 1 and "<img" not in out
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in out
    assert '"fr"' in out  # the voice is looked up by the pack's language
    for label in ("Read aloud", "Pause", "Stop"):
        assert f">{label}</button>" in out
    assert 'role="status"' in out and "No voice" in out
