"""claimledger: a ledger of who claims what, via whom, with which figures, across news articles.

The Python API (``analyze``, ``open_ledger``, ``Ledger``) is imported lazily so that importing one
stage does not load the whole pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimledger.model import Article, Claim, DateRange, Figure, Party, Proposition

if TYPE_CHECKING:
    from claimledger.ledger import Ledger, analyze, open_ledger

__version__ = "0.1.0"
__all__ = ["Article", "Claim", "DateRange", "Figure", "Ledger", "Party", "Proposition", "analyze",
           "open_ledger"]


def __getattr__(name: str) -> Any:
    if name in {"Ledger", "analyze", "open_ledger"}:
        from claimledger import ledger

        return getattr(ledger, name)
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")
