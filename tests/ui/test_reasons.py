"""A pairing's reasons in words: lists joined, topics, slots and languages translated,
names escaped for Markdown (the Pairs page shows them)."""

from __future__ import annotations

from functools import partial

from curriculum.i18n import t
from curriculum.programme.matching import Reason
from curriculum.ui.reasons import listing, sentence, words

EN, FR = partial(t, "en"), partial(t, "fr")


def test_lists_read_as_a_sentence() -> None:
    assert listing(["a"], EN) == "a"
    assert listing(["a", "b", "c"], EN) == "a, b and c"


def test_reasons_in_words() -> None:
    topics = Reason("topics", {"covered": 2, "wanted": 3, "name": "Marie *D*",
                               "topics": ["email", "knitting"]})
    assert words(topics, EN) == (r"covers 2 of the 3 topics Marie \*D\* wants "
                                 "(Email and knitting)")
    one = Reason("topics", {"covered": 1, "wanted": 1, "name": "Marie", "topics": ["email"]})
    assert words(one, EN) == "covers the topic Marie wants (Email)"
    none = Reason("topics", {"covered": 0, "wanted": 2, "name": "Marie", "topics": []})
    assert words(none, EN) == "covers none of the topics Marie wants"
    slots = Reason("slots", {"slots": ["tue-am", "thu-pm"]})
    assert words(slots, EN) == "both free Tuesday mornings and Thursday afternoons"
    assert words(Reason("language", {"language": "en"}), EN) == "both speak English"
    assert words(Reason("language", {"language": "xx"}), EN) == "both speak xx"
    assert sentence([Reason("both_remote"), Reason("no_slots")], EN) == (
        EN("pairs.reason.both_remote") + EN("pairs.separator")
        + EN("pairs.reason.no_slots"))
    assert words(slots, FR) != words(slots, EN)
