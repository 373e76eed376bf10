"""The ``claimledger`` command. Its help text is the documentation; every feature is reachable here.

Exit codes: 0 all inputs processed, 1 some inputs failed (each listed), 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:  # imported lazily at run time to keep --help fast
    from claimledger.ledger import Ledger

app = typer.Typer(
    name="claimledger",
    help="Turn news articles about one developing story into a ledger of claims: who says what, "
         "via whom, with which figures, asserted, denied or hedged, grouped across outlets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output (a file, another tool, a test) has no terminal width: give tables room instead of 80 columns.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160)
err = Console(stderr=True, soft_wrap=True)  # one line per error, whatever its length

DEFAULT_DB = "ledger.db"
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite ledger file (created if missing).")]


def _demo_corpus() -> Path:
    here = Path(__file__).resolve()
    for base in (here.parent / "examples" / "demo", here.parents[2] / "examples" / "demo"):
        if base.is_dir():
            return base
    raise FileNotFoundError("the demo corpus (examples/demo) is not installed with this copy of claimledger")


def _analyze(inputs: list[str], db: Path, quiet: bool, workers: int | None, max_mb: float,
             timeout: float, show: bool, max_claims: int, max_chars: int = 500_000) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimledger.pipeline import run
    from claimledger.store import LedgerError

    progress = Progress(TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet)
    task = progress.add_task("analyze", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    def on_error(e: object) -> None:
        progress.console.print(f"[red]error[/red] {e}", highlight=False, markup=True)

    try:
        with progress:
            result = run(inputs, db, workers=workers, max_bytes=int(max_mb * 1_000_000), timeout=timeout,
                         max_chars=max_chars, on_error=on_error, on_progress=on_progress)
    except LedgerError as exc:
        err.print(f"error: {exc}", highlight=False)
        return 2
    for w in result.warnings:
        err.print(f"[yellow]warning[/yellow] {w}", highlight=False)
    if not quiet and show:
        _print_ledger(db, max_claims)
    if not quiet:
        err.print(f"{len(result.added)} new documents, {result.claims_added} claims added; "
                  f"{len(result.already)} already in the ledger; {len(result.errors)} failed. Ledger: {db}",
                  highlight=False)
    if result.errors:
        err.print("Failed inputs:", highlight=False)
        for e in result.errors:
            err.print(f"  {e}", highlight=False, markup=False)
    return result.exit_code


def _open_ledger(db: Path) -> Ledger:
    """The ledger at ``db``, or exit 2 with the reason (missing file, not a ledger)."""
    from claimledger.ledger import open_ledger
    from claimledger.store import LedgerError

    try:
        return open_ledger(db)
    except LedgerError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(2) from None


def _require_ledger(db: Path) -> None:
    """Exit 2 with the reason unless ``db`` is a ledger (without loading it)."""
    from claimledger.store import LedgerError, LedgerStore

    try:
        LedgerStore(db, create=False).close()
    except LedgerError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(2) from None


def _print_ledger(db: Path, max_claims: int) -> None:
    from claimledger.report import print_summary

    ledger = _open_ledger(db)
    print_summary(out, ledger.documents, ledger.claims, ledger.propositions, max_claims=max_claims)


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .htm, .jsonl), folders (walked "
                                                     "recursively) or http(s) URLs.", show_default=False)],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    workers: Annotated[int | None, typer.Option(help="Worker processes for parsing (default: 2 or the "
                                                     "number of cores, if fewer).")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse inputs larger than this (MB).")] = 20.0,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a URL.")] = 15.0,
    max_claims: Annotated[int, typer.Option(help="Claims shown per proposition in the summary.")] = 12,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Refuse an article whose text is longer than "
                                                               "this (characters).")] = 500_000,
) -> None:
    """Analyze articles into the ledger and print the propositions with their claims.

    Re-running on the same inputs adds nothing (documents are keyed by a hash of their text).
    """
    raise typer.Exit(_analyze(inputs, db, quiet, workers, max_mb, timeout, True, max_claims, max_chars))


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Ledger file for the demo.")] = Path("demo-ledger.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Analyze the bundled demo corpus (examples/demo) and show the ledger."""
    try:
        corpus = _demo_corpus()
    except FileNotFoundError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from None
    if not quiet:
        err.print(f"Demo corpus: {corpus}", highlight=False)
    raise typer.Exit(_analyze([str(corpus)], db, quiet, None, 20.0, 15.0, True, 12))


EXPORT_FORMATS = ("json", "csv", "claimreview", "datasette-metadata")


