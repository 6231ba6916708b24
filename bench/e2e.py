"""End to end: N articles POSTed to the API, time until all are ``done``, against bare
``nlp.pipe`` on the same texts; submission-to-result latency from the stored timestamps."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

import httpx
from sqlalchemy import select

from bench.stack import Stack, child_pids, cpu_seconds, rss_mb
from storage.clock import as_utc
from storage.db import Database
from storage.models import Article


@dataclass
class E2EResult:
    label: str
    workers: int
    n: int
    seconds: float
    done: int
    failed: int
    latencies: list[float] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)
    worker_cpu: float = 0.0  # CPU seconds of the worker processes during the run

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def bare_pipe(texts: list[str], batch_size: int = 16, engine: bool = False) -> tuple[float, float]:
    """(wall, CPU) seconds of ``nlp.pipe`` over ``texts`` in a fresh process, model load
    excluded; with ``engine``, of ``extraction.extract_many`` (the whole engine) instead."""
    run = (
        f"list(extract_many((ArticleInput(text=t) for t in texts), batch_size={batch_size}))"
        if engine
        else f"list(nlp.pipe(texts, batch_size={batch_size}))"
    )
    code = (
        "import json,sys,time\n"
        "from extraction import ArticleInput, extract, extract_many\n"
        "from extraction.nlp import get_nlp\n"
        "texts=json.load(sys.stdin); nlp=get_nlp(); list(nlp.pipe(texts[:2]))\n"
        "extract(ArticleInput(text=texts[0]))\n"
        "t=time.perf_counter(); c=time.process_time()\n"
        f"{run}\n"
        "print(time.perf_counter()-t, time.process_time()-c)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def wait_all(db: Database, ids: list[str], timeout: float) -> tuple[int, int]:
    """Poll the store until every id is done or failed; (done, failed)."""
    deadline = time.monotonic() + timeout
    wanted = set(ids)
    while True:
        with db.session() as s:
            rows = s.execute(
                select(Article.id, Article.status).where(Article.status.in_(("done", "failed")))
            ).all()
        finished = {i: st for i, st in rows if i in wanted}
        if len(finished) == len(wanted) or time.monotonic() > deadline:
            done = sum(1 for st in finished.values() if st == "done")
            return done, len(finished) - done
        time.sleep(0.05)


def latencies(db: Database, ids: list[str]) -> list[float]:
    with db.session() as s:
        rows = s.execute(
            select(Article.submitted_at, Article.finished_at).where(Article.id.in_(ids))
        ).all()
    return [
        (as_utc(f) - as_utc(sub)).total_seconds()  # type: ignore[operator]
        for sub, f in rows
        if f is not None and sub is not None
    ]


def run_e2e(
    stack: Stack, corpus: list[dict], workers: int, label: str, timeout: float = 900
) -> E2EResult:
    """Start ``workers`` worker processes and an API, warm up, then time ``corpus``."""
    worker = stack.worker(workers)
    base = stack.api(workers=2)
    db = Database(stack.settings.database_url)
    try:
        with httpx.Client(base_url=base, timeout=30) as c:
            # Warm-up: one short article per pool process, so each has run a task.
            warm = [
                c.post(
                    "/v1/articles",
                    json={"text": f"Warm-up {i}: Keir Starmer met Donald Trump in Washington."},
                ).json()["id"]
                for i in range(workers)
            ]
            wait_all(db, warm, 120)
            pids = [worker.pid, *child_pids(worker.pid)]
            cpu0 = cpu_seconds(pids)
            t0 = time.perf_counter()
            ids = []
            for body in corpus:
                resp = c.post("/v1/articles", json=body)
                if resp.status_code != 202:
                    raise RuntimeError(f"POST answered {resp.status_code}: {resp.text[:300]}")
                ids.append(resp.json()["id"])
            done, failed = wait_all(db, ids, timeout)
            seconds = time.perf_counter() - t0
            cpu = cpu_seconds(pids) - cpu0
        peaks = [rss_mb(pid, "VmHWM") for pid in child_pids(worker.pid)]
        lat = latencies(db, ids)
        return E2EResult(label, workers, len(corpus), seconds, done, failed, lat, peaks, cpu)
    finally:
        db.dispose()
        stack.stop()


def summarize(
    results: list[E2EResult],
    bare: tuple[float, float],
    n: int,
    engine: tuple[float, float] | None = None,
) -> list[list[str]]:
    bare_seconds, bare_cpu = bare
    bare_rate = n / bare_seconds
    rows = [["bare nlp.pipe (1 process)", "-", f"{n}", f"{bare_seconds:.1f}", f"{bare_rate:.2f}",
             "1.00", "-", f"{bare_cpu / n:.2f}", "1.00", "-", "-", "-"]]  # fmt: skip
    if engine:
        e_wall, e_cpu = engine
        rows.append(["engine in-process (extract_many)", "-", f"{n}", f"{e_wall:.1f}",
                     f"{n / e_wall:.2f}", f"{bare_seconds / e_wall:.2f}", "-", f"{e_cpu / n:.2f}",
                     f"{bare_cpu / e_cpu:.2f}", "-", "-", "-"])  # fmt: skip
    one = {r.label: r for r in results if r.workers == 1}
    for r in results:
        base1 = one.get(r.label)
        vs_one = f"{r.rate / base1.rate:.2f}" if base1 and r.workers > 1 and base1.rate else "-"
        cpu_per = r.worker_cpu / r.done if r.done else 0.0
        rows.append([
            r.label, str(r.workers),
            f"{r.done}/{r.n}" + (f" ({r.failed} failed)" if r.failed else ""),
            f"{r.seconds:.1f}", f"{r.rate:.2f}", f"{r.rate / bare_rate:.2f}", vs_one,
            f"{cpu_per:.2f}", f"{bare_cpu / n / cpu_per:.2f}" if cpu_per else "-",
            f"{percentile(r.latencies, 50):.1f}", f"{percentile(r.latencies, 95):.1f}",
            f"{max(r.peak_rss_mb, default=0):.0f}",
        ])  # fmt: skip
    return rows


E2E_HEADER = ["run", "workers", "articles", "seconds", "articles/s", "x bare", "x 1 worker",
              "CPU s/article", "x bare by CPU", "p50 s", "p95 s", "peak RSS/worker MB"]  # fmt: skip


def mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0
