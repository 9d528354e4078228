"""Errors that name what went wrong and where."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class for every error marsad raises on purpose."""


class InputError(MarsadError):
    """Unreadable or unusable input: names the file, the line when there is one, and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class PipelineError(MarsadError):
    """A pipeline that cannot be built: a stage needs something no earlier stage provides."""


class StageError(MarsadError):
    """A stage failed on one document."""

    def __init__(self, stage: str, doc_id: str, reason: str) -> None:
        self.stage, self.doc_id = stage, doc_id
        super().__init__(f"stage {stage} failed on {doc_id}: {reason}")


class KnowledgeBaseError(MarsadError):
    """A malformed knowledge-base record."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path, self.line, self.reason = path, line, reason
        super().__init__(f"{path}:{line}: {reason}")
