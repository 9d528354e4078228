"""Arabic labels with their English gloss: actors ("لافروف · Sergey Lavrov (RUS)"), PLOVER event
types ("CONSULT · تشاور"), statuses and entity labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from marsad.kb import KnowledgeBase

TYPES_AR = {
    "AGREE": "اتفاق",
    "CONSULT": "تشاور",
    "SUPPORT": "دعم",
    "CONCEDE": "تنازل",
    "COOPERATE": "تعاون",
    "AID": "مساعدة",
    "RETREAT": "انسحاب",
    "REQUEST": "طلب",
    "ACCUSE": "اتهام",
    "REJECT": "رفض",
    "THREATEN": "تهديد",
    "PROTEST": "احتجاج",
    "SANCTION": "عقوبات",
    "MOBILIZE": "تعبئة",
    "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
}
STATUS_AR = {"asserted": "مؤكَّد", "planned": "مُزمَع", "denied": "منفيّ", "speculated": "مُرجَّح"}
LABEL_AR = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة", "LOC": "مكان", "NORP": "نسبة", "TITLE": "منصب"}
QUAD_AR = {1: "تعاون لفظي", 2: "تعاون مادي", -1: "نزاع لفظي", -2: "نزاع مادي"}


@dataclass(frozen=True, slots=True)
class Gloss:
    """An Arabic label (empty when none is known), its English gloss and, for a known actor, the page
    it links to."""

    ar: str
    en: str
    href: str | None = None


def type_gloss(t: str | None) -> Gloss:
    return Gloss(TYPES_AR.get(t or "", t or "؟"), t or "?")


def status_gloss(s: str | None) -> Gloss:
    return Gloss(STATUS_AR.get(s or "", s or "؟"), s or "?")


def label_gloss(label: str | None) -> Gloss:
    return Gloss(LABEL_AR.get(label or "", label or ""), label or "")


def actor_href(aid: str | None) -> str | None:
    return f"/actors/{quote(aid, safe=':')}" if aid else None


def arabic_name(kb: KnowledgeBase, aid: str | None, country: str | None = None) -> str | None:
    """The knowledge base's first Arabic name for an actor id (or a bare country code)."""
    if aid in kb.people:
        return kb.people[aid].names_ar[0]
    if aid and aid.startswith("c:") and aid[2:] in kb.countries:
        return kb.countries[aid[2:]].names_ar[0]
    if aid in kb.organizations:
        return kb.organizations[aid].names_ar[0]
    if aid is None and country in kb.countries:
        return kb.countries[country].names_ar[0]
    return None


def actor_gloss(kb: KnowledgeBase, a: dict[str, Any] | None) -> Gloss:
    """ "لافروف · Sergey Lavrov (RUS)" as parts: the Arabic name, the English name with its country."""
    if not a:
        return Gloss("؟", "unknown")
    aid, name, country = a.get("id"), a.get("name_en") or a.get("id") or "", a.get("country")
    ar = a.get("name_ar") or arabic_name(kb, aid) or ""
    en = f"{name} ({country})" if country and country != name else name
    if a.get("role_en") and a.get("kind", "PER") == "PER" and a.get("role_en") != name:
        en = f"{en}, {a['role_en']}"
    return Gloss(ar, en, actor_href(aid))


def country_gloss(kb: KnowledgeBase, iso3: str | None) -> Gloss:
    c = kb.countries.get((iso3 or "").upper())
    if c is None:
        return Gloss(iso3 or "؟", iso3 or "?")
    return Gloss(c.names_ar[0], f"{c.name_en} ({c.iso3})", actor_href(f"c:{c.iso3}"))
