"""The dashboard's template environment: Jinja2 with autoescaping always on, and the helpers the
templates call (glosses, paging links, search snippets)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from marsad.api.shape import anchor
from marsad.kb import load_kb
from marsad.web import gloss

SNIP = ("\x02", "\x03")  # match markers in FTS snippets, never present in article text


def snippet(s: str | None) -> Markup:
    """An FTS snippet with its matches in <mark>: the text is escaped first, then the markers replaced."""
    text = str(escape(s or "")).replace(SNIP[0], "<mark>").replace(SNIP[1], "</mark>")
    return Markup(text)


def page_url(request: Request, **params: Any) -> str:
    """The current page's path and query with `params` replaced (None removes one)."""
    q = dict(request.query_params)
    for k, v in params.items():
        if v is None:
            q.pop(k, None)
        else:
            q[k] = str(v)
    return request.url.path + ("?" + urlencode(q) if q else "")


def pager(request: Request, total: int, limit: int, offset: int) -> dict[str, Any]:
    """What the pager macro shows: the range, and links to the previous and next pages."""
    return {
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "total": total,
        "prev": page_url(request, offset=max(0, offset - limit)) if offset > 0 else None,
        "next": page_url(request, offset=offset + limit) if offset + limit < total else None,
    }


def doc_url(doc_id: str, frag: str | None = None) -> str:
    return f"/documents/{quote(doc_id, safe='')}" + (f"#{frag}" if frag else "")


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("marsad.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    kb = load_kb()
    env.globals.update(
        actor=lambda a: gloss.actor_gloss(kb, a),
        country=lambda c: gloss.country_gloss(kb, c),
        etype=gloss.type_gloss,
        status=gloss.status_gloss,
        label=gloss.label_gloss,
        types=sorted(gloss.TYPES_AR),
        statuses=list(gloss.STATUS_AR),
        anchor=anchor,
        doc_url=doc_url,
        story_url=story_url,
        snippet=snippet,
        page_url=page_url,
        types_ar=gloss.TYPES_AR,
        actor_url=gloss.actor_href,
    )
    return Jinja2Templates(env=env)


def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """A page from the app's templates (`mount_dashboard` puts them on `app.state`)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, ctx, status_code=status)
