"""Time expressions in English news text, resolved to ISO date ranges.

A neutral utility (no imports from pipeline stages): ingest uses ``find_publication_date``, extract uses
``find_time_expressions`` / ``parse_date``. Plain regular expressions and ``datetime`` only: dateparser
is ~100x slower and guesses where a careful reader would not.

Resolution rules for expressions without a year (``anchor`` is the article's reference date):

- "October 18": the latest October 18 not after ``anchor + future_days`` (news mostly looks back).
- "Friday, October 18": a year in which October 18 is a Friday - the one closest to the anchor, or
  without an anchor the most recent one not after today. The weekday is evidence a reader would use.
- "on Friday": the latest Friday on or before the anchor; "last Friday" strictly before it.
- "in January": that month of the latest year whose January 1 is not after ``anchor + future_days``.
- Without an anchor, anything that needs one gives None (never today's date by accident).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from claimledger.model import DateRange

MONTHS = {name: i for i, names in enumerate(
    [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")]) for name in names}
WEEKDAYS = {name: i for i, names in enumerate(
    [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]) for name in names}

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
       r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?![a-z])\.?"


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _day(name: str) -> str:
    return rf"(?:the\s+)?(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|,\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:1[89]|20)\d\d)(?![\d:]|,\d)"


_TO = r"\s*(?:-|–|—|to|through|till|until|and)\s*"
_WDP = rf"(?:{_g('w1', _WD)},?\s+)?"
_WDP2 = rf"(?:{_g('w2', _WD)},?\s+)?"
_LEAD = r"(?:(?:between|from)\s+)?"

# Ordered most specific first; matches may not overlap, earlier patterns win.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(rf"\b{pat}", re.I)) for kind, pat in [
    ("iso", rf"{_year('y1')}-(?P<mn1>[01]\d)-(?P<d1>[0-3]\d)(?!\d)"),
    # all-number dates: "2021/03/29", "29.03.2021", "29/03/2021" and "03/29/2021" (order from the values)
    ("numeric", rf"{_year('y1')}(?P<sep>[/.])(?P<mn1>[01]?\d)(?P=sep)(?P<d1>[0-3]?\d)(?![\d/.]\d)"),
    ("numeric", rf"(?<![\d/.])(?P<a1>[0-3]?\d)(?P<sep>[/.])(?P<a2>[0-3]?\d)(?P=sep){_year('y1')}"),
    ("md_range", rf"{_LEAD}{_WDP}{_g('m1', _MON)}\s*{_day('d1')}(?:,?\s*{_year('y1')})?{_TO}"
                 rf"{_WDP2}(?:{_g('m2', _MON)}\s*)?{_day('d2')}(?:,?\s*{_year('y2')})?"),
    ("dm_range", rf"{_LEAD}{_WDP}{_day('d1')}(?:\s+(?:of\s+)?{_g('m1', _MON)}(?:,?\s*{_year('y1')})?)?{_TO}"
                 rf"{_WDP2}{_day('d2')}\s+(?:of\s+)?{_g('m2', _MON)}(?:,?\s*{_year('y2')})?"),
    ("md", rf"{_WDP}{_g('m1', _MON)}\s*{_day('d1')}(?:,?\s*{_year('y1')})?"),
    ("dm", rf"{_WDP}{_day('d1')}\s+(?:of\s+)?{_g('m1', _MON)}(?:,?\s*{_year('y1')})?"),
    ("part", r"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+"
             rf"{_g('m1', _MON)}(?:,?\s*{_year('y1')})?"),
    ("month", rf"{_g('m1', _MON)}(?:\s+of)?,?\s*{_year('y1')}"),
    ("month", rf"(?P<rel>in|since|during|until|by|through|last|this|next|of)\s+{_g('m1', _MON)}"),
    ("year", rf"(?P<rel>in|since|during|until|by|through|of|throughout)\s+(?:early\s+|late\s+)?{_year('y1')}"
             r"(?!\s*[-–]\s*\d)"),
    ("ago", r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago(?:\s+(?P<exact>today|tonight|to\s+the\s+day))?"),
    ("relative", r"(?P<rel>yesterday|today|tonight|tomorrow|(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)"
                 r"|(?:last|this|next|past)\s+(?:week|month|year)|(?:this|last)\s+(?:morning|evening|night))"),
    # a weekday, not a paper's name ("Sunday Times", "Mail on Sunday" ends the match anyway)
    ("weekday", rf"(?:(?P<rel>last|this|next|on|since|by|until)\s+)?{_g('w1', _WD)}(?!\w)"
                r"(?!\s+(?:Times|Telegraph|Express|Post|Mirror|Herald|Star|Mail|Tribune|Observer|Independent"
                r"|Business|Review|Magazine|School|Service|Night Live)\b)"),
]]
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}


@dataclass
class TimeExpression:
    """One date expression found in a text, with its resolution (None when unresolvable)."""

    start: int
    end: int
    text: str
    kind: str  # iso | numeric | md_range | dm_range | md | dm | part | month | year | relative | ago | weekday
    date: DateRange | None
    explicit_year: bool = False

    @property
    def is_day(self) -> bool:
        return self.date is not None and self.date.start == self.date.end


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _back(a: dt.date, n: int, unit: str) -> dt.date:
    """The day ``n`` weeks, months or years before ``a`` (the month's last day when it is shorter)."""
    if unit == "week":
        return a - dt.timedelta(weeks=n)
    y, m = divmod(a.year * 12 + a.month - 1 - (n if unit == "month" else 12 * n), 12)
    last = calendar.monthrange(y, m + 1)[1]
    return dt.date(y, m + 1, min(a.day, last))


def _month(token: str | None) -> int | None:
    return MONTHS.get(token.lower().rstrip(".")) if token else None


def _weekday(token: str | None) -> int | None:
    return WEEKDAYS.get(token.lower().rstrip(".")) if token else None


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None when there is no such day ("February 30")."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve_day(m: int, d: int, y: int | None, wd: int | None, anchor: dt.date | None,
                 future_days: int) -> dt.date | None:
    """A month-day with an optional year, weekday and anchor -> one date, per the module rules."""
    if y is not None:
        return valid_date(y, m, d)
    ref = anchor or dt.date.today()
    if wd is not None:
        cands = [c for yy in range(ref.year - 14, ref.year + 15) if (c := valid_date(yy, m, d)) and c.weekday() == wd]
        if anchor is None:
            past = [c for c in cands if c <= ref]
            return max(past) if past else None
        limit = anchor + dt.timedelta(days=future_days)
        # closest to the anchor; a future date counts double (articles mostly report the past)
        return min(cands, key=lambda c: abs((c - anchor).days) * (2 if c > limit else 1), default=None)
    if anchor is None:
        return None
    limit = anchor + dt.timedelta(days=future_days)
    for yy in range(limit.year, limit.year - 9, -1):
        c = valid_date(yy, m, d)
        if c and c <= limit:
            return c
    return None


