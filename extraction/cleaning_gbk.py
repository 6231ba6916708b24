"""Repair UTF-8 text that was decoded as GBK / GB18030 (ftfy does not undo this one).

UTF-8 punctuation read as GBK turns into CJK characters: ``’s`` (E2 80 99 73) reads as
``鈥檚``, ``“d`` as ``鈥渄``, a no-break space (C2 A0) as ``聽``. When the byte after an
E2 80 pair is not a valid GBK trail byte the decoder drops it, leaving a lone ``鈥``:
``the war 鈥 before`` was ``the war — before``, ``Europeans鈥 view`` was ``Europeans’
view``, ``“dictator鈥 who`` was ``“dictator” who``.

Repair runs over maximal runs of CJK / full-width characters. A segment of a run is
re-encoded as GB18030 and decoded as UTF-8; it is replaced only when

- it decodes cleanly (or ends in the E2 80 pair that lost its last byte, at the run's end),
- every decoded character is Latin, general punctuation or a symbol (never CJK),
- it touches an edge of its run (real Chinese around it stays whole: ``新华社鈥檚`` repairs
  only ``鈥檚``; ``我聽說`` is untouched), and
- it is strong (two or more characters, punctuation or the euro sign, or a whole run glued
  to a Latin word: ``caf茅`` -> ``café``) or the document already holds a strong repair.
  A single ``聽`` is a real Chinese word in Chinese text and is read as a no-break space
  only next to other evidence.
"""

from __future__ import annotations

import re

_RUN = re.compile(
    "[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ue000-\uf8ff]+"
)
_MAX_SEGMENT = 12  # characters; one mojibake'd punctuation mark spans one or two
# Lead pairs of three-byte sequences whose third byte the GBK decoder dropped: General
# Punctuation (the mark is told from context, see _lost_char) and Currency Symbols, where
# the euro sign is the one in common use.
_PUNCT_TAIL = b"\xe2\x80"
_CURRENCY_TAIL = b"\xe2\x82"
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"


def _allowed(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x20 <= cp <= 0x7E
        or 0xA0 <= cp <= 0x2FF  # Latin-1 supplement, Latin extended, spacing modifiers
        or 0x2000 <= cp <= 0x2BFF  # punctuation, currency, letterlike, arrows, symbols
        or 0x1F000 <= cp <= 0x1FAFF  # emoji
    )


def _is_latin_letter(ch: str) -> bool:
    return bool(ch) and ch.isalpha() and ord(ch) <= 0x24F


def _is_punct(ch: str) -> bool:
    return 0x2000 <= ord(ch) <= 0x206F


def _decode(data: bytes, at_run_end: bool) -> tuple[str, bool] | None:
    """``(text, lost_punct)`` if ``data`` is UTF-8 of allowed characters, else None.

    At the end of a run, a lead pair that lost its third byte is accepted: the euro sign is
    restored here, a punctuation mark is left to ``_lost_char`` (``lost_punct`` True).
    """
    lost = False
    euro = ""
    if at_run_end and data.endswith(_PUNCT_TAIL):
        data, lost = data[:-2], True
    elif at_run_end and data.endswith(_CURRENCY_TAIL):
        data, euro = data[:-2], "€"
    try:
        text = data.decode("utf-8") + euro
    except UnicodeDecodeError:
        return None
    if not all(_allowed(ch) for ch in text):
        return None
    if not text and not lost:
        return None
    return text, lost


def _candidates(run: str) -> list[tuple[int, int, str, bool]]:
    """Segments ``(start, end, decoded, lost_tail)`` of one run, longest first, no overlap."""
    enc = [ch.encode("gb18030") for ch in run]
    n = len(run)
    out: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < n:
        first = enc[i]
        # A UTF-8 multi-byte lead (C2-F4) must start the segment.
        if not 0xC2 <= first[0] <= 0xF4:
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_SEGMENT), i, -1):
            dec = _decode(b"".join(enc[i:j]), at_run_end=j == n)
            if dec is not None:
                found = (i, j, dec[0], dec[1])
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found[1]
    return out


def _lost_char(before: str, after: str) -> str:
    """The punctuation mark whose last byte was dropped, told from its context.

    ``war 鈥 before`` -> em dash (spaces on both sides); ``“dictator鈥 who`` -> closing
    double quote (a quote is open in the line); ``Europeans鈥 view`` -> apostrophe.
    """
    prev = before[-1:] or " "
    nxt = after[:1] or " "
    if prev.isspace() and nxt.isspace():
        return "—"
    if prev.isspace():
        return "“"
    line = before[before.rfind("\n") + 1 :][-2000:]
    if sum(line.count(q) for q in _OPEN_QUOTES) > sum(line.count(q) for q in _CLOSE_QUOTES):
        return "”"
    if prev.isalpha():
        return "’"
    return "”"


def _tail(pieces: list[str], limit: int = 2000) -> str:
    """The output so far, back to the last line break (at most ``limit`` characters)."""
    parts: list[str] = []
    size = 0
    for piece in reversed(pieces):
        parts.append(piece)
        size += len(piece)
        if "\n" in piece or size >= limit:
            break
    return "".join(reversed(parts))[-limit:]


def repair_gbk_mojibake(text: str) -> tuple[str, int]:
    """``(repaired text, number of repaired segments)``; see the module docstring."""
    if not _RUN.search(text):
        return text, 0
    runs = [(m.start(), m.group(0), _candidates(m.group(0))) for m in _RUN.finditer(text)]
    evidence = any(
        any(_is_punct(ch) for ch in dec) or lost
        for _, run, cands in runs
        for s, e, dec, lost in cands
        if s == 0 or e == len(run)
    )
    # In a mostly Chinese or Japanese document, a run glued to a Latin word is ordinary
    # mixed writing ("iPhone手机"), not damage.
    cjk = sum(len(run) for _, run, _ in runs)
    latin_context = cjk * 3 < sum(1 for ch in text[:100_000] if ch.isalpha())
    pieces: list[str] = []
    pos = 0
    repaired = 0
    for start, run, cands in runs:
        pieces.append(text[pos:start])
        end = start + len(run)
        # "caf茅", "Z眉rich": a run inside a Latin word was a Latin letter.
        in_word = latin_context and (
            _is_latin_letter(text[start - 1 : start]) or _is_latin_letter(text[end : end + 1])
        )
        chained_to = 0  # a segment may also start where an accepted one ended
        cursor = 0
        for s, e, dec, lost in cands:
            edge = s == 0 or e == len(run) or s == chained_to
            strong = e - s >= 2 or lost or any(_is_punct(ch) or ch == "€" for ch in dec)
            strong = strong or (in_word and s == 0 and e == len(run))
            if not edge or not (strong or evidence):
                continue
            pieces.append(run[cursor:s])
            if lost:
                before = _tail(pieces) + dec
                dec += _lost_char(before, text[start + len(run) : start + len(run) + 1])
            pieces.append(dec)
            cursor = chained_to = e
            repaired += 1
        pieces.append(run[cursor:])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), repaired
