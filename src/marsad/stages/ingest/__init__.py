"""Ingest: files, directories, JSONL feeds and stdin → Documents (raw input, format, metadata)."""

from marsad.stages.ingest.encoding import decode_bytes
from marsad.stages.ingest.read import IngestOptions, document_from_text, read_inputs

__all__ = ["IngestOptions", "decode_bytes", "document_from_text", "read_inputs"]
