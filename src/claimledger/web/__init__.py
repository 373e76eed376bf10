"""The local web app (``claimledger serve``): browse a ledger read-only in a browser.

Server-rendered with FastAPI and Jinja2; binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from pathlib import Path

from claimledger.web.app import create_app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the ledger ``db`` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


__all__ = ["create_app", "serve"]
