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
        "الخبيرة": "expert", "الصحفية": "journalist", "الصحافية": "journalist", "الأستاذ": "academic",
        "أستاذ": "academic", "الأستاذة": "academic", "المحامية": "lawyer",
    }.items()
}
MODIFIERS = frozenset(fold(w) for w in (
    "السياسي السياسية العسكري الاستراتيجي الإستراتيجي الاقتصادي الأمني المختص المتخصص البارز المقرب "
    "السابق المتقاعد الركن الدولي المصري الحقوقي الحقوقية الميداني البرلماني").split())
# "في الشؤون الإقليمية", "في شؤون الشرق الأوسط": a field between the occupation and the name
FIELD = frozenset(fold(w) for w in "الشؤون شؤون".split())
# Suffixes that end a family name rather than start a new word: "هاني زاده", "كاتب أوغلو"
NAME_SUFFIX = frozenset(fold(w) for w in "زاده أوغلو اوغلو".split())
STOP = frozenset(fold(w) for w in (
    "أن إن في من على إلى عن مع قال قالت يؤكد يقول أكد أوضح ويقول الذي التي هو هي أنه إنه لـ ل و أو ثم "
    "حول خلال بعد قبل عند كما لكن بين منذ حيث إذ لم لن قد أما إما بل حتى لما إذا أيضا وقد فقد لقد").split())
_NAME = re.compile(r"^[\u0621-\u064A]{2,}$")


def find_unknown_people(
    sc: Scan, norm, titles_at: dict[int, tuple[str, str, str | None]], text: str = "",
    known: dict[str, str] | None = None,
) -> dict[str, Person]:
    """Add PER raws for unknown people to `sc`; return the document-local Person records.

    `titles_at` maps the token right after an unnamed title (and its nisba) to the title's
    (role key, English title, country). `known` (folded first name → English) helps the glosses.
    """
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    nisba_at = {r.t0: r for r in sc.raws if r.entry.kind == "NISBA"}
    people: dict[str, Person] = {}
    for i, w in enumerate(sc.words):
        key, role, country = "other", OCCUPATIONS.get(w), None
        j, from_title = i + 1, False
        if role is None and i in titles_at and titles_at[i][0] != "ministry":
            (key, role, country), j, from_title = titles_at[i], i, True
        if role is None or (i in covered and j == i + 1):
            continue
        cued = False
        while j < len(sc.words) and (sc.words[j] in MODIFIERS or j in nisba_at):
            if j in nisba_at:
                country = nisba_at[j].entry.country
                j = nisba_at[j].t1
            else:
                j += 1
            cued = True
        strict = from_title
        if not from_title and j + 2 < len(sc.words) and sc.words[j] == "في" and sc.words[j + 1] in FIELD:
            given = _given()
            k = next((k for k in range(j + 2, min(j + 6, len(sc.words))) if sc.words[k] in given), None)
            if k is None:
                continue
            j, strict = k, True
        name = _name_at(sc, j, covered, strict=strict, cued=cued)
        if name is None:
            continue
        t0, t1 = name
        surface = " ".join(sc.words[t0:t1])
        pid = "x:" + surface
        people.setdefault(pid, Person(pid, transliterate_name(surface, known), (surface,),
                                      roles=(Role(key, role, country, None, None),)))
        s, _ = norm.to_source(sc.tokens[t0].start, sc.tokens[t0].end)
        _, e = norm.to_source(sc.tokens[t1 - 1].start, sc.tokens[t1 - 1].end)
        sc.raws.append(Raw(t0, t1, s, e, Entry("PER", pid, country)))
        covered.update(range(t0, t1))
    _given_name_pairs(sc, norm, covered, people, text, known)
    for r in sc.raws:  # namesakes split off a known surname (`split_namesakes`)
        if r.entry.ref.startswith("x:") and r.entry.ref not in people:
            surface = r.entry.ref[2:]
            people[r.entry.ref] = Person(r.entry.ref, transliterate_name(surface, known), (surface,), roles=())
    sc.raws.sort(key=lambda r: r.t0)
    return people


def split_namesakes(sc: Scan, norm, kb_people, first_names: frozenset[str] | dict[str, str] = frozenset()) -> None:
    """"الباحث ماثيو ليفيت" is not Karoline Leavitt: a known surname right after a given name that
    none of the person's own names starts with names somebody else. The pair becomes an unknown
    person (found again by `find_unknown_people`)."""
    from rapidfuzz.fuzz import ratio

    given = _given()
    words = sc.words
    covered = {t for x in sc.raws for t in range(x.t0, x.t1)}
    keep = []
    for r in sc.raws:
        g = r.t0 - 1
        if (r.entry.kind == "PER_SHORT" and g >= 0 and (words[g] in given or words[g] in first_names)
                and words[g] not in STOP
                and g not in covered and not _punct_between(sc, g)):
            person = kb_people.get(r.entry.ref)
            firsts = {fold(n).split()[0] for n in person.names_ar} if person else set()
            if firsts and max(ratio(words[g], f) for f in firsts) < 75:
                surface = " ".join(words[g:r.t1])
                s, _ = norm.to_source(sc.tokens[g].start, sc.tokens[g].end)
                keep.append(Raw(g, r.t1, s, r.end, Entry("PER", "x:" + surface, None)))
                continue
        keep.append(r)
    sc.raws[:] = keep


# Given names that are also everyday words: they start a name only before an "ال" family name.
AMBIGUOUS_GIVEN = frozenset(fold(w) for w in "نور أمل سعيد كمال جمال عادل ناصر سامي رضا منير هدى سلطان عبد ابن بن أبو ابو".split())