def _month_range(y: int, m: int, first: int = 1, last: int | None = None) -> DateRange:
    last = last or calendar.monthrange(y, m)[1]
    return DateRange(_iso(dt.date(y, m, first)), _iso(dt.date(y, m, min(last, calendar.monthrange(y, m)[1]))))


def _year_for_month(m: int, anchor: dt.date | None, future_days: int) -> int | None:
    if anchor is None:
        return None
    limit = anchor + dt.timedelta(days=future_days)
    return limit.year if dt.date(limit.year, m, 1) <= limit else limit.year - 1


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _numeric_day(g: dict[str, str | None]) -> dt.date | None:
    """The day of an all-number date. Year first is always year-month-day; otherwise a value over 12
    says which is the day, dots are day-first (European use), and "04/05/2021" with slashes stays
    unresolved rather than guessed between 4 May and April 5."""
    y = int(g["y1"])
    if g.get("mn1"):
        return valid_date(y, int(g["mn1"]), int(g["d1"]))
    a1, a2 = int(g["a1"]), int(g["a2"])
    if a1 > 12 or g["sep"] == "." or a1 == a2:
        return valid_date(y, a2, a1)
    if a2 > 12:
        return valid_date(y, a1, a2)
    return None


def _resolve(kind: str, g: dict[str, str | None], anchor: dt.date | None, future_days: int) -> DateRange | None:
    if kind == "numeric":
        d = _numeric_day(g)
        return DateRange(_iso(d)) if d else None
    if kind == "iso":
        d = valid_date(int(g["y1"]), int(g["mn1"]), int(g["d1"]))
        return DateRange(_iso(d)) if d else None
    if kind in ("md", "dm"):
        d = _resolve_day(_month(g["m1"]), int(g["d1"]), _int(g["y1"]), _weekday(g.get("w1")), anchor, future_days)
        return DateRange(_iso(d)) if d else None
    if kind in ("md_range", "dm_range"):
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        m1, m2 = m1 or m2, m2 or m1
        y1, y2 = _int(g["y1"]), _int(g["y2"])
        d1, d2 = int(g["d1"]), int(g["d2"])
        # the end carries the year ("Oct 8 to Oct 13, 2024"); resolve it first, then the start
        end = _resolve_day(m2, d2, y2 or y1, _weekday(g.get("w2")), anchor, future_days)
        if end is None and g.get("w1"):
            start = _resolve_day(m1, d1, None, _weekday(g["w1"]), anchor, future_days)
            end = valid_date(start.year, m2, d2) if start else None
        if end is None:
            return None
        start = valid_date(y1 or end.year, m1, d1)
        if start and start > end and y1 is None:
            start = valid_date(end.year - 1, m1, d1)
        if start is None or start > end or (end - start).days > 366:
            return None
        return DateRange(_iso(start), _iso(end))
    if kind in ("month", "part"):
        m = _month(g["m1"])
        y = _int(g["y1"])
        rel = (g.get("rel") or "").lower()
        if y is None and anchor is not None and rel in ("last", "next", "this"):
            y = anchor.year - (m >= anchor.month) if rel == "last" else anchor.year + (m <= anchor.month) \
                if rel == "next" else anchor.year
        y = y or _year_for_month(m, anchor, future_days)
        if y is None:
            return None
        if kind == "part":
            part = g["part"].lower().split()
            first, last = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                           "middle": (11, 20), "late": (21, 31), "end": (21, 31)}[part[1] if len(part) > 1 else part[0]]
            return _month_range(y, m, first, last)
        return _month_range(y, m)
    if kind == "year":
        y = int(g["y1"])
        return DateRange(f"{y}-01-01", f"{y}-12-31")
    if anchor is None:
        return None
    return _resolve_relative(kind, g, anchor)


