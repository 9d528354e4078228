"""Settings of the REST API and dashboard (no environment is read: the caller builds them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ApiSettings:
    """allow_ingest: accept POST /api/ingest (off by default: the app is read-only);
    max_ingest_bytes: the largest ingest body; max_limit: the largest page a list returns."""

    allow_ingest: bool = False
    max_ingest_bytes: int = 5_000_000
    max_limit: int = 200
    default_limit: int = 20
    title: str = "marsad"
