"""People and access in a real browser, from an empty database: the first run creates the
coordinator, who adds a learner and opens her profile; the learner sets a PIN and must
type it to sign in again; a link to a coordinator's page leads nobody else there. axe-core
checks the welcome (first run and PIN box), People and profile pages."""

from __future__ import annotations

import re

from e2e_helpers import assert_no_axe_violations, settle, wait_for_app
from e2e_player import T, button, click, main
from playwright.sync_api import Page, expect

COORDINATOR, SENIOR = "Claire", "Margaret"


def heading(page: Page, key: str, **params: object):
    return page.get_by_role("heading", name=T(key, **params))


def fill(scope, label_key: str, value: str) -> None:
    box = scope.get_by_role("textbox", name=T(label_key), exact=True)
    box.fill(value)
    box.press("Tab")  # a text input sends its value when it loses focus


def sign_out(page: Page) -> None:
    click(page.get_by_test_id("stSidebar").get_by_role("button", name=T("frame.sign_out")))
    expect(heading(page, "welcome.who")).to_be_visible()


def test_first_run_people_profile_and_a_pin(page: Page, app_server, empty_db) -> None:
    # --- First run: nobody coordinates yet ---------------------------------------------
    page.goto(app_server.url)
    wait_for_app(page)
    expect(main(page)).to_contain_text(T("welcome.first_run_title"))
    assert_no_axe_violations(page, "welcome, first run")
    first = page.get_by_test_id("stForm").filter(
        has=button(page, "welcome.create_coordinator"))
    fill(first, "welcome.name", COORDINATOR)
    fill(first, "pin.new", "1357")
    fill(first, "pin.again", "1357")
    click(button(first, "welcome.create_coordinator"))
    expect(page.get_by_test_id("stSidebar")).to_contain_text(
        T("frame.as_coordinator", name=COORDINATOR).replace("**", ""))

    # --- People: add a learner, open her profile ----------------------------------------
    click(page.get_by_test_id("stSidebarNav").get_by_role("link", name=T("nav.people")))
    expect(heading(page, "people.everyone")).to_be_visible()
    add = page.get_by_test_id("stForm").filter(has=button(page, "people.add_button"))
    fill(add, "welcome.name", SENIOR)
    click(button(add, "people.add_button"))
    expect(main(page)).to_contain_text(T("people.added", name=SENIOR))
    assert_no_axe_violations(page, "people page")
    click(button(page, "people.open_profile", name=SENIOR))
    expect(page.get_by_role("heading", level=1, name=re.compile(SENIOR))).to_be_visible()
    expect(heading(page, "profile.learn")).to_be_visible()
    assert_no_axe_violations(page, "a senior's profile, opened by the coordinator")

    # --- The learner signs in by name, sets a PIN ----------------------------------------
    sign_out(page)
    expect(page.get_by_test_id("stSidebarNav")).not_to_contain_text(T("nav.people"))
    pick_learner(page)
    expect(main(page)).to_contain_text(T("frame.alone", senior=SENIOR))
    click(page.get_by_test_id("stSidebarNav").get_by_role("link", name=T("nav.profile")))
    pin = page.get_by_test_id("stForm").filter(has=button(page, "pin.set"))
    fill(pin, "pin.new", "2468")
    fill(pin, "pin.again", "2468")
    click(button(pin, "pin.set"))
    expect(main(page)).to_contain_text(T("pin.saved"))

    # --- Next time, her name alone is not enough -----------------------------------------
    sign_out(page)
    pick_learner(page)
    box = page.get_by_label(T("welcome.pin_senior"), exact=True)
    expect(box).to_be_visible()
    expect(main(page)).not_to_contain_text(T("frame.alone", senior=SENIOR))
    assert_no_axe_violations(page, "welcome, PIN box")
    box.fill("0000")
    click(button(page, "welcome.sign_in"))
    expect(main(page)).to_contain_text(T("pin.wrong"))
    page.get_by_label(T("welcome.pin_senior"), exact=True).fill("2468")
    click(button(page, "welcome.sign_in"))
    expect(main(page)).to_contain_text(T("frame.alone", senior=SENIOR))


def pick_learner(page: Page) -> None:
    box = page.get_by_role("combobox", name=T("welcome.senior"))
    box.click()
    click(page.get_by_role("option", name=SENIOR, exact=True))
    settle(page)


def test_a_link_to_a_coordinators_page_leads_nobody_else_there(page: Page, app_server,
                                                               console_errors) -> None:
    # Streamlit says so in the console, and runs the main page instead: what we want
    console_errors.allow(r"^The page that you have requested does not seem to exist")
    page.goto(f"{app_server.url}/people")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name="Binôme")).to_be_visible()
    expect(main(page)).not_to_contain_text(T("people.everyone"))
    expect(page.get_by_test_id("stSidebarNav")).not_to_contain_text(T("nav.people"))
