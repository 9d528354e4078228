"""Load the ANT story-clustering development set (ant_dev.jsonl) joined with its ANT records.

The labels file holds only docnos, story keys and notes; article texts are read at run time from
the ANT corpus in ../shared/data (never copied into the repository).

    python eval/stories/load.py [ANT_PATH]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABELS = HERE / "ant_dev.jsonl"
DEFAULT_ANT = HERE.parents[2] / "shared" / "data" / "ant_corpus_multisource" / "ant_multisource_v2.1.jsonl.gz"


def read_labels(path: Path = LABELS) -> list[dict[str, str]]:
    """The label lines: {"docno", "story", "note"?}, in file order."""
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("docno"), str) or not isinstance(row.get("story"), str):
                raise ValueError(f"{path}:{n}: needs string 'docno' and 'story'")
            rows.append(row)
    return rows


def _published(record: dict[str, Any]) -> str:
    """Publication date as YYYY-MM-DD, from the RFC 2822 `time` field (outlet's own offset)."""
    raw = record.get("time") or ""
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError):
        iso = record.get("time_iso") or ""
        if len(iso) >= 10:
            return iso[:10]
        raise ValueError(f"{record.get('docno')}: unparseable time {raw!r}") from None


def load_dev(ant_path: str | Path | None = None) -> list[dict[str, str]]:
    """Join every labelled docno with its ANT record (the gzip is streamed once).

    Returns one dict per labelled article, in label-file order, with keys
    id (= docno), title, text, outlet (= src), published (YYYY-MM-DD) and story.
    Raises FileNotFoundError if the corpus is missing, KeyError if a docno is not in it.
    """
    path = Path(ant_path) if ant_path is not None else DEFAULT_ANT
    labels = read_labels()
    wanted = {row["docno"] for row in labels}
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            docno = record.get("docno")
            if docno in wanted:
                found[docno] = record
                if len(found) == len(wanted):
                    break
    missing = sorted(wanted - found.keys())
    if missing:
        raise KeyError(f"{len(missing)} labelled docnos not in {path}: {', '.join(missing[:5])}")
    out: list[dict[str, str]] = []
    for row in labels:
        record = found[row["docno"]]
        out.append(
            {
                "id": row["docno"],
                "title": record.get("title") or "",
                "text": record.get("text") or "",
                "outlet": record.get("src") or "",
                "published": _published(record),
                "story": row["story"],
            }
        )
    return out


def summary(docs: list[dict[str, str]]) -> dict[str, Any]:
    """Counts: articles, stories, multi-outlet stories, singletons, outlets per story, per outlet."""
    members: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        members.setdefault(doc["story"], []).append(doc)
    outlets = {key: {d["outlet"] for d in group} for key, group in members.items()}
    multi = [key for key, srcs in outlets.items() if len(srcs) >= 2]
    return {
        "articles": len(docs),
        "stories": len(members),
        "multi_outlet_stories": len(multi),
        "singletons": sum(1 for group in members.values() if len(group) == 1),
        "outlets_per_multi_outlet_story": dict(sorted(Counter(len(outlets[k]) for k in multi).items())),
        "articles_per_outlet": dict(Counter(d["outlet"] for d in docs).most_common()),
        "distractor_notes": sum(1 for row in read_labels() if "distractor" in row.get("note", "")),
    }


def main(argv: list[str]) -> int:
    docs = load_dev(argv[1] if len(argv) > 1 else None)
    for key, value in summary(docs).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
