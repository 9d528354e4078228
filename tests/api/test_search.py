from __future__ import annotations


def test_search_matches_spelling_variants(client) -> None:
    for q in ("لافروف", "لافرُوف", "ابراهيم رئيسى"):
        page = client.get("/api/search", params={"q": q}).json()
        assert "004_82b0062d205d1957" in [h["id"] for h in page["items"]], q
    hit = client.get("/api/search", params={"q": "رئيسي"}).json()["items"][0]
    assert "[" in hit["snippet"] and "]" in hit["snippet"]


def test_search_filters_and_paging(client) -> None:
    every = client.get("/api/search", params={"q": "موسكو"}).json()
    assert every["total"] == len(every["items"]) >= 3
    one = client.get("/api/search", params={"q": "موسكو", "limit": 1, "offset": 1}).json()
    assert one["total"] == every["total"] and one["items"] == every["items"][1:2]
    dated = client.get("/api/search", params={"q": "لافروف", "since": "2025-10-22"}).json()["items"]
    assert [h["published"] for h in dated] == ["2025-10-22"]
    outlet = client.get("/api/search", params={"q": "موسكو", "outlet": "ميدل ايست نيوز"}).json()["items"]
    assert [h["id"] for h in outlet] == ["000_0d97d3c62f2aa8dd"]


def test_search_needs_words(client) -> None:
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": '"'}).json()["total"] == 0
