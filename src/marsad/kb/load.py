"""Load and validate the knowledge base from JSONL resources (and optional extra files)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from marsad.errors import KnowledgeBaseError
from marsad.kb.records import Country, Organization, Person, Place, Role, Title

ROLE_KEYS = frozenset(
    """president vice_president prime_minister king emir sultan crown_prince supreme_leader head_of_state
    foreign_minister defence_minister interior_minister finance_minister oil_minister
    foreign_ministry_spokesperson government_spokesperson presidential_spokesperson national_security_adviser
    security_council_secretary special_envoy chief_of_staff army_commander irgc_commander quds_force_commander
    intelligence_chief speaker secretary_general deputy_foreign_minister ambassador un_envoy high_representative
    commission_president leader chancellor deputy_prime_minister minister ministry
    deputy_leader deputy_commander deputy_special_envoy deputy_spokesperson branch_leader
    central_bank_governor religious_leader""".split()
)


@dataclass(slots=True)
class KnowledgeBase:
    people: dict[str, Person] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    titles: list[Title] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    _roles_by_key: dict[str, list[tuple[Person, Role]]] | None = field(default=None, repr=False)
    _roles_by_scope: dict[tuple[str, str], list[tuple[Person, Role]]] | None = field(default=None, repr=False)
    _titles_by_ar: dict[str, Title] | None = field(default=None, repr=False)

    @property
    def outlet_names(self) -> frozenset[str]:
        return frozenset(n for o in self.organizations.values() if o.sector == "MED" for n in o.names_ar)

    def title(self, ar: str) -> Title:
        """The title record written `ar` (as in titles.jsonl)."""
        if self._titles_by_ar is None:
            self._titles_by_ar = {t.ar: t for t in self.titles}
        return self._titles_by_ar[ar]

    def holders(self, key: str, country: str | None, day: str | None) -> list[tuple[Person, Role]]:
        """Who held office `key` for `country` (or org) on `day`."""
        if self._roles_by_key is None or self._roles_by_scope is None:  # built on first use, after merges
            self._roles_by_key, self._roles_by_scope = {}, {}
            for p in self.people.values():
                for r in p.roles:
                    self._roles_by_key.setdefault(r.key, []).append((p, r))
                    for scope in {r.country, r.org} - {None}:
                        self._roles_by_scope.setdefault((r.key, scope), []).append((p, r))
        pool = self._roles_by_key.get(key, ()) if country is None else self._roles_by_scope.get((key, country), ())
        return [(p, r) for p, r in pool if day is None or r.covers(day)]

    def country_name(self, iso3: str | None) -> str | None:
        c = self.countries.get(iso3 or "")
        return c.name_en if c else iso3


def _lines(res: Traversable | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    name = str(res)
    for n, line in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        try:
            rec = json.loads(s)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(name, n, f"not valid JSON: {exc.msg}") from None
        if not isinstance(rec, dict):
            raise KnowledgeBaseError(name, n, "a record must be a JSON object")
        yield n, rec


def _need(rec: dict[str, Any], key: str, name: str, n: int) -> Any:
    if rec.get(key) in (None, "", []):
        raise KnowledgeBaseError(name, n, f"missing required field {key!r}")
    return rec[key]


def _strs(rec: dict[str, Any], key: str, name: str, n: int) -> tuple[str, ...]:
    v = rec.get(key) or []
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise KnowledgeBaseError(name, n, f"{key!r} must be a list of non-empty strings")
    return tuple(x.strip() for x in v)


def _date(v: Any, name: str, n: int) -> str | None:
    if v in (None, ""):
        return None
    if not isinstance(v, str) or len(v) not in (4, 7, 10) or not v[:4].isdigit():
        raise KnowledgeBaseError(name, n, f"bad date {v!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    return v


def parse_person(rec: dict[str, Any], name: str, n: int) -> Person:
    pid = _need(rec, "id", name, n)
    if not str(pid).startswith("p:"):
        raise KnowledgeBaseError(name, n, f"person id {pid!r} must start with 'p:'")
    roles = []
    for r in rec.get("roles") or []:
        key = r.get("key")
        if key not in ROLE_KEYS:
            raise KnowledgeBaseError(name, n, f"unknown role key {key!r}")
        start, end = _date(r.get("start"), name, n), _date(r.get("end"), name, n)
        if start and end and end < start[: len(end)]:
            raise KnowledgeBaseError(name, n, f"role {key} ends ({end}) before it starts ({start})")
        roles.append(
            Role(key, r.get("title_en") or key.replace("_", " ").title(), r.get("country"), start, end,
                 r.get("org"), r.get("sector"), r.get("for"), bool(r.get("interim")))
        )
    return Person(pid, _need(rec, "name_en", name, n), _strs(rec, "names_ar", name, n) or _missing(name, n, "names_ar"),
                  _strs(rec, "short_ar", name, n), tuple(roles), rec.get("gender"), rec.get("qid"))


def _missing(name: str, n: int, key: str) -> tuple[str, ...]:
    raise KnowledgeBaseError(name, n, f"missing required field {key!r}")


def parse_country(rec: dict[str, Any], name: str, n: int) -> Country:
    iso3 = _need(rec, "iso3", name, n)
    if not (isinstance(iso3, str) and len(iso3) == 3 and iso3.isupper()):
        raise KnowledgeBaseError(name, n, f"iso3 {iso3!r} must be three upper-case letters")
    return Country(iso3, _need(rec, "name_en", name, n), _strs(rec, "names_ar", name, n), _strs(rec, "nisba", name, n),
                   _strs(rec, "plural_ar", name, n), rec.get("capital_en"), _strs(rec, "capitals_ar", name, n),
                   _strs(rec, "seats_ar", name, n))


def parse_org(rec: dict[str, Any], name: str, n: int) -> Organization:
    return Organization(_need(rec, "id", name, n), _need(rec, "name_en", name, n), _strs(rec, "names_ar", name, n),
                        rec.get("country"), rec.get("sector"))


def parse_title(rec: dict[str, Any], name: str, n: int) -> Title:
    key = _need(rec, "key", name, n)
    if key not in ROLE_KEYS:
        raise KnowledgeBaseError(name, n, f"unknown role key {key!r}")
    return Title(_need(rec, "ar", name, n), key, _need(rec, "title_en", name, n), rec.get("sector"),
                 bool(rec.get("scoped", False)))


def parse_place(rec: dict[str, Any], name: str, n: int) -> Place:
    return Place(_need(rec, "name_en", name, n), _need(rec, "name_ar", name, n), _need(rec, "country", name, n),
                 int(rec.get("population") or 0))


def load_dir(root: Traversable | Path) -> KnowledgeBase:
    """Load a knowledge-base folder laid out like resources/kb (missing files are empty)."""
    kb = KnowledgeBase()
    files: list[tuple[str, Traversable | Path]] = []
    for fname in ("countries.jsonl", "organizations.jsonl", "titles.jsonl", "places.jsonl"):
        f = root / fname
        if f.is_file():
            files.append((fname, f))
    people_dir = root / "people"
    if people_dir.is_dir():
        files += [("people", f) for f in sorted(people_dir.iterdir(), key=lambda x: x.name) if f.name.endswith(".jsonl")]
    for kind, f in files:
        _load_file(kb, kind, f)
    return kb


def _load_file(kb: KnowledgeBase, kind: str, f: Traversable | Path) -> None:
    name = str(f)
    for n, rec in _lines(f):
        if kind == "people":
            p = parse_person(rec, name, n)
            if p.id in kb.people:
                raise KnowledgeBaseError(name, n, f"duplicate person id {p.id!r}")
            kb.people[p.id] = p
        elif kind == "countries.jsonl":
            c = parse_country(rec, name, n)
            kb.countries[c.iso3] = c
        elif kind == "organizations.jsonl":
            o = parse_org(rec, name, n)
            kb.organizations[o.id] = o
        elif kind == "titles.jsonl":
            kb.titles.append(parse_title(rec, name, n))
        else:
            kb.places.append(parse_place(rec, name, n))


def load_kb(extra: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, plus an optional extra folder (e.g. a Wikidata import) given
    here or by the MARSAD_KB_EXTRA environment variable. Loaded once per folder."""
    return _load(extra or os.environ.get("MARSAD_KB_EXTRA") or None)


@cache
def _load(extra: str | None) -> KnowledgeBase:
    kb = load_dir(resources.files("marsad") / "resources" / "kb")
    if extra:
        more = load_dir(Path(extra))
        kb.people.update(more.people)
        kb.organizations.update(more.organizations)
        kb.countries.update(more.countries)
        kb.titles += more.titles
        kb.places += more.places
    return kb
