import codecs
import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.stages.ingest import IngestOptions, read_inputs

ARTICLE = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في طهران، وبحث الجانبان الملف النووي."


def _read(paths, **kw):
    errors: list[InputError] = []
    docs = list(read_inputs([str(p) for p in paths], IngestOptions(**kw), errors.append))
    return docs, errors


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("utf-16-le", b""), ("cp1256", b""), ("iso8859_6", b"")],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "windows-1256", "iso-8859-6"],
)
def test_ingest_detects_encoding(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + ARTICLE.encode(encoding))
    docs, errors = _read([p])
    assert not errors
    assert docs[0].raw.strip() == ARTICLE


def test_ingest_file_id_is_its_stem_and_stdin_gets_content_hash(tmp_path: Path) -> None:
    p = tmp_path / "000_abc.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    docs, _ = _read([p])
    assert docs[0].id == "000_abc"


def test_ingest_reads_directories_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "b" / "y.html").write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>", encoding="utf-8")
    (tmp_path / "a" / "ignore.bin").write_bytes(b"\x00\x01")
    docs, errors = _read([tmp_path])
    assert sorted(d.id for d in docs) == ["x", "y"]
    assert {d.format for d in docs} == {"txt", "html"}
    assert not errors


def test_ingest_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "outlet": "الحل نت", "published": "2022-06-23T10:00:00"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": "a4", "html": f"<html><body><p>{ARTICLE}</p></body></html>"}, ensure_ascii=False),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _read([p])
    assert [d.id for d in docs] == ["a1", "a4"]
    assert docs[0].published == "2022-06-23" and docs[0].outlet == "الحل نت"
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [(2, "not valid JSON"), (3, "record has no 'text' or 'html'")]
    assert str(errors[0]).startswith(f"{p}:2: ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"   \n", "empty file"), (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary file")],
    ids=["empty", "blank", "binary"],
)
def test_ingest_bad_files_name_the_file_and_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    docs, errors = _read([p])
    assert not docs
    assert errors[0].path == str(p) and errors[0].reason.startswith(reason)


def test_ingest_large_file_and_missing_path_are_reported(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    docs, errors = _read([big, tmp_path / "nope.txt"], max_bytes=1000)
    assert not docs
    assert errors[0].reason.startswith("file too large")
    assert errors[1].reason == "no such file or directory"


def test_ingest_strict_stops_at_first_bad_input(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.raises(InputError):
        list(read_inputs([str(tmp_path / "bad.txt")], IngestOptions(strict=True), lambda e: None))
