"""Score ArticleResult dicts against a gold file (format of shared/gold/seeds.jsonl).

Entities: a predicted entity matches a gold one when its name or one of its aliases equals
the gold name or one of the gold aliases (case-, punctuation- and possessive-insensitive)
and the types agree. Matching is one-to-one (maximum bipartite matching), so two predicted
entities for "Trump" and "Donald Trump" earn one true positive and one false positive.

Events, three levels, each with its own one-to-one greedy matching of predicted to gold:

- L1: same type and at least one actor in common (or both actor lists empty);
- L2: same type, same set of actors and same set of recipients;
- L3: L2 and the same date value and the same location.

Predicted actors, recipients and locations are entity references; they are mapped to gold
entities through the entity matching first and, failing that, through the gold aliases
(many-to-one: a split "Trump"/"Donald Trump" still names Donald Trump as an actor).

Run: ``python -m extraction.evaluation GOLD.jsonl ARTICLES_DIR [--json] [--details]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LEVELS = ("L1", "L2", "L3")

# ---------------------------------------------------------------------------- matching keys

_POSSESSIVE = re.compile(r"['’`]s?$")
_LEADING_THE = re.compile(r"^the\s+")


def normalize(name: str) -> str:
    """Matching key of a name: "the U.S.'s" -> "us", "US-Russia" -> "us russia"."""
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    s = _POSSESSIVE.sub("", s)
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if ch in "-‐‑‒–—/" or cat.startswith("Z") or ch.isspace():
            out.append(" ")
        elif cat[0] in "PS":
            continue  # "U.S." and "US" are one key
        else:
            out.append(ch)
    s = " ".join("".join(out).split())
    return _LEADING_THE.sub("", s)


def _keys(name: str | None, aliases: Iterable[str] | None) -> set[str]:
    keys = {normalize(a) for a in (aliases or ()) if a}
    if name:
        keys.add(normalize(name))
    keys.discard("")
    return keys


# ---------------------------------------------------------------------------- report types


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }  # fmt: skip


@dataclass
class FileReport:
    file: str
    entities: Score = field(default_factory=Score)
    events: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    error: str | None = None
    # Diagnostics: what was missed and what was spurious (names / short event strings).
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_events: list[str] = field(default_factory=list)
    spurious_events: list[str] = field(default_factory=list)


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)
    entities: Score = field(default_factory=Score)
    entities_untyped: Score = field(default_factory=Score)
    entities_by_type: dict[str, Score] = field(default_factory=dict)
    events: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    events_by_type: dict[str, dict[str, Score]] = field(default_factory=dict)
    # On L1-matched pairs: how often mode, modality, negated, date, location agree.
    attributes: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def scores(d: Mapping[str, Score]) -> dict[str, Any]:
            return {k: v.to_dict() for k, v in d.items()}

        return {
            "entities": self.entities.to_dict(),
            "entities_untyped": self.entities_untyped.to_dict(),
            "entities_by_type": scores(self.entities_by_type),
            "events": scores(self.events),
            "events_by_type": {t: scores(d) for t, d in self.events_by_type.items()},
            "attributes": {
                k: {"agree": a, "of": n, "accuracy": round(a / n, 4) if n else 0.0}
                for k, (a, n) in self.attributes.items()
            },
            "files": [
                {
                    "file": f.file,
                    "error": f.error,
                    "entities": f.entities.to_dict(),
                    "events": scores(f.events),
                    "missed_entities": f.missed_entities,
                    "spurious_entities": f.spurious_entities,
                    "missed_events": f.missed_events,
                    "spurious_events": f.spurious_events,
                }
                for f in self.files
            ],
        }


# ---------------------------------------------------------------------------- entities


def _max_matching(candidates: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn); ``candidates[i]`` lists right nodes, best first."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _match_entities(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]], typed: bool
) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one."""
    gkeys = [_keys(g.get("name"), g.get("aliases")) for g in gold]
    pkeys = [_keys(p.get("name"), p.get("aliases")) for p in pred]
    candidates: list[list[int]] = []
    for gi, g in enumerate(gold):
        scored = []
        for pi, p in enumerate(pred):
            if typed and p.get("type") != g.get("type"):
                continue
            common = gkeys[gi] & pkeys[pi]
            if common:
                same_name = normalize(p.get("name") or "") == normalize(g.get("name") or "")
                scored.append((-int(same_name), -len(common), pi))
        candidates.append([pi for *_, pi in sorted(scored)])
    return _max_matching(candidates, len(pred))


