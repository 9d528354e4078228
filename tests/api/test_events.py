from __future__ import annotations

import pytest

from marsad.store.queries import EventFilter, count_events, list_events


def _key(e: dict) -> tuple:
    return (
        e["document"]["id"],
        e["type"],
        e["evidence"]["start"],
        (e["source"] or {}).get("id"),
        (e["target"] or {}).get("id"),
    )


def _qkey(r: dict) -> tuple:
    return (r["doc_id"], r["type"], r["ev_start"], r["source_id"], r["target_id"])


FILTERS = [
    {},
    {"type": "CONSULT"},
    {"dyad": "RUS,IRN"},
    {"dyad": "irn,rus"},
    {"actor": "p:sergey-lavrov"},
    {"status": "planned"},
    {"since": "2017", "until": "2017-12"},
    {"type": "AGREE", "dyad": "TUR,RUS"},
]


@pytest.mark.parametrize("params", FILTERS)
def test_events_match_the_store_queries(client, store, params: dict) -> None:
    """The API's indexed reads select exactly what marsad.store.queries selects."""
    page = client.get("/api/events", params={**params, "limit": 200}).json()
    dyad = tuple(params["dyad"].split(",")) if "dyad" in params else None
    f = EventFilter(**{**{k: v for k, v in params.items() if k != "dyad"}, "dyad": dyad, "limit": 10_000})
    expected = list_events(store, f)
    assert page["total"] == count_events(store, f) == len(expected)
    assert sorted(map(_key, page["items"])) == sorted(map(_qkey, expected))


def test_events_carry_their_evidence_and_document(client, store) -> None:
    for e in client.get("/api/events", params={"limit": 200}).json()["items"]:
        text = store.get(e["document"]["id"])["text"]
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert set(e) >= {"type", "mode", "source", "target", "date", "location", "status", "attributed_to"}


def test_events_filter_meanings(client) -> None:
    lav = client.get("/api/events", params={"actor": "p:sergey-lavrov"}).json()["items"]
    assert lav and all("p:sergey-lavrov" in (e["source"]["id"], e["target"]["id"]) for e in lav)
    by_name = client.get("/api/events", params={"actor": "لافروف"}).json()
    assert by_name["total"] >= len(lav)
    pair = client.get("/api/events", params={"dyad": "RUS,IRN"}).json()["items"]
    for e in pair:
        countries = {
            (e["source"] or {}).get("country"),
            (e["target"] or {}).get("country"),
            *(e.get("participants") or []),
        }
        assert {"RUS", "IRN"} <= countries
    dated = client.get("/api/events", params={"since": "2017-05", "until": "2017-05"}).json()["items"]
    assert dated and all(e["date"].startswith("2017-05") for e in dated)
    hostile = client.get("/api/events", params={"outlet": "<b onmouseover=alert(3)>Evil</b>"}).json()["items"]
    assert hostile and all(e["document"]["outlet"].startswith("<b") for e in hostile)


def test_events_newest_first_and_paged(client) -> None:
    items = client.get("/api/events", params={"limit": 200}).json()["items"]
    keys = [e["date"] or e["document"]["published"] or "" for e in items]
    assert keys == sorted(keys, reverse=True)
    first = client.get("/api/events", params={"limit": 3}).json()["items"]
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()["items"]
    assert first + second == items[:6]


@pytest.mark.parametrize(
    "params", [{"dyad": "RUS"}, {"dyad": "RUS,IR"}, {"status": "maybe"}, {"since": "May"}]
)
def test_bad_filters_are_422(client, params: dict) -> None:
    assert client.get("/api/events", params=params).status_code == 422
