"""Reading publication dates in the forms exports, front matter and pages use."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_CN_DATE = re.compile(
    r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)


def to_iso(value: dt.datetime | dt.date) -> str:
    """ISO 8601 in the source's local time; an aware time is shown in China time (UTC+8)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone(dt.timedelta(hours=8))).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat()
    return dt.datetime(value.year, value.month, value.day).isoformat()


def parse_date(value: object) -> str | None:
    """ISO 8601 from a date given in any common form (datetime, ISO, RFC 2822, 2025年9月29日), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return to_iso(value)
    if isinstance(value, (int, float)):
        try:
            return to_iso(dt.datetime.fromtimestamp(float(value) / (1000 if value > 1e11 else 1), dt.timezone.utc))
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    try:
        return to_iso(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    m = _CN_DATE.search(text)
    if m and m.start() == 0:
        try:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            h, mi, s = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
            return dt.datetime(y, mo, d, h, mi, s).isoformat()
        except ValueError:
            pass
    try:
        return to_iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as date_parser

        return to_iso(date_parser.parse(text, fuzzy=False))
    except (ValueError, OverflowError, TypeError):
        return None


def find_date_in_text(text: str) -> str | None:
    """The first full date written in the text (2025年9月29日, 2025-09-29), or None."""
    m = _CN_DATE.search(text[:2000])
    if not m:
        return None
    return parse_date(m.group(0))
