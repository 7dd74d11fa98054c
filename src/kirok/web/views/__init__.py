"""One module of routes per kind of page."""

from kirok.web.views import (
    accounts,
    auth,
    dashboard,
    intake,
    letters,
    positions,
    records,
    signon,
    sources,
)

# intake before sources: /sources/new is not a source ID
ROUTERS = [
    auth.router,
    records.router,
    intake.router,
    sources.router,
    dashboard.router,
    letters.router,
    signon.router,
    positions.router,
    accounts.router,
]
