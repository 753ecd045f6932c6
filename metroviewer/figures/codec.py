"""Themes as the store keeps them: compact JSON, one value per article."""

from __future__ import annotations

import json


def encode_positions(positions: dict[str, list[int]]) -> str:
    """Region id → offsets of its mentions, as compact JSON."""
    return json.dumps(positions, ensure_ascii=False, separators=(",", ":"))


def decode_positions(text: str | None) -> dict[str, list[int]] | None:
    return json.loads(text) if text else None


def encode_themes(themes: dict[str, int]) -> str:
    return json.dumps(themes, ensure_ascii=False, separators=(",", ":"))
