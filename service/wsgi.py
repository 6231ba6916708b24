"""WSGI entry point for gunicorn: ``gunicorn 'service.wsgi:app'``."""

from eventwire.config import load_settings
from eventwire.logging import configure_logging
from service.app import create_app

settings = load_settings()
configure_logging(settings, "api")
app = create_app(settings)
