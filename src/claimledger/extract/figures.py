"""Figures as a careful reader reads them: the number, its hedge, and what it counts.

"up to 12,000 North Korean soldiers" is Figure(12000, "upper", "soldiers"). The number phrase is read
by ``numbers`` (digits, spelled-out numbers, scale words, "2bn"); the hedge from the words before/after
it; the unit from a currency/percent marker or the noun phrase that follows ("of" included: "10,000 of
its soldiers"), else the group it sizes ("an army of 600,000"). spaCy's DATE/TIME labels skip numbers
only when the entity holds a time word ("in 24 years", "two years ago": durations are not figures);
the small model also tags "between 5" of "between 5 and 7 percent".

Not figures: years, calendar dates and times, ordinals, ages ("aged 32", "Kim, 40,"), phone numbers,
identifiers ("F-16", "Route 6", "Resolution 2231", "No. 10"), numbers in URLs, scores and tallies
("won 3-1"), ratios ("one in five"), definite references ("the two countries": a known set, not a
stated quantity), a small spelled-out number in scare quotes ("“two states”") and a bare "one" ("one
of the ships", "one official said") unless hedged ("at least one weapon") or scaled ("one million").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimledger.extract.estimates import DURATION_UNITS, MOVING_VERBS, SETTING_VERBS
from claimledger.extract.mentions import is_person_noun
from claimledger.extract.numbers import NumberPhrase, digits_value, read_number, read_vague
from claimledger.model import UNIT_DIMENSIONS, Figure
from claimledger.parse import doc_text
from claimledger.timeexpr import MONTHS, WEEKDAYS, find_time_expressions

_HEDGES = {
    "upper": ["up to", "as many as", "as much as", "at most", "no more than", "not more than", "fewer than",
              "less than", "under", "below", "a maximum of", "as high as", "just under", "up to about"],
    "lower": ["at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
              "not less than", "a minimum of", "above", "well over", "just over", "exceeding", "more than about"],
    "approx": ["about", "around", "roughly", "approximately", "approx.", "nearly", "almost", "some", "close to",
               "an estimated", "estimated", "the estimated", "circa", "in the region of", "around about",
               "on the order of", "just about", "some estimated", "perhaps"],
}
_HEDGE_WORDS = {tuple(p.split()): k for k, phrases in _HEDGES.items() for p in phrases}
_POST_HEDGES = {("or", "more"): "lower", ("or", "so"): "approx", ("or", "fewer"): "upper",
                ("or", "less"): "upper", ("at", "least"): "lower", ("at", "most"): "upper", ("plus",): "lower",
                ("-", "plus"): "lower", ("+",): "lower", ("-", "odd"): "approx", ("odd",): "approx",
                ("or", "more", "than", "that"): "lower"}
_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY", "₩": "KRW",
                     "₴": "UAH"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
                   "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "rouble": "RUB",
                   "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB", "yen": "JPY", "jpy": "JPY",
                   "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "won": "KRW", "krw": "KRW", "hryvnia": "UAH",
                   "hryvnias": "UAH", "uah": "UAH", "rupees": "INR", "inr": "INR"}
_RATE_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "annum": "year"}
_RATE_ADVERBS = {"annually": "year", "monthly": "month", "daily": "day", "weekly": "week", "yearly": "year"}
_TIME_NOUNS = DURATION_UNITS | {"night", "weekend", "decade", "century", "morning", "evening", "afternoon"}
_REFERENCE_NOUNS = {"section", "article", "paragraph", "chapter", "clause", "page", "line", "item", "number", "no",
                    "no.", "route", "flight", "resolution", "unit", "room", "level", "phase", "version", "model",
                    "type", "grade", "category", "figure", "table", "gate", "platform", "highway", "road", "block",
                    "building", "district", "zone", "sector", "point", "channel", "window", "series"}
_TIME_WORDS = {"ago", "today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "am", "pm", "a.m", "p.m"}
# "a total of 300" says nothing about what is counted
_AGGREGATE_NOUNS = {"total", "number", "sum", "maximum", "minimum", "average", "figure", "estimate", "tally",
                    "toll", "count", "amount", "value", "rate", "level", "range", "group", "set", "batch", "cost"}
_DEFINITE = {"the", "these", "those"}
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}\b")


def _phrase_before(doc: Doc, i: int, lo: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that ends right before token i: (its value, its first token)."""
    for n in (4, 3, 2, 1):
        if i - n >= lo:
            key = tuple(t.lower_ for t in doc[i - n:i])
            if key in table:
                return table[key], i - n
    return None


