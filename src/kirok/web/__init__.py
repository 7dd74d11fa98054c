"""The web app: sources, evidence and review in the browser (FastAPI, Jinja2)."""

from kirok.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
