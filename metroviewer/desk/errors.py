"""Store errors said plainly: what the desk's writes raise instead of SQLite's own."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..core.models import UserError
from ..store.identity import ReadOnlyStoreError


@contextmanager
def plain_lock_errors() -> Iterator[None]:
    """A store another writer held past the busy timeout, or a read-only one, said plainly."""
    try:
        yield
    except sqlite3.OperationalError as e:
        text = str(e)
        if "locked" in text or "busy" in text:
            raise UserError("Another program is writing to this store (another import or re-tag?) and did not "
                            "finish within 30 seconds. Nothing was lost; try again when it is done.") from e
        if "readonly" in text:
            raise UserError("This store cannot be written (a read-only file or folder). Nothing was changed; "
                            "copy it somewhere writable or open another store.") from e
        raise


def read_only_failure(read_only: str, error: sqlite3.Error) -> ReadOnlyStoreError:
    """SQLite's error on a read-only store, said plainly: a write refused, or a query this
    version cannot answer on a newer store's schema."""
    if "readonly" in str(error):
        return ReadOnlyStoreError(read_only)
    return ReadOnlyStoreError(f"This version of MetroViewer could not read this part of the store ({error}). "
                              + read_only)