def _phrase_after(doc: Doc, j: int, hi: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that starts at token j: (its value, its last token)."""
    for n in (4, 3, 2, 1):
        if j + n <= hi:
            key = tuple(t.lower_ for t in doc[j:j + n])
            if key in table:
                return table[key], j + n - 1
    return None


ESTIMATE_VERBS = SETTING_VERBS | MOVING_VERBS
# spans of time short enough that "N of them after an event" measures a delay, not a date
_SHORT_SPANS = {"second", "minute", "hour"}
LASTING_VERBS = {"last", "run", "continue", "drag"}  # "the blockade lasted six days"
# a span of time after these is when or how long, not an amount
_TIME_PREPOSITIONS = {"after", "before", "for", "in", "within", "during", "over", "since", "until", "by",
                      "through", "throughout", "from", "into", "ago", "past", "across", "inside"}


def _skipped_span(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)


# nouns for people that the person-noun test does not know: a person's age is no figure
KIN_NOUNS = {"victim", "child", "boy", "girl", "son", "daughter", "mother", "father", "wife", "husband", "baby",
             "infant", "patient", "passenger", "resident", "brother", "sister", "relative", "casualty", "teenager",
             "friend", "person", "people", "man", "woman", "suspect", "worker", "miner", "crew", "captain"}


def _thing_age(doc: Doc, num: NumberPhrase) -> bool:
    """Whether "N years old" says how old a thing is, in a predicate ("The aircraft was 18 years old",
    "described the plane as 11 years old"): a figure that can be disputed, unlike a person's age."""
    if num.last + 2 >= len(doc) or doc[num.last + 1].lower_ not in {"year", "years"} \
            or doc[num.last + 2].lower_ != "old":
        return False
    old = doc[num.last + 2]
    subject = None
    if old.dep_ == "acomp":
        verb = old.head
        while subject is None and verb is not None:
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            verb = verb.head if verb.dep_ == "conj" else None  # "was built in 2007 and was 18 years old"
    elif old.head.lower_ == "as" and old.head.dep_ == "prep":
        subject = next((c for c in old.head.head.children if c.dep_ == "dobj"), None)
    if subject is None:
        return False
    if subject.lower_ == "it":
        return True
    return subject.pos_ == "NOUN" and subject.ent_type_ != "PERSON" and not is_person_noun(subject) \
        and subject.lemma_.lower() not in KIN_NOUNS


def _not_a_figure(doc: Doc, num: NumberPhrase, lo: int, hi: int, hedged: bool, skip_spans: list[tuple[int, int]]
                  ) -> bool:
    """Years, dates, times, ages, identifiers, definite references, pronoun "one"."""
    first, last = doc[num.first], doc[num.last]
    nxt = doc[num.last + 1] if num.last + 1 < hi else None
    prev = doc[num.first - 1] if num.first > lo else None
    text = doc_text(doc)
    if _skipped_span(first.idx, skip_spans):
        return True
    if _thing_age(doc, num):
        return False  # "the aircraft was 18 years old": a date to the tagger, a disputed figure here
    counted_next = nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lemma_.lower() not in _TIME_NOUNS
    if first.ent_type_ in ("DATE", "TIME") and not counted_next and _is_time_entity(doc, first) \
            and not _time_as_amount(doc, num, hi):
        return True
    if not num.words and not num.scaled and "," not in first.text and "." not in first.text and \
            1800 <= num.value <= 2100 and not hedged and not counted_next:
        return True  # a year standing alone ("since 1999", "the 2024 budget")
    if nxt is not None and nxt.lower_ in ("am", "pm", "a.m.", "p.m.", "o'clock", "gmt", "utc", "hrs", "bst"):
        return True
    after = text[last.idx + len(last):last.idx + len(last) + 12].lower()
    if re.match(r"[-\s]*years?[-\s]+old|-year-olds?", after) or (prev is not None and prev.lower_ in ("aged", "age")):
        return True
    # identifiers: glued to letters ("KN-23", "5G"), or after a title-case name/reference noun ("Route 6")
    before_char = text[first.idx - 1] if first.idx > 0 else " "
    if before_char == "-" and first.idx > 1 and text[first.idx - 2].isalpha():
        return True
    after_char = text[last.idx + len(last)] if last.idx + len(last) < len(text) else " "
    if after_char.isalpha() and not num.scaled:
        return True
    if _scare_quoted(doc, num, lo, hi):
        return True
    if prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ")") and not hedged and \
            num.first - 2 >= lo and doc[num.first - 2].ent_type_ == "PERSON" and num.value < 130:
        return True  # "Kim, 40, met ...": an age in apposition
    if prev is not None and prev.text == "." and num.first - 2 >= lo and doc[num.first - 2].lower_ in ("no", "nos"):
        return True  # "No. 10", split by the tokenizer
    if _in_ratio(doc, num, lo, hi):
        return True
    if prev is not None and not hedged and not counted_next and (
            prev.lower_ in _REFERENCE_NOUNS or (prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start)):
        return True
    year_like = 1800 <= num.value <= 2100 and "," not in first.text  # "the 2024 budget"
    if prev is not None and prev.lower_ in _DEFINITE and not hedged and (num.words or num.value < 100 or year_like):
        # "the two countries": a reference to a known set; "the 2,750 tonnes unloaded in 2014" states one
        return True
    # "one of the ships", "one official said"
    return num.words and num.value == 1 and not num.scaled and not hedged


