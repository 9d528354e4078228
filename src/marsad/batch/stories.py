"""Stories over a batch output: the clustering of `stages.stories`, blocked so that it scales.

The documents are swept once in publication order, month partition after month partition, with
the IDF of the whole output (a first pass over the `story_terms` column). Two kinds of blocking
keep the comparisons per article bounded by the news of a few days, not by the corpus:

- time: a story stays open only while its first article is within `window_days` of the article
  at hand. The clusterer joins an article to a story only when every member is that close, so
  closing the others changes nothing; closed stories are written out and forgotten.
- signature: among the open stories, an article is compared only with those sharing a key:
  one of its `top_terms` heaviest TF-IDF terms with one of a member's, or its lead event's
  (type, country) with any event of a member (the lead-event agreement the clusterer looks for
  needs that). `blocking=False` compares with every open story (the reference).

Shard and partition boundaries do not exist for the sweep: it reads every shard of a month and
carries its open stories from one month into the next, so a story reported on the 31st and the
1st is one story. Undated articles come last and are clustered among themselves (with signature
blocking only). The decision for each candidate is `StoryClusterer`'s own rule.

Writes `stories/part-N.parquet` (story, size, first/last published, first document, title,
outlets) and `doc_story/month=M/part-0.parquet` (doc_id, doc_hash, story).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.batch.tables import UNKNOWN_MONTH
from marsad.contract import actor_from_json
from marsad.model.document import Document, Span
from marsad.model.events import Event
from marsad.stages.stories import Member, StoryClusterer, StoryState, lead_event

STORIES_SCHEMA = pa.schema([
    ("story", pa.string()), ("size", pa.int32()), ("first_published", pa.string()),
    ("last_published", pa.string()), ("first_doc_id", pa.string()), ("title", pa.string()),
    ("outlets", pa.list_(pa.string())),
])
DOC_STORY_SCHEMA = pa.schema([("doc_id", pa.string()), ("doc_hash", pa.string()), ("story", pa.string())])
_EVENT_COLS = ["doc_id", "doc_hash", "n", "type", "mode", "source", "target", "participants", "date", "status",
               "evidence"]
_DOC_COLS = ["id", "hash", "published", "title", "outlet", "story_terms"]


class Scorer(StoryClusterer):
    """`StoryClusterer`'s vectors and decision rule (`_best`), applied to the stories the sweep's
    blocking selected instead of those of its own index."""

    def _candidates(self, m: Member) -> list[StoryState]:
        return self.stories

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        return self._vector(counts)

    def best_among(self, m: Member, candidates: list[StoryState]) -> StoryState | None:
        self.stories = candidates
        try:
            return self._best(m)
        finally:
            self.stories = []


@dataclass(slots=True)
class StoryStats:
    documents: int = 0
    stories: int = 0
    comparisons: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class _Open:
    state: StoryState
    idx: int
    first_day: date | None
    first: Document
    keys: set[tuple[str, ...]] = field(default_factory=set)
    last_published: str | None = None
    outlets: set[str] = field(default_factory=set)


class _Sink:
    """Streams the stage's two datasets into a temporary directory."""

    def __init__(self, root: Path) -> None:
        self.root, self.stories, self.docs, self.parts = root, [], [], 0
        (root / "stories").mkdir(parents=True)

    def story(self, s: _Open) -> None:
        self.stories.append({"story": s.state.id, "size": len(s.state.members), "first_published": s.first.published,
                             "last_published": s.last_published, "first_doc_id": s.first.id,
                             "title": s.first.title, "outlets": sorted(s.outlets)})
        if len(self.stories) >= 20_000:
            self.flush_stories()

    def flush_stories(self) -> None:
        if self.stories:
            pq.write_table(pa.Table.from_pylist(self.stories, schema=STORIES_SCHEMA),
                           self.root / "stories" / f"part-{self.parts:05d}.parquet")
            self.parts, self.stories = self.parts + 1, []

    def flush_month(self, month: str) -> None:
        if self.docs:
            d = self.root / "doc_story" / f"month={month}"
            d.mkdir(parents=True)
            pq.write_table(pa.Table.from_pylist(self.docs, schema=DOC_STORY_SCHEMA), d / "part-0.parquet")
            self.docs = []


