"""POST /api/ingest: analyse and store articles sent in the request body (off unless enabled)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from marsad.api import ingest_data, schemas
from marsad.api.deps import get_pool, get_settings
from marsad.errors import InputError

router = APIRouter(tags=["ingest"])
BODY = {
    "content": {
        "text/plain": {
            "schema": {"type": "string"},
            "example": "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني",
        },
        "text/html": {"schema": {"type": "string"}},
        "application/x-ndjson": {
            "schema": {"type": "string"},
            "example": '{"id": "a1", "text": "…", "outlet": "…", "published": "2025-10-21"}',
        },
    }
}


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/ingest",
    response_model=schemas.IngestResult,
    response_model_exclude_unset=True,
    summary="Analyse and store articles",
    openapi_extra={"requestBody": BODY},
    responses={
        403: {"description": "Ingest is disabled"},
        413: {"description": "Body too large"},
        422: {"description": "Nothing to analyse"},
    },
)
async def ingest(
    request: Request,
    format: Annotated[
        Literal["txt", "html", "jsonl"] | None,  # noqa: A002
        Query(description="Body format; default from Content-Type, else guessed."),
    ] = None,
    id: Annotated[str | None, Query(description="Id of a single text or HTML article.")] = None,  # noqa: A002
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
) -> dict:
    """Body: one article as plain text or HTML, or JSONL records `{"id", "text" or "html", "url",
    "outlet", "published", "title"}`. Each article is analysed, joins a stored story when it reports the
    same event, and is stored (re-sending an article replaces it). Off unless the server allows ingest."""
    settings = get_settings(request)
    if not settings.allow_ingest:
        raise HTTPException(403, "ingest is disabled; start the server with --allow-ingest")
    body = await read_limited(request, settings.max_ingest_bytes)
    if not body.strip():
        raise HTTPException(422, "empty body")
    errors: list[str] = []
    try:
        text_head = body[:4000].decode("utf-8", "ignore")
        fmt = ingest_data.body_format(request.headers.get("content-type"), text_head, format)
        meta = {"id": id, "title": title, "outlet": outlet, "url": url, "published": published}
        raw = ingest_data.documents(body, fmt, meta, settings.max_ingest_bytes, errors)
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    if not raw:
        raise HTTPException(422, {"message": "no article to analyse", "errors": errors})
    return await run_in_threadpool(ingest_data.ingest, get_pool(request), raw, errors)
