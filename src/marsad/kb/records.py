"""Typed knowledge-base records (parsed from resources/kb/*.jsonl)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between `start` and `end` (ISO dates, possibly partial; end None = ongoing)."""

    key: str
    title_en: str
    country: str | None
    start: str | None
    end: str | None
    org: str | None = None
    sector: str | None = None
    portfolio: str | None = None
    interim: bool = False

    def covers(self, day: str) -> bool:
        """Whether the role was held on ISO date `day` (partial bounds count generously)."""
        lo = _pad(self.start, "0000-01-01", low=True)
        hi = _pad(self.end, "9999-12-31", low=False)
        return lo <= day <= hi


def _pad(value: str | None, default: str, *, low: bool) -> str:
    if not value:
        return default
    if len(value) == 4:
        return value + ("-01-01" if low else "-12-31")
    if len(value) == 7:
        return value + ("-01" if low else "-31")
    return value


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name_en: str
    names_ar: tuple[str, ...]
    short_ar: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    gender: str | None = None
    qid: str | None = None

    def role_at(self, day: str | None) -> Role | None:
        """The role held on `day`; with no day, the most recent role. Head-of-state posts win ties."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: (r.end is None, r.end or "", _RANK.get(r.key, 9) * -1))
        held = [r for r in self.roles if r.covers(day)]
        if held:
            return min(held, key=lambda r: _RANK.get(r.key, 9))
        return None

    def last_role_before(self, day: str) -> Role | None:
        past = [r for r in self.roles if r.end and _pad(r.end, "", low=False) < day]
        return max(past, key=lambda r: r.end or "") if past else None

    def country_at(self, day: str | None) -> str | None:
        role = self.role_at(day) or (self.last_role_before(day) if day else None)
        if role is None and self.roles:
            role = self.role_at(None)
        return role.country if role else None


_RANK = {
    "supreme_leader": 0, "king": 0, "emir": 0, "sultan": 0, "president": 1, "head_of_state": 1,
    "prime_minister": 2, "chancellor": 2, "crown_prince": 3, "secretary_general": 3, "leader": 3,
    "vice_president": 4, "foreign_minister": 5, "defence_minister": 5,
}


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name_en: str
    names_ar: tuple[str, ...]
    nisba: tuple[str, ...] = ()
    plural_ar: tuple[str, ...] = ()
    capital_en: str | None = None
    capitals_ar: tuple[str, ...] = ()
    seats_ar: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name_en: str
    names_ar: tuple[str, ...]
    country: str | None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Title:
    ar: str
    key: str
    title_en: str
    sector: str | None = None
    scoped: bool = False  # a title only when a country or body follows ("المدير العام للوكالة …")


@dataclass(frozen=True, slots=True)
class Place:
    name_en: str
    name_ar: str
    country: str
    population: int = 0
