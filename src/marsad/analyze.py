"""The one `analyze` entry point shared by the CLI, the API and batch jobs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from marsad.errors import StageError
from marsad.model.document import Document
from marsad.pipeline import Pipeline
from marsad.stages.ingest import document_from_text


def analyze(doc: Document, pipeline: Pipeline | None = None) -> Document:
    """Run the default pipeline (or `pipeline`) over one ingested document."""
    return (pipeline or default_pipeline()).run(doc)


def analyze_text(text: str, **meta: str) -> Document:
    """Convenience: analyse a raw Arabic text or HTML string."""
    fmt = "html" if "<html" in text[:2000].lower() else "txt"
    return analyze(document_from_text(text, fmt=fmt, doc_id=meta.pop("id", None), meta=meta))


def analyze_many(
    docs: Iterable[Document], pipeline: Pipeline | None = None, on_error: Callable[[StageError], None] | None = None
) -> Iterator[Document]:
    """Analyse documents one by one. A stage failure on one document goes to `on_error` (and the
    batch goes on) when a handler is given; otherwise it is raised."""
    p = pipeline or default_pipeline()
    for d in docs:
        try:
            yield p.run(d)
        except StageError as err:
            if on_error is None:
                raise
            on_error(err)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.from_names()
    return _DEFAULT
