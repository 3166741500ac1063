"""The page speaks one language to screen readers too.

Streamlit's own controls carry English names that no setting changes ("Help for Cellule",
"Collapse sidebar", "Link to heading"), and the page says `lang="en"`. On a French page a
screen reader then reads English words with French ones, in an English voice. A small
script sets the page's language and renames those controls in today's language, as they
appear. Its text holds only our catalogue's words (as JSON), never author text.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

T = Callable[..., str]

# Streamlit's English names, exactly, and the catalogue key of each one's words
EXACT = {
    "Collapse sidebar": "chrome.collapse_sidebar",
    "Expand sidebar": "chrome.expand_sidebar",
    "App pages": "chrome.app_pages",
    "Link to heading": "chrome.link_to_heading",
    "Open": "chrome.open",
    "Close": "chrome.close",
    "progress": "chrome.progress",
    "Clear value": "chrome.clear",
    "Clear all": "chrome.clear",
    "Show password text": "chrome.show_password",
    "Hide password text": "chrome.hide_password",
}
HELP_PREFIX = "Help for "  # "Help for <label>": the help icon beside a widget's label

_SCRIPT = """<script>
(() => {
  const words = %(words)s, help = %(help)s, lang = %(lang)s;
  document.documentElement.lang = lang;
  const rename = (root) => {
    for (const el of root.querySelectorAll("[aria-label]")) {
      const name = el.getAttribute("aria-label");
      const original = el.dataset.binomeSet === name ? el.dataset.binomeOriginal : name;
      let wanted = words[original];
      if (!wanted && original.startsWith("Help for "))
        wanted = help.replace("{label}", original.slice(9));
      if (!wanted) continue;
      el.dataset.binomeOriginal = original;
      el.dataset.binomeSet = wanted;
      if (name !== wanted) el.setAttribute("aria-label", wanted);
    }
  };
  rename(document);
  if (window.__binomeRename) window.__binomeRename.disconnect();
  window.__binomeRename = new MutationObserver(() => rename(document));
  window.__binomeRename.observe(document.body, {subtree: true, childList: true,
                                                attributes: true,
                                                attributeFilter: ["aria-label"]});
})();
</script>"""


def speak(lang: str, tr: T) -> None:
    "Set the page's language and Streamlit's control names in it (once per language)."
    words = {english: tr(key) for english, key in EXACT.items()}
    with st.sidebar:
        st.html(_SCRIPT % {"words": json.dumps(words), "lang": json.dumps(lang),
                           "help": json.dumps(tr("chrome.help_for", label="{label}"))},
                unsafe_allow_javascript=True)
