"""Binôme: the Streamlit entry point (a frame only; pages live in src/curriculum/ui/pages)."""

from curriculum.ui import frame

frame.main()
