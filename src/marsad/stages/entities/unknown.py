"""People the knowledge base does not hold, found by the words around their names.

"الباحث السياسي صدام الجاسر": an occupation word, optional modifiers and a nisba, then a
two-word name. "وزير الخارجية الإيراني X Y" (a title with no known name after it) also
introduces a person when X is a known given name. Each gets a document-local Person with the
title's role and country, and an English gloss from marsad.arabic.translit.
"""

from __future__ import annotations

import re

from marsad.arabic import fold
from marsad.arabic.translit import _given, transliterate_name
from marsad.kb.gazetteer import Entry
from marsad.kb.records import Person, Role
from marsad.stages.entities.recognize import Raw, Scan

OCCUPATIONS = {
    fold(k): v
    for k, v in {
        "الباحث": "researcher", "باحث": "researcher", "المحلل": "analyst", "محلل": "analyst", "الخبير": "expert",
        "خبير": "expert", "الكاتب": "writer", "الكاتبة": "writer", "الصحفي": "journalist", "الصحافي": "journalist",
        "الأكاديمي": "academic", "الدكتور": "academic", "المعارض": "opposition figure", "الناشط": "activist",
        "الناشطة": "activist", "اللواء": "general", "العميد": "brigadier", "العقيد": "colonel", "الجنرال": "general",
        "الشيخ": "sheikh", "النائب": "member of parliament", "القيادي": "leader", "الإعلامي": "journalist",
        "المحامي": "lawyer", "المستشار": "adviser", "المحللة": "analyst", "الباحثة": "researcher",
    }.items()
}
MODIFIERS = frozenset(fold(w) for w in (
    "السياسي السياسية العسكري الاستراتيجي الإستراتيجي الاقتصادي الأمني المختص المتخصص البارز المقرب "
    "السابق المتقاعد الركن الدولي المصري").split())
STOP = frozenset(fold(w) for w in (
    "أن إن في من على إلى عن مع قال قالت يؤكد يقول أكد أوضح ويقول الذي التي هو هي أنه إنه لـ ل و أو ثم "
    "حول خلال بعد قبل عند كما لكن بين منذ حيث إذ لم لن قد").split())
_NAME = re.compile(r"^[\u0621-\u064A]{2,}$")


def find_unknown_people(sc: Scan, norm, titles_at: dict[int, tuple[str, str, str | None]]) -> dict[str, Person]:
    """Add PER raws for unknown people to `sc`; return the document-local Person records.

    `titles_at` maps the token right after an unnamed title (and its nisba) to the title's
    (role key, English title, country).
    """
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    nisba_at = {r.t0: r for r in sc.raws if r.entry.kind == "NISBA"}
    people: dict[str, Person] = {}
    for i, w in enumerate(sc.words):
        key, role, country = "other", OCCUPATIONS.get(w), None
        j = i + 1
        if role is None and i in titles_at:
            (key, role, country), j = titles_at[i], i
        if role is None or (i in covered and j == i + 1):
            continue
        while j < len(sc.words) and (sc.words[j] in MODIFIERS or j in nisba_at):
            if j in nisba_at:
                country = nisba_at[j].entry.country
                j = nisba_at[j].t1
            else:
                j += 1
        name = _name_at(sc, j, covered, strict=j == i)
        if name is None:
            continue
        t0, t1 = name
        surface = " ".join(sc.words[t0:t1])
        pid = "x:" + surface
        people.setdefault(pid, Person(pid, transliterate_name(surface), (surface,),
                                      roles=(Role(key, role, country, None, None),)))
        s, _ = norm.to_source(sc.tokens[t0].start, sc.tokens[t0].end)
        _, e = norm.to_source(sc.tokens[t1 - 1].start, sc.tokens[t1 - 1].end)
        sc.raws.append(Raw(t0, t1, s, e, Entry("PER", pid, country)))
        covered.update(range(t0, t1))
    sc.raws.sort(key=lambda r: r.t0)
    return people


def _name_at(sc: Scan, j: int, covered: set[int], *, strict: bool) -> tuple[int, int] | None:
    """A two-word name starting at token j (three with بن/ابن/أبو/عبد in the middle)."""
    words = sc.words
    if j + 1 >= len(words) or j in covered or j + 1 in covered:
        return None
    a, b = words[j], words[j + 1]
    if a in STOP or b in STOP or not (_NAME.match(a) and _NAME.match(b)):
        return None
    if strict and a not in _given():
        return None
    if _punct_between(sc, j):
        return None
    end = j + 2
    if b in ("بن", "ابن", "ابو", "عبد") and end < len(words) and end not in covered:
        end += 1
    return j, end


def _punct_between(sc: Scan, j: int) -> bool:
    """The two words of a name are not split by punctuation."""
    return sc.tokens[j + 1].start - sc.tokens[j].end > 1
