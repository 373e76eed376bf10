"""The Python API for researchers: analyze inputs into a ledger, open one, export it.

>>> import claimledger
>>> ledger = claimledger.analyze(["examples/demo"], db="demo.db")
>>> for prop in ledger.propositions:
...     print(prop.label, [c.source.entity for c in ledger.claims_of(prop)])
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.export import ledger_json, write_csv
from claimledger.model import Article, Claim, IngestError, Proposition
from claimledger.pipeline import RunResult, run
from claimledger.store import LedgerStore


@dataclass
class Ledger:
    """A snapshot of a ledger file: its documents, claims and propositions."""

    path: Path
    documents: list[Article]
    claims: list[Claim]
    propositions: list[Proposition]
    errors: list[IngestError] = field(default_factory=list)  # inputs the last analyze could not read

    def claims_of(self, proposition: Proposition | str) -> list[Claim]:
        pid = proposition if isinstance(proposition, str) else proposition.id
        return [c for c in self.claims if c.proposition_id == pid]

    def document(self, doc_id: str) -> Article | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def to_json(self, *, include_text: bool = False) -> dict:
        """Ledger JSON v1 (see the README for the contract)."""
        return ledger_json(self.documents, self.claims, self.propositions, include_text=include_text)

    def to_csv(self) -> str:
        buf = io.StringIO()
        write_csv(buf, self.documents, self.claims, self.propositions)
        return buf.getvalue()


def open_ledger(db: str | Path) -> Ledger:
    """Load a ledger file written by ``claimledger analyze``."""
    with LedgerStore(db, create=False) as store:
        return Ledger(Path(db), store.documents(), store.claims(), store.propositions())


def analyze(inputs: list[str | Path] | str | Path, db: str | Path | None = None, *,
            workers: int | None = None) -> Ledger:
    """Analyze files, folders or URLs into ``db`` (a temporary ledger if None) and return the ledger."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="claimledger-")) / "ledger.db"
    result: RunResult = run([str(i) for i in inputs], db, workers=workers)
    ledger = open_ledger(db)
    ledger.errors = result.errors
    return ledger