def _resolve_relative(kind: str, g: dict[str, str | None], a: dt.date) -> DateRange | None:
    day = dt.timedelta(days=1)
    if kind == "weekday":
        wd = _weekday(g["w1"])
        rel = (g.get("rel") or "").lower()
        back = (a.weekday() - wd) % 7
        if rel == "last":
            back = back or 7
        elif rel == "next" or (rel == "this" and back):
            return DateRange(_iso(a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)))
        return DateRange(_iso(a - back * day))
    if kind == "ago":
        n = _SMALL.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "day":
            return DateRange(_iso(a - n * day))
        if g["exact"]:  # "three weeks ago tonight", "a year ago today": that very day
            return DateRange(_iso(_back(a, n, unit)))
        if unit == "week":
            monday = a - dt.timedelta(days=a.weekday() + 7 * n)
            return DateRange(_iso(monday), _iso(monday + 6 * day))
        if unit == "month":
            y, m = divmod(a.year * 12 + a.month - 1 - n, 12)
            return _month_range(y, m + 1)
        return DateRange(f"{a.year - n}-01-01", f"{a.year - n}-12-31")
    rel = " ".join(g["rel"].lower().split())
    if rel in ("today", "tonight") or rel.startswith("this ") and rel.split()[1] in ("morning", "evening"):
        return DateRange(_iso(a))
    if rel == "yesterday" or rel in ("last night", "last evening"):
        return DateRange(_iso(a - day))
    if rel == "tomorrow":
        return DateRange(_iso(a + day))
    unit = rel.split()[-1]
    monday = a - dt.timedelta(days=a.weekday())
    if rel.startswith(("this", "earlier this")):
        start = {"week": monday, "month": a.replace(day=1), "year": a.replace(month=1, day=1)}[unit]
        return DateRange(_iso(start), _iso(a))
    if rel.startswith("past"):
        back = {"week": 7, "month": 30, "year": 365}[unit]
        return DateRange(_iso(a - back * day), _iso(a))
    if rel.startswith(("last", "earlier last", "later last")):
        if unit == "week":
            return DateRange(_iso(monday - 7 * day), _iso(monday - day))
        if unit == "month":
            prev = a.replace(day=1) - day
            return _month_range(prev.year, prev.month)
        return DateRange(f"{a.year - 1}-01-01", f"{a.year - 1}-12-31")
    if rel.startswith("next"):
        if unit == "week":
            return DateRange(_iso(monday + 7 * day), _iso(monday + 13 * day))
        if unit == "month":
            nxt = a.replace(day=28) + 4 * day
            return _month_range(nxt.year, nxt.month)
        return DateRange(f"{a.year + 1}-01-01", f"{a.year + 1}-12-31")
    return None  # "later this week" and the like: no date a reader could pin down


