"""Near-duplicates: a reposted agency copy is kept, linked to the first copy, counted once."""

from pathlib import Path

from marsad.analyze import analyze_many
from marsad.stages.compare import compare
from marsad.stages.ingest import document_from_text, read_inputs
from marsad.stages.stories import assign_stories

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "src" / "marsad" / "examples" / "002_491bbc621637e80a.txt"


def test_duplicates_reposted_copy_is_linked_and_counted_once() -> None:
    text = SEED.read_text(encoding="utf-8")
    original = next(read_inputs([str(SEED)]))
    copy = document_from_text(text.replace("طهران - ", "") + "\nاقرأ أيضا: عنوان آخر", doc_id="copy",
                              meta={"outlet": "وكالة ثانية"})
    other = document_from_text(text, doc_id="exact", meta={"outlet": "موقع ثالث"})
    docs = list(analyze_many([original, copy, other]))
    assign_stories(docs)
    assert docs[1].meta.get("duplicate_of") == original.id
    assert docs[2].meta.get("duplicate_of") == original.id
    assert len({d.story for d in docs}) == 1
    phone = next(se for se in compare(docs).events if se.event.mode == "phone")
    assert len(phone.reports) == 3 and phone.sources == 1


def test_duplicates_different_articles_are_not_linked(seed_docs) -> None:
    assert all("duplicate_of" not in d.meta for d in seed_docs.values())
