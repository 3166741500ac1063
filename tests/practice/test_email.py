"""The email engine (pure): prefilling, checking, blank actions, selftest derivation."""

from __future__ import annotations

import pytest
from PIL import Image

from curriculum.model import EmailStep
from curriculum.practice import email
from curriculum.practice.email import (
    addresses,
    bad_address,
    check,
    empty_action,
    forward_subject,
    prefill,
    read_action,
    reply_subject,
    solution_markdown,
    unlink,
)
from curriculum.practice.email_selftest import correct_action, satisfy, selftest

MAILBOX = [
    {"id": "m1", "from": "Sam <sam@example.org>", "subject": "Photos from Sunday",
     "body": "Hi Gran, here are the photos!", "attachments": ["beach.jpg"]},
    {"id": "m2", "from": "Bank Security <security@bank-alerts.example>",
     "subject": "Your account is blocked!!", "body": "Click here to unlock it.", "scam": True},
]


def step(**keys) -> EmailStep:
    data = {"id": "s", "kind": "email", "prompt": "Do it.", "mailbox": MAILBOX,
            "task": "reply", "expect": {}, **keys}
    return EmailStep.model_validate(data)


REPLY = step(
    expect={"message": "m1", "to": {"contains": "sam@example.org"},
            "subject": {"any": [{"starts_with": "Re:"}, {"starts_with": "RE :"}]},
            "body": {"contains_any": ["thank", "thanks", "merci"]}},
    feedback=[{"when": {"body": {"empty": True}}, "say": "Your reply is empty."},
              {"when": {"message": "m2"}, "say": "That is the bank's message."}],
    otherwise="Thank Sam for the photos.",
)


def act(*drafts: dict, **fields) -> dict:
    "An action: the drafts (as prefill gives them) with some fields changed."
    out = empty_action()
    for draft in drafts:
        out.update(draft)
    return {**out, **fields}


# --- prefilling, as real clients do ---------------------------------------------------

@pytest.mark.parametrize(("subject", "lang", "reply", "forward"), [
    ("Lunch", "en", "Re: Lunch", "Fwd: Lunch"),
    ("Lunch", "fr", "RE : Lunch", "TR : Lunch"),
    ("Re: Lunch", "en", "Re: Lunch", "Fwd: Re: Lunch"),
    ("RE : Déjeuner", "fr", "RE : Déjeuner", "TR : RE : Déjeuner"),
    ("re:Lunch", "fr", "re:Lunch", "TR : re:Lunch"),
    ("Fwd: Lunch", "en", "Re: Fwd: Lunch", "Fwd: Lunch"),
    ("TR : Photos", "fr", "RE : TR : Photos", "TR : Photos"),
    ("Lunch", "de", "Re: Lunch", "Fwd: Lunch"),  # unknown language: English
])
def test_subject_prefixes(subject, lang, reply, forward):
    assert reply_subject(subject, lang) == reply
    assert forward_subject(subject, lang) == forward


def test_reply_fills_to_and_subject_and_drops_the_files():
    draft = prefill(REPLY, "reply", "m1", "en")
    assert draft == {"to": "Sam <sam@example.org>", "cc": "", "subject": "Re: Photos from Sunday",
                     "body": "", "attachments": [], "message": "m1"}


def test_forward_keeps_the_files_and_leaves_to_empty():
    draft = prefill(REPLY, "forward", "m1", "fr")
    assert draft["to"] == "" and draft["subject"] == "TR : Photos from Sunday"
    assert draft["attachments"] == ["beach.jpg"] and draft["message"] == "m1"


def test_new_email_is_empty_even_with_a_message_open():
    assert prefill(REPLY, "new", "m1") == {**prefill(REPLY, "new", None)}
    assert prefill(REPLY, "new", None)["message"] == ""


# --- checking --------------------------------------------------------------------------

CASES = [  # (what the senior did, status, rule)
    (act(prefill(REPLY, "reply", "m1"), body="Thank you!"), "correct", "expect"),
    (act(prefill(REPLY, "reply", "m1", "fr"), body="Merci !"), "correct", "expect"),
    (act(to="sam@example.org", subject="Re: photos", body="thanks", message="m1"),
     "correct", "expect"),
    (act(prefill(REPLY, "reply", "m1")), "wrong", "feedback[0]"),
    (act(prefill(REPLY, "reply", "m2"), body="Thanks"), "wrong", "feedback[1]"),
    (act(prefill(REPLY, "forward", "m1"), to="sam@example.org", body="Thanks"),
     "wrong", "otherwise"),
    (act(to="sam@example.org", subject="Photos", body="Thank you"), "wrong", "otherwise"),
    (act(), "invalid", None),
    (act(to="  ", subject="", body=" \n "), "invalid", None),
    (act(attachments=["beach.jpg"], message="m1"), "invalid", None),
]


