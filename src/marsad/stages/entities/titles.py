"""Title phrases: a role word plus its country (nisba or genitive), tied to a named person when
one stands beside it ("وزير الخارجية الإيراني عباس عراقجي", "علي لاريجاني أمين المجلس …")."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.kb import KnowledgeBase
from marsad.kb.records import Title
from marsad.stages.entities.recognize import FORMER, INTERIM, MODIFIERS, Raw, Scan


@dataclass(slots=True)
class TitleRef:
    title: Title
    country: str | None
    former: bool
    start: int
    end: int
    t0: int
    t1: int
    person: str | None = None  # person id when the title stands in apposition to a name
    prefix: str = ""
    interim: bool = False
    portfolio: str | None = None  # "المبعوث الأممي إلى اليمن" → Yemen
    embedded: int | None = None  # raw index of a name inside the title ("… للرئيس الروسي فلاديمير بوتين")
    body: str | None = None  # the organisation the title phrase names ("رئيس الموساد" → org:mossad)
    seat: str | None = None  # the capital the scope came from, in English ("ولي عهد أبوظبي" → Abu Dhabi)


def compose_titles(sc: Scan, kb: KnowledgeBase, scopes: dict[str, str] | None = None) -> tuple[list[TitleRef], set[int]]:
    """Title references, and the indexes of raws they absorbed (their nisba, country or body)."""
    refs: list[TitleRef] = []
    used: set[int] = set()
    raws = sc.raws
    for k, r in enumerate(raws):
        if r.entry.kind not in ("TITLE", "TITLE_CONSTRUCT"):
            continue
        ref = TitleRef(kb.title(r.entry.ref), None, False, r.start, r.end, r.t0, r.t1, prefix=r.prefix)
        j = _attach_scope(ref, sc, k, used, kb)
        inner = scopes.get(ref.title.ar) if scopes else None
        if ref.country is None:
            ref.country = inner
        elif inner and inner.startswith("org:"):
            ref.body = inner
        if (r.entry.kind == "TITLE_CONSTRUCT" or ref.title.scoped) and ref.country is None:
            continue  # "وزير خارجية", "المدير العام" with no country or body after it is not a title phrase
        t = ref.t1
        name_after = j < len(raws) and raws[j].t0 == t and raws[j].entry.kind in ("PER", "PER_SHORT")
        if name_after and (_genitive_office(ref.title) or _bare_construct(ref.title, r)):
            ref.embedded = j
        if ref.title.key == "ministry":
            pass  # an institution: a name beside it is the object of the clause, not its holder
        elif name_after and ref.embedded is None:
            ref.person = raws[j].entry.ref
        elif k > 0 and _apposed_before(raws[k - 1], r, sc.words, ref.country, kb):
            ref.person = raws[k - 1].entry.ref
        refs.append(ref)
    return refs, used


def _attach_scope(ref: TitleRef, sc: Scan, k: int, used: set[int], kb: KnowledgeBase) -> int:
    """Extend the title over its modifiers, its country (nisba, genitive country, capital or seat,
    or an organisation: "الأمين العام للأمم المتحدة") and a portfolio ("… إلى اليمن"). Returns
    the index of the next raw."""
    raws, words = sc.raws, sc.words
    j, t = k + 1, _skip_modifiers(words, ref.t1, ref)
    if j < len(raws) and raws[j].t0 == t and _scope_follows(raws[j], raws[k].entry.kind):
        entry = raws[j].entry
        ref.country = entry.ref if entry.kind == "ORG" else entry.country
        if entry.kind == "CAPITAL" and entry.country in kb.countries:
            ref.seat = kb.countries[entry.country].capital_en
        ref.end, ref.t1 = raws[j].end, raws[j].t1
        used.add(j)
        j += 1
        t = _skip_modifiers(words, ref.t1, ref)
    if ref.title.key in ENVOYS and t + 1 < len(words) and words[t] in PORTFOLIO and j < len(raws) \
            and raws[j].t0 == t + 1 and _portfolio(raws[j]):
        entry = raws[j].entry
        ref.portfolio = kb.organizations[entry.ref].name_en if entry.kind == "ORG" else kb.country_name(entry.country)
        ref.end, ref.t1 = raws[j].end, raws[j].t1
        used.add(j)
        j += 1
        t = _skip_modifiers(words, ref.t1, ref)
    ref.t1 = max(ref.t1, t) if t > ref.t1 and words[ref.t1:t] and all(w in MODIFIERS for w in words[ref.t1:t]) else ref.t1
    return j


PORTFOLIO = frozenset("الي لشوون بشان حول لدي في".split())
ENVOYS = frozenset({"special_envoy", "un_envoy", "ambassador"})


def _portfolio(raw: Raw) -> bool:
    """A country, or an international body ("مندوب روسيا الدائم لدى الأمم المتحدة")."""
    return raw.entry.kind == "GPE" or (raw.entry.kind == "ORG" and raw.entry.country == "IGO")


def _scope_follows(raw: Raw, title_kind: str) -> bool:
    if raw.entry.kind in ("GPE", "CAPITAL", "SEAT"):
        return True
    if raw.entry.kind == "ORG":
        return raw.entry.country == "IGO" or raw.prefix.lstrip("و") in ("ل", "لل", "ب")
    return title_kind == "TITLE" and raw.entry.kind == "NISBA"


def _apposed_before(prev: Raw, title: Raw, words: list[str], country: str | None, kb: KnowledgeBase) -> bool:
    """"علي لاريجاني أمين المجلس …": a title right after a name describes it, unless it is
    coordinated ("ترامب والرئيس الروسي") or names another country's office."""
    if prev.t1 != title.t0 or prev.entry.kind not in ("PER", "PER_SHORT") or title.prefix.startswith("و"):
        return False
    person = kb.people.get(prev.entry.ref)
    return country is None or person is None or any(r.country == country for r in person.roles)


def _bare_construct(title: Title, raw: Raw) -> bool:
    """"مبعوث بوتين": a one-word title without the article, then a name, is "Putin's envoy"."""
    return len(title.ar.split()) == 1 and not title.ar.startswith("ال") and "ال" not in raw.prefix


def _genitive_office(title: Title) -> bool:
    """A title whose last word names another office in the genitive ("المبعوث الخاص للرئيس"):
    a name after it belongs to that office, and the title itself to the name before it."""
    last = title.ar.split()[-1]
    return len(title.ar.split()) > 1 and last.startswith(("لل", "ل")) and not last.startswith("لشؤون")


def _skip_modifiers(words: list[str], t: int, ref: TitleRef) -> int:
    """Step over "السابق", "المؤقت" … after a title, noting former and interim holders."""
    while t < len(words) and words[t] in MODIFIERS:
        ref.former = ref.former or words[t] in FORMER
        ref.interim = ref.interim or words[t] in INTERIM
        t += 1
    return t


def _country_follows(raw: Raw, title_kind: str) -> bool:
    if title_kind == "TITLE_CONSTRUCT":
        return raw.entry.kind in ("GPE", "CAPITAL")
    return raw.entry.kind == "NISBA"
