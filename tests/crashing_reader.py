"""A reader for the worker-crash test: it kills its own worker process on files named *crash*."""

from __future__ import annotations

import os

from metroviewer.ingest.parallel import _prepare


def prepare_or_crash(candidate):
    if "crash" in candidate.path.name:
        os._exit(70)  # as a segfaulting parser or the out-of-memory killer would end it
    return _prepare(candidate)
