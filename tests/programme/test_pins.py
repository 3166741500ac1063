"""PINs: the rules, the stored form (algorithm, cost, salt, hash), checking, waits."""

import hashlib
import re
import time

import pytest

from curriculum.errors import CurriculumError
from curriculum.programme import pins

CHEAP = {"n": 2**4, "r": 1, "p": 1}  # fast for tests that hash many times


@pytest.mark.parametrize("pin", ["1234", "00000000", " 4321 ", "987654"])
def test_four_to_eight_digits_follow_the_rules(pin):
    assert pins.problem(pin) is None
    assert pins.check_rules(pin) == pin.strip()


@pytest.mark.parametrize(("pin", "reason"), [
    ("123", "length"), ("123456789", "length"), ("", "digits"), ("12a4", "digits"),
    ("12 34", "digits"), ("١٢٣٤", "digits"), ("-1234", "digits"), ("12.34", "digits"),
])
def test_what_breaks_the_rules_and_why(pin, reason):
    assert pins.problem(pin) == reason
    with pytest.raises(pins.PinError) as err:
        pins.check_rules(pin)
    assert err.value.reason == reason
    assert err.value.key == f"pin.rule_{reason}"
    assert isinstance(err.value, CurriculumError)


def test_the_two_pins_must_be_the_same():
    assert pins.check_rules("1234", "1234") == "1234"
    with pytest.raises(pins.PinError, match="not the same") as err:
        pins.check_rules("1234", "1243")
    assert err.value.reason == "different"


def test_stored_form_names_algorithm_cost_salt_and_hash_never_the_pin():
    stored = pins.hash_pin("246810")
    assert re.fullmatch(r"scrypt\$n=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}",
                        stored)
    assert "246810" not in stored
    params, salt, digest = pins.parse(stored)
    assert params == pins.COST and len(salt) == 16
    assert digest == hashlib.scrypt(b"246810", salt=salt, n=2**15, r=8, p=1,
                                    maxmem=64 * 1024 * 1024, dklen=32)


def test_each_hash_has_its_own_salt():
    assert pins.hash_pin("1234", **CHEAP) != pins.hash_pin("1234", **CHEAP)


def test_verify_right_and_wrong():
    stored = pins.hash_pin("1234", **CHEAP)
    assert pins.verify_pin("1234", stored)
    assert pins.verify_pin(" 1234 ", stored)
    for wrong in ("1235", "12345", "4321", "", "abcd", "1234\n5"):
        assert not pins.verify_pin(wrong, stored)


@pytest.mark.parametrize("stored", [
    None, "", "1234", "plain$1234", "scrypt$n=16,r=1,p=1$c2FsdHNhbHQ", "bcrypt$x$y$z",
    "scrypt$n=15,r=1,p=1$c2FsdHNhbHRzYWx0$" + "A" * 43,  # n not a power of two
    "scrypt$n=4194304,r=8,p=1$c2FsdHNhbHRzYWx0$" + "A" * 43,  # cost beyond the limit
    "scrypt$n=16,r=1$c2FsdHNhbHRzYWx0$" + "A" * 43,  # a parameter missing
    "scrypt$n=16,r=1,p=1$c2FsdHNhbHRzYWx0$QUJD",  # hash of the wrong size
    "scrypt$n=16,r=1,p=1$!!!$" + "A" * 43,
])
def test_anything_else_stored_never_verifies(stored):
    assert not pins.verify_pin("1234", stored)


def test_the_same_salt_and_cost_give_the_same_hash():
    salt = bytes(range(16))
    assert pins.hash_pin("1234", salt=salt, **CHEAP) == pins.hash_pin("1234", salt=salt,
                                                                      **CHEAP)


def test_needs_rehash_when_the_cost_changed():
    assert pins.needs_rehash(pins.hash_pin("1234", **CHEAP))
    assert not pins.needs_rehash(pins.hash_pin("1234"))
    assert pins.needs_rehash("not a pin")


def test_verify_is_constant_time_in_how_wrong_the_pin_is(monkeypatch):
    "The hash is compared with hmac.compare_digest, whatever the PIN typed."
    seen = []
    real = pins.hmac.compare_digest
    monkeypatch.setattr(pins.hmac, "compare_digest",
                        lambda a, b: seen.append((len(a), len(b))) or real(a, b))
    stored = pins.hash_pin("1234", **CHEAP)
    pins.verify_pin("1234", stored)
    pins.verify_pin("9999", stored)
    assert seen == [(32, 32), (32, 32)]


def test_the_hash_is_slow_enough():
    start = time.perf_counter()
    pins.hash_pin("1234")
    assert time.perf_counter() - start > 0.02  # about 0.1 s here; a brute force pays it


@pytest.mark.parametrize(("failures", "wait"), [
    (0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (9, 480), (10, 900), (50, 900)])
def test_wrong_pins_in_a_row_make_one_wait_longer(failures, wait):
    assert pins.lock_seconds(failures) == wait