@pytest.mark.parametrize(("action", "status", "rule"), CASES)
def test_check_reply(action, status, rule):
    out = check(REPLY, action, "en")
    assert (out.status, out.rule) == (status, rule)
    if status == "invalid":
        assert out.notice == "email.blank" and not out.counts
    if rule and rule.startswith("feedback"):
        assert out.feedback == (REPLY.feedback[int(rule[9])].say,)


def test_a_missing_address_gets_a_built_in_notice_beside_the_otherwise():
    out = check(REPLY, act(subject="Re: Photos", body="Thanks", message="m1"))
    assert out.status == "wrong" and out.notice == "email.no_to"
    assert out.feedback == ("Thank Sam for the photos.",)


def test_a_malformed_address_is_named_escaped():
    out = check(REPLY, act(to="sam at example.org", subject="Re: x", body="Thanks",
                           message="m1"))
    assert out.notice == "email.bad_address"
    assert out.params == {"address": "sam at example.org"}
    out = check(REPLY, act(to="Sam <sam@example.org>", cc="lea_*x", subject="Re: x",
                           body="Hello", message="m1"))
    assert out.params == {"address": "lea\\_\\*x"}


def test_author_feedback_speaks_before_the_built_in_notice():
    s = step(task="compose", expect={"to": {"contains": "@"}},
             feedback=[{"when": {"to": {"empty": True}}, "say": "Who is it for?"}])
    out = check(s, act(subject="Hi", body="Hello"))
    assert (out.rule, out.feedback, out.notice) == ("feedback[0]", ("Who is it for?",), None)


@pytest.mark.parametrize("answer", ["text", None, ["m1"], {"to": 3}, {"attachments": "a.jpg"},
                                    {"opened": [1]}])
def test_unreadable_answers_are_invalid(answer):
    assert check(REPLY, answer).notice == "check.unreadable"
    assert read_action(answer) is None


def test_missing_fields_read_as_empty_and_unknown_ones_are_ignored():
    assert read_action({"body": "hi", "colour": "red", "to": None}) == act(body="hi")


TRIAGE = step(task="triage", expect={"reported": {"equals": ["m2"]}, "deleted": {"empty": True}},
              feedback=[{"when": {"deleted": {"contains": "m2"}}, "say": "Report it instead."}])


@pytest.mark.parametrize(("action", "status"), [
    (act(opened=["m2"], reported=["m2"]), "correct"),
    (act(reported=["m2"]), "correct"),
    (act(opened=["m1", "m2"], reported=["m2", "m1"]), "wrong"),
    (act(opened=["m2"], deleted=["m2"]), "wrong"),
    (act(opened=["m1"]), "wrong"),
    (act(), "invalid"),
])
def test_check_triage(action, status):
    out = check(TRIAGE, action)
    assert out.status == status
    if status == "invalid":
        assert out.notice == "email.blank_triage"


def test_triage_feedback_and_no_recipient_notice_in_triage():
    out = check(TRIAGE, act(opened=["m2"], deleted=["m2"]))
    assert out.feedback == ("Report it instead.",)
    out = check(TRIAGE, act(opened=["m1"]))  # no built-in address notice in a triage
    assert out.notice == "check.wrong"


def test_list_fields_compare_items_in_any_order_and_ignore_case():
    s = step(task="compose", files=["a.jpg", "B.pdf"],
             expect={"attachments": {"equals": ["b.pdf", "A.JPG"]}, "to": {"contains": "@"}})
    assert check(s, act(to="x@y.org", attachments=["a.jpg", "B.pdf"])).status == "correct"
    assert check(s, act(to="x@y.org", attachments=["a.jpg"])).status == "wrong"


def test_case_sensitive_steps_are_respected():
    s = step(task="compose", case_sensitive=True, expect={"subject": {"equals": "Holiday"}})
    assert check(s, act(to="a@b.org", subject="Holiday")).status == "correct"
    assert check(s, act(to="a@b.org", subject="holiday")).status == "wrong"


