"""Stories: group documents that report the same event, across outlets (incremental).

Two signals decide whether a new article joins a story:
- text: TF-IDF cosine over folded, clitic-stripped content words of the title and the first
  paragraphs, against each member of the candidate stories;
- events: the article's lead event (the first event with a named person) and a member's lead
  event are each reported by the other (same type, compatible actors and dates).
A story is a candidate only when publication dates, where both are known, lie within
`window_days`, so two visits of the same minister to the same capital years apart stay two
stories. The clusterer keeps its state, so articles can be added batch after batch.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from marsad.arabic import fold
from marsad.model.document import Document
from marsad.model.events import Event
from marsad.stages.events.merge import same_event

STOP = frozenset(fold(w) for w in (
    "في من على إلى الى عن أن إن التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن مع بين بعد قبل عند حول خلال "
    "كما أو ثم وقال قال وقالت قالت أكد وأكد أضاف وأضاف حيث إلا لكن منذ حتى عبر ضد وفق دون غير كل أي هو هي هم "
    "وهو وهي وفي ومن وعلى وأن اليوم أمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت العام عام وذلك").split())
_WORD = re.compile(r"[\u0621-\u064A]{3,}|[A-Za-z]{3,}")


def terms(doc: Document, head_chars: int = 1500) -> Counter[str]:
    """Folded content words of the title (counted twice) and the opening of the text."""
    def words(s: str) -> list[str]:
        out = []
        for w in _WORD.findall(fold(s)):
            if w.startswith("و") and len(w) > 4:
                w = w[1:]
            if w.startswith("ال") and len(w) > 4:
                w = w[2:]
            if w not in STOP and len(w) > 2:
                out.append(w)
        return out

    c = Counter(words(doc.text[:head_chars]))
    c.update(words(doc.title or "") * 2)
    return c


def lead_event(doc: Document) -> Event | None:
    named = [e for e in doc.events if e.status in ("asserted", "planned") and _named(e)]
    return min(named, key=lambda e: e.evidence.start) if named else None


def _named(e: Event) -> bool:
    return any(a is not None and a.kind == "PER" and a.id for a in (e.source, e.target))


def events_agree(a: Document, b: Document) -> bool:
    la, lb = lead_event(a), lead_event(b)
    return (la is not None and lb is not None and any(same_event(e, la) for e in b.events)
            and any(same_event(e, lb) for e in a.events))


@dataclass(slots=True)
class Member:
    doc: Document
    vec: dict[str, float]
    day: date | None


@dataclass(slots=True)
class StoryState:
    id: str
    members: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class StoryClusterer:
    """Incremental story clustering. `threshold`: cosine above which text alone joins;
    `event_threshold`: the lower cosine that suffices when the lead events agree."""

    threshold: float = 0.12
    event_threshold: float = 0.05
    window_days: int = 1
    clash_factor: float = 1.5
    stories: list[StoryState] = field(default_factory=list)
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0

    def add(self, docs: list[Document]) -> None:
        """Assign `doc.story` for each document (IDF grows with every batch)."""
        counts = [terms(d) for d in docs]
        for c in counts:
            self.df.update(c.keys())
        self.n_docs += len(docs)
        for doc, c in zip(docs, counts, strict=True):
            member = Member(doc, self._vector(c), _day(doc))
            home = self._best(member)
            if home is None:
                home = StoryState("s-" + hashlib.sha256((doc.hash or doc.id).encode()).hexdigest()[:10])
                self.stories.append(home)
            home.members.append(member)
            doc.story = home.id

    def seed(self, docs: list[Document]) -> None:
        """Add already-clustered documents (their `story` is kept) as members to compare against."""
        counts = [terms(d) for d in docs]
        for c in counts:
            self.df.update(c.keys())
        self.n_docs += len(docs)
        by_id = {s.id: s for s in self.stories}
        for doc, c in zip(docs, counts, strict=True):
            if not doc.story:
                continue
            story = by_id.get(doc.story)
            if story is None:
                story = by_id[doc.story] = StoryState(doc.story)
                self.stories.append(story)
            story.members.append(Member(doc, self._vector(c), _day(doc)))

    def _vector(self, c: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(n)) * math.log((1 + self.n_docs) / (1 + self.df[t])) for t, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def _best(self, m: Member) -> StoryState | None:
        """The story whose members are, on average, most similar to `m` (average link)."""
        best, best_score = None, 0.0
        for s in self.stories:
            near = [o for o in s.members if _close(m.day, o.day, self.window_days)]
            if len(near) < len(s.members) or not near:
                continue
            sims = [sum(x * o.vec.get(t, 0.0) for t, x in m.vec.items()) for o in near]
            cos = sum(sims) / len(sims)
            if cos < self.event_threshold:
                continue
            agree = [events_agree(m.doc, o.doc) for o in near]
            # Leads that both exist and differ (a release vs. a summit date) ask for more text overlap.
            clash = lead_event(m.doc) is not None and not any(agree) and any(lead_event(o.doc) for o in near)
            ok = any(agree) or cos >= self.threshold * (self.clash_factor if clash else 1.0)
            if ok and cos > best_score:
                best, best_score = s, cos
        return best


def _day(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.published[:10]) if doc.published else None
    except ValueError:
        return None


def _close(a: date | None, b: date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def assign_stories(docs: list[Document], clusterer: StoryClusterer | None = None) -> StoryClusterer:
    """Set `doc.story` on every document; returns the clusterer (pass it back in to continue)."""
    clusterer = clusterer or StoryClusterer()
    clusterer.add(docs)
    return clusterer


def assign_with_store(store, docs: list[Document]) -> None:
    """Assign stories to a new batch against what the store already holds: a new article can join
    a stored story (whose id is kept) or start one."""
    from marsad.contract import document_from_json
    from marsad.store.queries import story_candidates

    keys = [[w for w, _ in terms(d, head_chars=400).most_common(5)] for d in docs]
    stored = [document_from_json(x) for x in story_candidates(store, [d.published for d in docs], keys)]
    new_hashes = {d.hash for d in docs}
    clusterer = StoryClusterer()
    clusterer.seed([d for d in stored if d.hash not in new_hashes])
    clusterer.add(docs)


# For blocked, batch-scale clustering (marsad.batch.stories): the same scoring, over a subset.


def story_vector(clusterer: StoryClusterer, counts: Counter[str]) -> dict[str, float]:
    """The TF-IDF vector `clusterer` gives these term counts, with its document frequencies as they stand."""
    return clusterer._vector(counts)


def best_among(clusterer: StoryClusterer, member: Member, candidates: list[StoryState]) -> StoryState | None:
    """The story `clusterer` would choose for `member` if `candidates` (in creation order) were all its
    stories: blocking narrows the stories compared, the decision rule stays the one of `_best`."""
    saved, clusterer.stories = clusterer.stories, candidates
    try:
        return clusterer._best(member)
    finally:
        clusterer.stories = saved
