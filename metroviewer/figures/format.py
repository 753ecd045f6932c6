"""Figures as a reader reads them: "> 5.4 trillion yuan", "1 GWh", "2026 建成"."""

from __future__ import annotations

from ..core.models import Figure

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIERS = {">": "> ", "≈": "≈ ", "<": "< ", "": ""}


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def _scaled(value: float) -> str:
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{_number(value / scale)} {word}"
    return _number(value)


def figure_value(f: Figure) -> str:
    """The figure's value with its unit and qualifier, in English."""
    if f.kind == "milestone":
        return f"{f.when or f.year} {f.label}".strip()
    if f.value is None:
        return f.text
    if f.unit in ("yuan", "USD"):
        shown = f"{_scaled(f.value)} {f.unit}"
    elif f.unit in ("people", "trips", "households"):
        shown = f"{_scaled(f.value)} {f.unit}"
    elif f.unit == "%":
        shown = f"{_number(f.value)}%"
    elif f.unit == "min" and f.value >= 60 and f.value % 30 == 0:
        shown = f"{_number(f.value / 60)} h"
    else:
        shown = f"{_number(f.value)} {f.unit}"
    return _QUALIFIERS.get(f.qualifier, "") + shown


KIND_NAMES = {"amount": "Amount", "population": "Population", "area": "Area", "capacity": "Capacity",
              "share": "Share", "growth": "Growth", "commute": "Commute", "milestone": "Milestone"}
