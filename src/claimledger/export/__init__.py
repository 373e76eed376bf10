"""Exports of a stored ledger: ledger JSON v1 (the contract other tools read) and CSV."""

from claimledger.export.csv_out import write_csv
from claimledger.export.json_v1 import ledger_json

__all__ = ["ledger_json", "write_csv"]
