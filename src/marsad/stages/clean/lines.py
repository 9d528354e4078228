"""Our Arabic line filter: drops web boilerplate from plain text and from trafilatura's output.

Applied line by line to both HTML-extracted and plain-text articles. It drops "read also" and
"related" blocks with the headline lists under them, comment and newsletter prompts, navigation,
share bars, category lines at the top, archive captions and credits, repeated caption lines and
clock-time lines. Date header lines are reported separately so ingest can keep them as metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from marsad.arabic import fold
from marsad.stages.clean.rules import load_rules
from marsad.stages.time import is_datetime_line, parse_header_date

_WS = re.compile(r"\s+")
_SENT_END = re.compile(r"[.!؟?»”\"…:]\s*$")


@dataclass(slots=True)
class Filtered:
    """The kept lines, the dropped ones (with the rule that dropped each), and a header date."""

    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    header_date: str | None = None
    dateline: str | None = None
    date_lines: int = 0  # how many date/time lines the page had: a listing page has one per item


_BULLET = re.compile(r"^\s*[-•▪●]\s+")


def squash(line: str) -> str:
    """Collapse whitespace and drop a list bullet ("- item" as trafilatura writes list items)."""
    return _BULLET.sub("", _WS.sub(" ", line)).strip()


def words(line: str) -> int:
    return len(line.split())


def _is_headline_like(line: str) -> bool:
    """A line that could sit in a related-articles list: short and not a finished sentence."""
    n = words(line)
    return n <= 20 and not (n >= 12 and line.rstrip().endswith("."))


def filter_lines(lines: list[str]) -> Filtered:
    rules = load_rules()
    out = Filtered()
    clean = [squash(x) for x in lines]
    counts = Counter(c for c in clean if c and words(c) <= 12)
    keywords = seo_keywords(clean)
    in_block = False
    seen_title = False
    for line in clean:
        if not line:
            continue
        f = fold(line)
        reason = None
        if in_block and _is_headline_like(line):
            reason = "related-list"
        else:
            in_block = False
        if reason is None and rules.block.match(f):
            # A bare marker ("اقرأ أيضا:") heads a list; a marker with its headline stands alone.
            reason, in_block = "read-more", words(line) <= 3
        elif reason is None and rules.line.match(f):
            reason = "boilerplate"
        elif reason is None and not seen_title and words(line) <= 3 and rules.top.match(f):
            reason = "category"
        elif reason is None and is_datetime_line(line):
            reason = "datetime"
            out.date_lines += 1
            if out.header_date is None:
                d = parse_header_date(line)
                if d is not None:
                    # The article's own date line: parsed into `published`, and kept as the
                    # text's dateline so the date stays traceable to a span.
                    out.header_date, out.dateline, reason = d.isoformat(), line, None
        elif reason is None and (counts[line] > 1 or line in keywords):
            reason = "repeated-caption"
        elif reason is None and words(line) <= 20 and is_name_caption(line):
            reason = "caption"
        elif reason is None and _is_slug(line):
            reason = "slug"
        if reason is None:
            seen_title = seen_title or line != out.dateline
            out.kept.append(line)
        else:
            out.dropped.append((line, reason))
    return out


def _is_slug(line: str) -> bool:
    """URL slugs and tag ids left in pasted text ("syria-future")."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", line))


_GLUED = re.compile(r"^([^:،.\n]{3,60}):(?=\S)")


def seo_keywords(lines: list[str]) -> set[str]:
    """Keywords glued to paragraph starts with a bare colon ("مبعوث بوتين إلى سوريا:بعد …")."""
    found = Counter(m.group(1).strip() for x in lines if (m := _GLUED.match(x)))
    standalone = set(lines)
    return {k for k, n in found.items() if n > 1 or k in standalone}


HONORIFICS = frozenset(fold(w) for w in "الدكتور د الشيخ الأمير الرؤساء الرئيسان الزعيمان القادة خادم الحرمين الشريفين السيد السيدة".split())
CAPTION_FILLERS = frozenset(fold(w) for w in (
    "في خلال مراسم الاستقبال استقبال لقاء لقائهما اجتماع قمة مؤتمر صحفي عقب أثناء بعد قبل مع من إلى "
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر تموز آب أيلول حزيران").split())
CAPTION_VERB = re.compile(r"^(?:ي|ت)(?:ستقبل|لتقي|صافح|توسط|تحدث|ترأس|شارك)(?:ان)?$")


def is_name_caption(line: str) -> bool:
    """A photo caption that is only a title and a person's name ("الرئيس الروسي فلاديمير بوتين")."""
    line = re.sub(r"\s*\([^)]{1,40}\)\s*$", "", line)  # a trailing credit: "(الرئاسة الإيرانية)"
    if _SENT_END.search(line) or "،" in line:
        return False
    from marsad.arabic import normalize
    from marsad.kb.gazetteer import build_gazetteer
    from marsad.stages.entities.recognize import scan

    sc = scan(normalize(line), build_gazetteer())
    covered = {t for r in sc.raws for t in range(r.t0, r.t1)}
    rest = [w for i, w in enumerate(sc.words) if i not in covered]
    kinds = {r.entry.kind for r in sc.raws}
    if "PER" not in kinds or not kinds <= {"PER", "TITLE", "TITLE_CONSTRUCT", "NISBA", "PER_SHORT", "GPE", "ORG", "CAPITAL", "SEAT", "PLACE"}:
        return False
    # Honorifics may stand uncovered; so may one present-tense verb between two names
    # ("الملك سلمان يستقبل وزير الخارجية الأميركي"), the way photo captions are written.
    verbs = [w for w in rest if CAPTION_VERB.match(w)]
    return all(w in HONORIFICS or w in CAPTION_FILLERS or w.isdigit() or CAPTION_VERB.match(w) for w in rest) \
        and len(verbs) <= 1
