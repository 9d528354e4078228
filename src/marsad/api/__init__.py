"""REST API and dashboard over a marsad store: `create_app(ApiSettings(), "marsad.db")`."""

from marsad.api.app import create_app
from marsad.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
