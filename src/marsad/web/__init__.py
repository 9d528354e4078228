"""The dashboard: Arabic, right-to-left pages over a store, served by `marsad.api.create_app`."""
