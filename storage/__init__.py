"""Persistence: SQLAlchemy 2 models, repositories and Alembic migrations.

SQL lives only here. Callers get a ``Database`` (engine + session factory) and use the
repositories (``ArticleRepository``, ``ResultQueries``); they never build queries.
"""

from storage.db import Database
from storage.errors import Conflict, NotFound, StorageError, StoreUnavailable

__all__ = ["Conflict", "Database", "NotFound", "StorageError", "StoreUnavailable"]
