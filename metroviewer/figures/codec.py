"""Themes as the store keeps them: compact JSON, one value per article."""

from __future__ import annotations

import json


def encode_themes(themes: dict[str, int]) -> str:
    return json.dumps(themes, ensure_ascii=False, separators=(",", ":"))
