"""The regular expressions of each pattern family, compiled once from the tables.

Every pattern runs on folded text (see `marsad.arabic.fold`: alef forms → ا, ة → ه, ى → ي, digits →
ASCII, diacritics and tatweel removed). Word lists become character tries, so one alternation of
seventy month names costs one character test per position. Group names are read by `recognize`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from marsad.stages.time.tables import Tables, tables

# A word start, optionally after one proclitic letter (وفي، ب، ل، ف).
PRE = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"
END = r"(?!\w)"
ERA = r"(?:م|ه|ميلادي|ميلاديه|هجري|هجريه|للهجره|للميلاد)"
DAY = r"[0-3]?\d(?!\d)"
YEAR = r"\d{4}(?!\d)"
# Folded text, so إلى/حتى are written الي/حتي.
RANGE_SEP = r"(?:-|–|الي|حتي|لغايه|و)"


def trie(words: Iterable[str]) -> str:
    """One regex alternation for `words`, factored by common prefixes (longest match first).

    A space inside a phrase matches any run of whitespace."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def _qualifiers(t: Tables, *, nonzero: bool = False) -> str:
    return trie(w for w, v in t.relative["qualifier"].items() if not nonzero or v != "0")


def _weekday_prefix(t: Tables) -> str:
    """An optional weekday before a date: "يوم الاثنين 21 …", "الثلاثاء، 21 …", "الأحد الموافق 5 …"."""
    return rf"(?:(?P<yawm>يوم\s+)?(?P<wd>{trie(t.weekdays)}){END}\s*[،,]?\s*(?:الموافق\s+)?)?"


def _month_date(t: Tables) -> str:
    months, qual = trie(t.months), _qualifiers(t)
    return (
        PRE
        + _weekday_prefix(t)
        + rf"(?:(?P<part>{trie(t.words('part'))})\s+)?"
        + rf"(?:(?P<day>{DAY})(?:\s*(?P<sep>{RANGE_SEP})\s*(?P<day2>{DAY}))?\s*(?:من\s+)?"
        + rf"|(?P<ord>{trie(t.words('ordinal'))})\s+من\s+)?"
        + r"(?:(?P<shahr>شهر)\s+)?"
        + rf"(?P<mon>{months}){END}"
        + rf"(?:(?:\s*[/(]\s*|\s+)(?P<mon2>{months}){END}(?:\s*\))?)?"
        + r"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)?"
        + rf"(?P<year>{YEAR})(?:\s*(?P<era>{ERA}){END})?"
        + rf"|\s+من\s+(?:العام|السنه)\s+(?P<yqual>{qual}){END}"
        + r"|\s+من\s+(?P<same>(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها)|(?:نفس|ذات)\s+(?:العام|السنه)"
        + rf"|ذلك\s+العام|تلك\s+السنه){END}"
        + rf"|\s+(?P<qual>{qual}){END})?"
    )


def _numeric_date(t: Tables) -> str:
    return (
        PRE
        + _weekday_prefix(t)
        + r"(?<![\d/.\-])"
        + r"(?:(?P<d1>\d{1,2})(?P<s1>[/.\-])(?P<m1>\d{1,2})(?P=s1)(?P<y1>\d{4})"
        + r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))"
        + r"(?!\d|[/.\-]\d)"
        + rf"(?:\s*(?P<era>{ERA}){END})?"
    )


def _weekday(t: Tables) -> str:
    return (
        PRE
        + rf"(?P<yawm>يوم\s+)?(?P<wd>{trie(t.weekdays)}){END}"
        + rf"(?:\s+(?P<qual>{_qualifiers(t, nonzero=True)}){END})?"
    )


def _relative_day(t: Tables) -> str:
    return PRE + rf"(?P<rday>{trie(t.words('day'))}){END}(?:\s+(?P<wd>{trie(t.weekdays)}){END})?"


def _relative_period(t: Tables) -> str:
    return (
        PRE
        + rf"(?:(?P<part>{trie(t.words('part'))})\s+)?"
        + rf"(?:(?P<this>{trie(t.words('this'))})\s+)?"
        + rf"(?P<period>{trie(t.words('period'))}){END}"
        + rf"(?:\s+(?P<qual>{_qualifiers(t)}){END})?"
    )


def _ago(t: Tables) -> str:
    numbers = trie(t.words("number"))
    return (
        PRE
        + rf"(?P<ago>{trie(t.words('ago'))})\s+"
        + rf"(?:(?P<num>\d{{1,3}}(?!\d)|{numbers}){END}\s*)?"
        + rf"(?P<unit>{trie(t.words('unit'))}){END}"
        + rf"(?:\s+(?P<num2>{numbers}){END})?"
    )


def _year(t: Tables) -> str:
    return (
        PRE
        + rf"(?:(?P<part>{trie(t.words('part'))})\s+)?"
        + rf"(?:(?:عامي|العامين)\s+(?P<ya>{YEAR})\s*{RANGE_SEP}\s*(?:عام\s+)?(?P<yb>{YEAR})"
        + rf"|(?:عام|العام|سنه|السنه)\s+(?P<y1>{YEAR})(?:\s*(?P<era1>{ERA}){END})?"
        + rf"|(?P<y2>{YEAR})\s*(?P<era2>{ERA}){END}"
        + rf"|(?P<y3>{YEAR})\s*[-–]\s*(?P<y4>{YEAR})"
        + r"|(?P<y5>(?:19|20)\d\d)(?!\d))"
    )


def _decade(t: Tables) -> str:
    stems = trie(t.words("decade"))
    return (
        PRE
        + rf"(?:(?P<part>{trie(t.words('part'))})\s+)?(?:عقد\s+)?"
        + rf"(?P<dec>(?:ال)?(?P<stem>{stems})(?:يات|ات)){END}"
        + rf"(?:\s+(?:من\s+)?(?P<cent>{trie(t.words('century'))}){END})?"
    )


@dataclass(frozen=True, slots=True)
class Family:
    """A pattern family: the full pattern and a cheap gate. The gate has no look-behind, so the
    regex engine skips ahead by its first characters; the full pattern runs only near gate hits."""

    name: str
    pattern: re.Pattern[str]
    gate: re.Pattern[str]


def _gates(t: Tables) -> dict[str, str]:
    return {
        "mdate": trie(t.months),
        "ndate": r"\d[/.\-]\d",
        "decade": trie(t.words("decade")),
        "relperiod": trie(t.words("period")),
        "ago": trie(t.words("ago")),
        "year": r"\d{4}",
        "relday": trie(t.words("day")),
        "weekday": trie(t.weekdays),
    }


@cache
def families() -> tuple[Family, ...]:
    """The compiled families, in tie-break order (earlier wins between equally long matches)."""
    t = tables()
    builders = {
        "mdate": _month_date,
        "ndate": _numeric_date,
        "decade": _decade,
        "relperiod": _relative_period,
        "ago": _ago,
        "year": _year,
        "relday": _relative_day,
        "weekday": _weekday,
    }
    gates = _gates(t)
    return tuple(
        Family(name, re.compile(build(t)), re.compile(gates[name])) for name, build in builders.items()
    )


def family(name: str) -> Family:
    """One family by name."""
    return next(f for f in families() if f.name == name)
