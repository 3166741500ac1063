"""The lesson screen for a senior, in Chromium at 1280×800, at every text size: no label is
ever cut, a new step opens at its top with the focus on its heading, the feedback and the
next action are in view after a check, and axe finds nothing. And the senior who chooses
French before her name practises alone, with her hints, in a solo session."""

from __future__ import annotations

import re

import pytest
from e2e_helpers import assert_no_axe_violations, settle, wait_for_app
from e2e_player import main, query
from playwright.sync_api import Page, expect

from curriculum.i18n import t
from curriculum.store import people, session

VIEW = {"width": 1280, "height": 800}
LESSON = "courriel-bases/first-email"
SIZES = ("large", "larger", "largest")

# Every visible button, tab and menu link whose text is cut: clipped with an ellipsis or
# overflowing its box, or sticking out of the button.
CUT_LABELS = """() => {
  const out = [];
  const all = document.querySelectorAll(
    'button, [role="tab"], [data-testid="stSidebarNavLink"], [data-testid="stPageLink-NavLink"]');
  for (const b of all) {
    const r = b.getBoundingClientRect();
    const text = (b.innerText || '').trim();
    if (!r.width || !r.height || !text) continue;
    for (const el of [b, ...b.querySelectorAll('*')]) {
      const cs = getComputedStyle(el), er = el.getBoundingClientRect();
      const clipped = el.scrollWidth > el.clientWidth + 1 && cs.overflowX !== 'visible';
      const outside = er.width && (er.right > r.right + 1 || er.left < r.left - 1);
      if (clipped || outside) { out.push(text.slice(0, 60)); break; }
    }
  }
  return out;
}"""


def fr(key: str, **params: object) -> str:
    return t("fr", key, **params)


def no_cut_labels(page: Page, where: str) -> None:
    cut = page.evaluate(CUT_LABELS)
    assert cut == [], f"labels cut on {where}: {cut}"


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= VIEW["height"] + 1


def forward(page: Page):
    return page.locator(".st-key-binome-action").get_by_role("button").last


@pytest.mark.parametrize("size", SIZES)
def test_every_label_whole_and_each_step_in_view(page: Page, app_server, size: str) -> None:
    page.set_viewport_size(VIEW)
    with session(app_server.db_path) as db:
        senior = people.create_person(db, f"Josiane {size}", "senior", "fr", size)
    page.goto(f"{app_server.url}/?senior={senior.id}&lang=fr")
    wait_for_app(page)
    no_cut_labels(page, f"welcome ({size})")
    page.goto(f"{app_server.url}/catalogue?senior={senior.id}&lang=fr")
    wait_for_app(page)
    expect(main(page).get_by_role("button", name=fr("catalogue.start")).first).to_be_visible()
    no_cut_labels(page, f"the catalogue ({size})")

    page.goto(f"{app_server.url}/player?senior={senior.id}&lang=fr&lesson={LESSON}")
    wait_for_app(page)
    step_text = re.compile(fr("player.step_of", n=r"(\d+)", total=r"(\d+)").replace(" ", r"\s"))
    checked = False
    for _ in range(12):
        no_cut_labels(page, f"{main(page).locator('.st-key-binome-step-top p').first.inner_text()}"
                            f" ({size})")
        text_box = main(page).get_by_role("textbox", name=fr("player.your_answer"))
        if not checked and text_box.count():
            text_box.fill("zzz")  # a wrong answer: the feedback and the next action in view
            main(page).get_by_role("button", name=fr("player.check")).click()
            settle(page)
            expect(main(page).get_by_text(fr("feedback.wrong_title"))).to_be_visible()
            assert in_view(page, ".st-key-binome-feedback"), "the feedback is out of view"
            assert in_view(page, ".st-key-binome-action"), "the next action is out of view"
            no_cut_labels(page, f"feedback ({size})")
            checked = True
        button = forward(page)
        if button.inner_text().strip() == fr("player.finish"):
            break
        button.click()
        settle(page)
        if not page.locator(".st-key-binome-action").count():
            break  # the last step was skipped: the lesson's summary
        # the new step opens at its top, and the focus is on its heading
        assert in_view(page, ".st-key-binome-step-top [data-testid='stProgress']")
        focused = page.evaluate("() => document.activeElement.innerText || ''")
        assert step_text.search(focused), f"the focus is on {focused!r}, not the step heading"
    assert checked, "the lesson had no typed answer to check"
    if size == "largest":
        assert_no_axe_violations(page, "the player at the largest size")


def test_a_senior_who_chooses_french_first_practises_alone(page: Page, app_server) -> None:
    page.set_viewport_size(VIEW)
    with session(app_server.db_path) as db:
        senior = people.create_person(db, "Annie Rousseau", "senior", "fr", "largest")
        people.create_person(db, "Léa Moreau", "junior", "fr")
    page.goto(app_server.url)
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_text("Français", exact=True).click()
    settle(page)
    combo = main(page).get_by_role("combobox").first  # the learner
    combo.click()
    page.get_by_role("option", name="Annie Rousseau", exact=True).click()
    settle(page)
    assert "junior=" not in page.url
    go = main(page).get_by_role("button", name=fr("welcome.go"))
    assert in_view(page, ".st-key-binome-action"), "the go button is out of view"
    go.click()
    settle(page)
    card = main(page).get_by_role("button", name=fr("catalogue.start")).first
    card.click()
    settle(page)
    for _ in range(12):  # to the first question: her hints and the answer are there
        if main(page).get_by_role("button", name=fr("player.show_answer")).count():
            break
        forward(page).click()
        settle(page)
    expect(main(page).get_by_role("button", name=fr("player.show_answer"))).to_be_visible()
    expect(main(page).get_by_role("button", name=re.compile("^" + re.escape(
        fr("player.show_hint", n=1, total=9).split("(")[0].strip())))).to_be_visible()
    assert not main(page).get_by_text(fr("coach.title")).count()  # no pair layout
    # screen readers hear French: the page's language, and Streamlit's own control names
    assert page.evaluate("() => document.documentElement.lang") == "fr"
    english = page.evaluate("""() => Array.from(document.querySelectorAll('[aria-label]'))
        .map(e => e.getAttribute('aria-label'))
        .filter(n => /^(Help for |Collapse sidebar|Link to heading|App pages)/.test(n))""")
    assert english == [], english
    modes = {r["mode"] for r in query(app_server.db_path,
                                      "select mode from sessions where senior_id = ?",
                                      senior.id)}
    assert modes == {"solo"}
