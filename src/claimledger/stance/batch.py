"""Batch stance: (claim, text) pairs to labels, and the JSONL contract of ``claimledger stance``.

Input JSONL, one ``{"id", "claim", "text"}`` a line; output JSONL, one ``{"id", "stance"}`` a line with
stance ``supports``, ``denies`` or ``reports``. A bad line is reported (line number and reason) and
skipped; the rest of the file is still classified.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from claimledger.stance.model import default_model, get_embedder

CHUNK = 1024  # pairs classified at once: bounded memory on large files, still vectorised


class StanceInputError(ValueError):
    """A line of a stance input file that is not a valid pair."""

    def __init__(self, line_number: int, reason: str) -> None:
        super().__init__(f"line {line_number}: {reason}")
        self.line_number = line_number
        self.reason = reason


def classify_pairs(pairs: list[tuple[str, str]], use_embeddings: bool = True) -> list[str]:
    """Stance of each text toward its claim: ``supports``, ``denies`` or ``reports``.

    Sentence embeddings are used when ``claimledger.embed`` is installed and ``use_embeddings`` is on;
    otherwise the lexical model decides alone.
    """
    if not pairs:
        return []
    embedder = get_embedder() if use_embeddings else None
    model = default_model()
    labels: list[str] = []
    for start in range(0, len(pairs), CHUNK):
        labels.extend(model.predict(pairs[start:start + CHUNK], embedder))
    return labels


def parse_pair(line: str, line_number: int) -> tuple[object, str, str]:
    """(id, claim, text) of one input line, or ``StanceInputError`` saying what is wrong."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise StanceInputError(line_number, f"not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise StanceInputError(line_number, "expected a JSON object with id, claim and text")
    missing = [key for key in ("id", "claim", "text") if obj.get(key) is None]
    if missing:
        raise StanceInputError(line_number, "missing " + ", ".join(missing))
    for key in ("claim", "text"):
        if not isinstance(obj[key], str):
            raise StanceInputError(line_number, f"{key} must be a string")
    if not isinstance(obj["id"], str | int):
        raise StanceInputError(line_number, "id must be a string or a number")
    return obj["id"], obj["claim"], obj["text"]


@contextmanager
def _open(path: str | Path | None, mode: str) -> Iterator[IO[str]]:
    """A file, or stdin/stdout for None or "-"."""
    if path is None or str(path) == "-":
        yield sys.stdin if "r" in mode else sys.stdout
        return
    with open(path, mode, encoding="utf-8") as fh:
        yield fh


def _report(error: StanceInputError) -> None:
    print(f"stance: {error}", file=sys.stderr)


def run_jsonl(in_path: str | Path | None, out_path: str | Path | None = None,
              on_error: Callable[[StanceInputError], None] | None = None, use_embeddings: bool = True) -> int:
    """Classify every pair of the JSONL ``in_path`` into ``out_path``; return how many were written.

    ``None`` or ``"-"`` mean stdin / stdout. Blank lines are skipped silently; each bad line is passed
    to ``on_error`` (default: one line on stderr) and skipped. Output order follows the input.
    """
    report = on_error or _report
    written = 0
    with _open(in_path, "r") as src, _open(out_path, "w") as dst:
        batch: list[tuple[object, str, str]] = []

        def flush() -> None:
            nonlocal written
            labels = classify_pairs([(claim, text) for _, claim, text in batch], use_embeddings)
            for (pair_id, _, _), label in zip(batch, labels, strict=True):
                dst.write(json.dumps({"id": pair_id, "stance": label}, ensure_ascii=False) + "\n")
            written += len(batch)
            batch.clear()

        for line_number, line in enumerate(src, start=1):
            if not line.strip():
                continue
            try:
                batch.append(parse_pair(line, line_number))
            except StanceInputError as exc:
                report(exc)
                continue
            if len(batch) >= CHUNK:
                flush()
        if batch:
            flush()
    return written