def entity_around(doc: Doc, tok: Token) -> Span | None:
    """The named entity holding ``tok``, read from the IOB tags around it (``doc.ents`` builds every
    entity of the document on each call: quadratic over a long article)."""
    if tok.ent_iob_ not in {"B", "I"}:
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)


def _time_as_amount(doc: Doc, num: NumberPhrase, hi: int) -> bool:
    """A span of time that is the amount claimed, not when or how long something happened: "carried 96
    hours of oxygen", "there were about 40 hours of air left", "put the supply at roughly 20 hours",
    "the siege lasted 80 days", "the cutter arrived 49 minutes after the call". A time word after the
    number that measures something ("of oxygen"), is a verb's subject or object, is what an estimate is
    set at, measures how long something lasted, or how many minutes or hours after (or before) another
    event a reported one came; "after two years", "within 24 hours", "three days ago", "for a week",
    "five days after the march" and a fronted "Two hours after the sinking, divers ..." stay times."""
    k = num.last + 1
    if k + 1 < hi and doc[k].lower_ in {"and", "to", "or", "-", "\u2013"} and doc[k + 1].like_num:
        k += 2  # the first number of a range: "between 70 and 96 hours"
    unit = doc[k] if k < hi else None
    if unit is None or unit.lemma_.lower() not in _TIME_NOUNS or unit.lemma_.lower() in {"night", "weekend"}:
        return False
    if unit.dep_ == "pobj" and unit.head.lower_ in _TIME_PREPOSITIONS:
        return False  # "after two years of war"
    after = doc[unit.i + 1] if unit.i + 1 < hi else None
    if after is not None and after.lower_ == "of" and any(
            c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _TIME_NOUNS for c in after.children):
        return True  # "96 hours of oxygen"
    if unit.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}:
        return unit.head.pos_ in {"VERB", "AUX"} and not any(c.dep_ == "advmod" and c.lower_ == "ago"
                                                             for c in unit.children)
    head = unit.head
    if unit.dep_ == "npadvmod" and head.pos_ == "VERB" and head.lemma_.lower() in LASTING_VERBS:
        return True  # "the search lasted 12 days"
    if unit.dep_ == "npadvmod" and unit.lemma_.lower() in _SHORT_SPANS and head.head.pos_ in {"VERB", "AUX"} \
            and head.head.i < num.first and ((head.lower_ in {"after", "before"} and head.dep_ == "prep")
            or (head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "before"}
                                             and c.i == unit.i + 1 for c in head.children))):
        # "reached the ferry 49 minutes after the distress call", "came two hours after we went into
        # the water": the delay reported. Days and longer after an event say when ("spoke to her five
        # days after the march").
        return True
    return unit.dep_ == "pobj" and head.lower_ in {"at", "to"} and head.head.lemma_.lower() in ESTIMATE_VERBS