# --- helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found", "bad"), [
    ("sam@example.org", ["sam@example.org"], None),
    ("Sam <sam@example.org>, lea@example.org", ["sam@example.org", "lea@example.org"], None),
    ("a@b.org; c@d.org", ["a@b.org", "c@d.org"], None),
    ("sam", ["sam"], "sam"),
    ("sam@example", ["sam@example"], "sam@example"),
    ("sam @example.org", ["sam @example.org"], "sam @example.org"),
    ("@example.org", ["@example.org"], "@example.org"),
    ("a@b@c.org", ["a@b@c.org"], "a@b@c.org"),
    ("", [], None),
])
def test_addresses(text, found, bad):
    assert addresses(text) == found
    assert bad_address(text) == bad


@pytest.mark.parametrize(("markdown", "shown"), [
    ("[Click here](https://bank.example/x) now", "Click here (`https://bank.example/x`) now"),
    ("See <https://a.example>", "See `https://a.example`"),
    ("[https://a.example](https://a.example)", "`https://a.example`"),
    ('[here](https://a.example "title")', "here (`https://a.example`)"),
    ("![pic](media/x.png)", "pic (`media/x.png`)"),
    ("No link at all.", "No link at all."),
])
def test_links_are_shown_with_their_address_and_cannot_be_opened(markdown, shown):
    assert unlink(markdown) == shown


def test_attachment_file(tmp_path):
    (tmp_path / "media").mkdir()
    Image.new("RGB", (2, 2)).save(tmp_path / "media" / "beach.jpg")  # a real picture
    assert email.attachment_file("beach.jpg", tmp_path) == (tmp_path / "media/beach.jpg").resolve()
    assert email.attachment_file("media/beach.jpg", tmp_path) is not None
    assert email.attachment_file("invoice.pdf", tmp_path) is None
    assert email.attachment_file("../beach.jpg", tmp_path) is None
    assert email.attachment_file("https://x.org/a.jpg", tmp_path) is None


# --- selftest and "show the answer" -----------------------------------------------------

def test_selftest_passes_on_a_good_step_and_covers_feedback_and_slips():
    results = list(selftest(REPLY, "en"))
    assert all(ok for ok, _ in results), [m for ok, m in results if not ok]
    messages = " | ".join(m for _, m in results)
    assert "blank action" in messages and "derived from expect" in messages
    assert "feedback rule 1" in messages and "feedback rule 2" in messages
    assert "a reply to message 'm2' instead" in messages


def test_the_derived_action_replies_to_the_message_the_rules_name():
    right = correct_action(REPLY, "fr")
    assert right["message"] == "m1" and right["subject"] == "RE : Photos from Sunday"
    assert right["opened"] == ["m1"] and right["replied"] == ["m1"]
    assert check(REPLY, right, "fr").status == "correct"


def test_selftest_reports_a_step_nobody_can_solve():
    s = step(expect={"message": "m1", "body": {"regex": "^x{3}y$"}})
    results = list(selftest(s))
    assert any(not ok and "add an 'example:'" in m for ok, m in results)
    fixed = step(expect={"message": "m1", "body": {"regex": "^x{3}y$"}},
                 example={"body": "xxxy"})
    assert all(ok for ok, _ in selftest(fixed))


def test_selftest_reports_a_wrong_example():
    s = step(expect={"message": "m1"}, example={"message": "m2"})
    results = list(selftest(s))
    assert any(not ok and "the example should be correct" in m for ok, m in results)


def test_selftest_of_a_triage_with_an_example():
    s = TRIAGE.model_copy(update={"example": TRIAGE.example})
    results = list(selftest(s))
    assert all(ok for ok, _ in results), results
    assert any("opening every message" in m for _, m in results)


def test_satisfy_fills_list_fields_and_opens_what_it_acts_on():
    def rules(**expect):
        return step(task="triage", expect=expect).expect

    got = satisfy(TRIAGE, rules(reported={"contains": "m2"}), empty_action())
    assert got["reported"] == ["m2"] and got["opened"] == ["m2"]
    impossible = rules(reported={"contains": "m2"}, opened={"empty": True},
                       deleted={"all": [{"contains": "m1"}, {"empty": True}]})
    assert satisfy(TRIAGE, impossible, empty_action()) is None


