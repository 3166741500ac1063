"""Every page renders, in both languages, with and without people chosen."""

import pytest


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", [None, "catalogue", "player", "authors"])
def test_every_page_renders_without_people(make_app, page, lang):
    at = make_app(page, ui__lang=lang)
    assert not at.exception
    assert at.title, "each page has a title"


@pytest.mark.parametrize("page", [None, "catalogue", "player", "authors"])
def test_every_page_renders_with_a_pair(make_app, people, page):
    at = make_app(page, who__senior=people["senior"], who__junior=people["junior"],
                  player__lesson="email-basics/first-email")
    assert not at.exception


def test_welcome_title_and_french_strings(make_app):
    at = make_app(None, ui__lang="fr")
    assert at.title[0].value == "Binôme"
    assert at.header[0].value == "Qui est là aujourd'hui\u202f?"


def test_catalogue_asks_who_is_here_first(make_app):
    at = make_app("catalogue")
    assert at.info[0].value == "First, say who is here."


def test_catalogue_lists_lessons_by_topic_with_goal_and_minutes(make_app, people):
    at = make_app("catalogue", who__senior=people["senior"])
    headers = [h.value for h in at.header]
    assert any("Email" in h for h in headers) and any("Spreadsheets" in h for h in headers)
    texts = " ".join(m.value for m in at.markdown)
    assert "Write your first email" in texts and "Goal" in texts and "minutes" in texts
    assert at.button(key="catalogue.open.email-basics/first-email").label == "Start"


def test_catalogue_language_filter_shows_french_packs(make_app, people):
    at = make_app("catalogue", who__senior=people["senior"])
    at.radio(key="catalogue.language").set_value("fr").run()
    texts = " ".join(m.value for m in at.markdown)
    assert "Écrire votre premier e-mail" in texts
    assert "Write your first email" not in texts


def test_language_switch_changes_the_interface(make_app):
    at = make_app(None)
    assert at.header[0].value == "Who is here today?"
    at.radio(key="frame.lang").set_value("fr").run()
    assert at.header[0].value == "Qui est là aujourd'hui\u202f?"


def test_add_a_person_from_the_welcome_page(make_app, db_file):
    from curriculum.store import people, session

    at = make_app(None)
    at.text_input(key="welcome.new_name").input("  Josiane   Leroy ")
    at.radio(key="welcome.new_role").set_value("senior")
    at.button[[b.label for b in at.button].index("Add this person")].click().run()
    assert not at.exception
    with session(db_file) as db:
        assert [p.name for p in people.list_people(db, "senior")] == ["Josiane Leroy"]
    assert "Josiane Leroy is practising alone." in [s.value for s in at.success]


def test_adding_a_blank_name_says_what_to_do(make_app, db_file):
    at = make_app(None)
    at.text_input(key="welcome.new_name").input("   ")
    at.button[[b.label for b in at.button].index("Add this person")].click().run()
    assert [e.value for e in at.error] == ["Please type a name."]


def test_text_size_is_saved_per_person(make_app, people, db_file):
    from curriculum.store import people as store_people
    from curriculum.store import session

    at = make_app(None, who__senior=people["senior"])
    at.radio(key="frame.size").set_value("largest").run()
    with session(db_file) as db:
        assert store_people.get_person(db, people["senior"]).text_size == "largest"
    css = " ".join(h.proto.body for h in at.get("html"))
    assert "font-size: 28px" in css


def test_the_authors_examples_are_not_in_the_learners_catalogue(make_app, people):
    at = make_app("catalogue", who__senior=people["senior"])
    at.radio(key="catalogue.language").set_value("all").run()
    keys = [b.key for b in at.button if b.key]
    assert "catalogue.open.email-basics/first-email" in keys
    assert not [k for k in keys if k.startswith("catalogue.open.examples/")]
    authors = make_app("authors")
    assert "examples/practice-chat" in authors.selectbox(key="authors.preview").options
