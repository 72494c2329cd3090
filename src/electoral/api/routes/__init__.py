"""HTTP routes, one module per area; each module exposes ``router`` (listed in ``api.app.ROUTE_MODULES``)."""
