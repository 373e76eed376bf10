"""Datasette metadata for a ledger file: what each table and column means, so Datasette opens it usefully.

    claimledger export --db ledger.db --format datasette-metadata -o metadata.json
    datasette ledger.db --metadata metadata.json

Descriptions follow ``store/schema.sql``; a test checks every column of a fresh ledger has one.
The full-text index's shadow tables are hidden, and the claims table is searchable through it.
"""

from __future__ import annotations

import json
from pathlib import Path

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "meta": ("Ledger settings: schema version.", {
        "key": "setting name", "value": "setting value"}),
    "documents": ("One row per distinct article text (id = hash of the text: the same text is never stored twice).", {
        "id": "content hash of the text", "path": "the input as given: file path, URL, or file.jsonl#LINE",
        "url": "the article's address, when known", "outlet": "publisher", "title": "headline",
        "published": "publication date (ISO)", "language": "language code", "format": "txt | html | jsonl | url",
        "text": "the article text claims' offsets point into",
        "ignored": "JSON list of [start, end] boilerplate spans kept out of analysis",
        "added_at": "when the article entered the ledger (UTC)",
        "echo_of": "the earlier document this one reprints (near-duplicate text), else empty",
        "author": "the writer its byline names, else empty"}),
    "document_signatures": ("MinHash signature of each document's word shingles; finds reprints of one wire story.", {
        "document_id": "the document", "minhash": "the signature (binary)"}),
    "claim_vectors": ("The vector each claim was grouped by, so a later run embeds only new claims.", {
        "claim_id": "the claim", "kind": "which embedder and recipe made it, e.g. model:content+sentence",
        "vector": "float16 little-endian unit vector (binary)"}),
    "parties": ("Canonical parties across the corpus: who makes or relays claims.", {
        "id": "party number", "name": "canonical name", "kind": "person | org | place | group | outlet | unknown",
        "aliases": "JSON list of the spellings seen"}),
    "propositions": ("Groups of claims that answer the same question across articles.", {
        "id": "proposition id", "label": "the question in plain words, with a representative claim",
        "unit": "what its figures count, when they do",
        "summary": "JSON: figures side by side, stances by origin, conflict flag and reasons, timeline"}),
    "claims": ("One row per claim: who says what, via whom, with which stance, in which sentence.", {
        "id": "claim id", "document_id": "the article it was found in", "sentence": "the whole sentence",
        "sentence_start": "offset of the sentence in documents.text", "sentence_end": "end offset of the sentence",
        "content": "what is claimed (the reported words)", "source_text": "the source as written",
        "source_entity": "the source resolved within the article (\"he\" -> the person named before)",
        "source_kind": "person | org | place | group | outlet | unknown",
        "source_party_id": "the canonical party (parties.id)",
        "via": "JSON list of relays, outermost first (\"Politico quoted X\": via Politico)",
        "cue": "the reporting words (said, denied, according to)", "stance": "asserts | denies | hedges",
        "kind": "direct | indirect | mixed | according_to | unattributed | interview | continuation | own | verdict",
        "claim_date": "when it was said (ISO)", "event_start": "start of the time the claim is about",
        "event_end": "end of the time the claim is about",
        "spans": "JSON {source, cue, content}: lists of [start, end] offsets into the article",
        "proposition_id": "the question it answers (propositions.id)",
        "origin_id": "the first claim of its origin; echoes (relays, reprints) share it and count once"}),
    "figures": ("Quantities in claims, hedges kept: \"up to 12,000 troops\" is 12000, kind upper.", {
        "id": "figure number", "claim_id": "the claim", "value": "the number (empty for vague quantities)",
        "low": "range start", "high": "range end", "kind": "exact | approx | upper | lower | range",
        "unit": "what is counted or measured", "text": "the figure as written",
        "start": "offset in documents.text", "end": "end offset in documents.text"}),
    "claims_fts": ("Full-text index over claims (SQLite FTS5), kept in step by triggers.", {
        "content": "claim content", "sentence": "claim sentence", "source_text": "source as written",
        "source_entity": "resolved source"}),
}
SHADOW = ("claims_fts_data", "claims_fts_idx", "claims_fts_docsize", "claims_fts_config")


def datasette_metadata(db_path: str | Path | None = None) -> dict:
    """Datasette metadata for the ledger (named after ``db_path``'s file stem, else "ledger")."""
    name = Path(db_path).stem if db_path else "ledger"
    tables: dict[str, dict] = {}
    for table, (description, columns) in TABLES.items():
        tables[table] = {"description": description, "columns": dict(columns)}
    tables["claims"].update({"fts_table": "claims_fts", "fts_pk": "rowid",
                             "sortable_columns": ["claim_date", "stance", "source_entity", "proposition_id"],
                             "label_column": "content"})
    tables["documents"]["label_column"] = "title"
    tables["propositions"]["label_column"] = "label"
    tables["parties"]["label_column"] = "name"
    for shadow in SHADOW:
        tables[shadow] = {"hidden": True}
    return {
        "title": "claimledger",
        "description": "A ledger of claims from news articles: who says what, via whom, with which figures, "
                       "asserted, denied or hedged, grouped across outlets into propositions.",
        "databases": {name: {"tables": tables}},
    }


def write_datasette_metadata(out: str | Path, db_path: str | Path | None = None) -> None:
    Path(out).write_text(json.dumps(datasette_metadata(db_path), indent=1) + "\n", encoding="utf-8")


__all__ = ["datasette_metadata", "write_datasette_metadata"]
