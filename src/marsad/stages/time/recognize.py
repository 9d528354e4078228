"""Find time-expression spans in folded text: run every pattern family, drop matches whose words
are ordinary words here (رجب طيب أردوغان, الأمين العام الحالي, بأمس الحاجة), keep the longest
of overlapping matches, and join "من X إلى Y" into one range."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from marsad.stages.time.patterns import Family, families, family
from marsad.stages.time.tables import MonthName, tables

# Prepositions that make a strict month name (مارس "practised", نيسان "Nissan") or a bare year a date.
PREPOSITIONS = frozenset({"في", "خلال", "منذ", "حتي", "بحلول", "قبل", "بعد"})
_CLITICS = "وفبل"
_QUOTES = frozenset('"«»“”')
_UNITS = ("day", "week", "month", "year")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_RANGE_GAP = re.compile(r"\s*(-|–|الي|حتي|لغايه|و)\s*")
# After a bare year, what makes it a year and not a count ("في 2017، …" but not "في 2000 قرية").
_YEAR_FOLLOW = re.compile(r"\s*(?:[،,.:;؛)\]»\"'\n]|$)|\s+و\w")


@dataclass(slots=True)
class Found:
    """A match in folded text: its family, the named groups that matched, and the end of a range."""

    start: int
    end: int
    family: str
    groups: dict[str, str]
    until: Found | None = None

    def has(self, *names: str) -> bool:
        return any(n in self.groups for n in names)


def squash(phrase: str) -> str:
    """A matched phrase with its inner whitespace made single, as table keys are written."""
    return " ".join(phrase.split())


def month_of(found: Found, group: str = "mon") -> MonthName:
    return tables().months[found.groups[group]]


def word_before(text: str, start: int) -> str:
    """The word before position `start` (skipping a proclitic glued to the match), without و/ف."""
    if start > 0 and text[start - 1] in _CLITICS and (start == 1 or not text[start - 2].isalnum()):
        start -= 1
    end = start
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
    word = text[begin:end]
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def word_after(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _check_mdate(f: Found, text: str) -> Found | None:
    if "ord" in f.groups:
        f.groups["day"] = tables().relative["ordinal"][f.groups.pop("ord")]
    info = month_of(f)
    if info.hijri and "year" not in f.groups:
        return None
    if info.strict and not f.has("day", "year", "qual", "yqual", "mon2", "shahr", "part"):
        if word_before(text, f.start) not in PREPOSITIONS and not _month_follows(text, f.end):
            return None
    if f.groups.get("sep") == "و" and word_before(text, f.start) != "بين":
        # "5 و7 مارس" lists two days; only "بين 5 و7 مارس" is a range. Keep the full date.
        return _drop_first_day(f, text)
    return f


def _month_follows(text: str, end: int) -> bool:
    """A range to another month name ("مارس إلى مايو") makes a strict month name a month."""
    gap = _RANGE_GAP.match(text, end)
    return gap is not None and gap.group(1) != "و" and family("mdate").gate.match(text, gap.end()) is not None


def _drop_first_day(f: Found, text: str) -> Found:
    start = text.index(f.groups["day2"], f.start + len(f.groups["day"]))
    groups = {k: v for k, v in f.groups.items() if k not in ("sep", "day2", "wd", "yawm")}
    groups["day"] = f.groups["day2"]
    return Found(start, f.end, f.family, groups)


def _check_relday(f: Found, text: str) -> Found | None:
    if f.start > 0 and text[f.start - 1] in _QUOTES and text[f.end : f.end + 1] in _QUOTES:
        return None  # صحيفة "اليوم": a name
    blockers = tables().relative.get("blocker", {})
    if blockers.get(word_before(text, f.start)) == "before":
        return None
    if "wd" not in f.groups and blockers.get(word_after(text, f.end)) == "after":
        return None
    return f


def _check_relperiod(f: Found, text: str) -> Found | None:
    if not f.has("qual", "this"):
        return None
    rel = tables().relative
    if rel["period"][f.groups["period"]] == "year" and not f.has("this", "part"):
        before = word_before(text, f.start)
        # العام as the adjective "general": الأمين العام الحالي، المدعي العام السابق
        if before in rel.get("general", {}) or (
            before.startswith("ال") and f.groups["qual"].startswith("السابق")
        ):
            return None
    return f


def _check_ago(f: Found, text: str) -> Found | None:
    rel = tables().relative
    unit, count = rel["unit"][f.groups["unit"]].split(":")
    if count == "n" and not f.has("num", "num2"):
        return None
    if _UNITS.index(unit) > _UNITS.index(rel["ago"][f.groups["ago"]]):
        return None  # منذ 11 عاماً: a duration, not a point
    if word_after(text, f.end) == "من":
        return None  # قبل يومين من الانتخابات: counted from another event, not from publication
    return f


def _check_year(f: Found, text: str) -> Found | None:
    if "y5" in f.groups and "part" not in f.groups:
        if word_before(text, f.start) not in PREPOSITIONS or not _YEAR_FOLLOW.match(text, f.end):
            return None
    if "y3" in f.groups and not int(f.groups["y3"]) < int(f.groups["y4"]):
        return None
    return f


_CHECKS: dict[str, Callable[[Found, str], Found | None]] = {
    "mdate": _check_mdate,
    "relday": _check_relday,
    "relperiod": _check_relperiod,
    "ago": _check_ago,
    "year": _check_year,
}


# How far a match may reach before and after its gate hit (weekday, day and part words before a
# month name; year, qualifier or second month name after it), in characters.
_REACH = 80
_SPACE = re.compile(r"\s")


def _windows(fam: Family, text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the family's gate hits; each ends at a whitespace so that
    no word is cut (the look-behinds still see the text before a stretch)."""
    out: list[tuple[int, int]] = []
    for hit in fam.gate.finditer(text):
        start = max(0, hit.start() - _REACH)
        space = _SPACE.search(text, hit.end() + _REACH)
        end = space.start() if space else len(text)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def candidates(text: str) -> list[Found]:
    """Every accepted match of every family (they may overlap)."""
    out: list[Found] = []
    for fam in families():
        check = _CHECKS.get(fam.name)
        for start, end in _windows(fam, text):
            for m in fam.pattern.finditer(text, start, end):
                found: Found | None = Found(m.start(), m.end(), fam.name, _groups(m))
                if check is not None:
                    found = check(found, text)
                if found is not None:
                    out.append(found)
    return out


