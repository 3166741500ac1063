"""PINs: the rules (4 to 8 digits), a salted slow hash, a constant-time check (pure).

A PIN is never stored: only ``scrypt$n=32768,r=8,p=1$<salt>$<hash>`` (salt and hash in
URL-safe base64 without padding), which names the algorithm and its cost so that a later
release can raise the cost and still check the PINs stored before (`needs_rehash`).

A short PIN is weak against someone holding the database file, whatever the hash: the
slow hash makes each guess cost ~0.1 s, and `lock_seconds` makes guessing through the app
slower still. The PIN keeps people on one computer out of each other's pages; it is not
a password for the internet.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from ..errors import CurriculumError

MIN_DIGITS, MAX_DIGITS = 4, 8
ALGORITHM = "scrypt"
COST = {"n": 2**15, "r": 8, "p": 1}  # ~0.1 s and 32 MiB per hash on this project's machines
SALT_BYTES, HASH_BYTES = 16, 32
FREE_TRIES = 5  # wrong PINs in a row before a wait
MAX_WAIT = 15 * 60  # seconds
_PIN = re.compile(rf"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")
_LIMITS = {"n": 2**20, "r": 32, "p": 16}  # refuse stored costs beyond these (no DoS)


class PinError(CurriculumError):
    """A PIN that breaks the rules; `reason` is 'digits', 'length' or 'different', and
    `key` (with `params`) names the message in the UI catalogues."""

    def __init__(self, reason: str, message: str):
        self.reason, self.key = reason, f"pin.rule_{reason}"
        self.params = {"least": MIN_DIGITS, "most": MAX_DIGITS}
        super().__init__(message)


def problem(pin: str) -> str | None:
    "Why this PIN cannot be used ('digits' or 'length'), or None if it can."
    pin = str(pin).strip()
    if not pin.isascii() or not pin.isdigit():
        return "digits"
    if not _PIN.fullmatch(pin):
        return "length"
    return None


def check_rules(pin: str, again: str | None = None) -> str:
    "The PIN, stripped, if it follows the rules (and matches `again` when given)."
    reason = problem(pin)
    if reason == "digits":
        raise PinError(reason, "A PIN is made of digits only (0 to 9).")
    if reason == "length":
        raise PinError(reason, f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits.")
    pin = str(pin).strip()
    if again is not None and str(again).strip() != pin:
        raise PinError("different", "The two PINs are not the same. Please type them again.")
    return pin


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 1024 * 1024, dklen=HASH_BYTES)


def hash_pin(pin: str, *, salt: bytes | None = None, **cost: int) -> str:
    "The stored form of a PIN that follows the rules (a new random salt each time)."
    pin = check_rules(pin)
    params = {**COST, **cost}
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, params["n"], params["r"], params["p"])
    spec = ",".join(f"{k}={params[k]}" for k in ("n", "r", "p"))
    return f"{ALGORITHM}${spec}${_b64(salt)}${_b64(digest)}"


def parse(stored: str) -> tuple[dict[str, int], bytes, bytes] | None:
    "Cost, salt and hash of a stored PIN; None if it is not one this module wrote."
    try:
        algorithm, spec, salt, digest = str(stored).split("$")
        params = {k: int(v) for k, v in (item.split("=") for item in spec.split(","))}
        raw_salt, raw_digest = _unb64(salt), _unb64(digest)
    except (ValueError, TypeError):
        return None
    n = params.get("n", 0)
    if (algorithm != ALGORITHM or set(params) != set(COST) or n < 2 or n & (n - 1)
            or any(not 1 <= params[k] <= _LIMITS[k] for k in params)
            or len(raw_salt) < 8 or len(raw_digest) != HASH_BYTES):
        return None
    return params, raw_salt, raw_digest


def verify_pin(pin: str, stored: str | None) -> bool:
    "Whether `pin` is the one stored (compared in constant time); False for no PIN."
    parsed = parse(stored) if stored else None
    if parsed is None or problem(pin) is not None:
        return False
    params, salt, digest = parsed
    candidate = _scrypt(str(pin).strip(), salt, params["n"], params["r"], params["p"])
    return hmac.compare_digest(candidate, digest)


def needs_rehash(stored: str) -> bool:
    "Whether a stored PIN was hashed with another cost than today's."
    parsed = parse(stored)
    return parsed is None or parsed[0] != COST


def lock_seconds(failures: int) -> int:
    "How long to wait after `failures` wrong PINs in a row: 0, then 30 s doubling to 15 min."
    if failures < FREE_TRIES:
        return 0
    return min(MAX_WAIT, 30 * 2 ** min(failures - FREE_TRIES, 10))
