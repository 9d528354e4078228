"""One event per interaction: merge repeated mentions of the same event within an article."""

from __future__ import annotations

from marsad.model.actors import ActorRef
from marsad.model.events import Event

MODE_RANK = {"phone": 0, "visit": 1, "multilateral": 2, "third-party": 3, "meeting": 4, None: 5}
STATUS_RANK = {"asserted": 0, "planned": 1, "denied": 2, "speculated": 3}
SYMMETRIC = frozenset({"AGREE", "COOPERATE"})


def specific(a: ActorRef | None) -> int:
    if a is None:
        return 0
    return 3 if a.kind == "PER" and a.id else 2 if a.kind in ("PER", "ORG") else 1


def compatible(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None or a.country != b.country:
        return False
    if a.id and b.id and a.kind == "PER" and b.kind == "PER":
        return a.id == b.id
    return True


def same_event(x: Event, y: Event) -> bool:
    if x.type != y.type or (x.date and y.date and x.date != y.date):
        return False
    if "speculated" not in (x.status, y.status) and x.status != y.status:
        return False
    if x.participants or y.participants:
        # A multilateral event: the same when one party set holds the other, unless the
        # bilateral one names its people (a two-leader deal is not the three-country one).
        bilateral = y if x.participants else x
        if not (x.participants and y.participants) and any(specific(a) == 3 for a in (bilateral.source, bilateral.target)):
            return False
        a, b = _parties(x), _parties(y)
        return a <= b or b <= a
    straight = compatible(x.source, y.source) and compatible(x.target, y.target)
    if x.mode == "visit" and y.mode == "visit":
        return straight  # who travels to whom matters
    crossed = compatible(x.source, y.target) and compatible(x.target, y.source)
    return straight or crossed


def _parties(e: Event) -> set[str]:
    return set(e.participants) | {a.country for a in (e.source, e.target) if a is not None and a.country}


def absorb(keep: Event, other: Event) -> None:
    """Fold `other` into `keep`: the more specific actors, mode, date, place and status win."""
    if _crossed(keep, other):
        other_src, other_tgt = other.target, other.source
    else:
        other_src, other_tgt = other.source, other.target
    if not keep.participants:  # a multilateral event keeps its country-level parties
        if specific(other_src) > specific(keep.source):
            keep.source = other_src
        if specific(other_tgt) > specific(keep.target):
            keep.target = other_tgt
    if MODE_RANK.get(other.mode, 5) < MODE_RANK.get(keep.mode, 5):
        keep.mode = other.mode
    keep.date = keep.date or other.date
    keep.location = keep.location or other.location
    keep.attributed_to = keep.attributed_to or other.attributed_to
    if STATUS_RANK[other.status] < STATUS_RANK[keep.status]:
        keep.status = other.status
    keep.participants = sorted(set(keep.participants) | set(other.participants))


def _crossed(x: Event, y: Event) -> bool:
    return not (compatible(x.source, y.source) and compatible(x.target, y.target))


def merge_events(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for e in events:
        for k in out:
            if same_event(k, e):
                absorb(k, e)
                break
        else:
            out.append(e)
    return out
