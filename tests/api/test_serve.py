from __future__ import annotations

from pathlib import Path

import pytest


def test_serve_prints_the_address_and_runs_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from fastapi import FastAPI

    from marsad.api.serve import address, serve

    ran: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(app=app, **kw))
    lines: list[str] = []
    serve(str(tmp_path / "s.db"), "127.0.0.1", 8123, allow_ingest=True, echo=lines.append)
    assert isinstance(ran["app"], FastAPI) and ran["host"] == "127.0.0.1" and ran["port"] == 8123
    assert ran["app"].state.settings.allow_ingest is True
    assert "does not exist" in lines[0] and "http://127.0.0.1:8123/" in lines[1] and "api/ingest" in lines[1]
    assert address("::1", 80) == "http://[::1]:80/"
