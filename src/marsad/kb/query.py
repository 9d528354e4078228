"""Questions asked of the knowledge base: look an actor up by name, who held an office when."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from marsad.arabic import fold
from marsad.kb.load import KnowledgeBase
from marsad.kb.records import Person, Role


@dataclass(frozen=True, slots=True)
class Holding:
    person: Person
    role: Role


def find_people(kb: KnowledgeBase, name: str, limit: int = 20) -> list[Person]:
    """People whose English or Arabic name contains `name` (Arabic compared after folding)."""
    q = name.strip()
    if not q:
        return []
    fq, lq = fold(q), q.lower()
    exact, partial = [], []
    for p in kb.people.values():
        names = [fold(n) for n in (*p.names_ar, *p.short_ar)]
        if fq in names or lq == p.name_en.lower():
            exact.append(p)
        elif any(fq in n for n in names) or lq in p.name_en.lower():
            partial.append(p)
    return (exact + sorted(partial, key=lambda p: p.name_en))[:limit]


def who_held(kb: KnowledgeBase, role: str, country: str | None, day: str | None) -> list[Holding]:
    """Holders of an office, given by role key ("foreign_minister") or English title
    ("Foreign Minister"), for a country or organisation, on a day (or ever)."""
    want = role.strip().lower()
    out = []
    for p in kb.people.values():
        for r in p.roles:
            if want not in (r.key, r.title_en.lower(), r.key.replace("_", " ")):
                continue
            if country and country not in (r.country, r.org):
                continue
            if day is None or r.covers(day):
                out.append(Holding(p, r))
    return sorted(out, key=lambda h: h.role.start or "")


_NOT_GIVEN = frozenset(fold(w) for w in "عبد أبو ابن بن آية".split())
_GIVEN_CACHE: dict[int, dict[str, str]] = {}


def given_names(kb: KnowledgeBase) -> dict[str, str]:
    """Folded Arabic first names → English, read off the people in the base ("ماثيو" → Matthew from
    Matthew Miller, "كارولين" → Karoline). A name's first Arabic word is paired with its first English
    word; compound or prefixed names (عبد الله، أبو محمد) and honorifics (ال…) are left out, and an
    Arabic word spelt several ways in English keeps the most frequent."""
    got = _GIVEN_CACHE.get(id(kb))
    if got is None:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for p in kb.people.values():
            en = p.name_en.split()
            if len(en) < 2 or not en[0][:1].isupper():
                continue
            for n in p.names_ar:
                ar = fold(n).split()
                if len(ar) >= 2 and ar[0] not in _NOT_GIVEN and not ar[0].startswith("ال") and len(ar[0]) >= 3:
                    votes[ar[0]][en[0]] += 1
        got = _GIVEN_CACHE[id(kb)] = {ar: c.most_common(1)[0][0] for ar, c in votes.items()}
    return got
