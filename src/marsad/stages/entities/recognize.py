"""Mention recognition: gazetteer matches over folded tokens, title phrases, name patterns."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic import Normalized, Token, fold, tokenize
from marsad.kb.gazetteer import Entry, Gazetteer, Match

# Words allowed between a title phrase and its nisba/name: "الرئيس السوري المؤقت أحمد الشرع".
MODIFIERS = frozenset(fold(w) for w in (
    "المؤقت المؤقتة السابق السابقة الراحل الجديد الجديدة الأسبق المكلف المنتخب الحالي الحالية الانتقالي بالوكالة "
    "الأول الخاص الدائم الدائمة").split())
INTERIM = frozenset(fold(w) for w in "المؤقت المؤقتة الانتقالي بالوكالة المكلف".split())
FORMER = frozenset(fold(w) for w in "السابق السابقة الراحل الأسبق".split())


@dataclass(slots=True)
class Raw:
    """A matched phrase: token range, char span in the source text, and the gazetteer entry."""

    t0: int
    t1: int
    start: int
    end: int
    entry: Entry
    prefix: str = ""  # proclitics peeled off the first token (و، ب، ل، ال …)


@dataclass(slots=True)
class Scan:
    words: list[str]
    tokens: list[Token]
    raws: list[Raw]


def scan(norm: Normalized, gaz: Gazetteer) -> Scan:
    """Longest-match gazetteer scan, left to right, without overlaps."""
    tokens = tokenize(norm.text)
    words = [t.text for t in tokens]
    raws: list[Raw] = []
    i = 0
    while i < len(words):
        found = gaz.lookup(words, i)
        if not found:
            i += 1
            continue
        m = _prefer(found)
        raws.append(_raw(m, tokens, norm))
        i = m.end
    return Scan(words, tokens, raws)


def _prefer(found: list[Match]) -> Match:
    """Longest match; among equals, people before organisations before places."""
    order = {"PER": 0, "ORG": 1, "TITLE": 2, "GPE": 3, "NISBA": 4, "SEAT": 5, "CAPITAL": 6, "PER_SHORT": 7}
    return min(found, key=lambda m: (-(m.end - m.start), order.get(m.entry.kind, 9)))


def _raw(m: Match, tokens: list[Token], norm: Normalized) -> Raw:
    first = tokens[m.start]
    # Skip proclitics peeled off the first token so the span starts at the name itself.
    cut = len(first.text) - len(m.stem) if first.text.endswith(m.stem) else 0
    s, e = norm.to_source(first.start + cut, tokens[m.end - 1].end)
    return Raw(m.start, m.end, s, e, m.entry, first.text[:cut])


COMPOUND = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "امير", "بو"})


def doc_surnames(sc: Scan) -> dict[tuple[str, ...], str]:
    """Last names of people named in full in this document → person id (for short references);
    compound ones keep their particle ("عبد المهدي", "أمير عبد اللهيان")."""
    out: dict[tuple[str, ...], str] = {}
    for r in sc.raws:
        if r.entry.kind == "PER" and r.t1 - r.t0 >= 2:
            words = sc.words[r.t0 : r.t1]
            out.setdefault((words[-1],), r.entry.ref)
            if words[-1].startswith("ال") and len(words[-1]) > 4:
                out.setdefault((words[-1][2:],), r.entry.ref)
            if len(words) >= 3 and words[-2] in COMPOUND:
                out.setdefault(tuple(words[-2:]), r.entry.ref)
    return out
