"""HTML pages: the article text, title, date and site name through trafilatura.

The article's text is trafilatura's plain-text extraction; every offset of the ledger points into it
(the document export carries that text). Furniture lines that survive extraction are blanked as for
plain text.
"""

from __future__ import annotations

import html
import logging
import re

import trafilatura

from claimledger.ingest.boilerplate import furniture_spans
from claimledger.ingest.decode import InputError
from claimledger.timeexpr import find_publication_date

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_LOOKS_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I)

# trafilatura logs every page it finds too short; our own error message says it once
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag within its first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:2000]))


def read_html(markup: str, url: str | None = None) -> dict[str, object]:
    """text, title, published, outlet and ignored spans of one page; InputError when it has no article."""
    try:
        doc = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except Exception as e:  # noqa: BLE001 - lxml/trafilatura raise many types on broken markup
        raise InputError(f"could not read the HTML: {type(e).__name__}") from e
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text or len(text.split()) < 5:
        raise InputError("no article text found in the HTML")
    title = _clean(getattr(doc, "title", None))
    published = _iso_date(getattr(doc, "date", None)) or find_publication_date(text)
    return {
        "text": text,
        "title": title,
        "published": published,
        "outlet": _clean(getattr(doc, "sitename", None)) or _site_in_title(markup),
        "author": _clean(getattr(doc, "author", None)),
        "url": url or _clean(getattr(doc, "url", None)),
        "ignored": furniture_spans(text, title=title),
    }


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_SITE_SUFFIX = re.compile(r"\s[|\u2013\u2014-]\s([^|\u2013\u2014]{2,60})$")
SITE_NAME_MAX_WORDS = 5


def _site_in_title(markup: str) -> str | None:
    """The site named after the headline in the page's ``<title>`` ("The Sivar Pass clash | Contour Lines"),
    when the page names no site otherwise."""
    m = _TITLE_TAG.search(markup[:20000])
    if not m:
        return None
    title = " ".join(html.unescape(m.group(1)).split())
    suffix = _SITE_SUFFIX.search(title)
    if not suffix:
        return None
    name = suffix.group(1).strip()
    words = name.split()
    return name if len(words) <= SITE_NAME_MAX_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
        else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return value[:10]
    return None
