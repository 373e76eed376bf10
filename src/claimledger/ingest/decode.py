"""Bytes to text, and reading files safely: size limit first, then decoding, never guessing silently.

The decoded string is the text every offset points into, so nothing is normalised here: no line-ending
conversion, no stripping. Only a byte-order mark is dropped, since it is an encoding marker, not text.

Order of attempts: a byte-order mark (UTF-8/16/32), an encoding the container declares (HTTP header,
HTML ``<meta charset>``), strict UTF-8, UTF-16 without a mark (recognised by its NUL pattern), then
charset-normalizer. A guessed legacy encoding is reported in the article's warnings.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer


class InputError(Exception):
    """An input that cannot become an article; ``reason`` is shown to the user as is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its mark starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Legacy encodings of Western text; cp1252 is the common superset and the one to prefer when it fits.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "windows-1252"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b")
MAX_CONTROL_SHARE = 0.05


def human_size(n: int) -> str:
    """'50.0 MB', '12.3 KB', '87 bytes' (decimal units, as the --max-mb option counts)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n} bytes"


def _limit_text(n: int) -> str:
    # the limit is a round number the user chose: "20 MB", not "20.0 MB"
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= size:
            return f"{n / size:g} {unit}"
    return f"{n} bytes"


def size_error(size: int, max_bytes: int, what: str = "file") -> InputError:
    return InputError(f"{what} is {human_size(size)}, over the {_limit_text(max_bytes)} limit (--max-mb)")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing it (before reading) when it is over ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise size_error(size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise InputError("no such file or folder") from e
    except PermissionError as e:
        raise InputError("cannot read: permission denied") from e
    except IsADirectoryError as e:
        raise InputError("is a folder, not a file") from e
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from e
    if len(data) > max_bytes:  # grew since stat, or a special file that reports no size
        raise size_error(len(data), max_bytes)
    return data


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no mark: ASCII-range characters leave a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    for share, other, codec in ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be")):
        if share > 0.6 and other < 0.05:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _guess_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are not UTF-8, or None when no encoding gives plausible text."""
    matches = charset_normalizer.from_bytes(data)
    names = [codecs.lookup(m.encoding).name for m in matches]
    # Short Western text is often ranked as a Baltic or Central European code page; when cp1252 is a
    # candidate at all it is far more likely for English news, so it wins.
    for name in names:
        if name in _WESTERN:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin-1"), "latin-1"
    best = matches.best()
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    return None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return bad / len(sample)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document's bytes; raise InputError for empty or binary input."""
    if not data.strip():
        raise InputError("empty file")
    text: str | None = None
    encoding = ""
    warnings: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise InputError("binary file, not text") from e
            break
    if text is None and (codec := _codec_name(declared)) is not None:
        try:
            text, encoding = data.decode(codec), codec
        except UnicodeDecodeError:
            warnings.append(f"declared encoding {declared} does not fit the bytes; guessed instead")
    if text is None and b"\x00" not in data:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            guess = _guess_legacy(data)
            if guess is None:
                raise InputError("binary file, not text") from None
            text, encoding = guess
            warnings.append(f"decoded as {encoding} (not UTF-8)")
    if text is None:  # NUL bytes and no mark: UTF-16 without a mark, or binary
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError("binary file, not text")
        encoding = "utf-16"
        warnings.append("decoded as UTF-16 without a byte-order mark")
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary file, not text")
    if not text.strip():
        raise InputError("empty file")
    return Decoded(text=text, encoding=encoding, warnings=warnings)


def is_readable_dir(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.R_OK | os.X_OK)
