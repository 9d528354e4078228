"""Near-duplicates: the same agency copy reposted by several outlets.

MinHash over word 5-shingles of the folded text, with LSH to find candidates (datasketch, the
`stories` extra); without datasketch, only exact copies (same folded text) are found. A duplicate
is kept and linked to the first copy (`doc.meta["duplicate_of"]`); story comparisons count the
copies of one text as one report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from marsad.arabic import fold
from marsad.model.document import Document

THRESHOLD = 0.7
PERMUTATIONS = 64


def shingles(text: str, k: int = 5) -> set[str]:
    words = fold(text).split()
    return {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


@dataclass(slots=True)
class DuplicateFinder:
    """Incremental near-duplicate detection across batches."""

    threshold: float = THRESHOLD
    seen_exact: dict[str, str] = field(default_factory=dict)
    lsh: object | None = None
    ok: bool = True

    def __post_init__(self) -> None:
        try:
            from datasketch import MinHashLSH
        except ImportError:
            self.ok = False
            return
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=PERMUTATIONS)

    def add(self, docs: list[Document]) -> None:
        for doc in docs:
            first = self._find(doc)
            if first is not None and first != doc.id:
                doc.meta["duplicate_of"] = first

    def _find(self, doc: Document) -> str | None:
        exact = hashlib.sha256(" ".join(fold(doc.text).split()).encode()).hexdigest()
        if exact in self.seen_exact:
            return self.seen_exact[exact]
        self.seen_exact[exact] = doc.id
        if not self.ok:
            return None
        from datasketch import MinHash

        m = MinHash(num_perm=PERMUTATIONS)
        for s in shingles(doc.text):
            m.update(s.encode("utf-8"))
        hits = self.lsh.query(m)  # type: ignore[union-attr]
        key = f"{doc.id}\x00{len(self.seen_exact)}"
        self.lsh.insert(key, m)  # type: ignore[union-attr]
        return min(hits).split("\x00")[0] if hits else None