@app.command()
def export(
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (ledger JSON v1), csv (one row per claim), "
                                     "claimreview (schema.org ClaimReview JSON-LD drafts, one per proposition) "
                                     "or datasette-metadata (table and column descriptions for Datasette).")]
    = "json",
    include_text: Annotated[bool, typer.Option("--include-text", help="Put each document's full text in "
                                                                       "the JSON.")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the ledger as ledger JSON v1, CSV, ClaimReview drafts, or Datasette metadata."""
    if fmt not in EXPORT_FORMATS:
        err.print(f"error: --format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
        raise typer.Exit(2)
    if fmt == "datasette-metadata":
        from claimledger.export.datasette import datasette_metadata

        text, what = json.dumps(datasette_metadata(db), ensure_ascii=False, indent=1), "Datasette metadata"
    else:
        ledger = _open_ledger(db)
        if fmt == "json":
            text = json.dumps(ledger.to_json(include_text=include_text), ensure_ascii=False, indent=1)
            what = f"{len(ledger.claims)} claims"
        elif fmt == "claimreview":
            from claimledger.export.claimreview import claimreview_drafts

            drafts = claimreview_drafts(ledger)
            text, what = json.dumps(drafts, ensure_ascii=False, indent=1), f"{len(drafts)} ClaimReview drafts"
        else:
            text, what = ledger.to_csv(), f"{len(ledger.claims)} claims"
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8", newline="" if fmt == "csv" else None)
        err.print(f"wrote {what} to {output}", highlight=False)


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
    title: Annotated[str | None, typer.Option(help="The report's title (default: from the ledger).")] = None,
) -> None:
    """Write one self-contained HTML report (works offline): summary, figures, sources, timeline, claims."""
    from claimledger.report.html import write_report

    _require_ledger(db)
    count = write_report(db, output, title=title)
    err.print(f"wrote a report of {count} propositions to {output}", highlight=False)


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind; the default serves this machine only.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse the ledger in a local, read-only web app: search, filters, propositions, articles, check."""
    from claimledger.web import serve as run_server

    _require_ledger(db)
    if host not in {"127.0.0.1", "localhost", "::1"}:
        err.print(f"[yellow]warning[/yellow] serving on {host}: other machines can read this ledger", highlight=False)
    err.print(f"serving {db} at http://{host}:{port}/ (Ctrl+C stops)", highlight=False)
    run_server(db, host=host, port=port)


@app.command()
def show(
    db: DbOption = Path(DEFAULT_DB),
    max_claims: Annotated[int, typer.Option(help="Claims shown per proposition.")] = 12,
) -> None:
    """Print the ledger's propositions and claims, as analyze does."""
    _print_ledger(db, max_claims)


@app.command()
def attributions(
    path: Annotated[str, typer.Argument(help="One article: a .txt or .html file, or a URL.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the relations as JSON.")] = False,
) -> None:
    """Show the attribution relations of one article: source, cue, content, relays, with character spans.

    Nothing is stored. Spans are [start, end) offsets into the article's text (the file itself for .txt).
    """
    from rich.table import Table

    from claimledger.export.json_v1 import claim_json
    from claimledger.extract import extract
    from claimledger.ingest import iter_inputs
    from claimledger.model import IngestError
    from claimledger.parse import load_model, parse_text

    items = list(iter_inputs([path]))
    failed = [i for i in items if isinstance(i, IngestError)]
    for e in failed:
        err.print(f"error {e}", highlight=False, markup=False)
    articles = [i for i in items if not isinstance(i, IngestError)]
    if not articles:
        raise typer.Exit(1)
    nlp = load_model()
    rows = []
    for article in articles:
        claims = extract(article, parse_text(article.analysis_text(), nlp))
        rows.extend((article, c) for c in claims)
    if as_json:
        data = [{"path": a.path, **{k: v for k, v in claim_json(c).items() if k not in {"proposition_id"}}}
                for a, c in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        table = Table(title=f"{len(rows)} attribution relations in {path}", title_justify="left", expand=True)
        for col, ratio in (("source", 3), ("via", 2), ("cue", 1), ("content", 7), ("stance", 1), ("spans", 2)):
            table.add_column(col, ratio=ratio, overflow="fold")
        for _, c in rows:
            spans = "  ".join(f"{role[:2]} {_span_text(v)}" for role, v in c.spans.items() if v)
            table.add_row((c.source.text if c.source else "-") + (f" ({c.source.entity})" if c.source and
                          c.source.entity and c.source.entity != c.source.text else ""),
                          ", ".join(v.text for v in c.via), c.cue or "-", c.content, c.stance, spans)
        out.print(table)
    raise typer.Exit(1 if failed else 0)


@app.command()
def stance(
    input_path: Annotated[str, typer.Option("--input", "-i", help="JSONL pairs {id, claim, text}; - for stdin.")],
    output: Annotated[str, typer.Option("-o", "--output", help="JSONL {id, stance}; - for stdout.")] = "-",
    fast: Annotated[bool, typer.Option("--fast", help="Word cues only, no sentence embeddings (much faster, "
                                                      "a little less accurate).")] = False,
) -> None:
    """Stance of each text toward its claim: supports, denies or reports (relays it without taking a side)."""
    from claimledger.stance import run_jsonl

    bad = 0

    def on_error(e: Exception) -> None:
        nonlocal bad
        bad += 1
        err.print(f"error {input_path}: {e}", highlight=False, markup=False)

    if input_path != "-" and not Path(input_path).is_file():
        err.print(f"error {input_path}: no such file", highlight=False, markup=False)
        raise typer.Exit(2)
    n = run_jsonl(input_path, output, on_error=on_error, use_embeddings=not fast)
    if output != "-":
        err.print(f"wrote {n} stances to {output}" + (f"; {bad} bad lines skipped" if bad else ""),
                  highlight=False)
    raise typer.Exit(1 if bad else 0)


@app.command()
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, in plain words.", show_default=False)],
    db: DbOption = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="Word cues only, no sentence embeddings.")] = False,
) -> None:
    """Every claim in the ledger relevant to CLAIM, with its stance toward it: supports, denies or reports."""
    from claimledger.report.check import check_json, print_check
    from claimledger.stance import check as run_check

    ledger = _open_ledger(db)
    results = run_check(claim, ledger.claims, use_embeddings=not fast,
                        documents={d.id: d for d in ledger.documents})
    if as_json:
        sys.stdout.write(json.dumps(check_json(claim, results, ledger), ensure_ascii=False, indent=1) + "\n")
    else:
        print_check(out, claim, results, ledger)


def _span_text(spans: list) -> str:
    return ",".join(f"{a}-{b}" for a, b in spans)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
