"""Per-process resources of a worker: settings, database, the spaCy model.

Built lazily once per process (after the prefork pool forks, never in the parent), so
each child has its own database connections and loads the model once, not per task.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.config import Settings, load_settings
from storage.db import Database


@lru_cache(maxsize=1)
def settings() -> Settings:
    from celery import current_app

    configured = getattr(current_app.conf, "eventwire_settings", None)
    return configured if configured is not None else load_settings()


@lru_cache(maxsize=1)
def database() -> Database:
    return Database(settings().database_url)


def reset() -> None:
    """Forget per-process resources (called in each forked child)."""
    if database.cache_info().currsize:
        database().dispose()
    database.cache_clear()
    settings.cache_clear()
