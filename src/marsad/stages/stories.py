"""Stories: group documents that report the same event, across outlets (incremental).

Each document has a lead event: the first event it reports with a named person on at least
one side. A document joins a story when the leads match both ways: its lead is among the
events of a member, and that member's lead is among its own events (same PLOVER type,
compatible actors, compatible dates; see events.merge.same_event). Articles whose publication
dates are both known must also be within a week of each other, so two visits of the same
minister to the same capital years apart stay two stories.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from marsad.model.document import Document
from marsad.model.events import Event
from marsad.stages.events.merge import same_event

MAX_DAYS = 7


@dataclass(slots=True)
class StoryState:
    id: str
    members: list[Document] = field(default_factory=list)


def lead_event(doc: Document) -> Event | None:
    named = [e for e in doc.events if e.status in ("asserted", "planned") and _named(e)]
    return min(named, key=lambda e: e.evidence.start) if named else None


def _named(e: Event) -> bool:
    return any(a is not None and a.kind == "PER" and a.id for a in (e.source, e.target))


def _reports(doc: Document, ev: Event) -> bool:
    return any(same_event(e, ev) for e in doc.events)


def _close(a: Document, b: Document) -> bool:
    if not (a.published and b.published):
        return True
    return abs((date.fromisoformat(a.published[:10]) - date.fromisoformat(b.published[:10])).days) <= MAX_DAYS


def same_story(a: Document, b: Document) -> bool:
    la, lb = lead_event(a), lead_event(b)
    return la is not None and lb is not None and _reports(b, la) and _reports(a, lb) and _close(a, b)


def assign_stories(docs: list[Document], stories: list[StoryState] | None = None) -> list[StoryState]:
    """Set `doc.story` on every document; returns the stories (pass them back in to continue)."""
    stories = stories if stories is not None else []
    for doc in docs:
        home = next((s for s in stories if any(same_story(doc, m) for m in s.members)), None)
        if home is None:
            home = StoryState("s-" + hashlib.sha256((doc.hash or doc.id).encode()).hexdigest()[:10])
            stories.append(home)
        home.members.append(doc)
        doc.story = home.id
    return stories
