"""A word of a practice app explained in plain words, under a title in the page's language.

Not a `help=` tooltip: Streamlit 1.67's frontend names its tooltip icon "Help for <label>"
in English whatever the page's language (no setting changes it), so a screen reader read
"Help for Cellule" on a French page. An expander's name is its own label, in our words.
"""

from __future__ import annotations

import streamlit as st


def what_is(title: str, explanation: str) -> None:
    "A closed box titled like 'What is a cell?' that opens on the explanation."
    with st.expander(title, icon=":material/help:"):
        st.markdown(explanation)
