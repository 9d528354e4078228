"""Arguments from Arabic clause structure: who did it, to whom, and where.

Verb-first (VSO) and subject-first (SVO) clauses, "استقبل X Y" (Y visits X), nominal
"زيارة X إلى Y", "لقاء جمع X وY", "بين X وY", coordinated subjects ("روحاني وبوتين أجريا"),
dual titles ("الرئيسان التركي أردوغان والروسي بوتين").
"""

from __future__ import annotations

from dataclasses import dataclass

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


def usable(ctx: Context, c: Cand, t: int) -> bool:
    """A candidate that can be an argument of the trigger at `t`."""
    if ctx.in_quote(c.t0) != ctx.in_quote(t) or c.actor.sector == "MED":
        return False
    prev = ctx.words[c.t0 - 1] if c.t0 > 0 else ""
    if c.kind in ("GPE", "CAPITAL") and prev in ("لشوون", "شوون", "ملف", "الملف", "حول", "ازمه", "الازمه"):
        return False
    if c.kind == "CAPITAL" and c.t0 == t + 1:
        return False  # "اجتماع أستانة", "مفاوضات فيينا": the venue, not a party
    if c.kind == "NISBA":
        return c.t0 == t + 1 or prev in PEOPLE or prev.startswith("و") and prev[1:] in PEOPLE or _in_group(ctx, c)
    return True


PEOPLE = frozenset(
    "المسوولين مسوولين المسوولون الجانب الطرف الجانبين القوات قوات لقوات الجيش الحكومه السلطات الوفد وفد النظام "
    "جنديا جنود الجنود المواقع مواقع الرييسان الرييسين الوزيران الوزيرين الميليشيات الفصايل الطايرات "
    "البحريه الدفاعات الرييس الزعيمان نظيره نظيرها نظيريه".split()
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
        if gap == 0 and (words[c.t0].startswith("و") or "NISBA" in (c.kind, group[-1].kind)):
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
        return _visit(after)
    if trig.frame in ("joint",) or trig.type in SYMMETRIC_TYPES or trig.mode in ("meeting", "phone"):
        group = _joint_group(ctx, t, cands, after, before)
        if len(group) >= 2:
            return Args(group[0], group[1], group[2:])
        if trig.frame == "joint":
            return None
    if trig.frame == "noun":
        return _noun(t, after, before)
    return _verb(t, trig, after, before)


def _joint_group(ctx: Context, t: int, cands: list[Cand], after: list[Cand], before: list[Cand]) -> list[Cand]:
    for c in after[:3]:
        if c.t0 - t > 12:
            break
        g = group_at(cands, cands.index(c), ctx.words)
        if len(g) >= 2:
            return g
    if before and t - before[-1].t1 <= 3:
        last = before[-1]
        for k in range(len(cands)):
            g = group_at(cands, k, ctx.words)
            if last in g or cands[k] is last:
                return g if len(g) >= 2 else []
    return []


def _verb(t: int, trig: Trigger, after: list[Cand], before: list[Cand]) -> Args | None:
    named_before = [c for c in before if c.kind in ("PER", "PER_SHORT", "TITLE", "ORG") and t - c.t1 <= FAR]
    if after and after[0].t0 - t <= 1:
        subj, objs = after[0], after[1:]
    elif before and t - before[-1].t1 <= NEAR:
        subj, objs = before[-1], after
    elif named_before:
        subj, objs = named_before[-1], after
    elif after and after[0].t0 - t <= 4:
        subj, objs = after[0], after[1:]
    else:
        return None
    obj = next((o for o in objs if o.actor.country and o.actor.country != subj.actor.country), None)
    if obj is None:
        return None
    if trig.frame == "host":
        return Args(obj, subj, [], place=_place(subj))
    return Args(subj, obj, [], place=_place(obj))


def _noun(t: int, after: list[Cand], before: list[Cand]) -> Args | None:
    """A nominal event: the genitive or adjective right after the noun is the doer
    ("قصف جوي لقوات النظام السوري", "الهجمات الإسرائيلية على …"); the target follows
    (على/ضد) or, failing that, is the nearest other party before the noun."""
    if not after or after[0].t0 - t > 4:
        return None
    src = after[0]
    tgt = next((c for c in after[1:] if c.actor.country and c.actor.country != src.actor.country), None)
    if tgt is None:
        tgt = next((c for c in reversed(before) if c.actor.country and c.actor.country != src.actor.country), None)
    return Args(src, tgt, []) if tgt else None


def _visit(after: list[Cand]) -> Args | None:
    """زيارة X إلى Y: X is the first actor after the noun; Y the place after إلى/ل, or the
    person met there in the same clause (ولقائه بالرئيس بوتين)."""
    if not after or after[0].kind in ("CAPITAL", "SEAT"):
        return None
    visitor = after[0]
    dest = next((c for c in after[1:] if c.actor.country and c.actor.country != visitor.actor.country), None)
    if dest is None or dest.t0 - visitor.t1 > 8:
        return None
    rest = after[after.index(dest) + 1 :]
    met = next((c for c in rest if c.kind in ("PER", "PER_SHORT", "TITLE") and c.actor.country == dest.actor.country
                and c.t0 - dest.t1 <= 14), None)
    return Args(visitor, met or dest, [], place=_place(dest))


def _place(c: Cand) -> tuple[str, str] | None:
    return (c.place, c.actor.country or "") if c.place else None
