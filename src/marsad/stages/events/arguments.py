"""Arguments from Arabic clause structure: who did it, to whom, and where.

Verb-first (VSO) and subject-first (SVO) clauses, "استقبل X Y" (Y visits X), nominal
"زيارة X إلى Y", "لقاء جمع X وY", "بين X وY", coordinated subjects ("روحاني وبوتين أجريا"),
dual titles ("الرئيسان التركي أردوغان والروسي بوتين").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.stages.events.context import Cand, Context
from marsad.stages.events.triggers import Trigger

SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE"})
NEAR = 6  # tokens between a verb and a country-level subject
FAR = 16  # tokens between a verb and a named subject


@dataclass(slots=True)
class Args:
    source: Cand | None
    target: Cand | None
    others: list[Cand]
    place: tuple[str, str] | None = None
    co_sources: list[Cand] = field(default_factory=list)  # "أعلنت السعودية والإمارات والبحرين …"
    co_targets: list[Cand] = field(default_factory=list)  # "… لقرار السعودية والإمارات والبحرين"


def usable(ctx: Context, c: Cand, t: int) -> bool:
    """A candidate that can be an argument of the trigger at `t`."""
    if ctx.in_quote(c.t0) != ctx.in_quote(t) or c.actor.sector == "MED":
        return False
    prev = ctx.words[c.t0 - 1] if c.t0 > 0 else ""
    if c.kind in ("GPE", "CAPITAL") and prev in ("لشوون", "شوون", "ملف", "الملف", "حول", "ازمه", "الازمه"):
        return False
    if c.kind in ("CAPITAL", "GPE") and _dateline(ctx, c):
        return False  # "طهران - بحث الرئيس …": where the report was filed
    if c.kind in ("CAPITAL", "GPE", "PLACE") and (prev in VENUE_WORDS or prev in ("في", "وفي")):
        return False  # "اجتماع أستانة", "مفاوضات فيينا", "في دمشق": a venue, not a party
    if c.kind == "NISBA":
        return c.t0 == t + 1 or prev in PEOPLE or prev.startswith("و") and prev[1:] in PEOPLE or _in_group(ctx, c)
    return True


def _dateline(ctx: Context, c: Cand) -> bool:
    """A place opening its paragraph and followed by a dash or colon."""
    text = ctx.doc.text
    start, end = ctx.starts[c.t0], ctx.ends[c.t1 - 1]
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 3].strip()[:1] in ("-", "–", ":", "/")


VENUE_WORDS = frozenset(
    "اجتماع اجتماعات الاجتماع محادثات مفاوضات مسار صيغه منصه موتمر قمه لقاء مباحثات اتفاق اتفاقيه عمليه "
    "لاجتماع باجتماع لمفاوضات بمفاوضات لمحادثات ومفاوضات ومحادثات".split()
)
COUNTERPART = re.compile(r"^و?(?:ب|ل)?نظير(?:ه|ها|هم|يه|يها|هما)?$")
PEOPLE = frozenset(
    "المسوولين مسوولين المسوولون الجانب الطرف الجانبين القوات قوات لقوات الجيش الحكومه السلطات الوفد وفد النظام "
    "جنديا جنود الجنود المواقع مواقع الرييسان الرييسين الوزيران الوزيرين الميليشيات الفصايل الطايرات "
    "البحريه الدفاعات الرييس الزعيمان نظيره نظيرها نظيريه مواطنين المواطنين مواطنا رعايا الرعايا اسري الاسري "
    "محتجزين المحتجزين معتقلين المعتقلين سجناء السجناء الوفد وفدا وفود الوفود السفير سفير السفاره سفاره "
    "المصالح الاراضي السفن سفينه السفينه ناقله الناقله البعثه بعثه الشركات الوساطه بالوساطه جهود بجهود "
    "المبادره بالمبادره الجهود الطيران الحربي الحربيه الجوي الجويه المقاتلات مقاتلات طايرات الطايرات طايره "
    "مسيره المسيره الدفاعات البحريه الصواريخ صواريخ المدفعيه".split()
)


def _in_group(ctx: Context, c: Cand) -> bool:
    """A nisba standing for a party inside a dual: "الرئيسان التركي أردوغان والروسي بوتين"."""
    nxt = next((d for d in ctx.cands if d.t0 == c.t1), None)
    return nxt is not None and nxt.kind in ("PER", "PER_SHORT") and nxt.actor.country == c.actor.country


def group_at(cands: list[Cand], k: int, words: list[str]) -> list[Cand]:
    """The coordinated group starting at cands[k]: X وY وZ, joined by و or a comma."""
    group = [cands[k]]
    for c in cands[k + 1 :]:
        gap = c.t0 - group[-1].t1
        if gap == 0 and (c.conj or "NISBA" in (c.kind, group[-1].kind)):
            group.append(c)
        elif gap == 1 and words[group[-1].t1] == "و":
            group.append(c)
        else:
            break
    return _by_country(group)


def _by_country(group: list[Cand]) -> list[Cand]:
    """One candidate per country, the most specific (a person over a nisba)."""
    best: dict[str | None, Cand] = {}
    rank = {"PER": 0, "PER_SHORT": 0, "TITLE": 1, "ORG": 2, "GPE": 3, "CAPITAL": 4, "SEAT": 4, "NISBA": 5}
    for c in group:
        old = best.get(c.actor.country)
        if old is None or rank.get(c.kind, 9) < rank.get(old.kind, 9):
            best[c.actor.country] = c
    return [c for c in best.values() if c.actor.country]


def arguments(ctx: Context, t: int, trig: Trigger) -> Args | None:
    s = ctx.sent_of[t]
    cands = [c for c in ctx.cands if ctx.sent_of[c.t0] == s and usable(ctx, c, t)]
    after = [c for c in cands if c.t0 > t]
    before = [c for c in cands if c.t1 <= t]
    if trig.frame == "visit":
        return _visit(ctx, t, after)
    if trig.frame in ("joint",) or trig.type in SYMMETRIC_TYPES or trig.mode in ("meeting", "phone"):
        group = _joint_group(ctx, t, cands, after, before)
        if len(group) >= 2:
            return Args(group[0], group[1], group[2:])
        if trig.frame == "joint":
            return None
    if trig.frame in ("noun", "masdar"):
        args = _noun(ctx, t, after, before) if trig.frame == "noun" else _masdar(ctx, t, after, before)
        if args is None and trig.type == "ASSAULT":
            return _struck_place(ctx, t, before, after)
        return args
    return _verb(ctx, t, trig, after, before)


def _joint_group(ctx: Context, t: int, cands: list[Cand], after: list[Cand], before: list[Cand]) -> list[Cand]:
    words = ctx.words
    for c in after[:3]:
        if c.t0 - t > 12:
            break
        between = words[t + 1 : c.t0]
        joined = any(w in JOIN or w.startswith(("بين", "جمع")) for w in between) or c.t0 - t <= 2
        joined = joined or any(w in LEVEL for w in between)
        g = group_at(cands, cands.index(c), words)
        if len(g) >= 2 and joined:
            return g
        partner = _with_partner(ctx, c, after)  # "لقاء جمع X بـY", "مباحثات X مع Y"
        if partner is not None and joined:
            return [c, partner]
        if "مع" in between and c.t0 - t <= 3:  # "أجرى محادثات مع رئيسي": the other party is the subject
            subj = next((b for b in reversed(before) if b.kind in ("PER", "PER_SHORT", "TITLE", "ORG", "GPE")
                         and t - b.t1 <= FAR and b.actor.country and b.actor.country != c.actor.country), None)
            if subj is not None:
                return [subj, c]
    if before and t - before[-1].t1 <= 3:
        last = before[-1]
        for k in range(len(cands)):
            g = group_at(cands, k, ctx.words)
            if last in g or cands[k] is last:
                return g if len(g) >= 2 else []
    return []


WITH_VERBS = re.compile(r"^[وف]?(?:بحث|يبحث|تبحث|سيبحث|ستبحث|بحثت|بحثا|ناقش|ناقشت|يناقش|تناقش|تباحث)")


def _with_before(ctx: Context, obj: Cand) -> bool:
    """"بحث X مع Y": the other party of a discussion comes with مع, else Y is only the topic."""
    return "مع" in ctx.words[max(0, obj.t0 - 2) : obj.t0] or obj.conj


JOIN = frozenset("بين جمع جمعت يجمع تجمع ضم ضمت".split())
LEVEL = frozenset("مستوي بمشاركه مشاركه وزراء قاده روساء زعماء".split())  # "على مستوى وزراء خارجية X وY وZ"


def _with_partner(ctx: Context, c: Cand, after: list[Cand]) -> Cand | None:
    """The party joined to `c` by مع or بـ right after it."""
    for d in after:
        if d.t0 <= c.t0 or d.t0 - c.t1 > 2:
            continue
        if d.actor.country and d.actor.country != c.actor.country and (
            d.prefix.lstrip("و").startswith("ب") or "مع" in ctx.words[c.t1 : d.t0]
        ):
            return d
    return None


def _masdar(ctx: Context, t: int, after: list[Cand], before: list[Cand]) -> Args | None:
    """"أعلنت الجزائر قطع علاقاتها مع المغرب": the doer is the clause subject before the noun,
    the target the first other party after it. Not after أن/بأن: that is reported content
    ("صرّح بأن قطع العلاقات ليس خطوة دائمة"), not the act."""
    if t > 0 and ctx.words[t - 1] in ("ان", "بان", "لان"):
        return None
    nxt = after[0] if after and after[0].t0 <= t + 2 and not after[0].prefix.lstrip("و").startswith(("ب", "ل")) else None
    named = [c for c in before if t - c.t1 <= FAR and c.kind != "NISBA" and not _possessor(ctx, c)]
    if PARTICIPLE.match(ctx.words[t]):  # "… متهماً إيران بالوقوف خلف العملية": the subject accuses its object
        if not named:
            return None
        src = named[-1]
    elif nxt is not None and nxt.kind != "NISBA":
        src, after = nxt, after[1:]  # "تهديد أنقرة بشن عملية ضد قسد": the genitive after the noun is the doer
    elif named:
        src = named[-1]
    else:
        return None
    tgt = next((c for c in after if c.t0 - t <= 10 and c.actor.country and c.actor.country != src.actor.country), None)
    return _with_groups(ctx, Args(src, tgt, [])) if tgt else None


# Active participles in the accusative (حال) take an object, not a genitive doer.
# (مدينه is "city" and مطالبه "the demand of": only their masculine forms count.)
PARTICIPLE = re.compile(r"^و?(?:(?:متهم|منتقد|محمل|محذر|متوعد|داعي)(?:ا|ه|ين)|(?:مدين|مطالب)(?:ا|ين))$")
GENITIVE_HEADS = frozenset(
    "مبعوث المبعوث رساله الرساله ممثل مستشار نايب حكومه نظام قوات وفد سفير مكتب مساعد ابن نجل زوجه ادارة اداره".split()
)


def _possessor(ctx: Context, c: Cand) -> bool:
    """"مبعوث بوتين", "حكومة نتنياهو": a name in the genitive names whose office, not the doer."""
    return c.t0 > 0 and ctx.words[c.t0 - 1] in GENITIVE_HEADS


def _verb(ctx: Context, t: int, trig: Trigger, after: list[Cand], before: list[Cand]) -> Args | None:
    named_before = [c for c in before if c.kind in ("PER", "PER_SHORT", "TITLE", "ORG") and t - c.t1 <= FAR
                    and not _possessor(ctx, c)]
    nxt = ctx.words[t + 1] if t + 1 < len(ctx.words) else ""
    # "التقى نظيره …" and "زار موسكو": what follows the verb is its object; the subject came before.
    object_first = COUNTERPART.match(nxt) or (after and after[0].t0 == t + 1 and after[0].kind in ("CAPITAL", "SEAT")
                                                 and trig.mode == "visit")
    if object_first and named_before:
        subj, objs = named_before[-1], after
        if trig.mode == "visit":
            return _visit_object(ctx, subj, after)
    elif before and before[-1].t1 == t and not _governed(ctx, before[-1]):  # "الرياض اتهمت الدوحة"
        subj, objs = before[-1], after
    elif after and after[0].t0 - t <= 1:
        subj, objs = after[0], after[1:]
    elif before and t - before[-1].t1 <= NEAR:
        subj, objs = before[-1], after
    elif named_before:
        subj, objs = named_before[-1], after
    elif after and after[0].t0 - t <= 4:
        subj, objs = after[0], after[1:]
    else:
        return None
    obj = next((o for o in objs if o.actor.country and o.actor.country != subj.actor.country
                and not (trig.mode == "visit" and ctx.words[o.t0 - 1] == "من")), None)  # "قادماً من إسرائيل"
    if obj is None and after and subj is after[0] and named_before:
        # "… قبل أن يلتقي المرشد الإيراني علي خامنئي": the subject was named earlier in the sentence
        subj, obj = named_before[-1], after[0]
        if subj.actor.country == obj.actor.country:
            return None
    if obj is None or (WITH_VERBS.match(ctx.words[t]) and not _with_before(ctx, obj)):
        return None
    if trig.frame == "host":
        return Args(obj, subj, [], place=_place(subj))
    return _with_groups(ctx, Args(subj, obj, [], place=_place(obj)))


PREPOSITIONS = frozenset("الي في من عن علي مع لدي حول ضد".split())


def _governed(ctx: Context, c: Cand) -> bool:
    """Inside a prepositional phrase ("إلى سوريا", "لموسكو"): not a clause subject."""
    prev = ctx.words[c.t0 - 1] if c.t0 else ""
    return prev in PREPOSITIONS or c.prefix.lstrip("و").startswith(("ب", "ل"))


def _with_groups(ctx: Context, a: Args) -> Args:
    """Spread a directed event over coordinated parties on either side."""
    s = ctx.sent_of[a.source.t0]
    cands = [c for c in ctx.cands if ctx.sent_of[c.t0] == s]
    a.co_sources = [c for c in _group_of(ctx, cands, a.source) if c is not a.source]
    if a.target is not None:
        a.co_targets = [c for c in _group_of(ctx, cands, a.target) if c is not a.target]
    return a


def _group_of(ctx: Context, cands: list[Cand], c: Cand) -> list[Cand]:
    for k in range(len(cands)):
        g = group_at(cands, k, ctx.words)
        if c in g:
            return g
        if cands[k] is c:
            break
    return [c]


LAUNCH = re.compile(r"^[وف]?(?:شن|شنت|يشن|تشن|نفذ|نفذت|ينفذ|تنفذ)$")
VICTIMS = frozenset("جنديا جنود الجنود جنديين عسكريين العسكريين مدنيين المدنيين عناصر قتلي ضحايا مقاتلين".split())


def _struck_place(ctx: Context, t: int, before: list[Cand], after: list[Cand]) -> Args | None:
    """"شن الطيران الحربي الإسرائيلي غارات على مناطق في قطاع غزة": with no named target, the
    place struck (after في) stands for its country."""
    src = next((c for c in reversed(before) if t - c.t1 <= FAR), None) or (after[0] if after and after[0].t0 <= t + 4 else None)
    if src is None or not src.actor.country:
        return None
    s = ctx.sent_of[t]
    place = next((c for c in ctx.cands if ctx.sent_of[c.t0] == s and c.t0 > t and c.t0 - t <= 14
                  and ctx.words[c.t0 - 1] in ("في", "علي") and c.actor.country and c.actor.country != src.actor.country), None)
    return Args(src, place, [], place=_place(place)) if place else None


def _noun(ctx: Context, t: int, after: list[Cand], before: list[Cand]) -> Args | None:
    """A nominal event: the genitive or adjective right after the noun is the doer
    ("قصف جوي لقوات النظام السوري", "الهجمات الإسرائيلية على …"); the target follows
    (على/ضد) or, failing that, is the nearest other party before the noun."""
    if LAUNCH.match(ctx.words[t - 1] if t else "") or LAUNCH.match(ctx.words[t - 2] if t > 1 else ""):
        # "شن الطيران الحربي الإسرائيلي غارات على …": the doer is the subject of شن/نفذ
        return _masdar(ctx, t, after, before)
    if not after or after[0].t0 - t > 4:
        return None
    src = after[0]
    tgt = next((c for c in after[1:] if c.actor.country and c.actor.country != src.actor.country), None)
    if tgt is None:  # "استشهاد 34 جنديا تركيا … جراء قصف جوي لقوات النظام السوري"
        tgt = next((c for c in reversed(before) if c.kind in ("NISBA", "GPE") and c.actor.country
                    and c.actor.country != src.actor.country and ctx.words[c.t0 - 1] in VICTIMS), None)
    return Args(src, tgt, []) if tgt else None


def _visit(ctx: Context, t: int, after: list[Cand]) -> Args | None:
    """زيارة X إلى Y: X is the first actor after the noun; Y the place after إلى/ل, or the
    person met there in the same clause (ولقائه بالرئيس بوتين)."""
    if not after or after[0].kind in ("CAPITAL", "SEAT") or after[0].t0 - t > 4:
        return None
    if after[0].prefix.lstrip("و").startswith(("ل", "ب")) or ctx.words[after[0].t0 - 1] in ("الي", "لدي"):
        # "الزيارة لبشار الأسد" names the visited party, unless a destination follows:
        # "آخر زيارة للأسد إلى روسيا" is Assad's visit.
        if not any(ctx.words[c.t0 - 1] == "الي" for c in after[1:4]):
            return None
    return _visit_object(ctx, after[0], after[1:])


def _meets_between(ctx: Context, a: int, b: int) -> bool:
    """A meeting word between the destination and a person: "… إلى موسكو ولقائه بالرئيس بوتين"."""
    return any(MEETS.match(w) for w in ctx.words[a:b])


MEETS = re.compile(r"^(?:[وف](?:لقاي|لقاء|التقي|التقت|اجتمع|استقبل|استقبله|استقبلها|للقاء|بلقاء)|حيث)")


def _visit_object(ctx: Context, visitor: Cand, after: list[Cand]) -> Args | None:
    """The visited party: the first other-country actor after the visitor, or the person of that
    country met there in the same clause."""
    dest = next((c for c in after if c.actor.country and c.actor.country != visitor.actor.country
                 and ctx.words[c.t0 - 1] not in ("من", "قادما", "قادمه")), None)  # "قادماً من إسرائيل": the origin
    if dest is None or dest.t0 - visitor.t1 > 12:
        return None
    rest = after[after.index(dest) + 1 :]
    met = next((c for c in rest if c.kind in ("PER", "PER_SHORT", "TITLE") and c.actor.country == dest.actor.country
                and c.t0 - dest.t1 <= 14 and _meets_between(ctx, dest.t1, c.t0)), None)
    return Args(visitor, met or dest, [], place=_place(dest))


def _place(c: Cand) -> tuple[str, str] | None:
    return (c.place, c.actor.country or "") if c.place else None
