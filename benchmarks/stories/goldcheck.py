"""What the story corpora's ``verify.py`` scripts share: the gold schema's values, the numbers a text
states (as ``../shared/eval/score.py`` compares them) and the reading of a document's words.

Standard library only; each ``verify.py`` imports it from the folder above its own.
"""
from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

STANCES = {"asserts", "denies", "hedges"}
KINDS = {"exact", "approx", "upper", "lower", "range"}
TOP_KEYS = {"corpus", "note", "claims", "ignore_figures"}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
SUFFIXES = {"m": 1e6, "bn": 1e9}  # "Kr3.2m", "€1.9m": written straight after the digits
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
WORD_NUMBERS = {**UNITS, **TENS, "hundred": 100}
TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+")


def same(a: float, b: float) -> bool:
    """The tolerance score.py uses to compare numbers."""
    return abs(a - b) <= max(0.005 * abs(b), 1e-9)


def numbers_in_text(text: str, words: bool = False) -> list[float]:
    """Numbers in text: digits ("1,100", "3.2", "0800"), scaled by a following
    thousand/million/billion ("€1.5 million" -> 1500000) or a glued "m"/"bn" ("Kr3.2m");
    with words=True also number words ("two", "Nine", "twenty-one", "a thousand")."""
    toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
    out: list[float] = []
    skip = False
    for i, (tok, _start, end) in enumerate(toks):
        if skip:
            skip = False
            continue
        value = None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok[0].isdigit():
            value = float(tok.replace(",", ""))
            if nxt and nxt[0] in SUFFIXES and nxt[1] == end:
                value *= SUFFIXES[nxt[0]]
        elif words:
            low = tok.lower()
            if low in TENS and nxt and nxt[0].lower() in UNITS and text[end:nxt[1]] == "-":
                value = float(TENS[low] + UNITS[nxt[0].lower()])  # "twenty-one"
                skip = True
            elif low in WORD_NUMBERS:
                value = float(WORD_NUMBERS[low])
            elif low == "a" and nxt and nxt[0].lower() in SCALES:
                value = 1.0
        if value is None:
            continue
        j = i + 2 if skip else i + 1
        if j < len(toks):
            word, wstart, _ = toks[j]
            prev_end = toks[j - 1][2]
            if word.lower() in SCALES and re.fullmatch(r"[\s-]*", text[prev_end:wstart]):
                value *= SCALES[word.lower()]
        out.append(value)
    return out


def article_paragraphs(raw: str) -> list[str]:
    m = re.search(r"<article\b[^>]*>(.*?)</article>", raw, re.S)
    body = m.group(1) if m else raw
    return re.findall(r"<p\b[^>]*>(.*?)</p>", body, re.S)


def visible_words(path: Path, raw: str) -> int:
    if path.suffix == ".html":
        m = re.search(r"<article\b[^>]*>(.*?)</article>", raw, re.S)
        raw = html.unescape(re.sub(r"<[^>]+>", " ", m.group(1) if m else raw))
    return len(raw.split())


def valid_date(s) -> bool:
    try:
        datetime.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


__all__ = ["KINDS", "STANCES", "TOP_KEYS", "article_paragraphs", "numbers_in_text", "same", "valid_date",
           "visible_words"]
