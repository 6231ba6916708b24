"""``python -m bench [--quick] [--articles N] [--pg-redis] [--skip SECTION]``: every figure
of one run, as tables (end to end, API load, memory and size), with the machine."""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

SECTIONS = ("e2e", "api", "size", "engine")


def table(title: str, header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
        for r in rows
    ]
    return "\n".join([f"\n### {title}\n", line, sep, *body]) + "\n"


def machine() -> str:
    model = "unknown"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    load = os.getloadavg()
    return (
        f"nproc {os.cpu_count()}, CPU {model}, memory {mem_kb / 1024 / 1024:.1f} GiB, "
        f"Python {platform.python_version()}, "
        f"load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def _pg_redis_available() -> tuple[str, str] | None:
    pg = os.environ.get(
        "EVENTWIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    # db 0: the tests use 1-15. Never flushed: other processes may use it; stale messages
    # name articles this run's fresh database does not have, and are skipped.
    redis_url = os.environ.get("EVENTWIRE_BENCH_REDIS", "redis://127.0.0.1:6379/0")
    try:
        import redis
        from sqlalchemy import create_engine, text

        engine = create_engine(pg, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means "not here"
        print(f"PostgreSQL/Redis not reachable, skipping that stack: {exc}", file=sys.stderr)
        return None
    return pg, redis_url


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--quick", action="store_true", help="small figures for CI smoke runs (~1-2 min)"
    )
    p.add_argument(
        "--articles", type=int, default=None, help="end-to-end corpus size (default 30, quick 6)"
    )
    p.add_argument(
        "--rate", type=float, default=None, help="API load req/s (default 200, quick 50)"
    )
    p.add_argument(
        "--seconds", type=float, default=None, help="API load duration (default 10, quick 3)"
    )
    p.add_argument(
        "--pg-redis", action="store_true", help="also run end to end on PostgreSQL + Redis"
    )
    batch_help = "EVENTWIRE_EXTRACT_BATCH for the workers (1 = one article per task)"
    p.add_argument("--batch", type=int, default=None, help=batch_help)
    p.add_argument("--skip", action="append", default=[], choices=SECTIONS)
    args = p.parse_args(argv)
    n = args.articles or (6 if args.quick else 30)
    rate = args.rate or (50 if args.quick else 200)
    seconds = args.seconds or (3 if args.quick else 10)
    sizes = (1_000, 20_000) if args.quick else (1_000, 10_000, 50_000, 200_000)
    env = {} if args.batch is None else {"EVENTWIRE_EXTRACT_BATCH": str(args.batch)}

    from bench.api_load import LOAD_HEADER, fixed_rate_load, load_row
    from bench.corpus import build_corpus
    from bench.e2e import E2E_HEADER, bare_pipe, run_e2e, summarize
    from bench.memory import SIZE_HEADER, measure_size, size_row
    from bench.stack import child_pids, cpu_seconds, pg_redis_stack, sqlite_stack

    started = time.perf_counter()
    print(f"# Eventwire benchmarks ({'quick' if args.quick else 'full'} run)\n")
    print("Machine:", machine(), flush=True)
    out: list[str] = []

    if "e2e" not in args.skip:
        corpus = build_corpus(n)
        kb = sum(len(c["text"]) for c in corpus) / n / 1000  # type: ignore[arg-type]
        print(f"\nend to end: {n} articles, {kb:.1f} KB on average ...", flush=True)
        bare = bare_pipe([c["text"] for c in corpus])  # type: ignore[misc]
        results = []
        print(f"  bare nlp.pipe: {bare[0]:.1f} s wall, {bare[1]:.1f} s CPU", flush=True)
        engine = bare_pipe([c["text"] for c in corpus], engine=True)  # type: ignore[misc]
        print(f"  engine extract_many: {engine[0]:.1f} s wall, {engine[1]:.1f} s CPU", flush=True)
        for workers in (1, 2):
            with sqlite_stack(env) as stack:
                results.append(run_e2e(stack, corpus, workers, "SQLite store + SQLite broker"))
            print(f"  SQLite, {workers} worker(s): {results[-1].seconds:.1f} s", flush=True)
        if args.pg_redis and (urls := _pg_redis_available()):
            for workers in (1, 2):
                with pg_redis_stack(*urls, env=env) as stack:
                    results.append(run_e2e(stack, corpus, workers, "PostgreSQL + Redis"))
                print(
                    f"  PostgreSQL + Redis, {workers} worker(s): {results[-1].seconds:.1f} s",
                    flush=True,
                )
        out.append(table(
            f"End to end: {n} articles ({kb:.1f} KB avg) POSTed to gunicorn (2 workers), "
            "until all done; latency = finished_at - submitted_at",
            E2E_HEADER, summarize(results, bare, n, engine),
        ))  # fmt: skip
        print(out[-1], flush=True)

    if "api" not in args.skip:
        print(f"\nAPI load: {rate:.0f} req/s for {seconds:.0f} s ...", flush=True)
        rows = []
        with sqlite_stack(env) as stack:
            base = stack.api(workers=2)
            fixed_rate_load(base, min(rate, 50), 1, tag="warmup")
            assert stack.api_proc is not None
            pids = child_pids(stack.api_proc.pid)
            cpu0 = cpu_seconds(pids)
            result = fixed_rate_load(base, rate, seconds)
            result.server_cpu = cpu_seconds(pids) - cpu0
            rows.append(load_row(result))
        out.append(table(
            "API: POST /v1/articles at a fixed rate, gunicorn 2 sync workers, SQLite store and "
            "broker, no worker consuming (each POST = 2 commits + 1 broker publish)",
            LOAD_HEADER, rows,
        ))  # fmt: skip
        print(out[-1], flush=True)

    if "size" not in args.skip:
        print("\nsize sweep ...", flush=True)
        rows = [size_row(measure_size(size)) for size in sizes]
        out.append(table("Time and memory against article size (one fresh process per size)",
                         SIZE_HEADER, rows))  # fmt: skip
        print(out[-1], flush=True)

    if "engine" not in args.skip:
        from importlib.util import find_spec

        if find_spec("bench.engine") is not None:
            print("\nengine vs bare nlp.pipe (bench/engine.py) ...", flush=True)
            cmd = [sys.executable, "-m", "bench.engine", *(["--quick"] if args.quick else [])]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            print(proc.stdout + (proc.stderr if proc.returncode else ""), flush=True)

    print(f"\nbenchmarks took {time.perf_counter() - started:.0f} s")
    return 0
