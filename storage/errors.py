"""Storage errors. One handler in ``service/errors.py`` maps them to HTTP answers.

StorageError
 ├── NotFound           no row with that id        -> 404
 ├── Conflict           an idempotency clash       -> 409
 └── StoreUnavailable   the database cannot be reached -> 503
"""


class StorageError(Exception):
    """Base of every error raised by ``storage``."""


class NotFound(StorageError):
    pass


class Conflict(StorageError):
    pass


class StoreUnavailable(StorageError):
    pass
