"""The ``eventwire`` command line (CONTRACT section 1).

Each command is thin: it parses arguments and calls one function elsewhere. Imports are
local to each command so ``eventwire extract`` never loads Flask or Celery.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from eventwire import __version__
from eventwire.config import ConfigError, load_settings


def _settings():  # type: ignore[no-untyped-def]
    try:
        return load_settings()
    except ConfigError as exc:
        sys.exit(f"eventwire: configuration error: {exc}")


def cmd_up(args: argparse.Namespace) -> int:
    from eventwire.stack import run_stack

    return run_stack(_settings(), host=args.host, port=args.port, workers=args.workers)


def cmd_serve(args: argparse.Namespace) -> int:
    from eventwire.processes import api_command, check_listen_allowed, ensure_metrics_dir

    settings = _settings()
    error = check_listen_allowed(settings, args.host)
    if error:
        sys.exit(f"eventwire: {error}")
    if args.migrate:
        from storage.migrate import upgrade

        upgrade(settings.database_url)
    ensure_metrics_dir(settings, os.environ)
    cmd = api_command(args.host, args.port, args.workers)
    os.execvp(cmd[0], cmd)
    return 0  # pragma: no cover - exec does not return


def cmd_worker(args: argparse.Namespace) -> int:
    from eventwire.processes import ensure_metrics_dir, worker_command

    settings = _settings()
    ensure_metrics_dir(settings, os.environ)
    cmd = worker_command(args.concurrency or settings.worker_concurrency, args.loglevel)
    os.execvp(cmd[0], cmd)
    return 0  # pragma: no cover


def cmd_beat(args: argparse.Namespace) -> int:
    from eventwire.processes import beat_command

    settings = _settings()
    cmd = beat_command(settings, args.loglevel)
    os.execvp(cmd[0], cmd)
    return 0  # pragma: no cover


def cmd_migrate(_: argparse.Namespace) -> int:
    from storage.migrate import current, upgrade

    settings = _settings()
    upgrade(settings.database_url)
    print(f"database at revision {current(settings.database_url)}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from eventwire.extract_cli import run_extract

    return run_extract(args)


def cmd_submit(args: argparse.Namespace) -> int:
    from eventwire.submit_cli import run_submit

    return run_submit(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from extraction.evaluation import main as eval_main

    argv = [args.gold, args.articles]
    if args.json:
        argv.append("--json")
    return eval_main(argv)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventwire",
        description="News articles in; entities and PLOVER events out.",
    )
    p.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    up = sub.add_parser("up", help="run API, worker and scheduler on this machine (SQLite)")
    up.add_argument("--host", default="127.0.0.1")
    up.add_argument("--port", type=int, default=8000)
    up.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: settings)"
    )
    up.set_defaults(func=cmd_up)

    serve = sub.add_parser("serve", help="run the API under gunicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run a Celery worker")
    worker.add_argument("--concurrency", "-c", type=int, default=None)
    worker.add_argument("--loglevel", default="INFO")
    worker.set_defaults(func=cmd_worker)

    beat = sub.add_parser("beat", help="run the scheduler (sweeps, retries)")
    beat.add_argument("--loglevel", default="INFO")
    beat.set_defaults(func=cmd_beat)

    migrate = sub.add_parser("migrate", help="apply database migrations")
    migrate.set_defaults(func=cmd_migrate)

    ex = sub.add_parser("extract", help="run the extraction engine on files ('-' = stdin)")
    ex.add_argument("files", nargs="+", metavar="FILE")
    ex.add_argument("--published-at", default=None, help="YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339")
    ex.add_argument("--html", action="store_true", help="treat input as HTML")
    ex.add_argument("--url", default=None)
    ex.add_argument("--jsonl", action="store_true", help="one result per line")
    ex.set_defaults(func=cmd_extract)

    su = sub.add_parser("submit", help="send files or folders of articles to a running API")
    su.add_argument("paths", nargs="+", metavar="PATH")
    su.add_argument("--api", default=os.environ.get("EVENTWIRE_API", "http://127.0.0.1:8000"))
    su.add_argument("--token", default=os.environ.get("EVENTWIRE_TOKEN"))
    su.add_argument("--published-at", default=None)
    su.add_argument(
        "--wait", action="store_true", help="wait until every article is done or failed"
    )
    su.add_argument("--timeout", type=float, default=600.0, help="seconds to wait with --wait")
    su.set_defaults(func=cmd_submit)

    ev = sub.add_parser("eval", help="score extraction against a gold file")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument("articles", metavar="ARTICLES_DIR")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    ev.set_defaults(func=cmd_eval)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
