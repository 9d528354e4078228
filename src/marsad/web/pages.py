"""Dashboard pages (Arabic, right to left), served by the API's app from the same store."""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from marsad.api import actor_data, reads, shape, story_data
from marsad.api.deps import KbDep, PageDep, StoreDep
from marsad.api.routes.events import STATUSES
from marsad.store.queries import EventFilter
from marsad.web import charts
from marsad.web.gloss import actor_gloss
from marsad.web.highlight import article_html
from marsad.web.render import SNIP, make_templates, pager, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Opt = Annotated[str | None, Query()]
DYAD = r"[A-Za-z]{3},[A-Za-z]{3}"
DATE = r"\d{4}(-\d{2}){0,2}"


def _clean(value: str | None, pattern: str | None = None) -> str | None:
    """An optional form field: empty means absent; a value not matching `pattern` is dropped."""
    value = (value or "").strip() or None
    return value if value is None or pattern is None or re.fullmatch(pattern, value) else None


def _pair(dyad: str | None) -> tuple[str, str] | None:
    d = _clean(dyad, DYAD)
    if d is None:
        return None
    a, b = d.upper().split(",")
    return a, b


def not_found(request: Request, what: str) -> HTMLResponse:
    return render(request, "error.html", 404, message=what)


@router.get("/")
def stories_page(request: Request, store: StoreDep, page: PageDep) -> HTMLResponse:
    items, total = story_data.stories_page(store, page.limit, page.offset)
    return render(
        request, "stories.html", stories=items, pager=pager(request, total, page.limit, page.offset)
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
    cmp = story_data.comparison(store, story_id)
    if cmp is None:
        return not_found(request, f"لا توجد قصة {story_id}")
    for ev in cmp["events"]:
        ev["by_doc"] = {rep["doc_id"]: rep for rep in ev["reports"]}
        ev["dated"] = "date" in ev["conflicts"]
    for q in cmp["quotes"]:
        q["by_doc"] = {}
        for item in q["quotes"]:
            q["by_doc"].setdefault(item["document"]["id"], []).append(item)
    return render(request, "story.html", story=cmp)


@router.get("/documents")
def documents_page(request: Request, store: StoreDep, page: PageDep, outlet: Opt = None) -> HTMLResponse:
    rows, total = reads.documents_page(store, page.limit, page.offset, outlet=_clean(outlet))
    return render(
        request,
        "documents.html",
        docs=rows,
        outlets=reads.outlets(store),
        outlet=outlet,
        pager=pager(request, total, page.limit, page.offset),
    )


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, store: StoreDep, kb: KbDep) -> HTMLResponse:
    data = store.get(doc_id)
    if data is None:
        return not_found(request, f"لا توجد مقالة {doc_id}")
    actors: dict[str, dict[str, Any]] = {}
    for m in data["entities"]:
        a = m.get("actor") or {}
        entry = actors.setdefault(
            a.get("id") or m["text"], {"actor": a or None, "label": m["label"], "texts": set(), "n": 0}
        )
        entry["texts"].add(m["text"])
        entry["n"] += 1
    return render(
        request,
        "document.html",
        doc=data,
        body=article_html(kb, data),
        actors=sorted(actors.values(), key=lambda e: -e["n"]),
    )


@router.get("/events")
def events_page(
    request: Request,
    store: StoreDep,
    page: PageDep,
    actor: Opt = None,
    dyad: Opt = None,
    type: Opt = None,
    status: Opt = None,
    since: Opt = None,
    until: Opt = None,  # noqa: A002
    outlet: Opt = None,
) -> HTMLResponse:
    f = EventFilter(
        actor=_clean(actor),
        dyad=_pair(dyad),
        type=_clean(type),
        status=status if status in STATUSES else None,
        since=_clean(since, DATE),
        until=_clean(until, DATE),
        outlet=_clean(outlet),
        limit=page.limit,
        offset=page.offset,
    )
    rows, total = reads.events_page(store, f)
    return render(
        request,
        "events.html",
        events=[shape.event(x) for x in rows],
        f=f,
        outlets=reads.outlets(store),
        pager=pager(request, total, page.limit, page.offset),
    )