def _is_time_entity(doc: Doc, tok: Token) -> bool:
    """Whether spaCy's DATE/TIME entity around ``tok`` really names a time: it holds a time word, a month,
    a weekday, a year or "ago". The small model also tags "between 5" in "between 5 and 7 percent"."""
    ent = entity_around(doc, tok)
    if ent is None:
        return False
    for t in ent:
        low = t.lower_.rstrip(".")
        if t.lemma_.lower() in _TIME_NOUNS or low in MONTHS or low in WEEKDAYS or low in _TIME_WORDS or \
                re.fullmatch(r"(1[89]|20)\d\d'?s?|'?\d0s|\d+(st|nd|rd|th)", low):
            return True
    return False


def _scare_quoted(doc: Doc, num: NumberPhrase, lo: int, hi: int) -> bool:
    """ "fighting “two states”", "the “three noes”": a small spelled-out number opening a quoted fragment
    of at most three words names a notion in the speaker's words; quoted digits ("“3,000 troops”") still count."""
    if not num.words or num.value >= 10 or num.first - 1 < lo or not doc[num.first - 1].is_quote:
        return False
    for k in range(num.last + 1, min(hi, num.last + 4)):
        if doc[k].is_quote:
            return all(doc[m].pos_ not in ("VERB", "AUX") for m in range(num.last + 1, k))
        if doc[k].is_punct:
            return False
    return False


def _in_ratio(doc: Doc, num: NumberPhrase, lo: int, hi: int) -> bool:
    """ "one in five", "1 in 3 residents": a proportion, neither number a count."""
    def is_num(k: int) -> bool:
        return lo <= k < hi and read_number(doc, k, hi) is not None

    before = num.first - 2 >= lo and doc[num.first - 1].lower_ in ("in", "out") and is_num(num.first - 2)
    if num.first - 3 >= lo and doc[num.first - 1].lower_ == "of" and doc[num.first - 2].lower_ == "out":
        before = is_num(num.first - 3)
    after = num.last + 2 < hi and doc[num.last + 1].lower_ == "in" and is_num(num.last + 2)
    return before or after


def _currency_before(doc: Doc, i: int, lo: int) -> tuple[str, int] | None:
    if i - 1 >= lo:
        sym = doc[i - 1].lower_
        if sym in _CURRENCY_SYMBOLS:
            start = i - 1
            if sym == "$" and i - 2 >= lo and doc[i - 2].text in ("US", "U.S.") :
                start = i - 2
            return _CURRENCY_SYMBOLS[sym], start
        if sym in ("usd", "eur", "gbp", "rub", "krw", "jpy", "cny", "uah") and doc[i - 1].is_upper:
            return sym.upper(), i - 1
    return None


def _unit_after(doc: Doc, j: int, hi: int) -> tuple[str | None, int]:
    """Currency word or percent right after the number: (unit, last token used) or (None, j - 1)."""
    if j >= hi:
        return None, j - 1
    low = doc[j].lower_
    nxt = doc[j + 1].lower_ if j + 1 < hi else ""
    if low in ("%", "percent", "pct"):
        return "percent", j
    if low == "per" and nxt == "cent":
        return "percent", j + 1
    if low == "percentage" and nxt in ("points", "point"):
        return "percentage points", j + 1
    if low in ("us", "u.s.") and nxt in ("dollars", "dollar"):
        return "USD", j + 1
    if low in _CURRENCY_WORDS and (low not in ("pounds", "pound") or (nxt != "of" and not _weighed(doc[j]))) and \
            (low != "won" or doc[j].pos_ != "VERB"):
        return _CURRENCY_WORDS[low], j + (nxt == "sterling")
    return None, j - 1


def _weighed(tok: Token) -> bool:
    """Whether "pounds" is a weight: its sentence weighs something ("the payload weighed 900 pounds", "a
    load of 300 pounds", "heavier than 2,000 pounds"); otherwise pounds are sterling."""
    return any(t.lemma_.lower() in {"weigh", "weight", "heavy", "light", "payload", "load", "cargo"} for t in tok.sent)


def _rate_after(doc: Doc, j: int, hi: int) -> tuple[str, int] | None:
    """ "a month", "per day", "annually" -> ("month", last token)."""
    if j < hi and doc[j].lower_ in _RATE_ADVERBS:
        return _RATE_ADVERBS[doc[j].lower_], j
    if j + 1 < hi and doc[j].lower_ in ("a", "an", "per", "each", "every") and doc[j + 1].lower_ in _RATE_UNITS:
        return _RATE_UNITS[doc[j + 1].lower_], j + 1
    return None


