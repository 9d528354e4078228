from pathlib import Path

from marsad.analyze import analyze_many
from marsad.stages.ingest import read_inputs
from marsad.store import Store


def test_store_ingesting_twice_keeps_one_copy(tmp_path: Path, seed_paths: list[str]) -> None:
    with Store(tmp_path / "m.db") as store:
        for _ in range(2):
            for d in analyze_many(read_inputs(seed_paths)):
                store.put(d)
        assert store.count() == 5
        assert store.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 5


def test_store_search_matches_spelling_variants(tmp_path: Path, seed_paths: list[str]) -> None:
    with Store(tmp_path / "m.db") as store:
        for d in analyze_many(read_inputs(seed_paths)):
            store.put(d)
        for q in ("لافروف", "لافرُوف", "لاڤروف".replace("ڤ", "ف"), "إبراهيم رئيسي", "ابراهيم رئيسى"):
            hits = store.search(q)
            assert [h.id for h in hits] == ["004_82b0062d205d1957"], q
        assert store.search("لافرنتييف") and store.search("لافرينتييف")


def test_store_get_by_id_returns_the_contract(tmp_path: Path, seed_paths: list[str]) -> None:
    with Store(tmp_path / "m.db") as store:
        for d in analyze_many(read_inputs(seed_paths[:1])):
            store.put(d)
        data = store.get("000_0d97d3c62f2aa8dd")
        assert data is not None and data["text"].startswith("رسائل من موسكو")
        assert store.get("missing") is None
