from __future__ import annotations


def test_actors_by_arabic_and_english_name(client) -> None:
    for name in ("لافروف", "سيرجي لافروف", "Lavrov"):
        page = client.get("/api/actors", params={"name": name}).json()
        assert page["items"][0]["id"] == "p:sergey-lavrov", name
        assert page["items"][0]["mentions"] >= 3
    russia = client.get("/api/actors", params={"name": "روسيا"}).json()["items"]
    assert any(a["id"] == "c:RUS" and a["kind"] == "GPE" for a in russia)
    assert client.get("/api/actors", params={"name": "لا يوجد أحد بهذا الاسم"}).json()["total"] == 0
    assert client.get("/api/actors").status_code == 422


def test_actor_roles_events_and_quotes(client) -> None:
    a = client.get("/api/actors/p:sergey-lavrov").json()
    assert a["name_en"] == "Sergey Lavrov" and "سيرغي لافروف" in a["names_ar"]
    fm = [r for r in a["roles"] if r["title_en"] == "Foreign Minister"]
    assert fm and fm[0]["start"] == "2004-03-09" and fm[0]["end"] is None
    assert [r["start"] for r in a["roles"]] == sorted(r["start"] or "" for r in a["roles"])
    assert any(r["role_en"] == "Foreign Minister" for r in a["reported_roles"])
    assert a["events"]["total"] >= 3
    assert all("p:sergey-lavrov" in (e["source"]["id"], e["target"]["id"]) for e in a["events"]["items"])
    spokes = client.get("/api/actors/p:esmaeil-baghaei").json()
    assert spokes["quotes"]["total"] == 3 and all(
        q["speaker"]["id"] == "p:esmaeil-baghaei" for q in spokes["quotes"]["items"]
    )
    paged = client.get("/api/actors/p:esmaeil-baghaei", params={"limit": 1, "offset": 1}).json()
    assert paged["quotes"]["items"] == spokes["quotes"]["items"][1:2]


def test_country_actor_and_unknown_actor(client) -> None:
    rus = client.get("/api/actors/c:RUS").json()
    assert rus["kind"] == "GPE" and rus["name_en"] == "Russia" and rus["mentions"] > 0
    assert client.get("/api/actors/p:nobody").status_code == 404


def test_graph_who_meets_whom(client) -> None:
    edges = client.get("/api/graph").json()["items"]
    pairs = {(e["source"]["id"], e["target"]["id"]): e["n"] for e in edges}
    assert pairs[("p:ahmed-al-sharaa", "p:vladimir-putin")] == 2
    assert all(e["source"]["id"].startswith("p:") and e["target"]["id"].startswith("p:") for e in edges)
    mine = client.get("/api/graph", params={"actor": "p:sergey-lavrov"}).json()["items"]
    assert mine and all("p:sergey-lavrov" in (e["source"]["id"], e["target"]["id"]) for e in mine)