def _given_name_pairs(sc: Scan, norm, covered: set[int], people: dict[str, Person], text: str,
                      known: dict[str, str] | None = None) -> None:
    """"أسامة حمدان", "نمر النمر": a known given name followed by a family name."""
    given = _given()
    words = sc.words
    i = 0
    while i < len(words) - 1:
        a, b = words[i], words[i + 1]
        s0, e0 = norm.to_source(sc.tokens[i].start, sc.tokens[i].end)
        if text[s0:e0].endswith("ى"):  # على (on), not علي (Ali)
            i += 1
            continue
        if (a not in given or i in covered or i + 1 in covered or b in STOP or not _NAME.match(b)
                or _punct_between(sc, i) or (a in AMBIGUOUS_GIVEN and not b.startswith("ال"))
                or b.startswith(("لل", "بال", "وال", "فال", "كال"))  # "صالح للشرب": a family name has no proclitic
                or (not b.startswith("ال") and b not in given and len(b) < 4)):
            i += 1
            continue
        end = i + 2
        if end < len(words) and end not in covered and words[end].startswith("ال") and words[end] not in STOP \
                and not _punct_between(sc, i + 1) and b in given:
            end += 1  # "محمد حمدان دقلو" is kept to two words unless the third is a family name
        elif b in COMPOUND and end < len(words) and end not in covered and _NAME.match(words[end]) \
                and words[end] not in STOP and not _punct_between(sc, i + 1):
            end += 1  # "سمير أبو عودة", "عماد الدين حسين"
        end = _suffixed(words, end, covered)
        surface = " ".join(words[i:end])
        pid = "x:" + surface
        people.setdefault(pid, Person(pid, transliterate_name(surface, known), (surface,), roles=()))
        s, _ = norm.to_source(sc.tokens[i].start, sc.tokens[i].end)
        _, e = norm.to_source(sc.tokens[end - 1].start, sc.tokens[end - 1].end)
        sc.raws.append(Raw(i, end, s, e, Entry("PER", pid, None)))
        covered.update(range(i, end))
        i = end


# Second words that need a third: "سمير أبو عودة", "عماد الدين حسين", "خالد بن سلمان"
COMPOUND = frozenset(fold(w) for w in "بن ابن أبو ابو عبد الدين".split())


def _name_at(sc: Scan, j: int, covered: set[int], *, strict: bool, cued: bool = False) -> tuple[int, int] | None:
    """A two-word name starting at token j (three with بن/ابن/أبو/عبد/الدين second, and a
    family-name suffix such as زاده or أوغلو)."""
    words = sc.words
    if j + 1 >= len(words) or j in covered or j + 1 in covered:
        return None
    a, b = words[j], words[j + 1]
    if a in STOP or b in STOP or not (_NAME.match(a) and _NAME.match(b)):
        return None
    if strict and a not in _given():
        return None
    if a not in _given() and (b.startswith("ال") or a.startswith("ال")) and not (cued and _name_like(sc, j)):
        return None  # "أسواق الطاقة": a noun phrase, not a name
    if _punct_between(sc, j):
        return None
    end = j + 2
    if b in COMPOUND and end < len(words) and end not in covered and words[end] not in STOP:
        end += 1
    return j, _suffixed(words, end, covered)


def _name_like(sc: Scan, j: int) -> bool:
    """"الخبير العسكري الأردني فايز الدويري إن …": after an occupation and its nisba, an unlisted
    given name followed by an "ال" family name, then the end of the noun phrase. Verbal nouns
    (ارتفاع، تراجع، استمرار، زيادة) are not names."""
    a, b, words = sc.words[j], sc.words[j + 1], sc.words
    if a.startswith(("ال", "ا", "ت", "است")) or a.endswith(("ه", "ات")) or not 3 <= len(a) <= 6 or not b.startswith("ال"):
        return False
    return j + 2 >= len(words) or words[j + 2] in STOP or _punct_between(sc, j + 1) or b.endswith("ي")


def _suffixed(words: list[str], end: int, covered: set[int]) -> int:
    return end + 1 if end < len(words) and end not in covered and words[end] in NAME_SUFFIX else end


def _punct_between(sc: Scan, j: int) -> bool:
    """The two words of a name are not split by punctuation."""
    return sc.tokens[j + 1].start - sc.tokens[j].end > 1


def statistical_people(sc: Scan, norm, text: str, people: dict[str, Person]) -> None:
    """People the statistical NER model finds where neither the knowledge base nor the name
    patterns matched ("محمود الطويل"). Needs python-crfsuite; without it nothing is added."""
    try:
        from marsad.stages.entities.ner import CrfNer

        model = CrfNer.load()
    except ImportError:
        return
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    starts = [norm.to_source(tok.start, tok.end)[0] for tok in sc.tokens]
    ends = [norm.to_source(tok.start, tok.end)[1] for tok in sc.tokens]
    import bisect

    for s, e, kind in model.spans(text):
        if kind != "PER":
            continue
        t0 = bisect.bisect_left(starts, s)
        t1 = bisect.bisect_right(ends, e)
        if t1 - t0 < 2 or t1 - t0 > 4 or any(t in covered for t in range(t0, t1)):
            continue
        surface = " ".join(sc.words[t0:t1])
        pid = "x:" + surface
        people.setdefault(pid, Person(pid, transliterate_name(surface), (surface,), roles=()))
        sc.raws.append(Raw(t0, t1, starts[t0], ends[t1 - 1], Entry("PER", pid, None)))
        covered.update(range(t0, t1))
    sc.raws.sort(key=lambda r: r.t0)
