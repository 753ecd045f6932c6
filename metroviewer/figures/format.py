"""Figures as a reader reads them: "> 5.4 trillion yuan", "1.2–1.5 trillion yuan", "10,000×", "1 GWh",
"2026 建成"."""

from __future__ import annotations

from ..core.models import Figure

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIERS = {">": "> ", "≈": "≈ ", "<": "< ", "": ""}


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def _scaled(value: float, high: float | None = None) -> str:
    """The value in words of its scale; a range as low–high in the scale of its high end."""
    top = abs(high if high is not None else value)
    for scale, word in _SCALES:
        if top >= scale:
            low = _number(value / scale)
            return f"{low}–{_number(high / scale)} {word}" if high is not None else f"{low} {word}"
    return f"{_number(value)}–{_number(high)}" if high is not None else _number(value)


def figure_value(f: Figure) -> str:
    """The figure's value with its unit and qualifier, in English."""
    if f.kind == "milestone":
        return f"{f.when or f.year} {f.label}".strip()
    if f.value is None:
        return f.text
    high = f.high
    if f.unit in ("yuan", "USD", "people", "trips", "households"):
        shown = f"{_scaled(f.value, high)} {f.unit}"
    elif f.unit == "%":
        shown = f"{_number(f.value)}–{_number(high)}%" if high is not None else f"{_number(f.value)}%"
    elif f.unit == "×":
        shown = f"{_number(f.value)}×"
    elif f.unit == "min" and f.value >= 60 and f.value % 30 == 0:
        shown = f"{_number(f.value / 60)} h"
    elif high is not None:
        shown = f"{_number(f.value)}–{_number(high)} {f.unit}"
    else:
        shown = f"{_number(f.value)} {f.unit}"
    return _QUALIFIERS.get(f.qualifier, "") + shown


KIND_NAMES = {"amount": "Amount", "per_capita": "Per capita", "population": "Population", "area": "Area", "capacity": "Capacity",
              "share": "Share", "growth": "Growth", "multiple": "Multiple", "commute": "Commute", "milestone": "Milestone"}
