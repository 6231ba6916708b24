"""extraction/ stays I/O-free: no web, queue, database or contract imports (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FORBIDDEN = {"flask", "flask_smorest", "celery", "kombu", "sqlalchemy", "alembic", "redis",
             "storage", "service", "workers", "schemas"}  # fmt: skip
PACKAGE = Path(__file__).resolve().parents[2] / "extraction"
MODULES = sorted(PACKAGE.rglob("*.py"))


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_there_are_modules_to_check() -> None:
    assert any(p.name == "engine.py" for p in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_extraction_imports_nothing_forbidden(path: Path) -> None:
    bad = imported_roots(path) & FORBIDDEN
    assert not bad, f"{path.name} imports {sorted(bad)}"
