"""Reading a step aloud: the words to read (plain text from the step) and the small
browser script that reads them with the browser's own speech synthesis (offline voices on
Windows, macOS and Android). Only our own text goes in, as JSON: never the author's HTML."""

from __future__ import annotations

import html
import json

from .model import ChoiceStep, DoStep, ExplainStep, OrderStep, Step
from .render import plain_text


def step_words(step: Step) -> str:
    "What a step says, as plain text to be read: title, text, choices, items, checklist."
    parts = [step.title or ""]
    if isinstance(step, ExplainStep):
        parts.append(step.body)
    elif isinstance(step, DoStep):
        parts += [step.task, *step.checklist]
    else:
        parts.append(getattr(step, "prompt", "") or "")
        if isinstance(step, ChoiceStep):
            parts += [o.text for o in step.options]
        elif isinstance(step, OrderStep):
            parts += [i.text for i in step.items]
    return "\n".join(plain_text(p) for p in parts if p and p.strip())


def _js(value: object) -> str:
    "A value as JSON that is safe inside a <script> element."
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_HTML = """<div class="binome-read" id="%(id)s" role="group" aria-label="%(group)s">
<button type="button" data-act="play">%(play)s</button>
<button type="button" data-act="pause" disabled>%(pause)s</button>
<button type="button" data-act="stop" disabled>%(stop)s</button>
<p role="status" aria-live="polite" data-role="status"></p>
</div>
<style>
.binome-read { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.binome-read button { font: inherit; padding: .35rem .9rem; border-radius: .5rem;
  border: 1px solid #4a4a4a; background: #f0f2f6; color: #1a1a1a; cursor: pointer; }
.binome-read button:disabled { color: #4a4a4a; background: #fafafa; cursor: default; }
.binome-read p { margin: 0; }
</style>
<script>
(() => {
  const box = document.getElementById(%(id_js)s);
  if (!box || box.dataset.ready) return;
  box.dataset.ready = "1";
  const text = %(text)s, lang = %(lang)s, words = %(words)s;
  const status = box.querySelector("[data-role=status]");
  const play = box.querySelector("[data-act=play]");
  const pause = box.querySelector("[data-act=pause]");
  const stop = box.querySelector("[data-act=stop]");
  const synth = window.speechSynthesis;
  const voiceFor = () => (synth ? synth.getVoices() : []).find(
    (v) => v.lang && v.lang.toLowerCase().replace("_", "-").split("-")[0] === lang);
  const idle = () => { play.disabled = false; pause.disabled = true; stop.disabled = true;
                       pause.textContent = words.pause; };
  const noVoice = () => { status.textContent = words.no_voice; play.disabled = true; };
  if (!synth || typeof SpeechSynthesisUtterance === "undefined") { noVoice(); return; }
  play.addEventListener("click", () => {
    const voice = voiceFor();
    if (!voice) { noVoice(); return; }
    synth.cancel();
    const said = new SpeechSynthesisUtterance(text);
    said.lang = voice.lang; said.voice = voice; said.rate = 0.9;
    said.onend = idle; said.onerror = idle;
    status.textContent = "";
    play.disabled = true; pause.disabled = false; stop.disabled = false;
    synth.speak(said);
  });
  pause.addEventListener("click", () => {
    if (synth.paused) { synth.resume(); pause.textContent = words.pause; }
    else { synth.pause(); pause.textContent = words.resume; }
  });
  stop.addEventListener("click", () => { synth.cancel(); idle(); });
})();
</script>"""


def reader_html(text: str, lang: str, words: dict[str, str], dom_id: str) -> str:
    """The read-aloud buttons and their script. `words`: play, pause, resume, stop,
    no_voice, group (our UI strings); `text` goes in as JSON only."""
    return _HTML % {
        "id": html.escape(dom_id), "id_js": _js(dom_id), "text": _js(text),
        "lang": _js(lang.split("-")[0].lower()), "words": _js(words),
        "group": html.escape(words["group"]), "play": html.escape(words["play"]),
        "pause": html.escape(words["pause"]), "stop": html.escape(words["stop"]),
    }