def test_solution_markdown_uses_the_solution_else_the_example():
    assert solution_markdown(REPLY.model_copy(update={"solution": "Do **this**."})) == \
        "Do **this**."
    assert solution_markdown(REPLY) is None
    s = step(expect={"message": "m1"}, example={"message": "m1", "body": "Thanks *a lot*"})
    shown = solution_markdown(s)
    assert shown == "↩️ Photos from Sunday  \n💬 Thanks \\*a lot\\*"
    t = step(task="triage", expect={}, example={"reported": ["m2"], "to": "a@b.org"})
    assert solution_markdown(t) == "⚠️ Your account is blocked\\!\\!  \n✉️ **a@b.org**"


# --- semantic checks (paths inside the step) ---------------------------------------------

def found(s: EmailStep, folder) -> list[tuple[tuple, str, str]]:
    return list(email.problems(s, folder))


@pytest.mark.parametrize(("keys", "where", "severity", "says"), [
    ({"expect": {"message": "m3"}}, ("expect", "message", "equals"), "error",
     "no message 'm3' in the mailbox; the messages are: m1, m2"),
    ({"expect": {"reported": {"any": [{"contains": "m1"}, {"equals": ["mm2"]}]}}},
     ("expect", "reported", "any", 1, "equals", 0), "error", "(did you mean 'm2'?)"),
    ({"feedback": [{"when": {"deleted": {"not_contains": "m9"}}, "say": "x"}]},
     ("feedback", 0, "when", "deleted", "not_contains"), "error", "no message 'm9'"),
    ({"expect": {"message": "m1"}, "example": {"opened": ["m1", "zz"]}},
     ("example", "opened", 1), "error", "no message 'zz'"),
    ({"expect": {"attachments": {"contains": "beech.jpg"}}}, ("expect", "attachments", "contains"),
     "error", "no file 'beech.jpg' can be attached (did you mean 'beach.jpg'?)"),
    ({"expect": {"attachments": {"contains": "BEACH.JPG"}}}, None, None, None),
    ({"files": ["../secret.txt"]}, ("files", 0), "error", "neither a file of the pack's media/"),
    ({"files": ["https://x.org/a.jpg"]}, ("files", 0), "error", "neither a file"),
    ({"files": ["media/missing.jpg"]}, ("files", 0), "error", "neither a file"),
    ({"files": ["media/beach.jpg", "invoice.pdf", "notes.txt"]}, None, None, None),
    ({"mailbox": [*MAILBOX, MAILBOX[0]]}, ("mailbox", 2, "id"), "error",
     "duplicate message id 'm1' (also message 1)"),
    ({"mailbox": []}, ("task",), "error", "a reply step needs a message to reply to"),
    ({"mailbox": [], "task": "forward"}, ("task",), "error", "needs a message to forward"),
    ({"mailbox": [], "task": "triage"}, ("task",), "error", "needs messages to sort"),
    ({"mailbox": [], "task": "compose", "expect": {"to": {"contains": "@"}}}, None, None, None),
    ({"task": "compose", "expect": {"message": "m1"}}, ("expect", "message"), "error",
     "in a compose step the senior writes a new email"),
    ({"task": "compose", "expect": {"message": {"empty": True}}}, None, None, None),
    ({"expect": {"tto": {"contains": "@"}}}, ("expect", "tto"), "error",
     "'tto' is not a field of an email step (did you mean 'to'?)"),
    ({"expect": {"body": {"regex": "(a"}}}, ("expect", "body", "regex"), "error",
     "bad regular expression"),
    ({"expect": {}}, ("expect",), "warning", "'expect' is empty"),
    ({"solution": None, "example": None}, ("prompt",), "warning", "no 'solution' nor 'example'"),
])
def test_problems(tmp_path, keys, where, severity, says):
    (tmp_path / "media").mkdir()
    Image.new("RGB", (2, 2)).save(tmp_path / "media" / "beach.jpg")  # a real picture
    keys = {"solution": "Do it.", "expect": {"to": {"contains": "@"}}, **keys}
    got = found(step(**keys), tmp_path)
    if where is None:
        assert got == []
    else:
        assert [(w, s) for w, s, _ in got] == [(where, severity)]
        assert says in got[0][2]


def test_a_plain_attachment_name_is_fine_even_without_a_file(tmp_path):
    s = step(solution="x", expect={"message": "m1"},
             mailbox=[{**MAILBOX[0], "attachments": ["photo.jpg", "media/none.png"]}])
    assert [(w, sev) for w, sev, _ in found(s, tmp_path)] == [
        (("mailbox", 0, "attachments", 1), "error")]
