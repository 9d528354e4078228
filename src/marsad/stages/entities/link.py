"""Linking: mentions → actors with their role at the article's date.

A named person links by name; a title with a name beside it confirms that person; an unnamed
title resolves to a person named with that office earlier in the same article, else to the
office holder on the article's date (marked inferred), else stays a descriptive actor with the
title's country. Countries, capitals and seats of power link to the country.
"""

from __future__ import annotations

import re
from datetime import date

from marsad.kb import KnowledgeBase, Person
from marsad.kb.records import Role
from marsad.model.actors import ActorRef
from marsad.stages.entities.titles import TitleRef


def person_ref(p: Person, day: str | None, kb: KnowledgeBase) -> ActorRef:
    if p.id.startswith("x:"):  # known only from this article: its title (if any), no dates
        r = p.roles[0] if p.roles else None
        return ActorRef(None, p.name_en, r.country if r else None, "PER", r.title_en if r else None, None, p.names_ar[0])
    role = p.role_at(day)
    role_en = role.title_en if role else None
    if role is None and day:
        past = p.last_role_before(day)
        role_en = f"former {past.title_en}" if past else None
    country = p.country_at(day) or _org_country(p, day, kb)
    return ActorRef(p.id, p.name_en, country, "PER", role_en, role.sector if role else None, p.names_ar[0])


def _org_country(p: Person, day: str | None, kb: KnowledgeBase) -> str | None:
    """A post in an organisation (Ansar Allah, the Kurdistan Region) gives the organisation's country."""
    role = p.role_at(day) or p.role_at(None)
    org = kb.organizations.get(role.org) if role and role.org else None
    return org.country if org and org.country not in ("IGO", "XXX") else ("IGO" if org else None)


COUNTERPART = re.compile(r"^و?(?:ب|ل)?نظير(?:ه|ها|هم|يه|يها|هما|ته|تها)?$")


def counterpart_ref(person: Person | None, country: str, day: str | None, kb: KnowledgeBase) -> ActorRef:
    """"نظيره الأردني": the holder, in `country`, of the office `person` (named before it) holds
    on `day`; inferred when exactly one person holds it, else a descriptive counterpart."""
    role = person.role_at(day) if person else None
    actor = ActorRef(None, f"{kb.country_name(country) or country} counterpart", country, "PER",
                     role.title_en if role else None)
    if role is not None and day:
        holders = kb.holders(role.key, country, day)
        if len(holders) == 1:
            actor = person_ref(holders[0][0], day, kb)
            actor.inferred = True
    return actor


def country_ref(iso3: str, kb: KnowledgeBase) -> ActorRef:
    c = kb.countries.get(iso3)
    return ActorRef(f"c:{iso3}", c.name_en if c else iso3, iso3, "GPE", None, "GOV", c.names_ar[0] if c else None)


def org_ref(oid: str, kb: KnowledgeBase) -> ActorRef:
    o = kb.organizations[oid]
    return ActorRef(o.id, o.name_en, o.country, "ORG", None, o.sector, o.names_ar[0] if o.names_ar else None)


def title_ref(
    t: TitleRef, day: str | None, named: dict[tuple[str, str | None], str], kb: KnowledgeBase, people=None
) -> ActorRef:
    """The actor an unnamed title points at."""
    country = t.country
    cname = kb.country_name(country) if country and not country.startswith("org:") else None
    if t.title.key == "ministry":
        name = f"{cname} {t.title.title_en}" if cname else t.title.title_en
        return ActorRef(None, name, country, "ORG", None, t.title.sector)
    pid = named.get((t.title.key, country))
    if pid and not t.former:
        return person_ref((people or kb.people)[pid], day, kb)
    if day and (country or t.portfolio) and not t.former:
        holders = _narrow([(p, r) for key in _keys(t.title.key) for p, r in kb.holders(key, country, day)
                           if _same_scope(r, t)], t)
        if len(holders) == 1:
            ref = person_ref(holders[0][0], day, kb)
            ref.inferred = True
            return ref
    prefix = "former " if t.former else ""
    if country and country.startswith("org:") and country in kb.organizations:
        cname, country = kb.organizations[country].name_en, kb.organizations[country].country
    name = f"{prefix}{t.title.title_en} of {cname}" if cname else f"{prefix}{t.title.title_en}"
    return ActorRef(None, name, country, "PER", t.title.title_en, t.title.sector)


# Offices that the title list and the people records name with different keys.
_EQUIVALENT = {"leader": ("secretary_general", "head_of_state", "supreme_leader"), "secretary_general": ("leader",), "head_of_state": ("president",),
               "high_representative": ("secretary_general",)}


def _keys(key: str) -> tuple[str, ...]:
    return (key, *_EQUIVALENT.get(key, ()))


def _narrow(holders: list[tuple[Person, Role]], t: TitleRef) -> list[tuple[Person, Role]]:
    """Several people hold offices the title could name: keep those that fit it best. Each test
    applies only when it leaves somebody: the title's own role key before its equivalents, the body
    the title names (the Mossad, not the Shin Bet), the substantive holder unless the text says
    interim, every word of the title's English gloss in the role's ("Head of the Political Bureau"),
    and the capital the text gives ("ولي عهد أبوظبي", not Dubai's)."""
    tests = (
        lambda r: r.key == t.title.key,
        lambda r: t.body is None or r.org == t.body,
        lambda r: r.interim == t.interim,
        lambda r: _gloss_words(t.title.title_en) <= _gloss_words(r.title_en),
        lambda r: t.seat is None or t.seat.lower() in r.title_en.lower(),
    )
    for test in tests:
        if len(holders) <= 1:
            break
        holders = [h for h in holders if test(h[1])] or holders
    return holders


_GLOSS_STOP = frozenset("of the and for to in".split())


def _gloss_words(text: str) -> set[str]:
    return {w for w in text.lower().replace("-", " ").split() if w not in _GLOSS_STOP}


def _same_scope(role: Role, t: TitleRef) -> bool:
    """The role matches the title's portfolio ("إلى اليمن") when it names one."""
    if t.portfolio is None:
        return True
    return role.portfolio == t.portfolio or t.portfolio.lower() in role.title_en.lower()


def era(pairs: list[tuple[Person, str, str | None]]) -> str | None:
    """A reference date for an undated article: inside every tenure its apposed titles state.

    `pairs` are (person, role key, country) from "title + name" appositions. Returns the middle
    of the common interval (capped at today), or None when the titles do not pin one down. It is
    used only to choose roles, never as the article's publication date.
    """
    lo, hi = "1900-01-01", date.today().isoformat()
    found = False
    for p, key, country in pairs:
        spans = [r for r in p.roles if r.key == key and (country is None or r.country == country)]
        if not spans:
            continue
        found = True
        s = min((r.start or "1900")[:10] for r in spans)
        e = max((r.end or "9999")[:10] for r in spans)
        lo, hi = max(lo, _full(s, True)), min(hi, _full(e, False))
    if not found or lo > hi:
        return None
    d0, d1 = date.fromisoformat(lo), date.fromisoformat(hi)
    return (d0 + (d1 - d0) / 2).isoformat()


def _full(v: str, low: bool) -> str:
    if len(v) == 4:
        return v + ("-01-01" if low else "-12-31")
    if len(v) == 7:
        return v + ("-01" if low else "-28")
    return v
