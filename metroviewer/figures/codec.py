"""Figures and themes as the store keeps them: compact JSON, one value per article."""

from __future__ import annotations

import json

from ..core.models import Figure

_FIELDS = ("kind", "label", "value", "unit", "qualifier", "year", "when", "text", "start", "end", "sentence",
           "region_id")


def encode_figures(figures: list[Figure]) -> str:
    return json.dumps([[getattr(f, name) for name in _FIELDS] for f in figures], ensure_ascii=False,
                      separators=(",", ":"))


def decode_figures(data: str | None) -> list[Figure]:
    if not data:
        return []
    return [Figure(**dict(zip(_FIELDS, row, strict=True))) for row in json.loads(data)]


def encode_themes(themes: dict[str, int]) -> str:
    return json.dumps(themes, ensure_ascii=False, separators=(",", ":"))


def decode_themes(data: str | None) -> dict[str, int]:
    return json.loads(data) if data else {}
