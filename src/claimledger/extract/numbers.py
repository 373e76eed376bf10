"""Number phrases read from spaCy tokens: digits, spelled-out numbers, scale words, vague quantities.

``read_number`` gives the value of "1.5 million", "two dozen", "half a million", "2bn", "Two thousand
five hundred"; ``read_vague`` finds "thousands", "tens of thousands", "several hundred". Deciding whether
a number is a *figure* (not a year, an age, an identifier) is left to ``figures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k|m|mn|mln|bn|b|tn|trn)$", re.I)
_ONES = {w: i for i, w in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "mn": 1e6, "mln": 1e6,
        "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "m": 1e6}
_SCALE_WORDS = {"hundred", "dozen", "thousand", "million", "billion", "trillion"}
_VAGUE = {"hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores"}
_VAGUE_LEAD = {"several", "few", "many", "some"}


@dataclass
class NumberPhrase:
    """One number phrase: its tokens and value, and how it was written."""

    first: int  # token indices, inclusive
    last: int
    value: float
    words: bool = False  # spelled out ("ten thousand")
    scaled: bool = False  # had a scale word ("1.5 million")
    metre_m: bool = False  # a lone "m" that may mean metres rather than million


def digits_value(text: str) -> float | None:
    """ "12,000" -> 12000.0, "1.5" -> 1.5; None for anything else."""
    m = _DIGITS.match(text)
    return float(m.group(1).replace(",", "") + (m.group(2) or "")) if m else None


def read_number(doc: Doc, i: int, stop: int) -> NumberPhrase | None:
    """The number phrase starting at token i ("1.5 million", "two dozen", "half a million", "2bn",
    "a couple of thousand")."""
    first = doc[i]
    low = first.lower_
    total, current, j = 0.0, None, i
    words = scaled = metre_m = False
    value = digits_value(first.text)
    if value is not None:
        current, j = value, i + 1
    elif m := _SUFFIXED.match(first.text):
        base = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        suffix = m.group(3).lower()
        return NumberPhrase(i, i, base * _BIG[suffix], scaled=True, metre_m=suffix == "m")
    elif low in ("a", "an") and i + 1 < stop and doc[i + 1].lower_ in _SCALE_WORDS:
        current, j, words = 1.0, i + 1, True
    elif low == "a" and i + 3 < stop and doc[i + 1].lower_ == "couple" and doc[i + 2].lower_ == "of" \
            and doc[i + 3].lower_ in _SCALE_WORDS:
        current, j, words = 2.0, i + 3, True  # "a couple of thousand pounds"
    elif low == "half" and i + 2 < stop and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ in _BIG:
        current, j, words = 0.5, i + 2, True
    elif low in _ONES or low in _TENS:
        current, j, words = float(_ONES.get(low, _TENS.get(low, 0))), i + 1, True
    else:
        return None
    last = j - 1
    while j < stop:
        low = doc[j].lower_
        nxt = doc[j + 1].lower_ if j + 1 < stop else ""
        if low == "and" and nxt in ("a", "an") and j + 2 < stop and doc[j + 2].lower_ == "half" \
                and current and not total and current == int(current) and current < 100:
            current += 0.5  # "one and a half million", "two and a half"
            last, j = j + 2, j + 3
            continue
        if words and current == 0 and total and (low in _ONES or low in _TENS):
            current = float(_ONES.get(low, _TENS.get(low, 0)))  # "two thousand | five hundred"
        elif words and low in _ONES and current is not None and current % 100 in _TENS.values() and _ONES[low] < 10:
            current += _ONES[low]  # "twenty five"
        elif words and low in ("-", "and") and (nxt in _ONES or nxt in _TENS) and \
                (low == "-" or doc[j - 1].lower_ in _SCALE_WORDS):
            j += 1
            continue  # "twenty-five", "one hundred and twenty" (joined, not yet the end)
        elif words and low in _TENS and current is not None and current % 100 == 0:
            current += _TENS[low]
        elif low == "hundred":
            current = (current or 1) * 100
        elif low == "dozen":
            current = (current or 1) * 12
        elif low in _BIG and (low in _SCALE_WORDS or not words) and (len(low) > 1 or doc[j].idx ==
                                                                    doc[j - 1].idx + len(doc[j - 1])):
            # single letters ("k", "m", "b") only when glued to the digits: "3.2m", not "3.2 m"
            total += (current if current is not None else 1) * _BIG[low]
            current = 0.0
            scaled = True
            metre_m = low == "m"
        else:
            break
        scaled = scaled or low in _SCALE_WORDS
        last = j
        j += 1
    return NumberPhrase(i, last, total + (current or 0.0), words, scaled, metre_m)


def read_vague(doc: Doc, i: int, hi: int) -> tuple[int, int] | None:
    """ "thousands", "tens of thousands", "several hundred" -> (first, last) token, else None."""
    low = doc[i].lower_
    if low in _VAGUE_LEAD or (low == "a" and i + 1 < hi and doc[i + 1].lower_ == "few"):
        k = i + 1 + (low == "a")
        if k < hi and doc[k].lower_ in _SCALE_WORDS - {"dozen"} | {"dozen"}:
            last = k
            while last + 1 < hi and doc[last + 1].lower_ in _SCALE_WORDS:
                last += 1
            return i, last
        if k < hi and doc[k].lower_ in _VAGUE - {"tens", "scores"} and low == "many":
            return i, k
        return None
    if low not in _VAGUE:
        return None
    nxt = doc[i + 1].lower_ if i + 1 < hi else ""
    if i + 2 < hi and nxt == "of" and doc[i + 2].lower_ in _VAGUE - {"tens", "scores", "dozens"}:
        return i, i + 2  # "tens of thousands"
    if low in ("tens", "scores") and nxt != "of":
        return None
    return i, i



__all__ = ["NumberPhrase", "digits_value", "read_number", "read_vague"]
