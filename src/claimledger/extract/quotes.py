"""Direct-quote spans in a text: curly or straight double quotes (or ``...''), possibly across sentences.

A quote never crosses a paragraph break (a blank line) unless the next paragraph reopens it, the
newspaper convention for a quote running over several paragraphs.
"""

from __future__ import annotations

import re

from claimledger.model import Span

OPEN = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d", "\u00ab": "\u00bb"}
PARA_BREAK = re.compile(r"\n\s*\n")


def find_quotes(text: str, min_chars: int = 1) -> list[Span]:
    """Spans of quoted passages, quote marks included, in text order."""
    quotes: list[Span] = []
    for para_start, para_end in _paragraphs(text):
        i = para_start
        while i < para_end:
            ch = text[i]
            close = OPEN.get(ch)
            # a straight quote opens only where a word starts after it
            if ch == "`" and text.startswith("``", i):
                close = "''"  # LaTeX/Penn style ``quote''
            elif ch == "'" and _opens_double_apostrophe(text, i, para_start, para_end):
                close = "''"  # newswire style ''quote'' (two apostrophes either side)
            elif ch == "\u201d" and (i == 0 or text[i - 1] == "\n") and i + 1 < para_end and text[i + 1].isalnum():
                close = "\u201d"  # a line opening with the closing mark, a common typo ("\u201dFear. ...\u201d")
            if close and (ch != '"' or (i + 1 < para_end and not text[i + 1].isspace())):
                j = text.find(close, i + 1, para_end)
                width = len(close)
                if ch == '"':
                    # typed text often closes a straight quote with two apostrophes: "...,'' she said
                    k = text.find("''", i + 1, para_end)
                    if k != -1 and (j == -1 or k < j):
                        j, width = k, 2
                if ch == "\u201c":
                    # a stray opening curly quote before the closing one restarts the quote
                    k = text.find("\u201c", i + 1, j if j != -1 else para_end)
                    if k != -1 and j == -1:
                        i = k
                        continue
                if j == -1:
                    # unclosed: runs to the end of the paragraph (continued quote convention)
                    if para_end - i > min_chars:
                        quotes.append((i, para_end))
                    break
                if j - i > min_chars:
                    quotes.append((i, j + width))
                i = j + width
            else:
                i += 1
    return quotes


def _opens_double_apostrophe(text: str, i: int, para_start: int, para_end: int) -> bool:
    """Two apostrophes where a word starts ("said, ''We will.''"): not a closing pair or a possessive."""
    if not text.startswith("''", i) or i + 2 >= para_end or text[i + 2].isspace() or text[i + 2] == "'":
        return False
    return i == para_start or text[i - 1].isspace() or text[i - 1] in "([\u2014-"


def _paragraphs(text: str) -> list[Span]:
    out = []
    start = 0
    for m in PARA_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    # single newlines also separate paragraphs in plain-text news dumps
    spans: list[Span] = []
    for a, b in out:
        pos = a
        for line in text[a:b].split("\n"):
            end = pos + len(line)
            if line.strip():
                spans.append((pos, end))
            pos = end + 1
    return spans


def inside(spans: list[Span], start: int, end: int) -> Span | None:
    """The span that contains [start, end), if any."""
    for a, b in spans:
        if a <= start and end <= b:
            return (a, b)
    return None
