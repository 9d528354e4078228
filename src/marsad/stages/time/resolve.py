"""Values for recognised expressions, anchored on the publication date when there is one.

Only what the text and the anchor fix is written: a yearless date without an anchor is "--MM-DD",
a weekday or relative word without an anchor is None, and an impossible date is None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.arabic import fold
from marsad.stages.time import dates
from marsad.stages.time.recognize import Found, month_of, recognize
from marsad.stages.time.tables import tables

HIJRI_ERAS = frozenset({"ه", "هجري", "هجريه", "للهجره"})


@dataclass(slots=True)
class Resolution:
    """A value (None when the text leaves it open), the timex kind and remarks."""

    value: str | None
    kind: str
    flags: list[str] = field(default_factory=list)


def _part_flags(f: Found) -> list[str]:
    part = f.groups.get("part")
    return [f"part:{tables().relative['part'][part]}"] if part else []


def _qual(f: Found) -> int | None:
    word = f.groups.get("qual")
    return None if word is None else int(tables().relative["qualifier"][word])


def _month_year(f: Found, month: int, day: int | None, anchor: date | None) -> int | None:
    """The year of a Gregorian month name: written, from a qualifier, or nearest the anchor."""
    if "year" in f.groups:
        return int(f.groups["year"])
    if anchor is None:
        return None
    if "yqual" in f.groups:
        return anchor.year + int(tables().relative["qualifier"][f.groups["yqual"]])
    qual = _qual(f)
    if qual == 0:
        return anchor.year
    if qual is not None:
        return (dates.past_year if qual < 0 else dates.next_year)(anchor, month, day)
    return dates.closest_year(anchor, month, day)


def _mdate(f: Found, anchor: date | None) -> Resolution:
    info = month_of(f)
    flags = _part_flags(f)
    if "mon2" in f.groups and month_of(f, "mon2").month != info.month:
        flags.append("month-mismatch")
    if info.hijri:
        return _hijri(f, info.month, flags)
    day = int(f.groups["day"]) if "day" in f.groups else None
    out = Resolution(None, "date" if day is not None else "month", flags)
    if "same" in f.groups and "year" not in f.groups:
        out.flags.append("year-from-context")  # "من العام نفسه" with no earlier year in the text
        return out
    year = _month_year(f, info.month, day, anchor)
    if day is not None and anchor is not None and year is None:
        out.flags.append("invalid-date")
        return out
    return _gregorian(f, year, info.month, day, out)


def _gregorian(f: Found, year: int | None, month: int, day: int | None, out: Resolution) -> Resolution:
    """Validate and format a Gregorian date, day range or month; check a written weekday."""
    if year is not None and not dates.in_range(year):
        out.flags.append("out-of-range")
        return out
    if day is None:
        out.value = dates.fmt(year, month)
        return out
    last = int(f.groups.get("day2", day))
    if not (dates.valid_day(year, month, day) and dates.valid_day(year, month, last) and day <= last):
        out.flags.append("invalid-date")
        return out
    out.value = dates.fmt(year, month, day)
    if last != day:
        out.value, out.kind = f"{out.value}/{dates.fmt(year, month, last)}", "range"
    _check_weekday(f, year, month, day, out)
    return out


def _check_weekday(f: Found, year: int | None, month: int, day: int, out: Resolution) -> None:
    wd = f.groups.get("wd")
    if wd is not None and year is not None and date(year, month, day).isoweekday() != tables().weekdays[wd]:
        out.flags.append("weekday-mismatch")


def _hijri(f: Found, month: int, flags: list[str]) -> Resolution:
    """A Hijri month with a year: a Gregorian day, or the Gregorian span of the month."""
    out = Resolution(None, "hijri", flags)
    year = int(f.groups["year"])
    if year >= dates.MIN_YEAR:
        out.flags.append("hijri-month-gregorian-year")
        return out
    if "day" in f.groups:
        first = dates.hijri_day(year, month, int(f.groups["day"]))
        last = dates.hijri_day(year, month, int(f.groups.get("day2", f.groups["day"])))
        if first and last and first <= last:
            out.value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    else:
        span = dates.hijri_span(year, month)
        out.value = f"{span[0].isoformat()}/{span[1].isoformat()}" if span else None
    if out.value is None:
        out.flags.append("invalid-date")
    return out


def _ndate(f: Found, anchor: date | None) -> Resolution:
    g = f.groups
    day, month, year = (int(g[k]) for k in (("d1", "m1", "y1") if "y1" in g else ("d2", "m2", "y2")))
    if g.get("era") in HIJRI_ERAS:
        hijri = dates.hijri_day(year, month, day)
        return Resolution(hijri.isoformat() if hijri else None, "hijri", [] if hijri else ["invalid-date"])
    if month > 12 >= day:
        day, month = month, day  # 10/21/2025: only the month-first reading exists
    return _gregorian(f, year, month, day, Resolution(None, "date"))


def _weekday(f: Found, anchor: date | None) -> Resolution:
    if anchor is None:
        return Resolution(None, "weekday")
    day = dates.weekday_near(anchor, tables().weekdays[f.groups["wd"]], _qual(f) or 0)
    return Resolution(day.isoformat(), "weekday")


def _relday(f: Found, anchor: date | None) -> Resolution:
    out = Resolution(None, "relative")
    if anchor is not None:
        day = anchor + timedelta(days=int(tables().relative["day"][f.groups["rday"]]))
        out.value = day.isoformat()
        _check_weekday(f, day.year, day.month, day.day, out)
    return out


def _relperiod(f: Found, anchor: date | None) -> Resolution:
    unit = tables().relative["period"][f.groups["period"]]
    return Resolution(_shifted(anchor, unit, _qual(f) or 0), "relative", _part_flags(f))


def _shifted(anchor: date | None, unit: str, by: int) -> str | None:
    """The anchor's day, ISO week, month or year moved by `by` units."""
    if anchor is None:
        return None
    if unit == "day":
        return (anchor + timedelta(days=by)).isoformat()
    if unit == "week":
        return dates.iso_week(anchor + timedelta(weeks=by))
    if unit == "month":
        return dates.fmt(*dates.shift_month(anchor.year, anchor.month, by))
    return str(anchor.year + by)


