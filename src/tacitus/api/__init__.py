"""The REST API and the web workspace: `create_app(store_url, api_token=...)` and `serve(db_url, host, port)`."""

from tacitus.api.app import Settings, create_app, serve

__all__ = ["Settings", "create_app", "serve"]
