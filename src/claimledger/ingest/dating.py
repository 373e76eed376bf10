"""A wire story's year, from the batch it came with.

Wire copy often dates itself only in its dateline, without a year ("BRENNICK, Talvoria, April 6 (Norvane
Press) - "). Alone, such a story has no publication date, and every "on Saturday" in it stays unresolved.
A pile of articles about one developing story spans weeks, not years: the year is the one that puts the
dateline's day nearest the dates of the other articles (in this batch and already in the ledger).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from claimledger.model import Article
from claimledger.timeexpr import find_dateline_day, valid_date

# a dateline day this far from every other article's date is no day of the same story
MAX_GAP_DAYS = 120


def place_in_year(articles: list[Article], known: Iterable[str | None]) -> list[str]:
    """Give each undated article whose dateline has a day but no year the nearest year to the ``known``
    publication dates and those of ``articles``; returns a note for each article so dated."""
    dates = [d for d in (_iso(x) for x in [*known, *(a.published for a in articles)]) if d is not None]
    notes = []
    for article in articles:
        if article.published or not dates:
            continue
        day = find_dateline_day(article.text)
        if day is None:
            continue
        month, mday = day
        years = sorted({d.year + step for d in dates for step in (-1, 0, 1)})
        candidates = [c for y in years if (c := valid_date(y, month, mday)) is not None]
        gap, best = min(((min(abs((c - d).days) for d in dates), c) for c in candidates), default=(None, None))
        if best is None or gap > MAX_GAP_DAYS:
            continue
        article.published = best.isoformat()
        notes.append(f"{article.path or article.id}: the dateline gives no year; dated {best.isoformat()}, "
                     f"the year of the other articles")
    return notes


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


__all__ = ["place_in_year"]
