"""Serve the API and dashboard with uvicorn (what `marsad serve` and the end of `marsad demo` call)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from marsad.api.settings import ApiSettings


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_ingest: bool = False,
    echo: Callable[[str], None] = print,
) -> None:
    """Open the store at `db` and serve it until interrupted; prints the dashboard's address first."""
    import uvicorn

    from marsad.api.app import create_app

    if not Path(db).exists():
        echo(f"note: {db} does not exist yet; serving an empty store (add articles: marsad ingest --db {db})")
    app = create_app(ApiSettings(allow_ingest=allow_ingest), db)
    url = address(host, port)
    echo(
        f"marsad dashboard: {url}  (API: {url}api/…, reference: {url}api-docs)"
        f"{'; ingest allowed: POST ' + url + 'api/ingest' if allow_ingest else ''} — Ctrl-C to stop"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
