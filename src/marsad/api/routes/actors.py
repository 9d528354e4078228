"""GET /api/actors, /api/actors/{id} and /api/graph: actors, their roles, events and quotes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from marsad.api import actor_data, schemas
from marsad.api.deps import KbDep, PageDep, StoreDep

router = APIRouter(tags=["actors"])


@router.get(
    "/actors",
    response_model=schemas.Page[schemas.ActorSummary],
    response_model_exclude_unset=True,
    summary="Find actors by name",
)
def find_actors(
    store: StoreDep,
    kb: KbDep,
    page: PageDep,
    name: Annotated[str, Query(min_length=1, description="Arabic or English name, or part of one.")],
) -> dict:
    """People, countries and organisations of the knowledge base whose name contains `name`
    (Arabic spelling variants match), with their number of mentions in the store."""
    items, total = actor_data.find(kb, store, name, page.limit, page.offset)
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}


@router.get(
    "/actors/{actor_id}",
    response_model=schemas.ActorDetail,
    response_model_exclude_unset=True,
    summary="One actor",
    responses={404: {"description": "No such actor"}},
)
def get_actor(actor_id: str, store: StoreDep, kb: KbDep, page: PageDep) -> dict:
    """Roles over time (from the knowledge base, and as the stored articles report them), the actor's
    events and quotes (paged together by `limit`/`offset`)."""
    out = actor_data.detail(kb, store, actor_id, page.limit, page.offset)
    if out is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return out


@router.get(
    "/graph",
    response_model=schemas.Page[schemas.Edge],
    response_model_exclude_unset=True,
    summary="Who meets whom",
)
def actor_graph(
    store: StoreDep,
    page: PageDep,
    type: Annotated[str, Query(description="PLOVER type linking two actors.")] = "CONSULT",  # noqa: A002
    country: Annotated[
        str | None, Query(description="Only links with an actor of this ISO3 country.")
    ] = None,
    people: Annotated[bool, Query(description="Only people (not countries or organisations).")] = True,
    actor: Annotated[str | None, Query(description="Only links of this actor id.")] = None,
) -> dict:
    """Pairs of actors and how many events of `type` link them (either direction), most frequent first."""
    edges, total = actor_data.graph(store, type, country, people, page.limit, page.offset, actor)
    return {"items": edges, "total": total, "limit": page.limit, "offset": page.offset}
