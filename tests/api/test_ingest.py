from __future__ import annotations

import json

from tests.conftest import SEEDS

TEXT = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني عباس عراقجي في موسكو لبحث التعاون."


def test_ingest_is_off_by_default(client) -> None:
    r = client.post("/api/ingest", content=TEXT.encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 403 and "allow-ingest" in r.json()["detail"]


def test_ingest_text_with_metadata(ingest_client) -> None:
    params = {"id": "new-1", "title": "لقاء", "outlet": "وكالة", "published": "2024-05-02"}
    r = ingest_client.post(
        "/api/ingest", params=params, content=TEXT.encode(), headers={"content-type": "text/plain"}
    )
    body = r.json()
    assert r.status_code == 200 and body["stored"] == 1 and body["new"] == 1 and body["errors"] == []
    doc = ingest_client.get("/api/documents/new-1").json()
    assert doc["outlet"] == "وكالة" and doc["published"] == "2024-05-02" and doc["story"]
    assert any(e["type"] == "CONSULT" for e in doc["events"])
    again = ingest_client.post(
        "/api/ingest", params=params, content=TEXT.encode(), headers={"content-type": "text/plain"}
    ).json()
    assert again["stored"] == 1 and again["new"] == 0
    assert ingest_client.get("/api/documents").json()["total"] == 7


def test_ingest_html(ingest_client) -> None:
    html = (
        "<html><head><title>عنوان</title></head><body><nav>القائمة</nav>"
        f"<article><p>{TEXT}</p></article></body></html>"
    )
    r = ingest_client.post(
        "/api/ingest",
        params={"id": "html-1"},
        content=html.encode(),
        headers={"content-type": "text/html; charset=utf-8"},
    )
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert "لافروف" in ingest_client.get("/api/documents/html-1").json()["text"]


def test_ingest_jsonl_reports_bad_lines(ingest_client) -> None:
    lines = [
        json.dumps({"id": "j1", "text": TEXT, "published": "2024-05-03"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "j2", "text": TEXT.replace("موسكو", "طهران")}, ensure_ascii=False),
    ]
    r = ingest_client.post(
        "/api/ingest", content="\n".join(lines).encode(), headers={"content-type": "application/x-ndjson"}
    )
    body = r.json()
    assert r.status_code == 200 and body["received"] == 3 and body["stored"] == 2 and body["skipped"] == 1
    assert body["errors"][0]["message"].startswith("request:2: not valid JSON")
    assert {d["id"] for d in body["documents"]} == {"j1", "j2"}


def test_new_article_joins_the_stored_story(ingest_client) -> None:
    text = (SEEDS / "000_0d97d3c62f2aa8dd.txt").read_text(
        encoding="utf-8"
    ) + "\nوتابعت الصحف الروسية الزيارة باهتمام."
    r = ingest_client.post(
        "/api/ingest",
        params={"id": "copy-000", "outlet": "وكالة أخرى"},
        content=text.encode(),
        headers={"content-type": "text/plain"},
    )
    assert r.json()["documents"][0]["story"] == "s-5dbfd69e8c"
    story = ingest_client.get("/api/stories/s-5dbfd69e8c").json()
    assert "وكالة أخرى" in story["outlets"] and len(story["documents"]) == 3


def test_ingest_limits(ingest_client) -> None:
    big = ("ا" * 30_000).encode()
    assert (
        ingest_client.post("/api/ingest", content=big, headers={"content-type": "text/plain"}).status_code
        == 413
    )
    assert (
        ingest_client.post("/api/ingest", content=b"  ", headers={"content-type": "text/plain"}).status_code
        == 422
    )
    bad = ingest_client.post(
        "/api/ingest", content=b"{broken", headers={"content-type": "application/x-ndjson"}
    )
    assert bad.status_code == 422
