"""The API under test: an app over a store of the examples and a hostile article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API needs the api extra (pip install 'marsad[api]')")

from tests.api.fixtures import build_store  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    # Starlette asks for `httpx2` in its test client; httpx is what the project installs.
    config.addinivalue_line("filterwarnings", "ignore:.*httpx2.*")


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, seed_docs) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "api.db", seed_docs)


@pytest.fixture(scope="session")
def client(api_db: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from marsad.api import ApiSettings, create_app

    with TestClient(create_app(ApiSettings(), str(api_db))) as c:
        yield c


@pytest.fixture
def ingest_client(tmp_path: Path, seed_docs) -> Iterator:
    """A fresh store with ingest allowed and a 20 kB body limit."""
    from fastapi.testclient import TestClient

    from marsad.api import ApiSettings, create_app

    db = build_store(tmp_path / "ingest.db", seed_docs)
    with TestClient(create_app(ApiSettings(allow_ingest=True, max_ingest_bytes=20_000), str(db))) as c:
        yield c


@pytest.fixture(scope="session")
def store(api_db: Path) -> Iterator:
    from marsad.store import Store

    with Store(api_db) as s:
        yield s
