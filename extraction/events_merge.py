"""One event per real-world happening: repeated mentions fold into one event.

Two mentions merge when they have the same type and actors, and the same recipients, or
one names none and both belong to one happening (same trigger stem, a campaign type, or
the same PLOVER mode: "called Zelenskyy a dictator" / "blaming the victim" are one
ACCUSE/allege); their dates must not conflict.
"""

from __future__ import annotations

from typing import Any


def _priority(ev: dict[str, Any]) -> int:
    """Lower wins when merged mentions disagree on modality."""
    if not ev["_stated"]:
        return 3  # bare noun mention, asserted by default
    return {"asserted": 0, "planned": 1, "possible": 2, "reported": 4}[ev["modality"]]


def _compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a["value"], b["value"]
    return va.startswith(vb) or vb.startswith(va)


# Types whose recipient-less mentions by the same actor are one ongoing happening in
# a news article ("Starmer's visit" / "set to meet Trump"; "Russia's aggression" / "invasion").
CAMPAIGN_TYPES = frozenset({"CONSULT", "ASSAULT", "MOBILIZE"})


def _related(etype: str, a: str, b: str) -> bool:
    """Triggers of one happening: same stem ("invade"/"invasion", "meet"/"meeting"), or
    any two triggers of a campaign type."""
    return etype in CAMPAIGN_TYPES or a[:4] == b[:4]


def _ids(refs: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(r["entity_id"] for r in refs)


def merge_mentions(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per happening: same type and actors, recipients equal or one mention
    naming none of them ("Putin invaded" / "Putin's invasion of Ukraine"), compatible
    dates. The fuller mention absorbs the other."""
    # fuller mentions first, so a bare mention folds into the one that names a recipient
    # headline mentions last: they may only join an event the body states
    order = sorted(
        range(len(raw)), key=lambda i: (raw[i].get("_weak", False), -len(raw[i]["recipients"]), i)
    )
    out: list[dict[str, Any]] = []
    index: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for i in order:
        ev = raw[i]
        key = (ev["type"], _ids(ev["actors"]))
        rec = _ids(ev["recipients"])
        target = next(
            (
                o
                for o in index.get(key, [])
                if (
                    _ids(o["recipients"]) == rec
                    or (
                        not rec
                        and (
                            _related(ev["type"], o["trigger"]["lemma"], ev["trigger"]["lemma"])
                            or (ev["mode"] is not None and ev["mode"] == o["mode"])
                        )
                    )
                )
                and _compatible(o["date"], ev["date"])
            ),
            None,
        )
        if target is None and ev.get("_weak"):
            # "Kenya, Somalia sign pact": a headline's parties are parsed loosely; it
            # joins the body event of the same type that shares a party with it
            parties = _ids(ev["actors"]) | rec
            target = next(
                (
                    o
                    for o in out
                    if o["type"] == ev["type"]
                    and (_ids(o["actors"]) | _ids(o["recipients"])) & parties
                ),
                None,
            )
        if target is None:
            if ev.get("_weak"):
                continue  # a headline alone creates no event
            index.setdefault(key, []).append(ev)
            out.append(ev)
            continue
        if ev["mentions"][0] not in target["mentions"]:
            target["mentions"].append(ev["mentions"][0])
        if ev.get("_weak"):
            continue  # a headline's tense and wording set no attribute
        # The most factual statement wins. A bare noun mention ("Starmer's visit") is
        # weaker than a stated plan ("set to meet"), but it is the article's own voice,
        # so it beats a mention that rests on a report.
        if _priority(ev) < _priority(target):
            target["modality"], target["negated"] = ev["modality"], ev["negated"]
            target["_stated"] = ev["_stated"]
        for k in ("date", "location", "mode", "reported_by"):
            if target[k] is None and ev[k] is not None:
                target[k] = ev[k]
        if (
            target["date"]
            and ev["date"]
            and len(ev["date"]["value"]) > len(target["date"]["value"])
        ):
            target["date"] = ev["date"]
        target["confidence"] = round(
            min(1.0, max(target["confidence"], ev["confidence"]) + 0.05), 3
        )
    for ev in out:
        ev["mentions"].sort(key=lambda m: m["start"])
    out.sort(key=lambda e: (e["mentions"][0]["start"], e["trigger"]["start"]))
    for n, ev in enumerate(out, 1):
        ev["id"] = f"v{n}"
        ev["mentions"].sort(key=lambda m: m["start"])
    for ev in out:
        ev.pop("_stated", None)
        ev.pop("_weak", None)
        ev.pop("_object", None)
        ev.pop("_object_event", None)
        ev.pop("_condition", None)
    return [{"id": ev.pop("id"), **ev} for ev in out]
