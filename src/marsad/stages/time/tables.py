"""Month, weekday and relative-word tables, read once from `marsad/resources/time/*.tsv`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.arabic import fold

_DIR = "resources/time"


@dataclass(frozen=True, slots=True)
class MonthName:
    """One spelling of a month: its number, naming system and whether it needs context to fire."""

    month: int
    system: str
    strict: bool

    @property
    def hijri(self) -> bool:
        return self.system == "hijri"


@dataclass(frozen=True, slots=True)
class Tables:
    """Folded phrase → meaning, per table. `relative` is keyed by the kind column of relative.tsv."""

    months: dict[str, MonthName]
    weekdays: dict[str, int]
    relative: dict[str, dict[str, str]]

    def words(self, kind: str) -> list[str]:
        return list(self.relative.get(kind, {}))


def _rows(name: str, columns: int) -> Iterator[list[str]]:
    """Non-comment rows of a TSV data file, each with exactly `columns` fields."""
    path = resources.files("marsad").joinpath(f"{_DIR}/{name}")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise ValueError(f"{name}:{number}: expected {columns} tab-separated fields, got {len(fields)}")
        yield [f.strip() for f in fields]


@cache
def tables() -> Tables:
    """All time tables, folded for matching (loaded on first use, then cached)."""
    months = {
        fold(name): MonthName(int(month), system, context == "strict")
        for name, month, system, context in _rows("months.tsv", 4)
    }
    weekdays = {fold(name): int(day) for name, day in _rows("weekdays.tsv", 2)}
    relative: dict[str, dict[str, str]] = {}
    for kind, phrase, value in _rows("relative.tsv", 3):
        relative.setdefault(kind, {})[fold(phrase)] = value
    return Tables(months, weekdays, relative)
