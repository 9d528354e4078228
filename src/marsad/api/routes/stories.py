"""GET /api/stories and /api/stories/{id}: stories and their cross-outlet comparison."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from marsad.api import schemas, story_data
from marsad.api.deps import PageDep, StoreDep

router = APIRouter(tags=["stories"])


@router.get(
    "/stories",
    response_model=schemas.Page[schemas.StorySummary],
    response_model_exclude_unset=True,
    summary="List stories",
)
def list_stories(store: StoreDep, page: PageDep) -> dict:
    """Stories newest first, with their outlets, number of articles, merged events and how many of
    those two articles or more report (corroboration)."""
    items, total = story_data.stories_page(store, page.limit, page.offset)
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}


@router.get(
    "/stories/{story_id}",
    response_model=schemas.StoryComparison,
    response_model_exclude_unset=True,
    summary="One story across outlets",
    responses={404: {"description": "No such story"}},
)
def get_story(story_id: str, store: StoreDep) -> dict:
    """The story's articles compared: merged events with every outlet's report, the details they disagree
    on (date, status), which outlets omit each event, and who is quoted by which outlet."""
    out = story_data.comparison(store, story_id)
    if out is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return out
