"""A learner who picks French before her name practises alone in French: the widgets hold
ids, never labels, so a language change cannot turn a label into a mentor."""

from __future__ import annotations

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1.element_tree import Selectbox

from curriculum.store import session
from curriculum.ui import state

STALE = "Nobody, I practise alone"  # the English label of "nobody"


@pytest.fixture
def stale_mentor_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser holds a select's value as its label: after the switch to French it still
    holds the English label of the mentor box, and sends it back with the next change."""
    original = Selectbox._widget_state

    def sent(self: Selectbox) -> WidgetState:
        if self.key != "welcome.junior":
            return original.fget(self)
        ws = WidgetState()
        ws.id = self.id
        ws.string_value = STALE
        return ws

    monkeypatch.setattr(Selectbox, "_widget_state", property(sent))


def test_a_stale_label_never_becomes_the_mentor(make_app, people, stale_mentor_box) -> None:
    at = make_app()
    at.radio(key="frame.lang").set_value("fr").run()
    at.selectbox(key="welcome.senior").set_value(people["senior"]).run()
    assert not at.exception
    assert at.session_state[state.JUNIOR] is None
    assert at.session_state[state.SENIOR] == people["senior"]
    assert "junior" not in at.query_params
    assert at.session_state["welcome.junior"] == 0  # "Personne…": the learner alone


def test_the_language_change_sends_the_labels_again(make_app, people) -> None:
    at = make_app()
    at.radio(key="frame.lang").set_value("fr").run()
    assert "welcome.junior" in at.session_state[state.LABELLED]
    # the mentor box shows its French label for "nobody"
    assert at.selectbox(key="welcome.junior").options[0].startswith("Personne")


def test_the_learner_alone_gets_a_solo_session(make_app, people, db_file,
                                              stale_mentor_box) -> None:
    at = make_app()
    at.radio(key="frame.lang").set_value("fr").run()
    at.selectbox(key="welcome.senior").set_value(people["senior"]).run()
    at.session_state[state.LESSON] = "courriel-bases/first-email"
    at.switch_page("src/curriculum/ui/pages/player.py").run()
    assert not at.exception
    with session(db_file) as db:
        modes = [r["mode"] for r in db.query("select mode from sessions")]
    assert modes == ["solo"]
