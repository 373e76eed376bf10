"""The story corpora of ``benchmarks/stories`` are sound gold: every claim points at text that is there."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORIES = sorted(p for p in (ROOT / "benchmarks" / "stories").glob("*/gold.json"))


def visible_text(path: Path) -> str:
    """The file's text; for a web page, its tags dropped and entities decoded, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        raw = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", raw)))
    return " ".join(raw.split())


def corpus_of(gold_path: Path) -> Path:
    beside = gold_path.parent / "corpus"
    return beside if beside.is_dir() else ROOT / json.loads(gold_path.read_text(encoding="utf-8"))["corpus"]


def test_there_are_story_corpora():
    assert len(STORIES) >= 3


@pytest.mark.parametrize("gold_path", STORIES, ids=lambda p: p.parent.name)
def test_every_gold_claim_is_verbatim_in_its_document(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = {p.stem: visible_text(p) for p in corpus_of(gold_path).iterdir() if p.is_file()}
    ids = [c["id"] for c in gold["claims"]]
    assert len(ids) == len(set(ids)), "claim ids repeat"
    for claim in gold["claims"]:
        assert claim["doc"] in docs, f"{claim['id']}: no document {claim['doc']}"
        assert " ".join(claim["evidence"].split()) in docs[claim["doc"]], f"{claim['id']}: evidence not in text"
        assert claim["stance"] in {"asserts", "denies", "hedges"}
        assert claim["sources"] and all(s.lower() not in {"he", "she", "it", "they"} for s in claim["sources"])
        if "figure" in claim:
            assert claim["figure"]["kind"] in {"exact", "approx", "upper", "lower", "range"}
    assert set(gold.get("ignore_figures", {})) <= set(docs)
