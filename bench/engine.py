"""Throughput of the full engine (``extract_many``) against bare ``nlp.pipe``.

Both sides see the same articles: the engine gets the raw texts (its cleaning included in
its time), the baseline gets the cleaned texts and runs the model exactly as shipped
(``spacy.load``, no Eventwire component). Rounds interleave the two and the medians are
compared, which cancels most of the noise of a shared machine.

    PYTHONPATH=$PWD python -m bench.engine [--quick] [--rounds 5] [--copies 4] [PATH ...]

Default corpus: every article text shipped, the seed articles (``$EVENTWIRE_SHARED/seeds``) and
the held-out articles (``tests/evaluation/heldout/articles``); throughput only, nothing
is tuned on them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import spacy

from extraction import ArticleInput, extract_many
from extraction.cleaning import clean
from extraction.nlp import MODEL_PACKAGE, get_nlp

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(
    os.environ.get("EVENTWIRE_SHARED")
    or next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT)
)
DEFAULT_CORPUS = [SHARED / "seeds", ROOT / "tests/evaluation/heldout/articles"]


def load_corpus(paths: list[Path]) -> list[str]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(p.glob("*.txt"))
        elif p.exists():
            files.append(p)
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--copies", type=int, default=4, help="corpus copies per round")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--quick", action="store_true", help="2 rounds, 1 copy (smoke run)")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.copies = 2, 1

    raw = load_corpus(args.paths) * args.copies
    if not raw:
        print("no articles found in " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    cleaned = [clean(t).text for t in raw]
    bare = spacy.load(MODEL_PACKAGE)
    get_nlp()  # load outside the timed region
    n_tokens = sum(len(d) for d in bare.pipe(cleaned, batch_size=args.batch_size))  # warm-up
    list(extract_many([ArticleInput(text=t) for t in raw], batch_size=args.batch_size))

    bare_times: list[float] = []
    engine_times: list[float] = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(cleaned, batch_size=args.batch_size):
            pass
        t1 = time.perf_counter()
        results = list(
            extract_many([ArticleInput(text=t) for t in raw], batch_size=args.batch_size)
        )
        t2 = time.perf_counter()
        bare_times.append(t1 - t0)
        engine_times.append(t2 - t1)
        failed = [r for r in results if isinstance(r, Exception)]
        if failed:
            print(f"warning: {len(failed)} articles failed: {failed[0]}", file=sys.stderr)

    n = len(raw)
    tb, te = statistics.median(bare_times), statistics.median(engine_times)
    print(
        f"corpus: {n // args.copies} articles x {args.copies} copies = {n} articles, "
        f"{n_tokens} tokens; {args.rounds} interleaved rounds, medians"
    )
    print("| pipeline | seconds | articles/s | tokens/s |")
    print("|---|---|---|---|")
    print(f"| bare nlp.pipe ({MODEL_PACKAGE}) | {tb:.2f} | {n / tb:.1f} | {n_tokens / tb:.0f} |")
    print(f"| extract_many (full engine) | {te:.2f} | {n / te:.1f} | {n_tokens / te:.0f} |")
    print(f"| ratio engine / bare | | {tb / te:.2f} | {tb / te:.2f} |")
    ratios = [b / e for b, e in zip(bare_times, engine_times, strict=True)]
    listed = ", ".join(f"{r:.2f}" for r in ratios)
    median = statistics.median(ratios)
    print(f"per-round ratios: {listed}; their median {median:.2f} (target >= 0.70)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
