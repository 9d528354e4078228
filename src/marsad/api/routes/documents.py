"""GET /api/documents and /api/documents/{id}: stored articles in the contract's shape."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from marsad.api import reads, schemas
from marsad.api.deps import PageDep, StoreDep

router = APIRouter(tags=["documents"])


@router.get(
    "/documents",
    response_model=schemas.Page[schemas.DocumentSummary],
    response_model_exclude_unset=True,
    summary="List stored articles",
)
def list_documents(
    store: StoreDep,
    page: PageDep,
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    story: Annotated[str | None, Query(description="Only this story.")] = None,
) -> dict:
    """Stored articles, newest first, with their numbers of events and quotes."""
    rows, total = reads.documents_page(store, page.limit, page.offset, outlet=outlet, story=story)
    return {"items": rows, "total": total, "limit": page.limit, "offset": page.offset}


@router.get(
    "/documents/{doc_id:path}",
    response_model=schemas.Document,
    response_model_exclude_unset=True,
    summary="One stored article",
    responses={404: {"description": "No such document"}},
)
def get_document(doc_id: str, store: StoreDep) -> dict:
    """The full analysis of one article (by id or content hash), exactly as `marsad show --json` prints it."""
    data = store.get(doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return data
