"""Validate gold.jsonl against the articles (rules of shared/gold/README.md).

Run: python tests/evaluation/blind/validate.py

Aliases are checked against the text after decoding HTML entities (&#8217; &oacute; ...) and
repairing UTF-8-read-as-cp1252 mojibake (â€™ â€œ â€ â€”), because aliases are surface strings
"after fixing mojibake" (shared/gold/README.md). Evidence is checked byte for byte on the raw file.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"}, "SUPPORT": set(),
    "CONCEDE": set(), "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"}, "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"allege", "disapprove", "investigate"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "SANCTION": {"discontinue", "withdraw", "expel", "cancel", "convict", "sever"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "COERCE": {"seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "assassinate", "destroy", "explosives",
                "suicide-attack", "heavy-weapons", "firearms", "sexual", "primitive"},
}
ETYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"}
MODALITY = {"asserted", "reported", "planned", "possible"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REC_KEYS = {"file", "published_at", "entities", "events"}
EV_KEYS = {"type", "mode", "actors", "recipients", "date", "location", "negated", "modality", "evidence"}


MOJIBAKE = [("â€™", "’"), ("â€˜", "‘"), ("â€œ", "“"), ("â€”", "—"), ("â€“", "–"), ("â€", "”")]


def normalise(text: str) -> str:
    for bad, good in MOJIBAKE:
        text = text.replace(bad, good)
    return html.unescape(text)


def main() -> int:
    errors: list[str] = []
    for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        f = rec.get("file")
        if set(rec) != REC_KEYS:
            errors.append(f"{f}: keys {sorted(rec)}")
        text = (HERE / "articles" / f).read_text(encoding="utf-8")
        flat = " ".join(normalise(text).split())
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
    sys.exit(main())