class _RoleMapper:
    """Maps predicted entity references to gold entity names for event scoring."""

    def __init__(
        self,
        gold: Sequence[Mapping[str, Any]],
        pred: Sequence[Mapping[str, Any]],
        matching: Mapping[int, int],
    ) -> None:
        self._gold_keys = [(g["name"], _keys(g.get("name"), g.get("aliases"))) for g in gold]
        self._by_id: dict[str, Mapping[str, Any]] = {
            str(p.get("id")): p for p in pred if p.get("id") is not None
        }
        self._matched: dict[str, str] = {}
        for gi, pi in matching.items():
            pid = pred[pi].get("id")
            if pid is not None:
                self._matched[str(pid)] = gold[gi]["name"]

    def _best_gold(self, name: str | None, aliases: Iterable[str] | None) -> str | None:
        name_key = normalize(name or "")
        keys = _keys(name, aliases)
        best: tuple[int, int] = (0, 0)
        best_name = None
        for gname, gkeys in self._gold_keys:
            score = (int(name_key in gkeys), len(keys & gkeys))
            if score > best and score != (0, 0):
                best, best_name = score, gname
        return best_name

    def resolve(self, ref: Any) -> str:
        """A gold name, or ``"?<key>"`` for a reference no gold entity matches."""
        if isinstance(ref, str):
            return self._best_gold(ref, None) or f"?{normalize(ref)}"
        if not isinstance(ref, Mapping):
            return "?"
        eid = ref.get("entity_id")
        if eid is not None and str(eid) in self._matched:
            return self._matched[str(eid)]
        ent = self._by_id.get(str(eid)) if eid is not None else None
        name = ref.get("name") or (ent or {}).get("name")
        aliases = (ent or {}).get("aliases")
        return self._best_gold(name, aliases) or f"?{normalize(name or '')}"


# ---------------------------------------------------------------------------- events


@dataclass
class _Ev:
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date: str | None
    location: str | None
    mode: str | None
    modality: str | None
    negated: bool
    words: frozenset[str]

    def label(self) -> str:
        return (
            f"{self.type} {sorted(self.actors)} -> {sorted(self.recipients)}"
            f" date={self.date} loc={self.location}"
        )


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalize(text).split() if len(w) > 2)


def _gold_event(g: Mapping[str, Any]) -> _Ev:
    return _Ev(
        type=g["type"],
        actors=frozenset(g.get("actors") or ()),
        recipients=frozenset(g.get("recipients") or ()),
        date=g.get("date"),
        location=g.get("location"),
        mode=g.get("mode"),
        modality=g.get("modality"),
        negated=bool(g.get("negated")),
        words=_words(g.get("evidence") or ""),
    )


def _pred_event(p: Mapping[str, Any], roles: _RoleMapper, text: str) -> _Ev:
    date = p.get("date")
    loc = p.get("location")
    sent = p.get("sentence") or {}
    sentence = ""
    if isinstance(sent, Mapping) and text:
        sentence = text[int(sent.get("start") or 0) : int(sent.get("end") or 0)]
    return _Ev(
        type=str(p.get("type")),
        actors=frozenset(roles.resolve(a) for a in p.get("actors") or ()),
        recipients=frozenset(roles.resolve(r) for r in p.get("recipients") or ()),
        date=(date.get("value") if isinstance(date, Mapping) else date) or None,
        location=roles.resolve(loc) if loc else None,
        mode=p.get("mode"),
        modality=p.get("modality"),
        negated=bool(p.get("negated")),
        words=_words(sentence),
    )


def _satisfies(level: str, p: _Ev, g: _Ev) -> bool:
    if p.type != g.type:
        return False
    if level == "L1":
        return bool(p.actors & g.actors) or (not p.actors and not g.actors)
    same_roles = p.actors == g.actors and p.recipients == g.recipients
    if level == "L2":
        return same_roles
    return same_roles and p.date == g.date and p.location == g.location


