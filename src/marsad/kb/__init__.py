"""The knowledge base: countries, organisations, people with dated roles, titles, places."""

from marsad.kb.load import KnowledgeBase, load_kb
from marsad.kb.records import Country, Organization, Person, Role, Title

__all__ = ["Country", "KnowledgeBase", "Organization", "Person", "Role", "Title", "load_kb"]
