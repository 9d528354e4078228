import pytest

from marsad.errors import PipelineError
from marsad.pipeline import Pipeline, registered


def test_pipeline_default_stages_are_in_a_valid_order() -> None:
    p = Pipeline.from_names()
    assert p.names == ["clean", "normalize", "time", "entities", "events", "quotes"]


def test_pipeline_rejects_a_stage_before_what_it_needs() -> None:
    with pytest.raises(PipelineError, match="events.*requires"):
        Pipeline.from_names(["clean", "events"])


def test_pipeline_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known stages"):
        Pipeline.from_names(["nope"])


def test_every_registered_stage_is_documented() -> None:
    for name, st in registered().items():
        assert st.doc, f"stage {name} has no docstring"
