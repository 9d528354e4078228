"""Pipeline: an ordered list of stages, checked at build time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from marsad.errors import PipelineError, StageError
from marsad.model.document import Document
from marsad.pipeline.registry import Stage, get_stage

# What ingest puts on every document before the first stage runs.
INGESTED = frozenset({"raw", "text", "meta"})

DEFAULT_STAGES = (
    "clean",
    "normalize",
    "time",
    "entities",
    "events",
    "quotes",
)


class Pipeline:
    """Runs stages in order over documents. Built with `from_names`, which checks that each
    stage's requirements are provided by ingest or an earlier stage."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)
        have = set(INGESTED)
        for st in self.stages:
            missing = st.requires - have
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} requires {sorted(missing)}, which no earlier stage provides"
                )
            have |= st.provides
        self.provides = frozenset(have)

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        return cls([get_stage(n) for n in names])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, doc: Document) -> Document:
        for st in self.stages:
            try:
                doc = st(doc)
            except Exception as exc:  # a stage bug must name the stage and document
                raise StageError(st.name, doc.id, f"{type(exc).__name__}: {exc}") from exc
        return doc

    def run_many(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self.run(doc)
