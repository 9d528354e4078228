"""GET /api/events: stored events with filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from marsad.api import reads, schemas, shape
from marsad.api.deps import PageDep, StoreDep
from marsad.store.queries import EventFilter

router = APIRouter(tags=["events"])

STATUSES = ("asserted", "planned", "denied", "speculated")
ActorQ = Annotated[
    str | None, Query(description="Actor id (p:sergey-lavrov, c:RUS) or part of a name, Arabic or English.")
]
DyadQ = Annotated[
    str | None,
    Query(description="Two ISO3 codes, either order: RUS,IRN.", pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$"),
]
DateQ = Annotated[
    str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD.", pattern=r"^\d{4}(-\d{2}){0,2}$")
]


def parse_dyad(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    a, b = dyad.upper().split(",")
    return a, b


def event_filter(
    actor: str | None,
    dyad: str | None,
    etype: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    limit: int,
    offset: int,
) -> EventFilter:
    if status and status not in STATUSES:
        raise HTTPException(422, f"status must be one of {', '.join(STATUSES)}")
    return EventFilter(
        actor=actor or None,
        dyad=parse_dyad(dyad),
        type=etype or None,
        status=status or None,
        since=since or None,
        until=until or None,
        outlet=outlet or None,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/events",
    response_model=schemas.Page[schemas.EventRow],
    response_model_exclude_unset=True,
    summary="List events with filters",
)
def list_events(
    store: StoreDep,
    page: PageDep,
    actor: ActorQ = None,
    dyad: DyadQ = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,  # noqa: A002
    status: Annotated[str | None, Query(description="asserted, planned, denied or speculated.")] = None,
    since: DateQ = None,
    until: DateQ = None,
    outlet: Annotated[str | None, Query(description="Only events reported by this outlet.")] = None,
) -> dict:
    """Events newest first (by their date, else the article's publication date), each with its evidence
    sentence and the article it comes from. Date filters keep events whose own date is known."""
    f = event_filter(actor, dyad, type, status, since, until, outlet, page.limit, page.offset)
    rows, total = reads.events_page(store, f)
    return shape.page([shape.event(r) for r in rows], total, page.limit, page.offset)
