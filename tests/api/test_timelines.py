from __future__ import annotations

from marsad.store.queries import EventFilter, dyad_series, timeline


def test_actor_timeline_in_date_order(client, store) -> None:
    page = client.get("/api/timeline", params={"actor": "p:vladimir-putin", "limit": 200}).json()
    dates = [e["date"] for e in page["items"]]
    expected = [r["date"] for r in timeline(store, EventFilter(actor="p:vladimir-putin"))]
    assert dates == expected and page["total"] == len(expected)
    assert dates[0].startswith("--") and dates[-1] is None  # open-year dates first, undated last
    first = client.get("/api/timeline", params={"actor": "p:vladimir-putin", "limit": 2, "offset": 2}).json()
    assert first["items"] == page["items"][2:4]


def test_dyad_timeline_and_missing_parameters(client) -> None:
    page = client.get("/api/timeline", params={"dyad": "RUS,IRN"}).json()
    assert page["total"] > 0
    assert client.get("/api/timeline").status_code == 422


def test_dyads_busiest_first(client) -> None:
    page = client.get("/api/dyads").json()
    items = page["items"]
    assert items and all(d["a"] < d["b"] for d in items)
    assert [d["n"] for d in items] == sorted((d["n"] for d in items), reverse=True)
    assert all(d["cooperation"] + d["conflict"] == d["n"] for d in items)
    assert any((d["a"], d["b"]) == ("IRN", "RUS") for d in items)


def test_dyad_series_matches_the_store_query(client, store) -> None:
    for a, b in (("RUS", "IRN"), ("TUR", "RUS"), ("IRN", "ISR")):
        got = client.get(f"/api/dyads/{a}/{b}/series").json()
        want = dyad_series(store, a, b)
        assert got["months"] == want, (a, b)
        assert got["events"] == sum(m["events"] for m in want) and got["score"] == sum(
            m["score"] for m in want
        )
    assert client.get("/api/dyads/RUSSIA/IRN/series").status_code == 422
