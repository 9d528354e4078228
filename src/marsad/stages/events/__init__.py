"""Events stage: PLOVER events with mode, actors, date, place, status, attribution and evidence."""

from __future__ import annotations

import re

from marsad.model.document import Document, Span
from marsad.model.events import Event, Place
from marsad.pipeline.registry import stage
from marsad.stages.events.arguments import Args, arguments
from marsad.stages.events.context import Context, build_context
from marsad.stages.events.merge import merge_events
from marsad.stages.events.status import attribution, status_of
from marsad.stages.events.triggers import load_lexicon

DIRECTED_VISIT = "visit"
_SINCE = re.compile(r"منذ(?:\s+\S+){0,3}\s*$")


@stage("events", requires=("entities", "timex", "sentences"), provides=("events",))
def events_stage(doc: Document) -> Document:
    """Code PLOVER events clause by clause, then merge repeated mentions."""
    if doc.language not in (None, "ar") or "scan" not in doc.cache:
        return doc
    ctx = build_context(doc)
    lex = load_lexicon()
    found: list[Event] = []
    words = ctx.words
    triggers = [(t, lex.match(w, words[t + 1] if t + 1 < len(words) else "")) for t, w in enumerate(words)]
    ctx.trigger_starts = [ctx.starts[t] for t, trig in triggers if trig is not None]
    for t, trig in triggers:
        if trig is None or ctx.in_quote(t) or not _phone_confirmed(ctx, t, trig) or _not_an_act(ctx, t, triggers):
            continue
        args = arguments(ctx, t, trig)
        if args is None or args.source is None or args.target is None:
            continue
        for a in _spread(args):
            ev = _event(ctx, t, trig, a)
            if ev is not None and ev.status != "speculated":
                found.append(ev)
    events = merge_events(found)
    _visits_from_meetings(events)
    doc.events = events
    return doc


SAYING = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})


def _not_an_act(ctx: Context, t: int, triggers: list) -> bool:
    """"أي هجوم" (any attack) is hypothetical; "هدد بفرض عقوبات", "طالب بالإفراج" name the act
    demanded or threatened, which is the demand's or threat's content, not an event of its own."""
    if t > 0 and ctx.words[t - 1] in ("اي", "لاي", "باي"):
        return True
    if not ctx.words[t].startswith(("ب", "وب")) or ctx.words[t].startswith(("بحث", "بين")):
        return False
    s = ctx.sent_of[t]
    return any(tr is not None and tr.type in SAYING and ctx.sent_of[i] == s and 0 < t - i <= 10
               for i, tr in triggers[max(0, t - 10) : t])


def _phone_confirmed(ctx: Context, t: int, trig) -> bool:
    """"اتصال" is a phone call only as "اتصال هاتفي" (not "قنوات اتصال"); other triggers pass."""
    if trig.mode != "phone" or "اتصال" not in ctx.words[t]:
        return True
    return any(w.startswith(("هاتف", "بالهاتف")) for w in ctx.words[t + 1 : t + 3])


def _spread(args: Args) -> list[Args]:
    """One directed event per source and target when either side is a coordinated group."""
    if not args.co_sources and not args.co_targets:
        return [args]
    return [Args(s, t, [], args.place) for s in [args.source, *args.co_sources] for t in [args.target, *args.co_targets]]


def _event(ctx: Context, t: int, trig, args) -> Event | None:
    src, tgt = args.source.actor, args.target.actor
    if not src.country or not tgt.country or src.country == tgt.country:
        return None
    sent = ctx.doc.sentences[ctx.sent_of[t]] if ctx.doc.sentences else Span(0, len(ctx.doc.text))
    participants = sorted({c.actor.country for c in [args.source, args.target, *args.others] if c.actor.country})
    place = args.place or _place_in_clause(ctx, t)
    mode = trig.mode
    if trig.type == "CONSULT" and mode == "multilateral" and len(participants) <= 2:
        mode = "meeting"  # a two-party summit is a meeting (or a visit, when one side hosts)
    elif trig.type == "CONSULT" and len(participants) > 2:
        mode = "multilateral"
    return Event(
        type=trig.type,
        source=src,
        target=tgt,
        evidence=sent,
        mode=mode,
        date=_date_near(ctx, t),
        location=Place(*place) if place else None,
        status=status_of(ctx, t, trig.future),
        attributed_to=attribution(ctx, t),
        participants=participants if len(participants) > 2 else [],
        trigger=Span(ctx.starts[t], ctx.ends[t]),
        rule=f"{trig.type}/{trig.frame}",
    )


def _place_in_clause(ctx: Context, t: int) -> tuple[str, str] | None:
    """"في طهران" in the trigger's sentence."""
    s = ctx.sent_of[t]
    for c in ctx.cands:
        if ctx.sent_of[c.t0] == s and c.place and c.t0 > 0 and ctx.words[c.t0 - 1] in ("في", "وفي"):
            return c.place, c.actor.country or ""
    return None


def _date_near(ctx: Context, t: int) -> str | None:
    """The value of the time expression that governs the trigger's clause: the nearest one after
    it (Arabic puts the time after verb and subject) within a short reach, else the nearest one
    before it, in the same sentence. None when the sentence has none."""
    s = ctx.sent_of[t]
    pos, end = ctx.starts[t], ctx.ends[t]
    sent = ctx.doc.sentences[s] if ctx.doc.sentences else None
    after, before = [], []
    for tx in ctx.doc.timex:
        if sent and not (sent.start <= tx.span.start < sent.end):
            continue
        if _SINCE.search(ctx.doc.text[max(0, tx.span.start - 25) : tx.span.start]):
            continue  # "منذ توليه الحكم في كانون الأول": the start of a state, not the event's date
        lo, hi = sorted((pos, tx.span.start))
        if any(lo < p < hi for p in ctx.trigger_starts):
            continue  # another event stands between: the date is that event's
        if tx.span.start >= end:
            after.append((tx.span.start - end, tx.value))
        else:
            before.append((pos - tx.span.end, tx.value))
    near_after = min(after, default=None)
    if near_after is not None and near_after[0] <= AFTER_REACH:
        return near_after[1]
    best = min(before, default=None) or near_after
    return best[1] if best else None


AFTER_REACH = 90  # characters


def _visits_from_meetings(events: list[Event]) -> None:
    """A meeting held where one side is the host is a visit by the other side ("التقى ظريف
    الأسد في دمشق"); so is one between the parties of a visit the article reports."""
    visits = {(e.source.country, e.target.country) for e in events if e.mode == DIRECTED_VISIT and e.source and e.target}
    for e in events:
        if e.type != "CONSULT" or e.mode not in ("meeting", None) or e.status != "asserted":
            continue
        host = e.location.country if e.location else None
        pair = (e.source.country, e.target.country)
        if host == pair[0] or pair[::-1] in visits:
            e.source, e.target, e.mode = e.target, e.source, DIRECTED_VISIT
        elif host == pair[1] or pair in visits:
            e.mode = DIRECTED_VISIT