def _groups(m: re.Match[str]) -> dict[str, str]:
    """Matched groups with inner whitespace squashed, ready for table look-ups."""
    return {k: squash(v) for k, v in m.groupdict().items() if v is not None}


def select(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, longest first (then leftmost, then family order), in text order."""
    order = {fam.name: i for i, fam in enumerate(families())}
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start, order[f.family])):
        if all(f.end <= k.start or k.end <= f.start for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def level(f: Found) -> str | None:
    """The granularity a range may join at: day, month or year (None: not joinable)."""
    if f.family == "ndate" or (f.family == "mdate" and "day" in f.groups and "day2" not in f.groups):
        return "day"
    if f.family == "mdate" and not f.has("day", "part") and not month_of(f).hijri:
        return "month"
    if f.family == "year" and f.has("y1", "y2", "y5") and "part" not in f.groups:
        return "year"
    return None


def join_ranges(found: list[Found], text: str) -> list[Found]:
    """Two same-level neighbours become one range ("من 28 فبراير إلى 3 مارس", "بين عامي 2011 و2015")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.until is None and _joinable(prev, f, text):
            prev.until, prev.end = f, f.end
        else:
            out.append(f)
    return out


def _joinable(a: Found, b: Found, text: str) -> bool:
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if gap is None or level(a) is None or level(a) != level(b):
        return False
    return gap.group(1) != "و" or word_before(text, a.start) == "بين"


def recognize(text: str) -> list[Found]:
    """Time expressions in folded `text`, sorted and non-overlapping."""
    return join_ranges(select(candidates(text)), text)