def _capitalised(m: re.Match[str]) -> bool:
    """Month and weekday names must be capitalised in running text ("may", "march", "sat" are words)."""
    for name in ("m1", "m2", "w1", "w2"):
        tok = m.groupdict().get(name)
        if tok and not tok[0].isupper():
            return False
    return True


_FULL_NAMES = {max((n for n in table if table[n] == i), key=len)
               for table in (MONTHS, WEEKDAYS) for i in table.values()}


def _without_full_stop(text: str, s: int, e: int) -> int:
    """The end of a match, without a sentence's full stop after a full name ("on Monday." -> "on Monday");
    the dot of an abbreviation ("Oct.") stays."""
    if text[e - 1] == "." and (words := text[s:e - 1].split()) and words[-1].lower() in _FULL_NAMES:
        return e - 1
    return e


def find_time_expressions(text: str, anchor: dt.date | None = None, future_days: int = 7,
                          case_sensitive: bool = True) -> list[TimeExpression]:
    """All date expressions of ``text`` in order, non-overlapping, each resolved against ``anchor``."""
    # the spans already taken, kept sorted: an overlap check is one bisection, not a scan of them all
    starts: list[int] = []
    ends: list[int] = []
    found: list[TimeExpression] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            k = bisect.bisect_left(starts, e)  # the taken span starting last before this one ends
            if k and ends[k - 1] > s:
                continue
            if case_sensitive and not _capitalised(m):
                continue
            g = defaultdict(lambda: None, m.groupdict())
            if kind in ("md", "dm") and not (1 <= int(g["d1"]) <= 31):
                continue
            try:
                date = _resolve(kind, g, anchor, future_days)
            except (ValueError, TypeError, KeyError):
                date = None
            if date is None and kind in ("md", "dm", "md_range", "dm_range", "iso") and \
                    valid_date(2000, _month(g.get("m1")) or int(g.get("mn1") or 0) or 1, int(g["d1"])) is None:
                continue  # not a date at all ("Oct 45")
            explicit = any(g.get(k) for k in ("y1", "y2"))
            e = _without_full_stop(text, s, e)
            found.append(TimeExpression(s, e, text[s:e], kind, date, explicit))
            k = bisect.bisect_left(starts, s)
            starts.insert(k, s)
            ends.insert(k, e)
    return sorted(found, key=lambda t: t.start)


