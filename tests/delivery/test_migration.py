"""Revision 0002 matches the models and goes up and down on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage.db import make_engine
from storage.migrate import current, upgrade
from storage.models import Base


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return request.getfixturevalue("pg_url")


def test_0002_matches_the_models_and_downgrades(db_url: str) -> None:
    upgrade(db_url)
    assert current(db_url) == "0002"
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff
    engine.dispose()
    from alembic import command

    from storage.migrate import alembic_config

    command.downgrade(alembic_config(db_url), "0001")
    assert current(db_url) == "0001"
    upgrade(db_url)
    assert current(db_url) == "0002"


def test_committed_message_schemas_are_generated() -> None:
    from schemas.export import OUT_DIR, render

    for name in ("webhook_message", "article_failed_data"):
        assert (OUT_DIR / f"{name}.schema.json").read_text() == render(name), "run `make schemas`"
