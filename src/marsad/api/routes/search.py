"""GET /api/search: full-text search with filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api import reads, schemas
from marsad.api.deps import PageDep, StoreDep
from marsad.api.routes.events import DateQ

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=schemas.Page[schemas.SearchHit],
    response_model_exclude_unset=True,
    summary="Full-text search",
)
def search(
    store: StoreDep,
    page: PageDep,
    q: Annotated[
        str, Query(min_length=1, description="Words to find; alef, hamza, ya and diacritic variants match.")
    ],
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    since: DateQ = None,
    until: DateQ = None,
) -> dict:
    """Articles containing every word of `q`, best first; `since`/`until` bound the publication date."""
    rows, total = reads.search_page(
        store, q, page.limit, page.offset, outlet=outlet, since=since, until=until
    )
    return {"items": rows, "total": total, "limit": page.limit, "offset": page.offset}
