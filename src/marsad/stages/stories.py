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
from datetime import date, timedelta

from marsad.arabic import fold
from marsad.model.document import Document
from marsad.model.events import Event
from marsad.stages.duplicates import DuplicateFinder
from marsad.stages.events.merge import same_event

STOP = frozenset(fold(w) for w in (
    "في من على إلى الى عن أن إن التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن مع بين بعد قبل عند حول خلال "
    "كما أو ثم وقال قال وقالت قالت أكد وأكد أضاف وأضاف حيث إلا لكن منذ حتى عبر ضد وفق دون غير كل أي هو هي هم "
    "وهو وهي وفي ومن وعلى وأن اليوم أمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت العام عام وذلك").split())
_WORD = re.compile(r"[\u0621-\u064A]{3,}|[A-Za-z]{3,}")


def terms(doc: Document, head_chars: int = 500) -> Counter[str]:
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
    c.update(words(doc.title or "") * 3)
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

    threshold: float = 0.15
    event_threshold: float = 0.05
    window_days: int = 1
    clash_factor: float = 1.5
    stories: list[StoryState] = field(default_factory=list)
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    # Blocking: a story is compared only when it shares one of a member's top terms.
    by_term: dict[str, set[int]] = field(default_factory=dict)  # term → stories (for undated articles)
    by_term_day: dict[tuple[str, date | None], set[int]] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    top_terms: int = 40
    duplicates: DuplicateFinder = field(default_factory=DuplicateFinder)
    newest: date | None = None
    evicted: int = 0  # stories frozen because the stream has moved past their window

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
            self._join(home, member)
            doc.story = home.id
            if member.day and (self.newest is None or member.day > self.newest):
                self.newest = member.day
                if member.day.day == 1:  # once a month, free stories the stream has left behind
                    self._evict(member.day - timedelta(days=2 * self.window_days + 7))

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
            self._join(story, Member(doc, self._vector(c), _day(doc)))

    def _join(self, story: StoryState, m: Member) -> None:
        story.members.append(m)
        idx = self._index_of(story)
        for t in self._top(m):
            self.by_term.setdefault(t, set()).add(idx)
            self.by_term_day.setdefault((t, m.day), set()).add(idx)

    def _evict(self, before: date) -> None:
        """Drop the text vectors of stories whose every member is dated before `before`: an
        archive processed in date order keeps memory flat. Their ids and members stay."""
        for story in self.stories[self.evicted :]:
            if story.members and all(m.day is not None and m.day < before for m in story.members):
                for m in story.members:
                    m.vec = {}
        while self.evicted < len(self.stories) and all(not m.vec for m in self.stories[self.evicted].members):
            self.evicted += 1

    def _index_of(self, story: StoryState) -> int:
        if story.id not in self.positions:
            self.positions[story.id] = len(self.positions)
        return self.positions[story.id]

    def _top(self, m: Member) -> list[str]:
        return [t for t, _ in sorted(m.vec.items(), key=lambda kv: -kv[1])[: self.top_terms]]

    def _candidates(self, m: Member) -> list[StoryState]:
        """Stories sharing a top term with `m` and, when `m` is dated, a member in its window
        (or undated): the comparisons stay near-linear in the corpus size."""
        if m.day is not None:
            days = [None, *(m.day + timedelta(days=k) for k in range(-self.window_days, self.window_days + 1))]
            idx = {i for t in self._top(m) for d in days for i in self.by_term_day.get((t, d), ())}
        else:
            idx = {i for t in self._top(m) for i in self.by_term.get(t, ())}
        return [self.stories[i] for i in sorted(idx)]

    def _vector(self, c: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(n)) * (1 + math.log((1 + self.n_docs) / (1 + self.df[t]))) for t, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def _best(self, m: Member) -> StoryState | None:
        """The story whose members are, on average, most similar to `m` (average link)."""
        best, best_score = None, 0.0
        for s in self._candidates(m):
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
    """Set `doc.story` on every document (and link near-duplicates); returns the clusterer
    (pass it back in to continue)."""
    clusterer = clusterer or StoryClusterer()
    clusterer.duplicates.add(docs)
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
