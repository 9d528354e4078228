"""The application factory: REST API under /api, the dashboard at /, static files at /static.

Nothing happens at import: `create_app(ApiSettings(), "marsad.db")` opens the store (applying
pending migrations) and returns the app. Documentation: /api/openapi.json and /api-docs (a page
rendered from it; the usual Swagger page is off because it loads scripts from the network).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.api.deps import StorePool
from marsad.api.routes import actors, documents, events, ingest, search, stories, timelines
from marsad.api.settings import ApiSettings

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
    " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
DESCRIPTION = """Arabic news as structured, source-linked event data: stored articles in the shape of
the `marsad analyze` contract, PLOVER events with their evidence sentences, actors with dated roles,
stories compared across outlets, timelines and country-pair series. Read-only unless the server was
started with ingest allowed. Every list takes `limit` and `offset` and answers
`{"items", "total", "limit", "offset"}`."""


class SecurityHeaders:
    """Adds a strict Content-Security-Policy (no inline script, nothing from other origins) and
    related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _version() -> str:
    try:
        return version("marsad")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def create_app(settings: ApiSettings, store_path: str) -> FastAPI:
    """A FastAPI app serving the store at `store_path`."""
    pool = StorePool(store_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="marsad",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = pool
    api = APIRouter(prefix="/api")
    for module in (documents, events, actors, stories, timelines, search, ingest):
        api.include_router(module.router)
    app.include_router(api)

    from marsad.web.pages import mount_dashboard

    mount_dashboard(app)
    app.add_middleware(SecurityHeaders)
    return app
