"""The whole pipeline over a batch of inputs: ingest -> parse + extract (both cores) -> store -> link.

Bad inputs are reported and skipped; an article that fails analysis is reported too; nothing already
in the ledger is touched except to add to it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.extract import extract
from claimledger.ingest import iter_inputs
from claimledger.ingest.dating import place_in_year
from claimledger.link import link
from claimledger.model import Article, Claim, IngestError
from claimledger.parse import load_model, parse_text
from claimledger.store import LedgerStore

# below this many new articles, starting worker processes costs more than it saves
PARALLEL_MIN_ARTICLES = 6


@dataclass
class RunResult:
    added: list[Article] = field(default_factory=list)
    already: list[Article] = field(default_factory=list)  # same text already in the ledger
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claims_added: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


# a long feature runs to ~100,000 characters; far beyond that an input is not one article
MAX_ARTICLE_CHARS = 500_000


def analyze_article(article: Article) -> tuple[Article, list[Claim] | str]:
    """Parse and extract one article; a failure comes back as its message, not an exception."""
    try:
        nlp = load_model()
        return article, extract(article, parse_text(article.analysis_text(), nlp))
    except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
        return article, f"analysis failed: {type(exc).__name__}: {exc}"


def _init_worker() -> None:
    load_model()


def _analyzed(articles: list[Article], workers: int) -> Iterator[tuple[Article, list[Claim] | str]]:
    if workers <= 1 or len(articles) < PARALLEL_MIN_ARTICLES:
        for a in articles:
            yield analyze_article(a)
        return
    load_model()  # loaded before the fork, shared copy-on-write by the workers
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        yield from pool.map(analyze_article, articles, chunksize=2)


def run(inputs: Iterable[str], db_path: str | Path, *, workers: int | None = None,
        max_bytes: int = 20_000_000, timeout: float = 15.0, max_chars: int = MAX_ARTICLE_CHARS,
        on_error: Callable[[IngestError], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Analyze inputs into the ledger at ``db_path``; returns what was added, skipped and refused."""
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    result = RunResult()
    store = LedgerStore(db_path)
    try:
        fresh: list[Article] = []
        seen: set[str] = set()
        for item in iter_inputs(list(inputs), max_bytes=max_bytes, timeout=timeout):
            if isinstance(item, IngestError):
                result.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            if len(item.text) > max_chars:
                # a book or a whole site dump: hours of parsing and tens of thousands of claims at once
                item = IngestError(item.path or item.id, f"too long for one article: {len(item.text):,} characters, "
                                   f"over the {max_chars:,} limit (--max-chars); split it into its articles")
                result.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            result.warnings.extend(f"{item.path}: {w}" for w in item.warnings)
            if item.id in seen or store.has_document(item.id):
                result.already.append(item)
                continue
            seen.add(item.id)
            fresh.append(item)
        if any(a.published is None for a in fresh):
            result.warnings += place_in_year(fresh, (d.published for d in store.documents(with_text=False)))
        if on_progress:
            on_progress(0, len(fresh))
        for done, (article, claims) in enumerate(_analyzed(fresh, workers), 1):
            if isinstance(claims, str):
                err = IngestError(article.path or article.id, claims)
                result.errors.append(err)
                if on_error:
                    on_error(err)
            else:
                if store.add_article(article, claims):
                    result.added.append(article)
                    result.claims_added += len(claims)
            if on_progress:
                on_progress(done, len(fresh))
        link(store)
    finally:
        store.close()
    return result
