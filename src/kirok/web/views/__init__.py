"""One module of routes per kind of page."""

from kirok.web.views import auth, dashboard, records, sources

ROUTERS = [auth.router, records.router, sources.router, dashboard.router]