def _ago(f: Found, anchor: date | None) -> Resolution:
    rel = tables().relative
    unit, count = rel["unit"][f.groups["unit"]].split(":")
    number = f.groups.get("num") or f.groups.get("num2")
    n = int(rel["number"].get(number, number)) if number else int(count)
    return Resolution(_shifted(anchor, unit, -n), "relative")


def _year(f: Found, anchor: date | None) -> Resolution:
    g, flags = f.groups, _part_flags(f)
    if "ya" in g or "y3" in g:
        first, last = (int(g["ya"]), int(g["yb"])) if "ya" in g else (int(g["y3"]), int(g["y4"]))
        ok = dates.in_range(first) and dates.in_range(last) and first < last
        return Resolution(
            f"{first}/{last}" if ok else None, "range", flags if ok else flags + ["out-of-range"]
        )
    year = int(g.get("y1") or g.get("y2") or g["y5"])
    if (g.get("era1") or g.get("era2")) in HIJRI_ERAS:
        span = dates.hijri_span(year)
        value = f"{span[0].isoformat()}/{span[1].isoformat()}" if span else None
        return Resolution(value, "hijri", flags if span else flags + ["invalid-date"])
    if not dates.in_range(year):
        return Resolution(None, "year", flags + ["out-of-range"])
    return Resolution(str(year), "year", flags)


def _decade(f: Found, anchor: date | None) -> Resolution:
    rel = tables().relative
    century = rel["century"][f.groups["cent"]] if "cent" in f.groups else "19"
    return Resolution(f"{century}{rel['decade'][f.groups['stem']]}X", "decade", _part_flags(f))


_RESOLVERS: dict[str, Callable[[Found, date | None], Resolution]] = {
    "mdate": _mdate,
    "ndate": _ndate,
    "weekday": _weekday,
    "relday": _relday,
    "relperiod": _relperiod,
    "ago": _ago,
    "year": _year,
    "decade": _decade,
}


def resolve_found(f: Found, anchor: date | None, *, previous_year: int | None = None) -> Resolution:
    """The value of one recognised expression (a joined range resolves both ends).

    `previous_year` is the year of the last dated expression before it in the same text, which
    "من العام نفسه" ("of the same year") refers to."""
    if "same" in f.groups and previous_year is not None:
        f = Found(f.start, f.end, f.family, {**f.groups, "year": str(previous_year)}, f.until)
    if f.until is None:
        return _RESOLVERS[f.family](f, anchor)
    return _range(f, f.until, anchor)


def _range(a: Found, b: Found, anchor: date | None) -> Resolution:
    """A joined range; the end's year carries back to a yearless start ("من 28 فبراير إلى 3 مارس 2023")."""
    end = _RESOLVERS[b.family](b, anchor)
    if a.family == "mdate" and end.value and not a.has("year", "qual", "yqual"):
        a = _with_year_of(a, end.value)
    start = _RESOLVERS[a.family](a, anchor)
    first, last = start.value, end.value
    ok = first and last and first.startswith("--") == last.startswith("--") and first <= last
    return Resolution(f"{first}/{last}" if ok else None, "range", sorted(set(start.flags + end.flags)))


def _with_year_of(a: Found, end_value: str) -> Found:
    if end_value.startswith("--"):
        return a
    year, month = int(end_value[:4]), int(end_value[5:7])
    if month_of(a).month > month:
        year -= 1
    return Found(a.start, a.end, a.family, {**a.groups, "year": str(year)})


def resolve(expression: str, anchor: date | None) -> str | None:
    """The value of one expression (the longest one found in it); None when there is none."""
    found = recognize(fold(expression))
    if not found:
        return None
    longest = max(found, key=lambda f: f.end - f.start)
    return resolve_found(longest, dates.usable_anchor(anchor)).value
