"""Status (asserted, planned, denied, speculated) and attribution from the clause around a trigger."""

from __future__ import annotations

import re

from marsad.arabic import fold
from marsad.stages.events.context import Context

PLANNED = frozenset(fold(w) for w in "المقرر المنتظر المتوقع مرتقب المرتقب مرتقبة المرتقبة يعتزم تعتزم يرتقب".split())
NEXT = frozenset(fold(w) for w in "المقبل المقبلة القادم القادمة".split())  # only right after the trigger
FUTURE_AFTER = re.compile(r"^(?:سي|ست|سين)(?:عقد|نعقد|جري|لتقي|زور|توجه|وقع|بحث)")
DENIED = frozenset(fold(w) for w in "نفى نفت ينفي تنفي نافيا نافية نفيه".split())
SPECULATIVE = frozenset(fold(w) for w in "ربما المحتمل الممكن يحتمل احتمال إمكانية امكانية يرجح يستبعد تستبعد مستبعد يتوقع".split())
ANALYSTS = re.compile(r"(?:يري|يعتقد|يرجح|يتوقع|يشير|تري|تعتقد|رأي|اعتبر)\s+(?:\S+\s+)?(?:مراقبون|محللون|خبراء|مراقبين|محللين|خبراء|الباحث|المحلل)")
ATTRIBUTION = re.compile(r"(?:وفق|وفقا|حسب|بحسب|نقلت|نقلا|ذكرت|افادت|اوردت|كشفت|قالت)\s+(?:ل)?(?:وكاله|صحيفه|قناه|موقع)?\s*")


def status_of(ctx: Context, t: int, future: bool) -> str:
    s = ctx.sent_of[t]
    lo = t
    while lo > 0 and ctx.sent_of[lo - 1] == s and t - lo < 8:
        lo -= 1
    window = ctx.words[lo:t]
    nxt = ctx.words[t + 1 : t + 4]
    if any(w in DENIED for w in window) or (window and window[-1] in ("لم", "لن")):
        return "denied"
    if any(w in SPECULATIVE for w in window) or (window and window[-1] == "قد" and ctx.words[t][:1] in "يتن"):
        return "speculated"
    if future or any(w in PLANNED for w in window + nxt) or any(w in NEXT for w in nxt[:2]) or any(FUTURE_AFTER.match(w) for w in nxt):
        return "planned"
    sent_start = next(i for i in range(t, -1, -1) if i == 0 or ctx.sent_of[i - 1] != s)
    head = " ".join(ctx.words[sent_start : sent_start + 4])
    if ANALYSTS.search(head) and not _presupposed(ctx, t):
        return "speculated"
    return "asserted"


def _presupposed(ctx: Context, t: int) -> bool:
    """A nominal event named inside an analyst's sentence ("يرى محللون أن زيارة …") is a fact the
    analyst comments on, not the analyst's forecast."""
    return ctx.words[t].startswith(("زيار", "الزيار", "لقاء", "اللقاء", "القمه", "اتصال", "الاتصال"))


def attribution(ctx: Context, t: int) -> str | None:
    """The outlet or agency a claim is credited to (وفق إرنا، نقلت رويترز عن، وسائل إعلام إيرانية)."""
    s = ctx.sent_of[t]
    words = ctx.words
    for i in ctx.sentence_tokens(s):
        w = words[i]
        if w in ("وسايل", "ووسايل") and i + 2 < len(words) and words[i + 1] in ("اعلام", "الاعلام"):
            nis = next((c for c in ctx.cands if c.t0 == i + 2), None)
            if nis is not None:
                return f"{nis.actor.name_en} media"
        if ATTRIBUTION.match(w + " "):
            org = next((c for c in ctx.cands if 0 < c.t0 - i <= 3 and c.actor.sector == "MED"), None)
            if org is not None:
                return org.actor.name_en
    return None
