"""All SQL lives here: opening the store, migrations, and repositories returning core objects."""

from .db import Store, default_store_path, needs_long_upgrade

__all__ = ["Store", "default_store_path", "needs_long_upgrade"]