def _similarity(p: _Ev, g: _Ev) -> tuple[float, ...]:
    """Preference among admissible pairs: closer roles, then closer sentence wording."""
    roles_p, roles_g = p.actors | p.recipients, g.actors | g.recipients
    jac = len(roles_p & roles_g) / len(roles_p | roles_g) if roles_p | roles_g else 1.0
    wp, wg = p.words, g.words
    wjac = len(wp & wg) / len(wp | wg) if wp | wg else 0.0
    return (
        float(_satisfies("L3", p, g)), float(_satisfies("L2", p, g)), jac,
        float(p.mode == g.mode), wjac,
    )  # fmt: skip


def _greedy(level: str, pred: Sequence[_Ev], gold: Sequence[_Ev]) -> dict[int, int]:
    """One-to-one greedy matching, best pairs first: gold index -> predicted index."""
    pairs = [
        (_similarity(p, g), -gi, -pi, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if _satisfies(level, p, g)
    ]
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for *_, gi, pi in pairs:
        if gi in out or pi in used_p:
            continue
        out[gi] = pi
        used_p.add(pi)
    return out


# ---------------------------------------------------------------------------- scoring


def _bump(table: dict[str, Score], key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
    s = table.setdefault(key, Score())
    s.tp, s.fp, s.fn = s.tp + tp, s.fp + fp, s.fn + fn


def score(
    gold_records: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any] | None],
) -> Report:
    """Score predictions (file name -> ArticleResult dict, or None when extraction failed)."""
    report = Report()
    for rec in gold_records:
        fname = rec["file"]
        pred_result = predictions.get(fname) or {}
        fr = FileReport(file=fname)
        if not pred_result:
            fr.error = "no prediction"
        gold_ents = list(rec.get("entities") or [])
        pred_ents = [e for e in pred_result.get("entities") or [] if isinstance(e, Mapping)]

        # Entities, typed (the headline) and untyped (to tell type errors from misses).
        match = _match_entities(gold_ents, pred_ents, typed=True)
        fr.entities = Score(
            tp=len(match), fp=len(pred_ents) - len(match), fn=len(gold_ents) - len(match)
        )
        report.entities.add(fr.entities)
        matched_pred = set(match.values())
        for gi, g in enumerate(gold_ents):
            if gi in match:
                _bump(report.entities_by_type, g["type"], tp=1)
            else:
                _bump(report.entities_by_type, g["type"], fn=1)
                fr.missed_entities.append(f"{g['name']} ({g['type']})")
        for pi, p in enumerate(pred_ents):
            if pi not in matched_pred:
                _bump(report.entities_by_type, str(p.get("type")), fp=1)
                fr.spurious_entities.append(f"{p.get('name')} ({p.get('type')})")
        untyped = _match_entities(gold_ents, pred_ents, typed=False)
        report.entities_untyped.add(
            Score(len(untyped), len(pred_ents) - len(untyped), len(gold_ents) - len(untyped))
        )

        # Events.
        roles = _RoleMapper(gold_ents, pred_ents, match)
        text = str(pred_result.get("text") or "")
        gold_evs = [_gold_event(g) for g in rec.get("events") or []]
        pred_evs = [
            _pred_event(p, roles, text)
            for p in pred_result.get("events") or []
            if isinstance(p, Mapping)
        ]
        for level in LEVELS:
            m = _greedy(level, pred_evs, gold_evs)
            sc = Score(tp=len(m), fp=len(pred_evs) - len(m), fn=len(gold_evs) - len(m))
            fr.events[level] = sc
            report.events[level].add(sc)
            used = set(m.values())
            for gi, gev in enumerate(gold_evs):
                by_type = report.events_by_type.setdefault(gev.type, {})
                _bump(by_type, level, tp=int(gi in m), fn=int(gi not in m))
            for pi, pev in enumerate(pred_evs):
                if pi not in used:
                    _bump(report.events_by_type.setdefault(pev.type, {}), level, fp=1)
            if level == "L1":
                fr.missed_events = [e.label() for i, e in enumerate(gold_evs) if i not in m]
                fr.spurious_events = [e.label() for i, e in enumerate(pred_evs) if i not in used]
                for gi, pi in m.items():
                    gev, pev = gold_evs[gi], pred_evs[pi]
                    for attr in ("mode", "modality", "negated", "date", "location"):
                        agree = report.attributes.setdefault(attr, [0, 0])
                        agree[0] += int(getattr(gev, attr) == getattr(pev, attr))
                        agree[1] += 1
        report.files.append(fr)
    for by_type in report.events_by_type.values():
        for level in LEVELS:
            by_type.setdefault(level, Score())
    return report


