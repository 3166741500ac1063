"""Where the senior's eyes go next: a new step opens at its top, with the keyboard focus on
its heading (a screen reader announces it); after a check, the feedback and the next
action are brought into view together.

The browser runs the small script below once per event: its text carries a token that
changes with each event, and the browser remembers the last token it handled. Nothing from
a pack goes into it: only fixed selectors and a token made of ids.
"""

from __future__ import annotations

import json
from typing import Literal

import streamlit as st

Target = Literal["step", "feedback", "action"]

# containers the pages mark with st.container(key=...): Streamlit gives them a class
STEP_TOP = "binome-step-top"
FEEDBACK = "binome-feedback"
ACTION = "binome-action"

_SCRIPT = """<script>
(() => {
  const target = %(target)s, token = %(token)s;
  const seen = "binome.focus";
  try { if (sessionStorage.getItem(seen) === token) return;
        sessionStorage.setItem(seen, token); } catch (e) {}
  const find = (name) => document.querySelector(".st-key-" + name);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || 800);
  };
  let tries = 0;
  const act = () => {
    const top = find(%(step)s), feedback = find(%(feedback)s), action = find(%(action)s);
    if (target === "step" && top) {
      top.scrollIntoView({block: "start"});
      const heading = top.querySelector("h2, h3, p") || top;
      heading.setAttribute("tabindex", "-1");
      heading.focus({preventScroll: true});
      return;
    }
    if (target === "feedback" && feedback && action) {
      action.scrollIntoView({block: "end"});
      if (feedback.getBoundingClientRect().top < 0) feedback.scrollIntoView({block: "start"});
      return;
    }
    if (target === "action" && action) {
      if (!visible(action)) action.scrollIntoView({block: "end"});
      return;
    }
    if (tries++ < 40) setTimeout(act, 50);
  };
  setTimeout(act, 30);
})();
</script>"""


def bring_into_view(target: Target, token: str) -> None:
    "Scroll (and focus) once for this token; draw it last on the page."
    st.html(_SCRIPT % {"target": json.dumps(target), "token": json.dumps(token),
                       "step": json.dumps(STEP_TOP), "feedback": json.dumps(FEEDBACK),
                       "action": json.dumps(ACTION)},
            unsafe_allow_javascript=True)
