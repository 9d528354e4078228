"""Composition of stages; no language knowledge lives here."""

from marsad.pipeline.registry import Stage, get_stage, registered, stage
from marsad.pipeline.runner import Pipeline

__all__ = ["Pipeline", "Stage", "get_stage", "registered", "stage"]
