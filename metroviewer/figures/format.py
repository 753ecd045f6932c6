"""Figures as a reader reads them: "> 5.4 trillion yuan", "1.2–1.5 trillion yuan", "10,000×", "1 GWh",
"2026 建成"; in Chinese (language="zh_CN") "超5.4万亿元", "1.2–1.5万亿元", "2026年建成"."""

from __future__ import annotations

from collections.abc import Callable

from ..core.models import Figure

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIERS = {">": "> ", "≈": "≈ ", "<": "< ", "": ""}


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def _scaled(value: float, high: float | None = None, scales: tuple[tuple[float, str], ...] = _SCALES,
            number: Callable[[float], str] | None = None, space: str = " ") -> str:
    """The value in words of its scale; a range as low–high in the scale of its high end.
    English by default; the Chinese form passes its scales, number style and no space."""
    number = number or _number
    top = abs(high if high is not None else value)
    for scale, word in scales:
        if top >= scale:
            low = number(value / scale)
            return f"{low}–{number(high / scale)}{space}{word}" if high is not None else f"{low}{space}{word}"
    return f"{number(value)}–{number(high)}" if high is not None else number(value)


def figure_value(f: Figure, language: str = "en") -> str:
    """The figure's value with its unit and qualifier, in English or (zh_CN) in Chinese."""
    if language == "zh_CN":
        return _zh_value(f)
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


# Chinese scales: 万亿 (10^12), 亿 (10^8), 万 (10^4), and the unit words that follow them.
_ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_ZH_UNITS = {"yuan": "元", "USD": "美元", "people": "人", "trips": "人次", "households": "户"}
_ZH_PLAIN_UNITS = {"km²": "平方公里", "pp": "个百分点", "min": "分钟"}
_ZH_QUALIFIERS = {">": "超", "≈": "约", "<": "不足", "": ""}


def _zh_number(value: float) -> str:
    """As the Chinese press writes numbers: no thousands separators (2637.99亿元)."""
    return _number(value).replace(",", "")


def _zh_scaled(value: float, high: float | None) -> str:
    return _scaled(value, high, _ZH_SCALES, _zh_number, space="")


def _zh_value(f: Figure) -> str:
    if f.kind == "milestone":
        when = f.when or (str(f.year) if f.year else "")
        if len(when) == 7 and when[4] == "-":
            when = f"{when[:4]}年{int(when[5:])}月"
        elif len(when) == 4:
            when += "年"
        return f"{when}{f.label}"
    if f.value is None:
        return f.text
    high = f.high
    if f.unit in _ZH_UNITS:
        shown = _zh_scaled(f.value, high) + _ZH_UNITS[f.unit]
    elif f.unit == "%":
        shown = f"{_zh_number(f.value)}–{_zh_number(high)}%" if high is not None else f"{_zh_number(f.value)}%"
    elif f.unit == "×":
        shown = f"{_zh_number(f.value)}倍"
    elif f.unit == "min" and f.value >= 60 and f.value % 30 == 0:
        shown = f"{_zh_number(f.value / 60)}小时"
    else:
        unit = _ZH_PLAIN_UNITS.get(f.unit, f.unit)
        shown = f"{_zh_number(f.value)}–{_zh_number(high)}{unit}" if high is not None else f"{_zh_number(f.value)}{unit}"
    return _ZH_QUALIFIERS.get(f.qualifier, "") + shown


KIND_NAMES = {"amount": "Amount", "per_capita": "Per capita", "population": "Population", "area": "Area", "capacity": "Capacity",
              "share": "Share", "growth": "Growth", "multiple": "Multiple", "commute": "Commute", "milestone": "Milestone"}