class Sweep:
    """One pass over documents in publication order, keeping only the open stories."""

    def __init__(self, clusterer: Scorer, sink: _Sink, blocking: bool = True, top_terms: int = 40) -> None:
        self.clusterer, self.sink, self.blocking, self.top = clusterer, sink, blocking, top_terms
        self.open: dict[int, _Open] = {}
        self.order: deque[_Open] = deque()
        self.postings: dict[tuple[str, ...], set[int]] = {}
        self.index: dict[int, int] = {}  # id(StoryState) → its open story
        self.stats = StoryStats()

    def add(self, doc: Document, counts: Counter[str]) -> str:
        member = Member(doc, self.clusterer.vector(counts), _day(doc.published))
        if member.day is not None:
            self._close_before(member.day)
        text_keys = {("t", t) for t in _top_terms(member.vec, self.top)}
        cands = self._candidates(text_keys | _probe_keys(doc)) if self.blocking else sorted(self.open)
        self.stats.comparisons += len(cands)
        home = self.clusterer.best_among(member, [self.open[i].state for i in cands])
        s = self._open_story(doc, member.day) if home is None else self.open[self.index[id(home)]]
        s.state.members.append(member)
        s.last_published = doc.published or s.last_published
        if doc.outlet:
            s.outlets.add(doc.outlet)
        for k in (text_keys | _event_keys(doc)) - s.keys:
            self.postings.setdefault(k, set()).add(s.idx)
            s.keys.add(k)
        self.stats.documents += 1
        doc.story = s.state.id
        self.sink.docs.append({"doc_id": doc.id, "doc_hash": doc.hash, "story": s.state.id})
        return s.state.id

    def _candidates(self, keys: set[tuple[str, ...]]) -> list[int]:
        found: set[int] = set()
        for k in keys:
            found |= self.postings.get(k, set())
        return sorted(found)

    def _open_story(self, doc: Document, day: date | None) -> _Open:
        # The first article's hash and date: a wire story republished a week later is a new story.
        sid = "s-" + hashlib.sha256(f"{doc.hash or doc.id}|{doc.published or ''}".encode()).hexdigest()[:10]
        state = StoryState(sid)
        s = _Open(state, self.stats.stories, day, doc)
        self.open[s.idx] = s
        self.index[id(state)] = s.idx
        self.order.append(s)
        self.stats.stories += 1
        return s

    def _close_before(self, day: date) -> None:
        w = self.clusterer.window_days
        while self.order and self.order[0].first_day is not None and (day - self.order[0].first_day).days > w:
            self._close(self.order.popleft())

    def _close(self, s: _Open) -> None:
        for k in s.keys:
            ids = self.postings.get(k)
            if ids is not None:
                ids.discard(s.idx)
                if not ids:
                    del self.postings[k]
        del self.open[s.idx]
        del self.index[id(s.state)]
        self.sink.story(s)

    def close_all(self) -> None:
        while self.order:
            self._close(self.order.popleft())


def _top_terms(vec: dict[str, float], k: int) -> list[str]:
    return [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def _parties(e: Event) -> set[str]:
    out = set(e.participants) | {a.country or "-" for a in (e.source, e.target) if a is not None}
    return out or {"-"}


def _event_keys(doc: Document) -> set[tuple[str, ...]]:
    keys = {("e", e.type, c) for e in doc.events for c in _parties(e)}
    return keys | {("e", e.type, "*") for e in doc.events if e.participants}


def _probe_keys(doc: Document) -> set[tuple[str, ...]]:
    lead = lead_event(doc)
    if lead is None:
        return set()
    return {("e", lead.type, c) for c in _parties(lead) | {"-", "*"}}


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def months(output: Path) -> list[str]:
    """The month partitions of the documents dataset, in order, "unknown" last."""
    names = [p.name.split("=", 1)[1] for p in (output / "documents").glob("month=*") if p.is_dir()]
    return sorted(names, key=lambda m: (m == UNKNOWN_MONTH, m))


def _read(output: Path, table: str, month: str, columns: list[str]) -> pa.Table | None:
    path = output / table / f"month={month}"
    return pq.read_table(path, columns=columns) if path.is_dir() and any(path.glob("*.parquet")) else None


def document_frequencies(output: Path, parts: list[str]) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    n = 0
    for month in parts:
        tbl = _read(output, "documents", month, ["story_terms"])
        for s in tbl.column("story_terms").to_pylist() if tbl is not None else []:
            df.update(set((s or "").split()))
            n += 1
    return df, n


def month_documents(output: Path, month: str) -> Iterator[tuple[Document, Counter[str]]]:
    """The month's documents with their events, in (published, id, hash) order."""
    docs = _read(output, "documents", month, _DOC_COLS)
    if docs is None:
        return
    events: dict[tuple[str, str], list[dict[str, Any]]] = {}
    ev = _read(output, "events", month, _EVENT_COLS)
    for e in ev.to_pylist() if ev is not None else []:
        events.setdefault((e["doc_id"], e["doc_hash"]), []).append(e)
    rows = sorted(docs.to_pylist(), key=lambda r: (r["published"] or "", r["id"], r["hash"]))
    for r in rows:
        doc = Document(id=r["id"], hash=r["hash"], published=r["published"], title=r["title"], outlet=r["outlet"])
        doc.events = [_event(e) for e in sorted(events.get((r["id"], r["hash"]), []), key=lambda e: e["n"])]
        yield doc, Counter((r["story_terms"] or "").split())


def _event(e: dict[str, Any]) -> Event:
    from marsad.batch.tables import actor_json

    ev = e["evidence"]
    return Event(type=e["type"], source=actor_from_json(actor_json(e["source"])),
                 target=actor_from_json(actor_json(e["target"])), evidence=Span(ev["start"], ev["end"]),
                 mode=e["mode"], date=e["date"], status=e["status"] or "asserted",
                 participants=list(e["participants"] or []))


def cluster_stories(output: str | Path, window_days: int = 1, blocking: bool = True, top_terms: int = 40) -> StoryStats:
    """Cluster the documents of a batch output into stories; write `stories/` and `doc_story/`."""
    t0 = time.perf_counter()
    out = Path(output)
    parts = months(out)
    clusterer = Scorer(window_days=window_days)
    clusterer.df, clusterer.n_docs = document_frequencies(out, parts)
    tmp = out / ".stories-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    sink = _Sink(tmp)
    sweep = Sweep(clusterer, sink, blocking, top_terms)
    for month in parts:
        if month == UNKNOWN_MONTH:
            sweep.close_all()
        for doc, counts in month_documents(out, month):
            sweep.add(doc, counts)
        sink.flush_month(month)
    sweep.close_all()
    sink.flush_stories()
    for name in ("stories", "doc_story"):
        shutil.rmtree(out / name, ignore_errors=True)
        if (tmp / name).is_dir():
            (tmp / name).rename(out / name)
    shutil.rmtree(tmp, ignore_errors=True)
    sweep.stats.seconds = round(time.perf_counter() - t0, 3)
    return sweep.stats
