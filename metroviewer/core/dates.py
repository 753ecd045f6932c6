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


# -- papers: dates written in the text, in the header, or in an archive identifier ----------

_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b")
_YMD = (r"(\d{4})\s*[-年/.．]\s*(\d{1,2})(?:\s*[-月/.．]\s*(\d{1,2})\s*日?)?\s*月?"
        rf"|(\d{{1,2}})\s+({_MONTH_NAME})\.?,?\s+(\d{{4}})|({_MONTH_NAME})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})")
# Later stages first: a paper is dated by its publication, else acceptance, revision, receipt.
_STAGES = (
    r"网络首发日期|网络出版日期|网络出版时间|出版日期|发表日期|Published(?:\s+online)?|Available\s+online",
    r"接受日期|录用日期|Accepted",
    r"修回日期|修订日期|Revised",
    r"收稿日期|收稿|Received",
)
_LABELLED = [re.compile(rf"(?:{labels})\s*[:：]?\s*(?:{_YMD})", re.IGNORECASE) for labels in _STAGES]
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), start=1)}
_HEADER_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月"
                                rf"|\b({_MONTH_NAME})\.?\s+((?:19|20)\d{{2}})\b")
_CHINAXIV_ID = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])\.\d{5}(?!\d)")
_ARXIV_ID = re.compile(r"(?<![\d.])(\d{2})(0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?(?!\d)", re.IGNORECASE)


def _ymd_iso(m: re.Match[str], first: int) -> str | None:
    g = m.groups()[first : first + 9]
    try:
        if g[0]:
            y, mo, d = int(g[0]), int(g[1]), int(g[2] or 1)
        elif g[3]:
            y, mo, d = int(g[5]), _MONTHS.get(g[4][:3].lower(), 0), int(g[3])
        else:
            y, mo, d = int(g[8]), _MONTHS.get(g[6][:3].lower(), 0), int(g[7])
        return dt.datetime(y, mo, d).isoformat()
    except (TypeError, ValueError):
        return None


def labelled_date(text: str) -> str | None:
    """A paper's date from a labelled line anywhere in it (收稿日期：2018-07-31, 修回日期,
    Received 3 May 2020, Published online …): the latest stage written, as ISO 8601."""
    for pattern in _LABELLED:
        for m in pattern.finditer(text):
            when = _ymd_iso(m, 0)
            if when:
                return when
    return None


def header_year_month(header: str) -> str | None:
    """A year and month in a paper's header (2021年3月, March 2021): the first of that month."""
    for m in _HEADER_YEAR_MONTH.finditer(header[:3000]):
        y, mo = (m[1], m[2]) if m[1] else (m[4], _MONTHS.get(m[3][:3].lower(), 0))
        try:
            return dt.datetime(int(y), int(mo), 1).isoformat()
        except (TypeError, ValueError):
            continue
    return None


def identifier_date(file_name: str) -> str | None:
    """The month an archive identifier in a file name dates: ChinaXiv `YYYYMM.NNNNN`
    (ChinaXiv-202102.00041V1 = 2021-02), arXiv `YYMM.NNNNN` (2103.04567v2 = 2021-03)."""
    m = _CHINAXIV_ID.search(file_name)
    if m:
        return dt.datetime(int(m[1]), int(m[2]), 1).isoformat()
    m = _ARXIV_ID.search(file_name)
    if m and 7 <= int(m[1]) <= dt.date.today().year % 100:  # new-style arXiv ids began in 2007
        return dt.datetime(2000 + int(m[1]), int(m[2]), 1).isoformat()
    return None


def identifier_archive(file_name: str) -> str:
    """The archive a file name's identifier belongs to ("ChinaXiv", "arXiv"), or ""."""
    if _CHINAXIV_ID.search(file_name):
        return "ChinaXiv"
    if _ARXIV_ID.search(file_name) and identifier_date(file_name):
        return "arXiv"
    return ""
