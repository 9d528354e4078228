"""Stories: group documents that report the same event, across outlets (incremental).

A document joins a story when its lead event (the first event it reports) matches the story's
lead event: same PLOVER type, the same actors (same person where both name one, else the same
country) and compatible dates. Two visits of the same minister years apart differ by date or,
when dates are open, by the lead event's people.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from marsad.model.document import Document
from marsad.model.events import Event
from marsad.stages.events.merge import same_event


@dataclass(slots=True)
class StoryState:
    id: str
    lead: Event
    members: list[str] = field(default_factory=list)


def lead_event(doc: Document) -> Event | None:
    asserted = [e for e in doc.events if e.status in ("asserted", "planned")]
    return min(asserted, key=lambda e: e.evidence.start) if asserted else None


def _named(e: Event) -> bool:
    return all(a is not None and a.kind == "PER" and a.id for a in (e.source, e.target))


def assign_stories(docs: list[Document], stories: list[StoryState] | None = None) -> list[StoryState]:
    """Set `doc.story` on every document; returns the stories (pass them back in to continue)."""
    stories = stories if stories is not None else []
    for doc in docs:
        lead = lead_event(doc)
        home = None
        if lead is not None and _named(lead):
            home = next((s for s in stories if same_event(s.lead, lead) and _named(s.lead)), None)
        if home is None:
            sid = "s-" + hashlib.sha256((doc.hash or doc.id).encode()).hexdigest()[:10]
            home = StoryState(sid, lead) if lead is not None else None
            if home is not None:
                stories.append(home)
        if home is None:
            doc.story = "s-" + hashlib.sha256((doc.hash or doc.id).encode()).hexdigest()[:10]
            continue
        home.members.append(doc.id)
        doc.story = home.id
    return stories
