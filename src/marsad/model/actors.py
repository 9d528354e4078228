"""Entity mentions and the actors they link to."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model.document import Span


@dataclass(slots=True)
class ActorRef:
    """What a mention or event argument points at: a person, organisation, place or country.

    `id` is a knowledge-base id (``p:sergey-lavrov``, ``org:nato``, ``c:RUS``) or None for an
    actor known only by its title and country. `inferred` marks an office holder deduced from a
    title and the article's date rather than named in the text.
    """

    id: str | None
    name_en: str
    country: str | None
    kind: str = "PER"
    role_en: str | None = None
    sector: str | None = None
    name_ar: str | None = None
    inferred: bool = False

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "name_en": self.name_en,
            "country": self.country,
            "role_en": self.role_en,
        }
        if self.kind:
            out["kind"] = self.kind
        if self.sector:
            out["sector"] = self.sector
        if self.name_ar:
            out["name_ar"] = self.name_ar
        if self.inferred:
            out["inferred"] = True
        return out


@dataclass(slots=True)
class Mention:
    """A recognised entity span. label: PER, ORG, LOC (place), GPE (country), TITLE."""

    span: Span
    text: str
    label: str
    actor: ActorRef | None = None
    source: str = "gazetteer"