def _noun_phrase_unit(doc: Doc, j: int, hi: int) -> str | None:
    """What is counted: the noun phrase at token j ("North Korean soldiers" -> "soldiers")."""
    if j < hi and doc[j].lower_ == "of":  # "10,000 of its soldiers", "thousands of troops"
        j += 1
        while j < hi and (doc[j].pos_ in ("DET", "PRON") or doc[j].tag_ == "POS" or doc[j].ent_type_ == "GPE"):
            j += 1
    run = []
    while j < hi and (doc[j].pos_ in ("NOUN", "PROPN", "ADJ") or doc[j].tag_ in ("VBN", "VBG")
                      or (doc[j].text == "-" and not doc[j - 1].whitespace_)):
        run.append(doc[j])
        j += 1
    # the head is the first noun that does not modify a later word of the run
    head = None
    for k, tok in enumerate(run):
        if tok.pos_ in ("NOUN", "PROPN") and not (tok.dep_ in ("compound", "amod", "nmod") and tok.head in run[k + 1:]):
            head = k
            break
    if head is None:
        return None
    head_tok = run[head]
    if head_tok.ent_type_ in ("NORP", "GPE", "ORG") and head_tok.ent_iob_ != "B":
        ent_start = next(k for k in range(head, -1, -1) if run[k].ent_iob_ == "B" or k == 0)
        return " ".join(t.text for t in run[ent_start:head + 1])  # "North Koreans"
    kept = [head_tok]
    for tok in reversed(run[:head]):
        if tok.lower_ in UNIT_DIMENSIONS and tok.i + 1 == kept[0].i:
            kept.insert(0, tok)  # "cubic metres" measure a volume, "metres" a length
        elif tok.pos_ == "NOUN" and tok.ent_type_ not in ("NORP", "GPE"):
            kept.insert(0, tok)
        elif tok.pos_ in ("ADJ", "NOUN", "VERB") and tok.head in kept[:-1] and tok.ent_type_ != "NORP":
            kept.insert(0, tok)  # "special" in "special forces soldiers" modifies "forces", not the head
        else:
            break
    return doc_text(doc)[kept[0].idx:kept[-1].idx + len(kept[-1])]


