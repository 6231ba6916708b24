"""The gold scorer on small hand-made cases (no model needed)."""

from __future__ import annotations

import json

import pytest

from extraction.evaluation import format_table, main, normalize, run, score

GOLD = {
    "file": "a.txt",
    "published_at": "2025-02-27",
    "entities": [
        {"name": "Donald Trump", "type": "PERSON", "aliases": ["Donald Trump", "Trump"]},
        {"name": "Keir Starmer", "type": "PERSON", "aliases": ["Keir Starmer", "Starmer"]},
        {"name": "United States", "type": "GPE", "aliases": ["US", "U.S.", "America"]},
        {"name": "Washington, D.C.", "type": "GPE", "aliases": ["Washington"]},
        {"name": "Ukraine", "type": "GPE", "aliases": ["Ukraine"]},
    ],
    "events": [
        {"type": "CONSULT", "mode": "visit", "actors": ["Keir Starmer"],
         "recipients": ["Donald Trump"], "date": "2025-02-27", "location": "Washington, D.C.",
         "negated": False, "modality": "planned", "evidence": "Starmer set to meet Trump."},
        {"type": "REQUEST", "mode": "assist", "actors": ["Keir Starmer"],
         "recipients": ["United States"], "date": None, "location": None,
         "negated": False, "modality": "asserted", "evidence": "Starmer asked the US."},
    ],
}  # fmt: skip


def ent(eid: str, name: str, type_: str, *aliases: str) -> dict:
    return {"id": eid, "name": name, "type": type_, "aliases": list(aliases) or [name]}


def ev(type_: str, actors: list, recipients: list, date=None, location=None) -> dict:
    return {
        "type": type_, "mode": None, "actors": actors, "recipients": recipients,
        "date": {"value": date, "precision": "day", "text": None} if date else None,
        "location": location, "modality": "asserted", "negated": False,
        "sentence": {"start": 0, "end": 0},
    }  # fmt: skip


def ref(eid: str, name: str) -> dict:
    return {"entity_id": eid, "name": name}


PRED_ENTS = [
    ent("e1", "Trump", "PERSON", "Trump", "President Trump"),
    ent("e2", "Starmer", "PERSON"),
    ent("e3", "U.S.", "GPE", "U.S.", "US"),
    ent("e4", "Washington", "GPE"),
    ent("e5", "Ukraine", "GPE"),
]


@pytest.mark.parametrize(
    ("raw", "key"),
    [("U.S.", "us"), ("US", "us"), ("Trump’s", "trump"), ("Trump's", "trump"),
     ("The Guardian", "guardian"), ("US-Russia", "us russia"), ("  Mr.  Putin ", "mr putin"),
     ("Washington, D.C.", "washington dc")],
)  # fmt: skip
def test_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


def test_perfect_prediction_scores_one() -> None:
    pred = {
        "entities": PRED_ENTS,
        "events": [
            ev("CONSULT", [ref("e2", "Starmer")], [ref("e1", "Trump")], "2025-02-27",
               {"name": "Washington", "entity_id": "e4"}),
            ev("REQUEST", [ref("e2", "Starmer")], [ref("e3", "U.S.")]),
        ],
    }  # fmt: skip
    r = score([GOLD], {"a.txt": pred})
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (5, 0, 0)
    for level in ("L1", "L2", "L3"):
        assert r.events[level].f1 == 1.0, level
    assert "| entities | 5 | 0 | 0 | 1.000 | 1.000 | 1.000 |" in format_table(r)


def test_entity_type_must_agree_and_matching_is_one_to_one() -> None:
    pred = {
        "entities": [
            ent("e1", "Trump", "ORG"),  # wrong type
            ent("e2", "Starmer", "PERSON"),
            ent("e3", "Keir Starmer", "PERSON"),  # duplicate of e2: one of them is a FP
        ]
    }
    r = score([GOLD], {"a.txt": pred})
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (1, 2, 4)
    assert r.entities_untyped.tp == 2
    assert r.entities_by_type["ORG"].fp == 1


def test_one_to_one_maximum_matching() -> None:
    # Greedy would give "Trump" to the first gold entity it sees; the maximum matching
    # must still pair both predictions.
    gold = {
        "file": "b.txt",
        "entities": [
            {"name": "A B", "type": "PERSON", "aliases": ["A B", "B"]},
            {"name": "C B", "type": "PERSON", "aliases": ["C B"]},
        ],
        "events": [],
    }
    pred = {"entities": [ent("e1", "B", "PERSON", "B", "C B"), ent("e2", "A B", "PERSON")]}
    r = score([gold], {"b.txt": pred})
    assert r.entities.tp == 2


def test_event_levels() -> None:
    pred = {
        "entities": PRED_ENTS,
        "events": [
            # right type and actor, recipient wrong: L1 only
            ev("CONSULT", [ref("e2", "Starmer")], [ref("e5", "Ukraine")]),
            # right roles, wrong date: L1 and L2
            ev("REQUEST", [ref("e2", "Starmer")], [ref("e3", "U.S.")], "2025-01-01"),
            # spurious
            ev("ASSAULT", [ref("e5", "Ukraine")], []),
        ],
    }
    r = score([GOLD], {"a.txt": pred})
    assert (r.events["L1"].tp, r.events["L1"].fp, r.events["L1"].fn) == (2, 1, 0)
    assert (r.events["L2"].tp, r.events["L2"].fp, r.events["L2"].fn) == (1, 2, 1)
    assert (r.events["L3"].tp, r.events["L3"].fp, r.events["L3"].fn) == (0, 3, 2)
    assert r.events_by_type["ASSAULT"]["L1"].fp == 1
    assert r.events_by_type["CONSULT"]["L2"].fn == 1


def test_event_matching_is_one_to_one() -> None:
    twice = ev("REQUEST", [ref("e2", "Starmer")], [ref("e3", "U.S.")])
    r = score([GOLD], {"a.txt": {"entities": PRED_ENTS, "events": [twice, dict(twice)]}})
    assert (r.events["L2"].tp, r.events["L2"].fp) == (1, 1)


def test_roles_resolve_through_aliases_even_without_entity_match() -> None:
    # Two predicted entities for Trump: only one is matched one-to-one, but an event whose
    # actor is the other one still names Donald Trump.
    ents = [*PRED_ENTS, ent("e9", "Donald Trump", "PERSON")]
    gold = dict(GOLD, events=[dict(GOLD["events"][0], actors=["Donald Trump"],
                                   recipients=["Keir Starmer"])])  # fmt: skip
    pred = {"entities": ents, "events": [ev("CONSULT", [ref("e9", "Donald Trump")],
                                            [ref("e2", "Starmer")])]}  # fmt: skip
    r = score([gold], {"a.txt": pred})
    assert r.events["L2"].tp == 1


def test_missing_prediction_counts_everything_missed() -> None:
    r = score([GOLD], {})
    assert r.entities.fn == 5 and r.events["L1"].fn == 2
    assert r.files[0].error == "no prediction"
    assert r.to_dict()["events"]["L1"]["f1"] == 0.0


def test_run_reports_missing_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    report = run(gold, tmp_path / "articles")
    assert report.files[0].error and report.files[0].error.startswith("missing file")
    assert report.entities.fn == 5


def test_main_prints_json(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    assert main([str(gold), str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["events"]["L1"]["fn"] == 2
