"""Bare surnames of people in the knowledge base, resolved by their title and the date.

"رئيس الحكومة سلام" in 2025 is Nawaf Salam, in 2015 Tammam Salam; "وقال روحاني" in 2016 is
Hassan Rouhani. A surname alone is linked only next to a title (before it) or a speech cue
(before it), and only when exactly one person with that surname held office on the date —
preferring the one whose office matches the title.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from marsad.arabic import fold, strip_clitics
from marsad.kb import KnowledgeBase, load_kb
from marsad.kb.gazetteer import Entry
from marsad.stages.entities.recognize import Raw, Scan
from marsad.stages.entities.titles import TitleRef

# Words that end some names but stand alone as something else: prepositions ("وانغ ون بين" / بين
# "between") and honorifics ("آل الشيخ" / الشيخ before any sheikh's name).
NOT_SURNAMES = frozenset(fold(w) for w in (
    "إلى في من عن مع أن إن ما لا هو هي بعد قبل بين حول خلال عند منذ "
    "الشيخ السيد الأمير الملك الحاج الإمام الدكتور الرئيس").split())
CUES = frozenset(fold(w) for w in "قال وقال أكد وأكد أضاف وأضاف أعلن وأعلن أوضح وأوضح شدد وشدد التقى والتقى استقبل واستقبل".split())


@cache
def surname_index(kb_id: int) -> dict[str, tuple[str, ...]]:
    """Folded last name → ids of the people who carry it (built once per knowledge base)."""
    kb = load_kb()
    index: dict[str, set[str]] = defaultdict(set)
    for p in kb.people.values():
        for name in p.names_ar:
            words = fold(name).split()
            if len(words) >= 2 and len(words[-1]) >= 3:
                index[words[-1]].add(p.id)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def resolve_bare_surnames(sc: Scan, norm, titles: list[TitleRef], day: str | None, kb: KnowledgeBase,
                          text: str = "") -> None:
    """Add PER_SHORT raws for bare surnames after a title or a speech cue."""
    index = surname_index(id(kb))
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    after_title = {t.t1: t for t in titles if t.person is None}
    for i, w in enumerate(sc.words):
        if i in covered or (i not in after_title and not (i > 0 and sc.words[i - 1] in CUES)):
            continue
        s0, e0 = norm.to_source(sc.tokens[i].start, sc.tokens[i].end)
        if w in NOT_SURNAMES or (w == "علي" and text[s0:e0].endswith("ى")):
            continue  # "على رأس": the preposition, not Ali
        ids = next((index[s] for s in strip_clitics(w) if s in index), ())
        pid = _choose(ids, after_title.get(i), day, kb)
        if pid is None:
            continue
        sc.raws.append(Raw(i, i + 1, s0, e0, Entry("PER_SHORT", pid, None)))
    sc.raws.sort(key=lambda r: r.t0)


def _choose(ids: tuple[str, ...], title: TitleRef | None, day: str | None, kb: KnowledgeBase) -> str | None:
    if not ids or day is None:
        return None
    holding = [pid for pid in ids if kb.people[pid].role_at(day) is not None]
    if title is not None:
        fits = [pid for pid in holding if any(r.key == title.title.key and (title.country in (None, r.country, r.org))
                                              for r in kb.people[pid].roles if r.covers(day))]
        holding = fits or holding
    return holding[0] if len(holding) == 1 else None
