"""Import people and their dated positions from a Wikidata JSON extract.

The extract is a JSON array or JSON-lines of Wikidata entities (the dump format: `id`,
`labels`, `aliases`, `claims`). People are entities with P39 (position held) claims; their
positions are read from position entities in the same extract, whose English labels
("Minister of Foreign Affairs of Iran", "President of Syria") give the role and the country.
Start and end dates come from the P580/P582 qualifiers. Nothing is fetched from the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.kb.load import KnowledgeBase

ROLE_PATTERNS = [
    (re.compile(r"^(?:minister of foreign affairs|foreign minister|secretary of state for foreign affairs) (?:of )?(?:the )?(.+)$", re.I), "foreign_minister", "Foreign Minister"),
    (re.compile(r"^(?:minister of defen[cs]e|defen[cs]e minister) (?:of )?(?:the )?(.+)$", re.I), "defence_minister", "Defence Minister"),
    (re.compile(r"^prime minister of (?:the )?(.+)$", re.I), "prime_minister", "Prime Minister"),
    (re.compile(r"^vice president of (?:the )?(.+)$", re.I), "vice_president", "Vice President"),
    (re.compile(r"^president of (?:the )?(.+)$", re.I), "president", "President"),
    (re.compile(r"^supreme leader of (?:the )?(.+)$", re.I), "supreme_leader", "Supreme Leader"),
    (re.compile(r"^king of (?:the )?(.+)$", re.I), "king", "King"),
    (re.compile(r"^emir of (?:the )?(.+)$", re.I), "emir", "Emir"),
]


def _entities(path: Path) -> Iterator[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            yield from json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg})", exc.lineno) from None
        return
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip().rstrip(",")
        if not line or line in ("[", "]"):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg})", n) from None


def _label(e: dict[str, Any], lang: str) -> str | None:
    return ((e.get("labels") or {}).get(lang) or {}).get("value")


def _time(claim: dict[str, Any], prop: str) -> str | None:
    for q in (claim.get("qualifiers") or {}).get(prop, []):
        value = ((q.get("datavalue") or {}).get("value") or {})
        t, precision = value.get("time"), value.get("precision", 11)
        if t:
            day = t.lstrip("+")[:10]
            return day[:4] if precision <= 9 else day[:7] if precision == 10 else day
    return None


def _position(label: str, kb: KnowledgeBase) -> tuple[str, str, str] | None:
    by_name = {c.name_en.lower(): c.iso3 for c in kb.countries.values()}
    for rx, key, title in ROLE_PATTERNS:
        m = rx.match(label.strip())
        if m and m.group(1).lower() in by_name:
            return key, title, by_name[m.group(1).lower()]
    return None


def import_wikidata(path: Path, kb: KnowledgeBase) -> list[dict[str, Any]]:
    """People records (the people/*.jsonl format) for every person in the extract with at least
    one recognised position."""
    entities = list(_entities(path))
    positions = {e["id"]: _position(_label(e, "en") or "", kb) for e in entities if "id" in e}
    records = []
    for e in entities:
        roles = []
        for claim in (e.get("claims") or {}).get("P39", []):
            qid = (((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value") or {}).get("id")
            pos = positions.get(qid)
            if pos:
                roles.append({"key": pos[0], "title_en": pos[1], "country": pos[2],
                              "start": _time(claim, "P580"), "end": _time(claim, "P582")})
        names_ar = [n for n in [_label(e, "ar")] if n]
        names_ar += [a["value"] for a in (e.get("aliases") or {}).get("ar", []) if a.get("value")]
        if roles and names_ar and _label(e, "en"):
            slug = re.sub(r"[^a-z0-9]+", "-", _label(e, "en").lower()).strip("-")
            records.append({"id": f"p:{slug}", "name_en": _label(e, "en"), "qid": e["id"],
                            "names_ar": list(dict.fromkeys(names_ar)), "roles": roles})
    return records


def write_people(records: list[dict[str, Any]], out_dir: Path) -> Path:
    """Write the records as an extra knowledge-base folder (load it with MARSAD_KB_EXTRA)."""
    target = out_dir / "people" / "wikidata.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# people imported from a Wikidata extract by `marsad kb import-wikidata`"]
    lines += [json.dumps(r, ensure_ascii=False) for r in records]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
