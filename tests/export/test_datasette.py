"""Datasette metadata describes every table and column of the ledger."""

from __future__ import annotations

import sqlite3

from claimledger.export.datasette import SHADOW, datasette_metadata
from claimledger.store import LedgerStore


def test_every_table_and_column_is_described(tmp_path):
    db = tmp_path / "news.db"
    LedgerStore(db).close()
    meta = datasette_metadata(db)
    tables = meta["databases"]["news"]["tables"]
    con = sqlite3.connect(db)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert names
    for table in names:
        assert table in tables, table
        if table in SHADOW:
            assert tables[table]["hidden"] is True
            continue
        assert tables[table]["description"]
        for (column,) in con.execute(f"SELECT name FROM pragma_table_info('{table}')"):
            assert tables[table]["columns"].get(column), f"{table}.{column} has no description"
    assert tables["claims"]["fts_table"] == "claims_fts"


def test_command_prints_metadata(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimledger.cli import app

    db = tmp_path / "l.db"
    LedgerStore(db).close()
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "datasette-metadata"])
    assert res.exit_code == 0
    assert "claims" in json.loads(res.stdout)["databases"]["l"]["tables"]
