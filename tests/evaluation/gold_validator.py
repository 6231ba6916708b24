"""Validate an evaluation set's gold.jsonl against its articles (rules of
shared/gold/README.md). One validator for every set; each set's validate.py calls it.

Checks: record and event keys; every evidence string occurs exactly once, byte for byte,
in the raw file; every actor, recipient and location is an entity name of the record;
entity types, PLOVER modes, modality and date formats are valid; every alias occurs in
the article as a whole word (after decoding HTML entities and repairing UTF-8 read as
cp1252, since aliases are written "after fixing mojibake"); no alias is a possessive or
shared by two entities; no two events share type, actors and recipients.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"allege", "disapprove", "investigate"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "SANCTION": {"discontinue", "withdraw", "expel", "cancel", "convict", "sever"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "COERCE": {
        "seize",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "execute",
        "assassinate",
        "destroy",
        "explosives",
        "suicide-attack",
        "heavy-weapons",
        "firearms",
        "sexual",
        "primitive",
    },
}
ETYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"}
MODALITY = {"asserted", "reported", "planned", "possible"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REC_KEYS = {"file", "published_at", "entities", "events"}
EV_KEYS = {
    "type",
    "mode",
    "actors",
    "recipients",
    "date",
    "location",
    "negated",
    "modality",
    "evidence",
}
# Aliases are written after fixing mojibake (UTF-8 read as cp1252) and HTML entities, as in
# shared/gold/README.md ("after fixing mojibake"). Evidence is checked against the raw bytes.
MOJIBAKE = {
    "\u00e2\u20ac\u2122": "\u2019",
    "\u00e2\u20ac\u0153": "\u201c",
    "\u00e2\u20ac\ufffd": "\u201d",
    "\u00e2\u20ac\u201d": "\u2014",
    "\u00e2\u20ac\u201c": "\u2013",
    "\u00e2\u20ac\u02dc": "\u2018",
}


# cp1252 has no character for byte 0x9D, so "”" may also come out as a bare "â€".
MOJIBAKE_SHORT = [("â€˜", "‘"), ("â€", "”")]


def clean(text: str) -> str:
    for bad, good in [*MOJIBAKE.items(), *MOJIBAKE_SHORT]:
        text = text.replace(bad, good)
    return " ".join(html.unescape(text).split())


def main(here: Path) -> int:
    """Validate ``here/gold.jsonl`` against ``here/articles``; print the errors."""
    errors: list[str] = []
    for line in (here / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        f = rec.get("file")
        if set(rec) != REC_KEYS:
            errors.append(f"{f}: keys {sorted(rec)}")
        text = (here / "articles" / f).read_text(encoding="utf-8")
        flat = clean(text)
        if rec["published_at"] and not DATE.match(rec["published_at"]):
            errors.append(f"{f}: published_at {rec['published_at']}")
        names = set()
        owner: dict[str, str] = {}
        for e in rec["entities"]:
            if e["name"] in names:
                errors.append(f"{f}: duplicate entity {e['name']}")
            names.add(e["name"])
            if e["type"] not in ETYPES:
                errors.append(f"{f}: entity type {e}")
            for a in e["aliases"]:
                if not re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", flat):
                    errors.append(f"{f}: alias not in text: {a!r}")
                if re.search(r"['’]s$", a):
                    errors.append(f"{f}: possessive alias {a!r}")
                k = a.casefold()
                if k in owner and owner[k] != e["name"]:
                    errors.append(f"{f}: alias {a!r} shared by {owner[k]} and {e['name']}")
                owner[k] = e["name"]
        seen = set()
        for i, ev in enumerate(rec["events"]):
            tag = f"{f} event {i}"
            if set(ev) != EV_KEYS:
                errors.append(f"{tag}: keys {sorted(ev)}")
            if ev["type"] not in MODES:
                errors.append(f"{tag}: type {ev['type']}")
            elif ev["mode"] is not None and ev["mode"] not in MODES[ev["type"]]:
                errors.append(f"{tag}: mode {ev['mode']} for {ev['type']}")
            if ev["modality"] not in MODALITY:
                errors.append(f"{tag}: modality {ev['modality']}")
            if not isinstance(ev["negated"], bool):
                errors.append(f"{tag}: negated not bool")
            if ev["date"] is not None and not DATE.match(ev["date"]):
                errors.append(f"{tag}: date {ev['date']}")
            for n in ev["actors"] + ev["recipients"] + ([ev["location"]] if ev["location"] else []):
                if n not in names:
                    errors.append(f"{tag}: unknown entity {n!r}")
            c = text.count(ev["evidence"])
            if c != 1:
                errors.append(f"{tag}: evidence occurs {c} times: {ev['evidence'][:60]!r}")
            key = (ev["type"], frozenset(ev["actors"]), frozenset(ev["recipients"]))
            if key in seen:
                errors.append(f"{tag}: duplicate type/actors/recipients {key}")
            seen.add(key)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