def parse_date(text: str, anchor: dt.date | None = None, future_days: int = 7) -> DateRange | None:
    """Resolve ONE date expression ("Oct 25, 2024", "between October 8 and 13", "on Friday") or None."""
    exprs = find_time_expressions(text, anchor, future_days, case_sensitive=False)
    if not exprs:
        return None
    # the expression covering most of the text is the one meant; ties go to the first
    best = max(exprs, key=lambda t: (t.end - t.start, -t.start))
    return best.date


_PUBLISHED = re.compile(r"\b(published|posted|first published|updated|last updated|date)\b", re.I)


# a wire dateline opening a line: "SEOUL - ", "WASHINGTON (AP) — ", "KHERSON, Ukraine - ", "MANCHESTER, N.H. -- ",
# with its date: "KELSO JUNCTION, West Ardmoor, March 8, 2024 - ", "KYIV, Oct 25 (AP) — "
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?"
                      rf"(?:,? (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)?"
                      r"(?: \([A-Z][A-Za-z ]*\))? ?(?:--?|—|–) ")


def find_publication_date(text: str, max_lines: int = 15) -> str | None:
    """An ISO publication date stated near the top of an article ("Oct 25, 2024 21:01"), else None.

    Only full dates (with day and year) count, on a short dateline-like line or after "Published";
    an "Updated" date is used only if no other date is given.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:max_lines]
    fallback = event = None
    for line in lines:
        keyword = _PUBLISHED.search(line)
        if len(line) > 100 and not keyword:
            # a dateline opening the first paragraph: "KELSO JUNCTION, West Ardmoor, March 8, 2024 - ..."
            dateline = DATELINE.match(line)
            if dateline is None:
                continue
            line = dateline.group(0)
        for expr in find_time_expressions(line):
            if not (expr.explicit_year and expr.is_day and expr.kind in ("iso", "numeric", "md", "dm")):
                continue
            before = line[:expr.start].lower()
            if not keyword and _PROSE_DATE.search(before):
                continue  # "On July 6, 2015, the senator said:": a sentence of the body dating an event
            if "updated" in before and "published" not in before:
                fallback = fallback or expr.date.start
                continue
            if _EVENT_LABEL.match(line) and not keyword:
                event = event or expr.date.start  # "Hearing held: Tuesday 15 April 2025": what it reports on
                continue
            return expr.date.start
    return fallback or event


# a preposition right before a date: the date of something told, not a stamp ("On July 6, 2015, ...")
_PROSE_DATE = re.compile(r"\b(?:on|since|until|till|by|before|after|from|in|of|between|to)\s+$")
# a labelled line that dates something other than the publication: "Meeting held:", "Hearing:"
_EVENT_LABEL = re.compile(r"[A-Z][\w ]{0,30}:\s")


def find_dateline_day(text: str, max_lines: int = 15) -> tuple[int, int] | None:
    """(month, day) of a wire dateline without a year ("BRENNICK, Talvoria, April 6 (Norvane Press) - "),
    for the batch to place in a year; None when there is none or it has a year."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:max_lines]:
        dateline = DATELINE.match(line)
        if dateline is None:
            continue
        # resolved in a leap year, any month and day stand as written
        for expr in find_time_expressions(dateline.group(0), anchor=_LEAP_YEAR):
            if expr.kind in ("md", "dm") and not expr.explicit_year and expr.date is not None:
                day = dt.date.fromisoformat(expr.date.start)
                return day.month, day.day
        return None
    return None


_LEAP_YEAR = dt.date(2000, 12, 31)


__all__ = ["DATELINE", "DateRange", "TimeExpression", "find_dateline_day", "find_publication_date",
           "find_time_expressions", "parse_date", "valid_date"]
