"""The people page (being built: see the programme issue)."""

import streamlit as st

from curriculum.ui import state

T = state.tr()
st.title(T("nav.people"))
