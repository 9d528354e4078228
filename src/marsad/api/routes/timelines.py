"""GET /api/timeline, /api/dyads and /api/dyads/{a}/{b}/series."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from marsad.api import reads, schemas, shape
from marsad.api.deps import PageDep, StoreDep
from marsad.api.routes.events import ActorQ, DyadQ, parse_dyad
from marsad.store.queries import EventFilter

router = APIRouter(tags=["timelines"])
Iso3 = Annotated[str, Path(pattern=r"^[A-Za-z]{3}$", description="ISO3 country code.")]


@router.get(
    "/timeline",
    response_model=schemas.Page[schemas.EventRow],
    response_model_exclude_unset=True,
    summary="Timeline of an actor or a pair",
)
def get_timeline(store: StoreDep, page: PageDep, actor: ActorQ = None, dyad: DyadQ = None) -> dict:
    """Events of an actor or of a country pair in date order. Dates whose year the text leaves open
    ("--10-21") come first in month-and-day order, undated events last."""
    if not actor and not dyad:
        raise HTTPException(422, "give actor or dyad")
    f = EventFilter(actor=actor, dyad=parse_dyad(dyad), limit=page.limit, offset=page.offset)
    rows, total = reads.timeline_page(store, f)
    return shape.page([shape.event(r) for r in rows], total, page.limit, page.offset)


@router.get(
    "/dyads",
    response_model=schemas.Page[schemas.Dyad],
    response_model_exclude_unset=True,
    summary="Country pairs by number of events",
)
def list_dyads(store: StoreDep, page: PageDep) -> dict:
    """Pairs of two different countries, busiest first, with their cooperation and conflict events."""
    rows, total = reads.dyads_page(store, page.limit, page.offset)
    return shape.page(rows, total, page.limit, page.offset)


@router.get(
    "/dyads/{a}/{b}/series",
    response_model=schemas.DyadSeries,
    response_model_exclude_unset=True,
    summary="Monthly series of a country pair",
)
def dyad_series(a: Iso3, b: Iso3, store: StoreDep) -> dict:
    """Events per month and PLOVER type between two countries, and the monthly cooperation–conflict
    score (+1 verbal, +2 material cooperation; −1 verbal, −2 material conflict). Months come from the
    event's date, else the article's publication date; open-year dates are left out."""
    months = reads.series(store, a, b)
    return {
        "a": a.upper(),
        "b": b.upper(),
        "months": months,
        "events": sum(m["events"] for m in months),
        "score": sum(m["score"] for m in months),
    }
