from __future__ import annotations

from marsad.contract import document_from_json
from marsad.stages.compare import compare
from marsad.store.queries import story_documents

PAIR = "s-5dbfd69e8c"  # 000 (Middle East News) and 001 report Lavrentiev's visit to Tehran


def test_stories_newest_first_with_corroboration(client) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == 5
    items = page["items"]
    assert [s["last_published"] for s in items[:2]] == ["2025-10-22", "2025-10-21"]
    pair = next(s for s in items if s["id"] == PAIR)
    assert pair["articles"] == 2 and pair["outlet_names"] == ["ميدل ايست نيوز"]
    assert pair["events"] >= pair["corroborated"] >= 1
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()["items"]
    assert second == items[2:4]


def test_story_comparison_follows_compare(client, store) -> None:
    got = client.get(f"/api/stories/{PAIR}").json()
    cmp = compare([document_from_json(d) for d in story_documents(store, PAIR)])
    assert [e["event"]["type"] for e in got["events"]] == [se.event.type for se in cmp.events]
    assert [len(e["reports"]) for e in got["events"]] == [len(se.reports) for se in cmp.events]
    assert {d["id"] for d in got["documents"]} == {"000_0d97d3c62f2aa8dd", "001_3fba76bad5b8706d"}
    conflicting = [e for e in got["events"] if "date" in e["conflicts"]]
    assert conflicting, "the two articles date the visit differently"
    assert {v["outlet"] for v in conflicting[0]["conflicts"]["date"]} == {
        "ميدل ايست نيوز",
        "001_3fba76bad5b8706d",
    }
    single = [e for e in got["events"] if len(e["reports"]) == 1]
    assert all(len(e["omitted_by"]) == 1 for e in single)


def test_story_reports_link_to_their_evidence(client, store) -> None:
    got = client.get(f"/api/stories/{PAIR}").json()
    for e in got["events"]:
        for r in e["reports"]:
            start, end = map(int, r["anchor"].removeprefix("ev-").split("-"))
            assert store.get(r["doc_id"])["text"][start:end] == r["evidence"]


def test_story_quotes_by_speaker_and_outlet(client) -> None:
    quotes = client.get(f"/api/stories/{PAIR}").json()["quotes"]
    baghaei = next(q for q in quotes if (q["speaker"] or {}).get("id") == "p:esmaeil-baghaei")
    assert baghaei["outlets"] == ["ميدل ايست نيوز"] and baghaei["omitted_by"] == ["001_3fba76bad5b8706d"]
    assert len(baghaei["quotes"]) == 3


def test_unknown_story_is_404(client) -> None:
    assert client.get("/api/stories/s-missing").status_code == 404
