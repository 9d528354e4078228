"""Stories: documents reporting the same event, across outlets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Story:
    id: str
    document_ids: list[str] = field(default_factory=list)
    title: str | None = None
    first_published: str | None = None
    outlets: list[str] = field(default_factory=list)
