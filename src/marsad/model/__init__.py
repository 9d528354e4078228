"""The one data model every stage reads and writes (stdlib only, no I/O)."""

from marsad.model.actors import ActorRef, Mention
from marsad.model.document import Document, Span
from marsad.model.events import Event, Quote
from marsad.model.story import Story
from marsad.model.timex import Timex

__all__ = ["ActorRef", "Document", "Event", "Mention", "Quote", "Span", "Story", "Timex"]