# ---------------------------------------------------------------------------- output


def _row(label: str, s: Score) -> str:
    return (
        f"| {label} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
    )


def format_table(report: Report, details: bool = False) -> str:
    """The report as markdown tables (overall, per type, per file[, diagnostics])."""
    out = ["| metric | tp | fp | fn | P | R | F1 |", "|---|---|---|---|---|---|---|"]
    out.append(_row("entities", report.entities))
    out.append(_row("entities (type ignored)", report.entities_untyped))
    for t in sorted(report.entities_by_type):
        out.append(_row(f"entities {t}", report.entities_by_type[t]))
    names = {"L1": "type+actor", "L2": "type+actors+recipients", "L3": "+date+location"}
    for level in LEVELS:
        out.append(_row(f"events {level} ({names[level]})", report.events[level]))

    out += ["", "| event type | gold | pred | L1 P | L1 R | L1 F1 | L2 F1 | L3 F1 |",
            "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for t in sorted(report.events_by_type):
        d = report.events_by_type[t]
        l1 = d["L1"]
        out.append(
            f"| {t} | {l1.tp + l1.fn} | {l1.tp + l1.fp} | {l1.precision:.3f} | {l1.recall:.3f}"
            f" | {l1.f1:.3f} | {d['L2'].f1:.3f} | {d['L3'].f1:.3f} |"
        )

    if report.attributes:
        out += ["", "| attribute on L1 pairs | agree | of | accuracy |", "|---|---|---|---|"]
        for k, (a, n) in report.attributes.items():
            out.append(f"| {k} | {a} | {n} | {a / n if n else 0:.3f} |")

    out += ["", "| file | entity F1 | L1 F1 | L2 F1 | L3 F1 | error |",
            "|---|---|---|---|---|---|"]  # fmt: skip
    for f in report.files:
        out.append(
            f"| {f.file} | {f.entities.f1:.3f} | {f.events['L1'].f1:.3f}"
            f" | {f.events['L2'].f1:.3f} | {f.events['L3'].f1:.3f} | {f.error or ''} |"
        )
    if details:
        for f in report.files:
            out += ["", f"### {f.file}"]
            for title, items in (
                ("missed entities", f.missed_entities),
                ("spurious entities", f.spurious_entities),
                ("missed events (L1)", f.missed_events),
                ("spurious events (L1)", f.spurious_events),
            ):
                out.append(f"- {title} ({len(items)}): " + "; ".join(items))
    return "\n".join(out)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(gold_path: str | Path, articles_dir: str | Path) -> Report:
    """Extract every gold file from ``articles_dir`` (with its ``published_at``) and score."""
    from extraction.engine import ArticleInput, extract_many

    records = load_gold(gold_path)
    errors: dict[str, str] = {}
    inputs: list[Any] = []
    for rec in records:
        path = Path(articles_dir, rec["file"])
        if not path.is_file():
            errors[rec["file"]] = f"missing file {path}"
            continue
        raw = path.read_bytes().decode("utf-8", errors="replace")
        inputs.append(ArticleInput(text=raw, published_at=rec.get("published_at")))
    present = [rec for rec in records if rec["file"] not in errors]
    predictions: dict[str, dict[str, Any] | None] = {}
    for rec, result in zip(present, extract_many(inputs), strict=True):
        if isinstance(result, Exception):
            errors[rec["file"]] = f"{type(result).__name__}: {result}"
        else:
            predictions[rec["file"]] = result.to_dict()
    report = score(records, predictions)
    for fr in report.files:
        fr.error = errors.get(fr.file, fr.error)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extraction.evaluation", description=__doc__.splitlines()[0]
    )
    parser.add_argument("gold", help="gold JSONL (format of shared/gold/seeds.jsonl)")
    parser.add_argument("articles_dir", help="folder holding the gold records' files")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--details", action="store_true", help="list misses and spurious items")
    args = parser.parse_args(argv)
    report = run(args.gold, args.articles_dir)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_table(report, details=args.details))
    return 0


__all__ = ["Report", "Score", "format_table", "load_gold", "main", "normalize", "run", "score"]

if __name__ == "__main__":
    sys.exit(main())
