"""Orthographic folding for matching and search, with a map back to the original offsets.

Folds: alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta (ة → ه), hamza carriers
(ؤ → و, ئ → ي), Persian letters (ی → ي, ک → ك, ە → ه), Arabic-Indic and Persian digits → ASCII;
removes diacritics (tashkeel, superscript alef), tatweel and zero-width joiners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAP: dict[int, str] = {}
for ch in "أإآٱ":
    _MAP[ord(ch)] = "ا"
_MAP.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي", ord("ی"): "ي", ord("ي"): "ي"})
_MAP.update({ord("ک"): "ك", ord("ە"): "ه", ord("ۀ"): "ه", ord("ے"): "ي"})
for i, d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[ord(d)] = str(i)
for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[ord(d)] = str(i)
_MAP[ord("٫")] = "."
_MAP[ord("٬")] = ","

# Removed entirely: harakat and Quranic marks, superscript alef, tatweel, ZWJ/ZWNJ/marks.
_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(0x0670), chr(0x0640), "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)


_TABLE = {**_MAP, **{ord(c): None for c in _DROP}}
_HAS_DROP = re.compile("[" + "".join(sorted(_DROP)) + "]")
_KEPT = re.compile("[^" + "".join(sorted(_DROP)) + "]+")
assert all(v is None or len(v) == 1 for v in _TABLE.values())  # one character in, at most one out


def fold(text: str) -> str:
    """Fold `text` for matching (no offset map): the form every lookup table is stored in."""
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Folded text plus, for each of its characters, the offset of its source character."""

    text: str
    offsets: tuple[int, ...]
    source_len: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range in the folded text back to the source text."""
        if start >= len(self.offsets):
            return self.source_len, self.source_len
        s = self.offsets[start]
        e = self.offsets[end - 1] + 1 if end > start else s
        return s, e


def normalize(text: str) -> Normalized:
    """Fold `text` and keep the offset map back to it."""
    if not _HAS_DROP.search(text):  # the common case: same length, offsets are the identity
        return Normalized(text.translate(_TABLE), tuple(range(len(text))), len(text))
    out: list[str] = []
    offs: list[int] = []
    for m in _KEPT.finditer(text):  # runs of kept characters; each folds to exactly one character
        out.append(m.group().translate(_TABLE))
        offs.extend(range(m.start(), m.end()))
    return Normalized("".join(out), tuple(offs), len(text))
