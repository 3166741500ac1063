"""The page's language and Streamlit's own control names follow today's language."""

from __future__ import annotations

from curriculum.i18n import catalogue
from curriculum.ui.widgets.page_language import EXACT


def test_every_control_name_has_words_in_both_languages() -> None:
    for lang in ("en", "fr"):
        words = catalogue(lang)
        assert {key for key in EXACT.values()} <= set(words)
        assert "{label}" in words["chrome.help_for"]


def test_the_script_carries_the_language_and_the_french_words(make_app) -> None:
    at = make_app(ui__lang="fr")
    script = next(h.proto.body for h in at.get("html") if "__binomeRename" in h.proto.body)
    assert '"fr"' in script and "Masquer le menu" in script and "Aide\\u00a0: {label}" in script
