"""The JSONL contract of ``claimledger stance``: round trip, bad lines reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.stance import StanceInputError, run_jsonl

GOOD = [
    {"id": "a1", "claim": "A zoo in Ohio bought a white tiger", "text": "Ohio zoo buys rare white tiger"},
    {"id": 7, "claim": "A zoo in Ohio bought a white tiger", "text": "Ohio zoo white tiger story is a hoax"},
    {"id": "a3", "claim": "A zoo in Ohio bought a white tiger",
     "text": "Ohio zoo reportedly in talks to buy a white tiger"},
]


def write_input(path: Path) -> None:
    lines = [json.dumps(GOOD[0]), "{not json", "", json.dumps(GOOD[1]),
             json.dumps({"id": "x", "claim": "only a claim"}), json.dumps(["a", "list"]),
             json.dumps({"id": "y", "claim": 3, "text": "numbers are not text"}), json.dumps(GOOD[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_round_trip_with_bad_lines(tmp_path: Path) -> None:
    src, dst = tmp_path / "pairs.jsonl", tmp_path / "out.jsonl"
    write_input(src)
    errors: list[StanceInputError] = []
    count = run_jsonl(src, dst, on_error=errors.append)
    assert count == 3
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"id": "a1", "stance": "supports"}, {"id": 7, "stance": "denies"},
                    {"id": "a3", "stance": "reports"}]
    assert [e.line_number for e in errors] == [2, 5, 6, 7]
    assert "not valid JSON" in errors[0].reason
    assert errors[1].reason == "missing text"
    assert "claim must be a string" in str(errors[3])


def test_bad_lines_go_to_stderr_by_default(tmp_path: Path, capsys) -> None:
    src, dst = tmp_path / "pairs.jsonl", tmp_path / "out.jsonl"
    write_input(src)
    assert run_jsonl(src, dst) == 3
    err = capsys.readouterr().err
    assert "line 2: not valid JSON" in err and "line 5: missing text" in err


def test_stdout_when_no_output_path(tmp_path: Path, capsys) -> None:
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps(GOOD[0]) + "\n", encoding="utf-8")
    assert run_jsonl(src, None) == 1
    assert json.loads(capsys.readouterr().out) == {"id": "a1", "stance": "supports"}
