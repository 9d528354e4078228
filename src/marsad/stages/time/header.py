"""Lines that are only a date or a clock time: article date headers ("الثلاثاء، 21 أكتوبر 2025
02:38 م", "نشر في: 12/03/2019 - 10:15", "2025-10-21T14:20:00+03:00") and time stamps ("02:38 م",
"منذ 3 ساعات") that the boilerplate filter drops."""

from __future__ import annotations

import re
from datetime import date

from marsad.arabic import fold
from marsad.model.timex import Timex
from marsad.stages.time.find import find_timex

_LABEL = re.compile(
    r"^\s*(?:نشر(?:\s+في|\s+بتاريخ)?|تاريخ\s+النشر|اخر\s+تحديث|تم\s+التحديث|تحديث|بتاريخ|التاريخ"
    r"|published|updated|posted|date)\s*:?",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?:ص|م|صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|am|pm)(?!\w))?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)(?:\s*[+-]\s*\d{1,2})?)?",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"(?:منذ|قبل)\s+(?:\w+\s+)?(?:ثانيه|ثوان|ثواني|دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات|يوم|يومين|ايام)(?!\w)"
)
_WORDS = re.compile(r"(?:الساعه|بتوقيت\s+\w+|توقيت\s+\w+)(?!\w)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _rest(line: str, found: list[Timex]) -> tuple[str, bool]:
    """The folded line without its time expressions, label, clock times and "منذ N ساعات";
    and whether any clock time or "ago" stamp was removed."""
    rest, last = [], 0
    for t in found:
        rest.append(line[last : t.span.start])
        last = t.span.end
    rest.append(line[last:])
    folded = _LABEL.sub(" ", fold(" ".join(rest)).strip(), count=1)
    stamps = _CLOCK.subn(" ", folded)
    agos = _AGO.subn(" ", stamps[0])
    return _WORDS.sub(" ", agos[0]), bool(stamps[1] or agos[1])


def _only_punctuation(text: str) -> bool:
    return re.fullmatch(r"[\W_]*", text) is not None


def is_datetime_line(line: str) -> bool:
    """True for a line holding only a date and/or a clock time (with an optional "نشر في:" label)."""
    if not line.strip() or len(line) > 120:
        return False
    found = find_timex(line, None)
    rest, stamped = _rest(line, found)
    return (bool(found) or stamped) and _only_punctuation(rest)


def parse_header_date(line: str) -> date | None:
    """The date of a header line that is just a full date (plus weekday, clock time or label)."""
    if not line.strip() or len(line) > 120:
        return None
    found = find_timex(line, None)
    if len(found) != 1 or not found[0].value or not _ISO_DAY.fullmatch(found[0].value):
        return None
    rest, _ = _rest(line, found)
    return date.fromisoformat(found[0].value) if _only_punctuation(rest) else None
