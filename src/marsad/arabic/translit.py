"""An English gloss for Arabic personal names the knowledge base does not hold.

Known given names come from resources/names/given_names.tsv; other words are transliterated
letter by letter with a short vowel between consonant pairs, the article written "al-".
The result is a readable gloss ("صدام الجاسر" → "Saddam al-Jaser"), not a standard romanisation.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

from marsad.arabic.normalize import fold

_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ه_end": "a",
}
_VOWELS = {"ا": "a", "و": "o", "ي": "i"}
_SUFFIXES = {fold("زاده"): "zadeh", fold("أوغلو"): "oglu", fold("اوغلو"): "oglu"}


@cache
def _given() -> dict[str, str]:
    res = resources.files("marsad") / "resources" / "names" / "given_names.tsv"
    out = {}
    for line in res.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            ar, en = line.split("\t", 1)
            out[fold(ar.strip())] = en.strip()
    return out


def transliterate_name(name: str, known: Mapping[str, str] | None = None) -> str:
    """English gloss of an Arabic personal name; `known` adds first names (folded Arabic → English)
    to the curated list, which wins where both have a word."""
    words = fold(name).split()
    given = _given() if not known else {**known, **_given()}
    for i in range(len(words) - 1):  # "عبد الله" → "عبدالله"
        if words[i] == "عبد" and words[i] + words[i + 1] in given:
            words[i : i + 2] = [words[i] + words[i + 1], ""]
    out: list[str] = []
    for w in filter(None, words):
        if w in _SUFFIXES and out:  # "هاني زاده" → Hanizadeh, "كاتب أوغلو" → Kateboglu
            out[-1] += _SUFFIXES[w]
        elif w in given:
            out.append(given[w])
        elif w.startswith("ال") and len(w) > 3:
            out.append("al-" + _word(w[2:]).capitalize())
        else:
            out.append(_word(w).capitalize())
    return " ".join(out)


def _word(w: str) -> str:
    """Letters with vowel letters read as vowels and an epenthetic vowel between consonants."""
    out: list[str] = []
    prev_cons = False
    for i, ch in enumerate(w):
        if ch in _VOWELS and i > 0:
            out.append(_VOWELS[ch] if ch != "ي" or i < len(w) - 1 else "i")
            prev_cons = False
            continue
        latin = _LETTERS["ه_end"] if ch == "ه" and i == len(w) - 1 else _LETTERS.get(ch, "")
        if prev_cons and latin:
            out.append("a" if i <= 1 else "e")
        out.append(latin)
        prev_cons = bool(latin) and latin not in ("a",)
    return "".join(out)
