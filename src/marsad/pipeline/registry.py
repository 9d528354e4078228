"""Stage registry: every stage declares what it requires and provides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marsad.model.document import Document

StageFn = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named document transform with declared inputs and outputs (slot names of Document)."""

    name: str
    fn: StageFn
    requires: frozenset[str]
    provides: frozenset[str]
    doc: str = ""

    def __call__(self, doc: Document) -> Document:
        out = self.fn(doc)
        out.done.update(self.provides)
        return out


_REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()) -> Callable[[StageFn], StageFn]:
    """Register a function as a pipeline stage under `name`."""

    def deco(fn: StageFn) -> StageFn:
        _REGISTRY[name] = Stage(name, fn, frozenset(requires), frozenset(provides), (fn.__doc__ or "").strip())
        return fn

    return deco


def get_stage(name: str) -> Stage:
    _load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"unknown stage {name!r}; known stages: {known}") from None


def registered() -> dict[str, Stage]:
    _load_builtin()
    return dict(_REGISTRY)


def _load_builtin() -> None:
    # Importing the stages package registers the built-in stages (deferred: nothing at import).
    import marsad.stages  # noqa: F401
