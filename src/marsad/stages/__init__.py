"""Pipeline stages, one module (or package) each, in pipeline order.

Importing this package registers the built-in stages; `marsad.pipeline` does it on first use.
"""

from marsad.stages import (  # noqa: F401  (registration)  # noqa: F401
    clean,
    entities,
    events,
    normalize,
    quotes,
    time_stage,  # noqa: F401
)
