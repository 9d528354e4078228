"""Wire models of the REST API. Documents and events keep the shape of the CLI contract
(`marsad analyze --format jsonl`, docs/architecture.md); lists are pages."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Actor(BaseModel):
    """A person, organisation, place or country as the contract writes it."""

    model_config = ConfigDict(extra="allow")
    id: str | None = Field(None, examples=["p:sergey-lavrov"])
    name_en: str | None = Field(None, examples=["Sergey Lavrov"])
    country: str | None = Field(None, examples=["RUS"])
    role_en: str | None = None
    kind: str | None = None
    sector: str | None = None
    name_ar: str | None = None
    inferred: bool | None = None


class Evidence(BaseModel):
    start: int
    end: int
    text: str


class Entity(BaseModel):
    start: int
    end: int
    text: str
    label: str
    actor: Actor | None = None


class TimexOut(BaseModel):
    start: int
    end: int
    text: str
    value: str | None = None
    kind: str | None = None
    flags: list[str] = []


class Location(BaseModel):
    name_en: str | None = None
    country: str | None = None


class Event(BaseModel):
    type: str = Field(examples=["CONSULT"])
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    participants: list[str] | None = None
    date: str | None = Field(
        None, description="ISO date at its granularity; '--MM-DD' when the year is open."
    )
    location: Location | None = None
    status: str = Field(examples=["asserted"])
    attributed_to: str | None = None
    evidence: Evidence


class QuoteOut(BaseModel):
    start: int
    end: int
    text: str
    cue: str | None = None
    speaker: Actor | None = None


class Document(BaseModel):
    """One stored article: the contract object of `marsad analyze`."""

    id: str
    source: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    hash: str
    text: str
    entities: list[Entity] = []
    timex: list[TimexOut] = []
    events: list[Event] = []
    quotes: list[QuoteOut] = []
    story: str | None = None
    duplicate_of: str | None = Field(None, description="The first copy, when this article reposts another's text.")
    warnings: list[str] = []


class DocRef(BaseModel):
    id: str
    hash: str
    outlet: str | None = None
    published: str | None = None
    story: str | None = None
    title: str | None = None


class EventRow(Event):
    """A stored event with the document it comes from."""

    document: DocRef


class QuoteRow(QuoteOut):
    document: DocRef


class DocumentSummary(BaseModel):
    id: str
    hash: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    story: str | None = None
    events: int = 0
    quotes: int = 0


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching the query, over all pages.")
    limit: int
    offset: int


class StorySummary(BaseModel):
    id: str
    title: str | None = None
    articles: int
    outlets: int
    outlet_names: list[str] = []
    first_published: str | None = None
    last_published: str | None = None
    events: int = Field(0, description="Merged events across the story's articles.")
    corroborated: int = Field(0, description="Merged events reported by two articles or more.")


class Report(BaseModel):
    """One article's version of a merged story event."""

    doc_id: str
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    status: str
    evidence: str
    anchor: str | None = Field(None, description="Fragment of the evidence span on the article page.")


class Disagreement(BaseModel):
    outlet: str
    value: str | None = None


class StoryEvent(BaseModel):
    event: Event
    outlets: list[str]
    reports: list[Report]
    conflicts: dict[str, list[Disagreement]] = {}
    omitted_by: list[str] = []


class StoryQuote(BaseModel):
    """The quotes of one speaker across the story's articles."""

    speaker: Actor | None = None
    outlets: list[str]
    quotes: list[QuoteRow]
    omitted_by: list[str] = []


class StoryComparison(BaseModel):
    id: str
    title: str | None = None
    documents: list[DocumentSummary]
    outlets: list[str]
    events: list[StoryEvent]
    quotes: list[StoryQuote]


class SeriesMonth(BaseModel):
    month: str = Field(examples=["2018-03"])
    types: dict[str, int]
    events: int
    score: int = Field(description="Cooperation–conflict: +1/+2 verbal/material cooperation, −1/−2 conflict.")


class DyadSeries(BaseModel):
    a: str
    b: str
    months: list[SeriesMonth]
    events: int
    score: int


class Dyad(BaseModel):
    a: str
    b: str
    n: int
    cooperation: int
    conflict: int


class SearchHit(BaseModel):
    id: str
    hash: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    story: str | None = None
    snippet: str = Field(description="Matching passage; matched words between [ and ].")


class Role(BaseModel):
    key: str
    title_en: str
    country: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None
    interim: bool = False


class ReportedRole(BaseModel):
    """A role the stored articles give the actor, with the first and last publication dates."""

    role_en: str
    first: str | None = None
    last: str | None = None
    mentions: int


class ActorSummary(BaseModel):
    id: str
    name_en: str
    names_ar: list[str] = []
    kind: str = Field(examples=["PER"])
    country: str | None = None
    mentions: int = Field(0, description="Mentions in the stored articles.")


class ActorDetail(ActorSummary):
    roles: list[Role] = []
    reported_roles: list[ReportedRole] = []
    events: Page[EventRow]
    quotes: Page[QuoteRow]


class Edge(BaseModel):
    source: Actor
    target: Actor
    n: int


class IngestError(BaseModel):
    message: str


class IngestResult(BaseModel):
    received: int
    stored: int
    new: int
    skipped: int
    errors: list[IngestError] = []
    documents: list[DocumentSummary] = []