def extract_figures(doc: Doc, start: int, end: int) -> list[Figure]:
    """All figures whose text lies in ``doc.text[start:end]``, in text order."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return []
    lo, hi = span.start, span.end
    text = doc_text(doc)
    skip_spans = [(start + a, start + b) for a, b in
                  [t[:2] for t in ((e.start, e.end) for e in find_time_expressions(text[start:end]))]]
    skip_spans += [(start + m.start(), start + m.end()) for rx in (_URL, _PHONE) for m in rx.finditer(text[start:end])]
    figures: list[Figure] = []
    i = lo
    while i < hi:
        if vague := read_vague(doc, i, hi):
            a, b = vague
            if not _skipped_span(doc[a].idx, skip_spans):
                unit = _noun_phrase_unit(doc, b + 1, hi)
                unit = _CURRENCY_WORDS.get(unit.lower(), unit) if unit else None
                figures.append(Figure(None, "approx", unit, text[doc[a].idx:doc[b].idx + len(doc[b])],
                                      (doc[a].idx, doc[b].idx + len(doc[b]))))
                i = b + 1
                continue
        num = read_number(doc, i, hi)
        if num is None:
            i += 1
            continue
        figure, i = _build_figure(doc, num, lo, hi, skip_spans)
        if figure is not None:
            figures.append(figure)
    return figures


def _build_figure(doc: Doc, num: NumberPhrase, lo: int, hi: int, skip_spans: list[tuple[int, int]]
                  ) -> tuple[Figure | None, int]:
    """Hedge, range, currency, unit around one number phrase; returns (figure or None, next token)."""
    text = doc_text(doc)
    currency = _currency_before(doc, num.first, lo)
    first_tok = currency[1] if currency else num.first
    hedge = _phrase_before(doc, first_tok, lo, _HEDGE_WORDS)
    kind = hedge[0] if hedge else "exact"
    start_tok = hedge[1] if hedge else first_tok
    between = first_tok - 1 >= lo and doc[first_tok - 1].lower_ in ("between", "from")
    if between and not hedge:
        start_tok = first_tok - 1
    if _not_a_figure(doc, num, lo, hi, hedge is not None, skip_spans):
        return None, num.last + 1
    value, low, high = num.value, None, None
    if first_tok - 1 >= lo and doc[first_tok - 1].lower_ in ("minus", "negative"):
        value, start_tok = -value, min(start_tok, first_tok - 1)  # "minus 5 degrees"
    last = num.last
    unit, last = _unit_after(doc, last + 1, hi)
    unit = unit or (currency[0] if currency else None)
    # a range: "10,000-12,000", "10,000 to 12,000", "between 10,000 and 12,000", "two or three"
    j = last + 1
    if j + 1 < hi and (doc[j].text in ("-", "–", "—", "to") or (doc[j].lower_ == "and" and between)
                       or (doc[j].lower_ == "or" and num.words)):
        k = j + 1 + (doc[j + 1].lower_ in _CURRENCY_SYMBOLS)
        second = read_number(doc, k, hi) if k < hi else None
        glued = doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        if second is not None and glued and second.value <= num.value and not (num.scaled or second.scaled):
            return None, second.last + 1  # "won 3-1", "passed 52-48": a score or a tally, not two counts
        if second is not None and not _skipped_span(doc[k].idx, skip_spans) and value >= 0:
            v1 = num.value
            if second.scaled and not num.scaled:  # "10 to 12 million"
                scale = second.value / max(1.0, float(int(digits_value(doc[second.first].text) or 1)))
                v1 = v1 * scale if second.value >= v1 * scale else v1
            if second.value > v1:
                value, low, high, kind = v1, v1, second.value, "range"
                unit2, last = _unit_after(doc, second.last + 1, hi)
                unit = unit or unit2
                if between:
                    start_tok = min(start_tok, first_tok - 1)
                num = NumberPhrase(num.first, second.last, v1, num.words, second.scaled or num.scaled, second.metre_m)
    if post := _phrase_after(doc, last + 1, hi, _POST_HEDGES):
        if kind == "exact":
            kind = post[0]
        last = post[1]
    j = last + 1
    if j < hi and doc[j].text == "-" and j + 1 < hi and doc[j + 1].lower_ == "strong":
        j += 2  # "a 1,500-strong unit"
    # a singular noun after "3.2m" is what the length describes ("a 3.2m wall"); millions count plurals
    if num.metre_m and unit is None and (j >= hi or doc[j].pos_ not in ("NOUN", "ADJ", "PROPN")
                                         or doc[j].tag_ == "NN"):
        value, unit = value / 1e6, "m"  # "a 3.2m wall" stays metres; "3.2m people" is millions
        low, high = (low / 1e6 if low else None), (high / 1e6 if high else None)
    if unit is None:
        unit = _noun_phrase_unit(doc, j, hi)
        if unit is None:
            unit = _head_noun(doc, num, hi) or _noun_before_of(doc, start_tok, lo)
        weight = unit and unit.lower() in ("pound", "pounds") and _weighed(doc[min(j, len(doc) - 1)])
        if unit and unit.lower() in _CURRENCY_WORDS and not weight:
            unit = _CURRENCY_WORDS[unit.lower()]
    if rate := _rate_after(doc, last + 1, hi):
        last = rate[1]
        unit = f"{unit or 'units'} per {rate[0]}" if unit else f"per {rate[0]}"
    elif unit and unit.isupper() and (rate := _rate_after(doc, j, hi)):
        unit = f"{unit} per {rate[0]}"
    a, b = doc[start_tok].idx, doc[last].idx + len(doc[last])
    return Figure(value, kind, unit, text[a:b], (a, b), low, high), last + 1


def _noun_before_of(doc: Doc, start: int, lo: int) -> str | None:
    """ "an army of about 600,000" -> "army": the group the number sizes, when nothing follows it."""
    if start - 2 >= lo and doc[start - 1].lower_ == "of":
        noun = doc[start - 2]
        if noun.pos_ == "NOUN" and noun.lemma_.lower() not in _TIME_NOUNS | _AGGREGATE_NOUNS:
            return noun.text
    return None


def _head_noun(doc: Doc, num: NumberPhrase, hi: int) -> str | None:
    """Fallback: the noun the number modifies per the parse, if it follows closely ("10,000 or so troops")."""
    head: Token = doc[num.last].head
    if doc[num.last].dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.pos_ == "NOUN" and \
            num.last < head.i < min(hi, num.last + 5):
        return head.text
    return None


__all__ = ["extract_figures"]
