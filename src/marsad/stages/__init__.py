"""Pipeline stages, one module (or package) each, in pipeline order.

Importing this package registers the built-in stages; `marsad.pipeline` does it on first use.
"""

from marsad.stages import clean, normalize  # noqa: F401  (registration)
from marsad.stages import time_stage  # noqa: F401
from marsad.stages import entities, events, quotes  # noqa: F401
