"""Ingest stage: paths, folders, JSON-lines files and URLs in; ``Article`` or ``IngestError`` out.

Every input yields something: an article ready for analysis, or one error naming the input and the
reason ("empty file", "binary file, not text", "file is 50.0 MB, over the 20 MB limit (--max-mb)").
One bad input never stops the batch.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.ingest.decode import InputError, decode_bytes, read_limited, size_error
from claimledger.ingest.html import declared_charset, looks_like_html, read_html
from claimledger.ingest.plain import guess_author, read_plain
from claimledger.model import Article, IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
USER_AGENT = "claimledger/0.1 (+https://example.invalid/claimledger; news claim analysis)"


def iter_inputs(inputs: Iterable[str], *, max_bytes: int = 20_000_000,
                timeout: float = 15.0) -> Iterator[Article | IngestError]:
    """Articles (or errors) for each input in order; folders are walked recursively, sorted."""
    for raw in inputs:
        name = str(raw)
        if name.startswith(("http://", "https://")):
            yield _from_url(name, max_bytes, timeout)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield IngestError(name, "folder holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _from_file(file, max_bytes)
        elif not path.exists():
            yield IngestError(name, "no such file or folder")
        else:
            yield from _from_file(path, max_bytes)


def _from_file(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    name = str(path)
    try:
        data = read_limited(path, max_bytes)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _from_jsonl(name, data)
            return
        yield _from_bytes(data, name, html=suffix in HTML_SUFFIXES or None)
    except InputError as e:
        yield IngestError(name, e.reason)


def _from_bytes(data: bytes, name: str, *, html: bool | None, url: str | None = None,
                declared: str | None = None) -> Article:
    """One article from a file's or a response's bytes; ``html=None`` sniffs the content."""
    decoded = decode_bytes(data, declared or (declared_charset(data) if html is not False else None))
    if html is None:
        html = looks_like_html(decoded.text)
    if html:
        fields = read_html(decoded.text, url=url)
        return Article(path=name, fmt="url" if url else "html", warnings=decoded.warnings, **fields)
    title, published, outlet, ignored = read_plain(decoded.text)
    if not any(b > a for a, b in _gaps(ignored, len(decoded.text), decoded.text)):
        raise InputError("no article text: only page furniture")
    return Article(text=decoded.text, path=name, url=url, title=title, published=published, outlet=outlet,
                   author=guess_author(decoded.text), fmt="url" if url else "txt", ignored=ignored,
                   warnings=decoded.warnings)


def _gaps(spans: list[tuple[int, int]], n: int, text: str) -> Iterator[tuple[int, int]]:
    """The stretches of non-space text outside ``spans``."""
    pos = 0
    for a, b in sorted(spans):
        if text[pos:a].strip():
            yield pos, a
        pos = max(pos, b)
    if text[pos:n].strip():
        yield pos, n


def _from_jsonl(name: str, data: bytes) -> Iterator[Article | IngestError]:
    try:
        text = decode_bytes(data).text
    except InputError as e:
        yield IngestError(name, e.reason)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"not valid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield IngestError(where, 'no "text" field with article text')
            continue
        body = record["text"]
        title, published, outlet, ignored = read_plain(body)
        yield Article(
            text=body, path=where, url=_str(record.get("url")), title=_str(record.get("title")) or title,
            outlet=_str(record.get("outlet")) or outlet, author=_str(record.get("author")) or guess_author(body),
            published=_str(record.get("published"))[:10] if _str(record.get("published")) else published,
            fmt="jsonl", ignored=ignored)


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _from_url(url: str, max_bytes: int, timeout: float) -> Article | IngestError:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise size_error(int(length), max_bytes, "page")
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise size_error(len(data), max_bytes, "page")
            ctype = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except InputError as e:
        return IngestError(url, e.reason)
    except urllib.error.HTTPError as e:
        return IngestError(url, f"could not fetch: HTTP {e.code} {e.reason}")
    except urllib.error.URLError as e:
        return IngestError(url, f"could not fetch: {e.reason}")
    except TimeoutError:
        return IngestError(url, f"could not fetch: no answer within {timeout:g} s (--timeout)")
    except (OSError, ValueError) as e:
        return IngestError(url, f"could not fetch: {e}")
    if ctype not in ("text/html", "application/xhtml+xml", "text/plain") and not ctype.startswith("text/"):
        return IngestError(url, f"not a web page or text ({ctype})")
    try:
        return _from_bytes(data, url, html=None if ctype == "text/plain" else True, url=final_url,
                           declared=charset)
    except InputError as e:
        return IngestError(url, e.reason)


__all__ = ["iter_inputs", "KNOWN_SUFFIXES"]
