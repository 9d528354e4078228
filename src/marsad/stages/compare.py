"""Across a story: merged canonical events, how many outlets report each, the earliest report,
conflicting details side by side, and which outlet reports or omits which event and quote."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model.document import Document
from marsad.model.events import Event
from marsad.stages.events.merge import absorb, same_event


@dataclass(slots=True)
class Report:
    """One article's version of a merged event."""

    doc_id: str
    outlet: str | None
    published: str | None
    date: str | None
    status: str
    evidence: str
    copy_of: str | None = None  # the first copy when this article reposts another's text


@dataclass(slots=True)
class StoryEvent:
    event: Event
    reports: list[Report] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet or r.doc_id for r in self.reports})

    @property
    def sources(self) -> int:
        """Independent reports: copies of one agency text count once."""
        return len({r.copy_of or r.doc_id for r in self.reports})

    @property
    def first_report(self) -> Report:
        return min(self.reports, key=lambda r: (r.published or "9999", r.doc_id))

    @property
    def conflicts(self) -> dict[str, list[tuple[str, str | None]]]:
        """Details the reports disagree on (date, status), each with who says what."""
        out = {}
        for attr in ("date", "status"):
            values = {getattr(r, attr) for r in self.reports}
            if len(values) > 1:
                out[attr] = [(r.outlet or r.doc_id, getattr(r, attr)) for r in self.reports]
        return out


@dataclass(slots=True)
class Comparison:
    story: str | None
    documents: list[Document]
    events: list[StoryEvent]

    def omitted_by(self, se: StoryEvent) -> list[str]:
        have = {r.doc_id for r in se.reports}
        return [d.outlet or d.id for d in self.documents if d.id not in have]


def compare(docs: list[Document]) -> Comparison:
    """Merge the events of the story's documents and record every report of each."""
    merged: list[StoryEvent] = []
    for doc in sorted(docs, key=lambda d: (d.published or "9999", d.id)):
        for e in doc.events:
            rep = Report(doc.id, doc.outlet, doc.published, e.date, e.status, doc.text[e.evidence.start : e.evidence.end],
                         doc.meta.get("duplicate_of"))
            home = next((se for se in merged if same_event(se.event, e) or _same_but_details(se.event, e)), None)
            if home is None:
                home = StoryEvent(_copy(e))
                merged.append(home)
            else:
                absorb(home.event, e)
            home.reports.append(rep)
    for se in merged:
        se.event.date = story_date(se)
    merged.sort(key=lambda se: (-len(se.outlets), se.first_report.published or "9999"))
    return Comparison(docs[0].story if docs else None, docs, merged)


def _same_but_details(a: Event, b: Event) -> bool:
    """Outlets may differ on the date of the same event: compare without it."""
    from dataclasses import replace

    return same_event(replace(a, date=None), replace(b, date=None))


def _copy(e: Event) -> Event:
    from dataclasses import replace

    return replace(e, participants=list(e.participants))


def story_date(se: StoryEvent) -> str | None:
    """The most precise date the reports allow: when one report gives the year ("2025-10-21"),
    it wins over another's partial "--10-21"; otherwise the year stays open."""
    dates = [r.date for r in se.reports if r.date]
    full = sorted((d for d in dates if not d.startswith("--")), key=len, reverse=True)
    if full:
        return full[0]
    partial = sorted(dates, key=len, reverse=True)
    return partial[0] if partial else None
