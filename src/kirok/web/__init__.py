"""The web app: sources, evidence and review in the browser (FastAPI, Jinja2).

``create_app`` and ``WebSettings`` are loaded when first asked for, so that the
command line can read the web app's light modules (``kirok.web.turns``)
without loading FastAPI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kirok.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kirok.web import app

        return getattr(app, name)
    raise AttributeError(f"module 'kirok.web' has no attribute {name!r}")
