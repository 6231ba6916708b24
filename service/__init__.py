"""The HTTP API: Flask app factory (``service.app.create_app``), one blueprint per
resource under ``service/api/``, bearer-token auth, problem+json errors, OpenAPI."""
