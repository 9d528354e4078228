"""Entities stage: recognise people, organisations, places and countries, and link them."""

from __future__ import annotations

import os
from collections import ChainMap

from marsad.arabic import strip_clitics
from marsad.kb import load_kb
from marsad.kb.gazetteer import Entry, build_gazetteer
from marsad.kb.query import given_names
from marsad.model.actors import ActorRef, Mention
from marsad.model.document import Document, Span
from marsad.pipeline.registry import stage
from marsad.stages.entities.link import (
    COUNTERPART,
    counterpart_ref,
    country_ref,
    era,
    org_ref,
    person_ref,
    title_ref,
)
from marsad.stages.entities.recognize import Raw, Scan, doc_surnames, scan
from marsad.stages.entities.surnames import resolve_bare_surnames
from marsad.stages.entities.titles import TitleRef, compose_titles
from marsad.stages.entities.unknown import find_unknown_people, split_namesakes, statistical_people
from marsad.stages.normalize import folded

LABELS = {"PER": "PER", "PER_SHORT": "PER", "ORG": "ORG", "GPE": "GPE", "NISBA": "NORP",
          "CAPITAL": "LOC", "SEAT": "LOC", "PLACE": "LOC"}


@stage("entities", requires=("text", "published"), provides=("entities",))
def entities_stage(doc: Document) -> Document:
    """Mentions linked to knowledge-base actors with their role at the article's date."""
    if doc.language not in (None, "ar"):
        return doc
    kb = load_kb()
    norm = folded(doc)
    gaz = build_gazetteer()
    sc = scan(norm, gaz)
    titles, _ = compose_titles(sc, kb, gaz.title_scope)
    after_titles = {t.t1: (t.title.key, t.title.title_en, t.country) for t in titles if t.person is None}
    first_day = doc.published or era([(kb.people[t.person], t.title.key, t.country) for t in titles
                                      if t.person and t.person in kb.people])
    resolve_bare_surnames(sc, norm, titles, first_day, kb, doc.text)
    _add_surnames(sc, norm)  # known people first, so "عبد المهدي" is not read as a new name
    known = given_names(kb)
    split_namesakes(sc, norm, kb.people, known)
    local = find_unknown_people(sc, norm, after_titles, doc.text, known)
    if os.environ.get("MARSAD_NER") == "1":  # measured: no gain on the development set, so opt-in
        statistical_people(sc, norm, doc.text, local)
    people = ChainMap(local, kb.people)
    _add_surnames(sc, norm)
    titles, absorbed = compose_titles(sc, kb, gaz.title_scope)
    day = doc.published or era([(people[t.person], t.title.key, t.country) for t in titles if t.person])
    doc.cache.update(scan=sc, titles=titles, role_day=day)
    named = {(t.title.key, t.country): t.person for t in titles if t.person and not t.former}
    for r in sc.raws:  # people named anywhere in the article answer for their office
        if r.entry.kind in ("PER", "PER_SHORT"):
            role = people[r.entry.ref].role_at(day)
            if role is not None:
                named.setdefault((role.key, role.country), r.entry.ref)
    mentions: list[Mention] = []
    for k, r in enumerate(sc.raws):
        if k in absorbed or r.entry.kind in ("TITLE", "TITLE_CONSTRUCT"):
            continue
        actor = _actor(r.entry, day, kb, people)
        mentions.append(Mention(Span(r.start, r.end), doc.text[r.start : r.end], LABELS[r.entry.kind], actor))
    for t in titles:
        if t.person is None:
            actor = title_ref(t, day, named, kb, people)
            label = "ORG" if t.title.key == "ministry" else "TITLE"
            mentions.append(Mention(Span(t.start, t.end), doc.text[t.start : t.end], label, actor, "title"))
    mentions.sort(key=lambda m: m.span.start)
    doc.entities = _with_counterparts(mentions, sc, norm, doc.text, day, kb, people)
    return doc


