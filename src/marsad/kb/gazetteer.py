"""Phrase index over the knowledge base: folded Arabic token sequences → entries.

Matching walks the folded tokens of a text; the first token of a phrase may carry proclitics
(وبوتين، للرئيس، ولموسكو), the others must match exactly. Longest match wins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from marsad.arabic import fold, strip_clitics, tokenize
from marsad.kb.load import load_kb


@dataclass(frozen=True, slots=True)
class Entry:
    """kind: PER, PER_SHORT, ORG, GPE, NISBA, CAPITAL, SEAT, PLACE, TITLE, TITLE_CONSTRUCT."""

    kind: str
    ref: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry
    stem: str  # the first token's matched form


PROPER = frozenset({"PER", "PER_SHORT", "ORG", "GPE", "CAPITAL", "SEAT", "PLACE"})


class Gazetteer:
    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        self.max_len = 1
        self.title_scope: dict[str, str] = {}  # title → the country or organisation it names

    def add(self, phrase: str, entry: Entry) -> None:
        toks = tuple(t.text for t in tokenize(fold(phrase)))
        if not toks:
            return
        bucket = self._index[toks[0]]
        if (toks[1:], entry) not in bucket:
            bucket.append((toks[1:], entry))
            bucket.sort(key=lambda x: -len(x[0]))
        self.max_len = max(self.max_len, len(toks))

    def lookup(self, words: list[str], i: int, kinds: frozenset[str] | None = None) -> list[Match]:
        """Every entry whose phrase starts at token `i` (longest first)."""
        out = []
        word = words[i]
        for stem in strip_clitics(word):
            # a name written without the article does not match a word that had one: الحماس is
            # "the enthusiasm", not Hamas
            article = not stem.startswith("ال") and word.endswith(stem) and word[: -len(stem)].endswith(("ال", "لل"))
            for rest, entry in self._index.get(stem, ()):
                if kinds and entry.kind not in kinds or article and entry.kind in PROPER:
                    continue
                n = len(rest)
                if tuple(words[i + 1 : i + 1 + n]) == rest:
                    out.append(Match(i, i + 1 + n, entry, stem))
        out.sort(key=lambda m: -(m.end - m.start))
        return out


def nisba_forms(base: str) -> list[str]:
    """روسي → روسي، روسية، الروسي، الروسية، روسيان، روسيين، روسيون … (folded). Each word of a
    two-word adjective nisba agrees (كوري شمالي → الكورية الشمالية); a noun-headed one takes the
    article on its first word only (جنوب أفريقي → الجنوب أفريقي), as news writes it."""
    words = fold(base).split()
    head, last = words[:-1], words[-1]
    out = []
    for s in ("", "ه", "ان", "ين", "ون", "تان", "تين", "ات"):
        agreeing = [w + s if w.endswith("ي") else w for w in head]
        out.append(" ".join([*agreeing, last + s]))
        if head and not head[0].endswith("ي"):  # جنوب أفريقي: one article, on the first word
            out.append(" ".join(["ال" + head[0], *head[1:], last + s]))
        else:
            out.append(" ".join(["ال" + w for w in [*agreeing, last + s]]))
    return out


def build_gazetteer() -> Gazetteer:
    """The phrase index of the current knowledge base (built once per knowledge base)."""
    return _build(id(load_kb()))


@cache
def _build(kb_id: int) -> Gazetteer:
    kb = load_kb()
    g = Gazetteer()
    for c in kb.countries.values():
        for n in c.names_ar:
            g.add(n, Entry("GPE", c.iso3, c.iso3))
        for base in c.nisba:
            for form in nisba_forms(base):
                g.add(form, Entry("NISBA", c.iso3, c.iso3))
        for n in c.plural_ar:
            g.add(n, Entry("NISBA", c.iso3, c.iso3))
        for n in c.capitals_ar:
            g.add(n, Entry("CAPITAL", c.iso3, c.iso3))
        for n in c.seats_ar:
            g.add(n, Entry("SEAT", c.iso3, c.iso3))
    for pl in kb.places:
        g.add(pl.name_ar, Entry("PLACE", pl.name_en, pl.country))
    for o in kb.organizations.values():
        for n in o.names_ar:
            g.add(n, Entry("ORG", o.id, o.country))
    for t in kb.titles:
        g.add(t.ar, Entry("TITLE", t.ar, None))
        head, _, last = fold(t.ar).rpartition(" ")
        if last.startswith("ال") and len(last) > 3:  # "وزير خارجية إيران", "أمير قطر"
            g.add(f"{head} {last[2:]}".strip(), Entry("TITLE_CONSTRUCT", t.ar, None))
    for p in kb.people.values():
        for n in p.names_ar:
            g.add(n, Entry("PER", p.id, None))
        for n in p.short_ar:
            g.add(n, Entry("PER_SHORT", p.id, None))
    for t in kb.titles:
        scope = _scope_in(g, t.ar)
        if scope:
            g.title_scope[t.ar] = scope
    return g


def _scope_in(g: Gazetteer, phrase: str) -> str | None:
    """The organisation, seat or country a title names inside itself ("الأمين العام لحلف الناتو",
    "المتحدث باسم الكرملين")."""
    words = [t.text for t in tokenize(fold(phrase))]
    found = None
    for i in range(1, len(words)):
        for m in g.lookup(words, i, frozenset({"ORG", "SEAT", "GPE", "NISBA", "CAPITAL"})):
            found = m.entry.ref if m.entry.kind == "ORG" else m.entry.country
            break
    return found
