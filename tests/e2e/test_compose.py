"""docker-compose.yml: valid against the Compose Specification, and each of its services'
commands, run here with the file's own environment pointed at this machine's Redis and
PostgreSQL, makes a working stack. (No Docker engine runs on CI machines.)"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import ROOT, free_port, seed_published_at, wait_articles, wait_http

pytestmark = pytest.mark.slow
COMPOSE = ROOT / "docker-compose.yml"
TOKEN = "compose-test-token"


def test_compose_file_matches_the_compose_specification():
    checker = Path(sys.executable).parent / "check-jsonschema"
    proc = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_compose_declares_healthchecks_and_volumes():
    spec = yaml.safe_load(COMPOSE.read_text())
    services = spec["services"]
    for name in ("api", "worker", "beat", "redis", "postgres"):
        assert "healthcheck" in services[name], name
    assert "postgres-data" in spec["volumes"] and "redis-data" in spec["volumes"]
    assert "ports" not in services["worker"], "workers must scale with --scale worker=N"


_VAR = re.compile(r"\$\{([A-Z_]+)(?::?[-?]([^}]*))?\}")


def _interpolate(value: str, env: dict[str, str]) -> str:
    return _VAR.sub(lambda m: env.get(m.group(1), m.group(2) or ""), value)


def _localise(value: str, pg_url: str, redis_url: str, port: int, tmp: Path) -> str:
    """Point the compose environment at this machine instead of the compose network."""
    value = re.sub(r"postgresql://[^ ]*@postgres:5432/\w+", pg_url.replace("+psycopg", ""), value)
    value = re.sub(r"redis://redis:6379/\d+", redis_url, value)
    value = value.replace("/metrics", str(tmp / "metrics")).replace("/data", str(tmp / "data"))
    return value.replace("8000", str(port))


def _service_env(
    svc: dict[str, Any], pg_url: str, redis_url: str, port: int, tmp: Path
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env["PYTHONPATH"] = str(ROOT)
    compose_vars = {"EVENTWIRE_API_TOKENS": TOKEN}
    for key, raw in (svc.get("environment") or {}).items():
        env[key] = _localise(_interpolate(str(raw), compose_vars), pg_url, redis_url, port, tmp)
    env.setdefault("EVENTWIRE_DATA_DIR", str(tmp / "data"))
    return env


def _command(svc: dict[str, Any], port: int) -> list[str]:
    cmd = [str(part).replace("8000", str(port)) for part in svc["command"]]
    assert cmd[0] == "eventwire"
    return [sys.executable, "-m", "eventwire", *cmd[1:]]


@pytest.mark.redis
@pytest.mark.postgres
def test_compose_services_run_locally(tmp_path, pg_url, redis_url, processes, seeds):
    spec = yaml.safe_load(COMPOSE.read_text())
    services = spec["services"]
    port = free_port()
    (tmp_path / "metrics").mkdir()
    (tmp_path / "data").mkdir()
    envs = {
        n: _service_env(services[n], pg_url, redis_url, port, tmp_path)
        for n in ("migrate", "api", "worker", "beat")
    }
    assert envs["api"]["EVENTWIRE_DATABASE_URL"].startswith("postgresql://")
    migrate = subprocess.run(
        _command(services["migrate"], port),
        env=envs["migrate"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr
    api = processes("api", _command(services["api"], port), envs["api"])
    worker = processes("worker", _command(services["worker"], port), envs["worker"])
    processes("beat", _command(services["beat"], port), envs["beat"])
    base = f"http://127.0.0.1:{port}"
    wait_http(base + "/livez", api)
    worker.wait_for_log("ready.", timeout=120)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(base + "/readyz", timeout=10).status_code == 200
    assert httpx.post(base + "/v1/articles", json={"text": "x"}, timeout=10).status_code == 401
    seed = seeds[0]
    resp = httpx.post(
        base + "/v1/articles", headers=auth, timeout=30,
        json={"text": seed.read_text(), "published_at": seed_published_at()[seed.name]},
    )  # fmt: skip
    assert resp.status_code == 202, resp.text
    body = wait_articles(base, [resp.json()["id"]], headers=auth)[resp.json()["id"]]
    assert body["status"] == "done" and body["result"]["events"]
    # The healthchecks themselves pass against the running services.
    api_check = [c.replace("8000", str(port)) for c in services["api"]["healthcheck"]["test"][1:]]
    assert (
        subprocess.run(
            [sys.executable if c == "python" else c for c in api_check], timeout=30
        ).returncode
        == 0
    )
    ping = services["worker"]["healthcheck"]["test"][1].replace("$$HOSTNAME", socket.gethostname())
    ping = ping.replace("celery ", f"{sys.executable} -m celery ", 1)
    assert subprocess.run(ping, shell=True, env=envs["worker"], timeout=60).returncode == 0
