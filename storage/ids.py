"""Time-ordered identifiers: sorting by id sorts by creation time (cursor pagination).

Within one process, ids made in the same millisecond keep their creation order too (the
monotonic ULID rule: the random part of the previous id is incremented), so a batch
submitted in one call lists and processes in the order it was sent.
"""

import os
import threading
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case
_RANDOM_BITS = 80
_lock = threading.Lock()
_last = (0, 0)  # (milliseconds, random part) of the previous id


def new_id() -> str:
    """A 26-character ULID: 48 bits of milliseconds, then 80 random bits; monotonic
    within this process."""
    global _last
    with _lock:
        ms = int(time.time() * 1000)
        last_ms, last_rand = _last
        if ms <= last_ms and last_rand + 1 < (1 << _RANDOM_BITS):
            ms, rand = last_ms, last_rand + 1  # same millisecond (or a clock step back)
        else:
            rand = int.from_bytes(os.urandom(10), "big")
        _last = (ms, rand)
    value = (ms << _RANDOM_BITS) | rand
    out = []
    for _ in range(26):
        out.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))
