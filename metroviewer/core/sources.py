"""Normalising source names: romanised and English forms to the Chinese name."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .. import RESOURCES


def _key(name: str) -> str:
    return re.sub(r"[\s\-_.·・]+", "", name).lower()


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    data = json.loads((RESOURCES / "sources.json").read_text(encoding="utf-8"))
    return {_key(k): v for k, v in data.items() if not k.startswith("_")}


def normalise_source(raw: str) -> str:
    """The source's usual Chinese name when known, else the raw name tidied."""
    raw = " ".join(raw.split()).strip(" ·-—|")
    return _table().get(_key(raw), raw)
