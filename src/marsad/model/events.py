"""PLOVER events and quotes, each tied to its evidence span."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model.actors import ActorRef
from marsad.model.document import Span


@dataclass(slots=True)
class Place:
    name_en: str
    country: str | None
    name_ar: str | None = None


@dataclass(slots=True)
class Event:
    """One interaction: PLOVER type and mode, who to whom, when, where, how sure, per whom.

    status: asserted | planned | denied | speculated. `participants` lists ISO3 codes when
    three or more parties take part. `trigger` is the span of the word that fired the rule.
    """

    type: str
    source: ActorRef | None
    target: ActorRef | None
    evidence: Span
    mode: str | None = None
    date: str | None = None
    location: Place | None = None
    status: str = "asserted"
    attributed_to: str | None = None
    participants: list[str] = field(default_factory=list)
    trigger: Span | None = None
    rule: str | None = None


@dataclass(slots=True)
class Quote:
    """Direct or reported speech with its cue word and resolved speaker."""

    span: Span
    text: str
    cue: str | None
    speaker: ActorRef | None
    kind: str = "direct"
