"""One module of routes per kind of page."""

from kirok.web.views import auth, records, sources

ROUTERS = [auth.router, records.router, sources.router]
