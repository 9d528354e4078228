"""What the event rules see: folded tokens with sentence ids, actor candidates, time values."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from marsad.model.actors import ActorRef
from marsad.model.document import Document
from marsad.stages.entities.recognize import Scan
from marsad.stages.normalize import folded
from marsad.stages.quotes.spans import quoted_spans

ACTOR_KINDS = frozenset({"PER", "PER_SHORT", "ORG", "GPE", "NISBA", "CAPITAL", "SEAT"})


@dataclass(slots=True)
class Cand:
    """An actor candidate over tokens [t0, t1)."""

    t0: int
    t1: int
    actor: ActorRef
    kind: str
    place: str | None = None  # English place name when the candidate is a capital or seat
    conj: bool = False  # written with the conjunction و ("وبوتين", "والرئيس الروسي")
    prefix: str = ""  # proclitics on the first word (و، ب، ل، ال …)


@dataclass(slots=True)
class Context:
    doc: Document
    words: list[str]
    starts: list[int]  # source char offset of each token
    ends: list[int]
    sent_of: list[int]  # sentence index of each token
    cands: list[Cand]
    quoted: list[tuple[int, int]]
    trigger_starts: list[int] = field(default_factory=list)

    def sentence_tokens(self, s: int) -> range:
        lo = bisect.bisect_left(self.sent_of, s)
        hi = bisect.bisect_right(self.sent_of, s)
        return range(lo, hi)

    def in_quote(self, t: int) -> bool:
        pos = self.starts[t]
        return any(a <= pos < b for a, b in self.quoted)


def build_context(doc: Document) -> Context:
    norm = folded(doc)
    sc: Scan = doc.cache["scan"]
    starts, ends = [], []
    for tok in sc.tokens:
        s, e = norm.to_source(tok.start, tok.end)
        starts.append(s)
        ends.append(e)
    sent_starts = [s.start for s in doc.sentences] or [0]
    sent_of = [max(0, bisect.bisect_right(sent_starts, p) - 1) for p in starts]
    by_start = {m.span.start: m for m in doc.entities}
    cands: list[Cand] = []
    titles = doc.cache.get("titles", [])
    embedded = {t.embedded for t in titles if t.embedded is not None}
    for k, r in enumerate(sc.raws):
        if k in embedded:
            continue
        if r.entry.kind not in ACTOR_KINDS:
            continue
        m = by_start.get(r.start)
        if m is None or m.actor is None:
            continue
        c = _cand(r.t0, r.t1, m.actor, r.entry.kind)
        c.conj, c.prefix = r.prefix.startswith("و"), r.prefix
        cands.append(c)
    for t in titles:
        m = by_start.get(t.start)
        if t.person is None and m is not None and m.actor is not None:
            cands.append(Cand(t.t0, t.t1, m.actor, "TITLE", conj=t.prefix.startswith("و"), prefix=t.prefix))
    _extend_by_titles(cands, titles)
    cands += _counterparts(doc, sc, cands)
    cands.sort(key=lambda c: c.t0)
    return Context(doc, sc.words, starts, ends, sent_of, cands, quoted_spans(doc.text))


def _cand(t0: int, t1: int, actor: ActorRef, kind: str) -> Cand:
    if kind in ("CAPITAL", "SEAT"):
        # A capital or seat of power stands for the country's government (metonymy); it is also a place.
        return Cand(t0, t1, actor, kind, place=_capital(actor.country))
    return Cand(t0, t1, actor, kind)


def _counterparts(doc: Document, sc: Scan, cands: list[Cand]) -> list[Cand]:
    """"نظيره الروسي": the holder, in Russia, of the office of the person named before it."""
    from marsad.kb import load_kb
    from marsad.stages.entities.link import COUNTERPART, counterpart_ref

    kb = load_kb()
    day = doc.cache.get("role_day")
    nisba_at = {r.t0: r for r in sc.raws if r.entry.kind == "NISBA"}
    out = []
    for i, w in enumerate(sc.words):
        if not COUNTERPART.match(w) or i + 1 not in nisba_at:
            continue
        prev = [c for c in cands if c.t1 <= i and c.kind in ("PER", "PER_SHORT", "TITLE") and c.actor.id]
        person = kb.people.get(prev[-1].actor.id) if prev else None
        out.append(Cand(i, nisba_at[i + 1].t1, counterpart_ref(person, nisba_at[i + 1].entry.country, day, kb),
                        "TITLE", prefix=""))
    return out


def _extend_by_titles(cands: list[Cand], titles: list) -> None:
    """A name and its title are one argument: "وزير الخارجية الإيراني محمد جواد ظريف" starts at
    the title, "علي لاريجاني أمين المجلس …" ends after it."""
    by_t0 = {c.t0: c for c in cands if c.kind in ("PER", "PER_SHORT")}
    by_t1 = {c.t1: c for c in cands if c.kind in ("PER", "PER_SHORT")}
    for t in titles:
        if t.person is None:
            continue
        after, before = by_t0.get(t.t1), by_t1.get(t.t0)
        if after is not None and after.actor.id == t.person:
            after.t0, after.conj = t.t0, t.prefix.startswith("و")
        elif before is not None and before.actor.id == t.person:
            before.t1 = t.t1


def _capital(iso3: str | None) -> str | None:
    from marsad.kb import load_kb

    c = load_kb().countries.get(iso3 or "")
    return c.capital_en if c else None
