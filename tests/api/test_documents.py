from __future__ import annotations

from urllib.parse import quote

from tests.api.fixtures import HOSTILE


def test_documents_are_paged_newest_first(client) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == 6 and page["limit"] == 2 and page["offset"] == 0 and len(page["items"]) == 2
    assert page["items"][0]["published"] == "2025-10-22"  # the newest (the hostile article)
    ids = [
        d["id"]
        for off in range(0, 6, 2)
        for d in client.get("/api/documents", params={"limit": 2, "offset": off}).json()["items"]
    ]
    assert len(set(ids)) == 6
    assert client.get("/api/documents", params={"offset": 6}).json()["items"] == []


def test_document_is_the_stored_contract(client, store) -> None:
    for key in ("004_82b0062d205d1957", store.get("004_82b0062d205d1957")["hash"]):
        r = client.get(f"/api/documents/{key}")
        assert r.status_code == 200
        assert r.json() == store.get("004_82b0062d205d1957")
    assert client.get(f"/api/documents/{quote(HOSTILE['id'], safe='')}").json()["title"] == HOSTILE["title"]


def test_unknown_document_is_404(client) -> None:
    r = client.get("/api/documents/missing")
    assert r.status_code == 404 and "missing" in r.json()["detail"]


def test_paging_is_bounded(client) -> None:
    assert client.get("/api/documents", params={"limit": 1000}).json()["limit"] == 200
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/documents", params={"offset": -1}).status_code == 422


def test_openapi_documents_every_endpoint(client) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for p in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/timeline",
        "/api/dyads",
        "/api/dyads/{a}/{b}/series",
        "/api/search",
        "/api/ingest",
        "/api/graph",
    ):
        assert p in paths, p
    for p, ops in spec["paths"].items():
        for op in ops.values():
            assert op.get("summary") and op.get("description"), p
    assert not any(p.startswith("/stories") for p in paths)  # pages stay out of the API schema
    page = client.get("/api-docs")
    assert page.status_code == 200 and "/api/events" in page.text


def test_no_network_documentation_pages(client) -> None:
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_ids_with_slashes_and_markers(ingest_client) -> None:
    body = "التقى لافروف نظيره الإيراني في طهران \x02 ثم غادر.".encode()
    r = ingest_client.post("/api/ingest", params={"id": "2025/10/a b"}, content=body,
                           headers={"content-type": "text/plain"})
    assert r.status_code == 200
    assert ingest_client.get("/api/documents/2025%2F10%2Fa%20b").json()["id"] == "2025/10/a b"
    page = ingest_client.get("/documents/2025%2F10%2Fa%20b")
    assert page.status_code == 200 and "لافروف" in page.text
    hits = ingest_client.get("/search", params={"q": "غادر"}).text
    assert hits.count("<mark>") == hits.count("</mark>") == 1