def _with_counterparts(mentions: list[Mention], sc: Scan, norm, text: str, day: str | None, kb,
                       people) -> list[Mention]:
    """"استقبل وزير الخارجية المصري نظيره الأردني": the nisba after نظيره names the holder of the same
    office in Jordan (`counterpart_ref`), unless a name follows it."""
    names = {r.t0 for r in sc.raws if r.entry.kind in ("PER", "PER_SHORT")}
    for r in sc.raws:
        if r.entry.kind != "NISBA" or r.t0 == 0 or r.t1 in names or not COUNTERPART.match(sc.words[r.t0 - 1]):
            continue
        start, _ = norm.to_source(sc.tokens[r.t0 - 1].start, sc.tokens[r.t0 - 1].end)
        before = [m for m in mentions if m.span.end <= start and m.actor and m.actor.id and m.label in ("PER", "TITLE")]
        person = people.get(before[-1].actor.id) if before else None
        actor = counterpart_ref(person, r.entry.country, day, kb)
        mentions = [m for m in mentions if not (m.span.start == r.start and m.span.end == r.end)]
        mentions.append(Mention(Span(start, r.end), text[start : r.end], "TITLE", actor, "title"))
    mentions.sort(key=lambda m: m.span.start)
    return mentions


def _actor(entry: Entry, day: str | None, kb, people) -> ActorRef:
    if entry.kind in ("PER", "PER_SHORT"):
        return person_ref(people[entry.ref], day, kb)
    if entry.kind == "ORG":
        return org_ref(entry.ref, kb)
    if entry.kind in ("GPE", "NISBA"):
        return country_ref(entry.ref, kb)
    if entry.kind in ("CAPITAL", "SEAT"):
        return country_ref(entry.ref, kb)  # by metonymy: موسكو، الكرملين → the Russian government
    return ActorRef(f"loc:{entry.ref}", entry.ref, entry.country, "LOC")


def _add_surnames(sc: Scan, norm) -> None:
    """Bare surnames of people named in full elsewhere in the article (الشرع، لاريجاني، عبد المهدي)."""
    surnames = doc_surnames(sc)
    if not surnames:
        return
    # "محمد شياع السوداني … وأكد السوداني": a nisba that is the surname of a person named in full,
    # and not an adjective after a noun ("الجيش السوداني") or a title, is that person
    ends = {x.t1 for x in sc.raws if x.entry.kind in ("TITLE", "TITLE_CONSTRUCT", "PER", "PER_SHORT")}
    shadowed = [r for r in sc.raws
                if r.entry.kind == "NISBA" and r.t1 - r.t0 == 1 and _surname_not_adjective(sc, r, surnames, ends)]
    if shadowed:
        sc.raws[:] = [r for r in sc.raws if r not in shadowed]
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    i = 0
    while i < len(sc.words):
        hit = None if i in covered else _surname_at(sc.words, i, surnames, covered)
        if hit is None:
            i += 1
            continue
        n, stem, pid = hit
        w = sc.words[i]
        cut = len(w) - len(stem) if w.endswith(stem) else 0
        s, _ = norm.to_source(sc.tokens[i].start + cut, sc.tokens[i].end)
        _, e = norm.to_source(sc.tokens[i + n - 1].start, sc.tokens[i + n - 1].end)
        sc.raws.append(Raw(i, i + n, s, e, Entry("PER_SHORT", pid, None), w[:cut]))
        covered.update(range(i, i + n))
        i += n
    sc.raws.sort(key=lambda r: r.t0)


def _surname_not_adjective(sc: Scan, r: Raw, surnames: dict, title_or_name_ends: set[int]) -> bool:
    if r.t0 == 0 or r.t0 in title_or_name_ends or not any((stem,) in surnames for stem in strip_clitics(sc.words[r.t0])):
        return False
    return not any(c.startswith("ال") for c in strip_clitics(sc.words[r.t0 - 1]))


def _surname_at(words: list[str], i: int, surnames: dict, covered: set[int]) -> tuple[int, str, str] | None:
    for stem in strip_clitics(words[i]):
        if i + 1 < len(words) and i + 1 not in covered and (stem, words[i + 1]) in surnames:
            return 2, stem, surnames[(stem, words[i + 1])]
        if (stem,) in surnames:
            return 1, stem, surnames[(stem,)]
    return None


__all__ = ["TitleRef", "entities_stage"]