@router.get("/timeline")
def timeline_page(
    request: Request, store: StoreDep, page: PageDep, actor: Opt = None, dyad: Opt = None
) -> HTMLResponse:
    a, pair = _clean(actor), _pair(dyad)
    ctx: dict[str, Any] = {
        "actor_q": a,
        "dyad_q": ",".join(pair) if pair else None,
        "chart": None,
        "series": None,
    }
    if not a and not pair:
        rows, _ = reads.dyads_page(store, 30, 0)
        return render(request, "timeline.html", dyads=rows, events=[], pager=None, **ctx)
    rows, total = reads.timeline_page(
        store, EventFilter(actor=a, dyad=pair, limit=page.limit, offset=page.offset)
    )
    if pair:
        months = reads.series(store, *pair)
        ctx["series"] = {
            "months": months,
            "events": sum(m["events"] for m in months),
            "score": sum(m["score"] for m in months),
        }
        ctx["chart"] = charts.series_svg(months, f"{pair[0]}–{pair[1]} events per month")
    return render(
        request,
        "timeline.html",
        dyads=[],
        events=[shape.event(x) for x in rows],
        pager=pager(request, total, page.limit, page.offset),
        **ctx,
    )


@router.get("/actors")
def actors_page(
    request: Request, store: StoreDep, kb: KbDep, page: PageDep, name: Opt = None
) -> HTMLResponse:
    q = _clean(name)
    items, total = actor_data.find(kb, store, q, page.limit, page.offset) if q else ([], 0)
    return render(
        request, "actors.html", name=q, actors=items, pager=pager(request, total, page.limit, page.offset)
    )


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, store: StoreDep, kb: KbDep, page: PageDep) -> HTMLResponse:
    info = actor_data.detail(kb, store, actor_id, page.limit, page.offset)
    if info is None:
        return not_found(request, f"لا يوجد فاعل {actor_id}")
    met, _ = actor_data.graph(store, None, None, False, 15, 0, actor_id)
    n = max(info["events"]["total"], info["quotes"]["total"])
    return render(request, "actor.html", a=info, met=met, pager=pager(request, n, page.limit, page.offset))


@router.get("/graph")
def graph_page(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    type: Opt = "CONSULT",  # noqa: A002
    country: Opt = None,
    actor: Opt = None,
    people: Opt = "1",
) -> HTMLResponse:
    etype, c, who = _clean(type), _clean(country, r"[A-Za-z]{3}"), _clean(actor)
    edges, total = actor_data.graph(store, etype, c, people == "1", 40, 0, who)
    svg = charts.graph_svg(edges, lambda a: actor_gloss(kb, a))
    return render(
        request,
        "graph.html",
        edges=edges,
        total=total,
        svg=svg,
        etype=etype,
        country_q=c,
        actor_q=who,
        people=people == "1",
    )


@router.get("/search")
def search_page(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    page: PageDep,
    q: Opt = None,
    outlet: Opt = None,
    since: Opt = None,
    until: Opt = None,
) -> HTMLResponse:
    query = _clean(q)
    hits, total = ([], 0)
    if query:
        hits, total = reads.search_page(
            store,
            query,
            page.limit,
            page.offset,
            outlet=_clean(outlet),
            since=_clean(since, DATE),
            until=_clean(until, DATE),
            marks=SNIP,
        )
    found, _ = actor_data.find(kb, store, query, 8, 0) if query and page.offset == 0 else ([], 0)
    return render(
        request,
        "search.html",
        q=query,
        hits=hits,
        total=total,
        actors=found,
        outlets=reads.outlets(store),
        outlet=outlet,
        since=since,
        until=until,
        pager=pager(request, total, page.limit, page.offset),
    )


@router.get("/api-docs")
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "api.html", spec=request.app.openapi())


def mount_dashboard(app: FastAPI) -> None:
    """Add the pages and their static files (vendored: nothing is fetched from elsewhere)."""
    app.state.templates = make_templates()
    app.include_router(router)
    static = resources.files("marsad.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
