"""Documents and character-offset spans into their clean text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.model.actors import Mention
    from marsad.model.events import Event, Quote
    from marsad.model.timex import Timex


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into `Document.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Document:
    """An article: its raw input, clean text, metadata and the slots later stages fill.

    `id` is the caller's id (JSONL `id`, a file's stem) or the content hash; `hash` is always
    the SHA-256 prefix of the clean text, used by the store to keep one copy per article.
    """

    id: str
    text: str = ""
    raw: str = ""
    source: str | None = None
    format: str = "txt"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    hash: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    timex: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    story: str | None = None
    done: set[str] = field(default_factory=set)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_of(self, pos: int) -> Span | None:
        """The sentence holding character `pos`, if sentences were split."""
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None
