"""Calendar arithmetic for time values: ISO formatting, month shifts, the year a yearless date
falls in relative to the publication date, weekdays, and Hijri → Gregorian (hijridate, Umm al-Qura)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Hijri

MIN_YEAR, MAX_YEAR = 1900, 2100


def fmt(year: int | None, month: int, day: int | None = None) -> str:
    """ISO value at its granularity; the year open is written "--MM" / "--MM-DD"."""
    head = "-" if year is None else f"{year:04d}"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists; with the year open, 29 February is allowed."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


def in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def usable_anchor(anchor: date | None) -> date | None:
    """The publication date, or None when it lies outside the years values may take (a wrong
    header would otherwise move every relative date, or overflow the calendar)."""
    return anchor if anchor is not None and in_range(anchor.year) else None


def past_year(anchor: date, month: int, day: int | None) -> int:
    """The year of the most recent occurrence strictly before the anchor ("5 مارس الماضي")."""
    if day is None:
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if (month, day) < (anchor.month, anchor.day) else anchor.year - 1


def next_year(anchor: date, month: int, day: int | None) -> int:
    """The year of the next occurrence strictly after the anchor ("مارس المقبل")."""
    if day is None:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year if (month, day) > (anchor.month, anchor.day) else anchor.year + 1


def closest_year(anchor: date, month: int, day: int | None) -> int | None:
    """The year that puts a yearless month (or month-day) nearest the anchor; ties go to the past.
    None when the day exists in no year within half a year of the anchor (29 February)."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if day is None:
        here = anchor.year * 12 + anchor.month
        return min(years, key=lambda y: (abs(y * 12 + month - here), y))
    distance = {y: abs((date(y, month, day) - anchor).days) for y in years if valid_day(y, month, day)}
    best = min(distance, key=lambda y: (distance[y], y), default=None)
    return best if best is not None and distance[best] <= 184 else None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The given ISO weekday: on or before the anchor (0), strictly before (-1), strictly after (+1)."""
    back = (anchor.isoweekday() - weekday) % 7
    if direction == 0:
        return anchor - timedelta(days=back)
    if direction < 0:
        return anchor - timedelta(days=back or 7)
    return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)


def hijri_day(year: int, month: int, day: int) -> date | None:
    """A Hijri date in Gregorian, or None when it does not exist or is out of hijridate's range."""
    try:
        return _gregorian(Hijri(year, month, day))
    except (ValueError, OverflowError):
        return None


def hijri_span(year: int, month: int | None = None) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month (or of the whole year when month is None)."""
    first_month, last_month = (1, 12) if month is None else (month, month)
    try:
        first = Hijri(year, first_month, 1)
        last = Hijri(year, last_month, Hijri(year, last_month, 1).month_length())
        return _gregorian(first), _gregorian(last)
    except (ValueError, OverflowError):
        return None


def _gregorian(h: Hijri) -> date:
    g = h.to_gregorian()
    return date(g.year, g.month, g.day)
