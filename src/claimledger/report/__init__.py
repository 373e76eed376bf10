"""Reports of a stored ledger (terminal summary for now)."""

from claimledger.report.terminal import print_summary

__all__ = ["print_summary"]
