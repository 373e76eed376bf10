"""What a proposition is called: the question its claims answer, made from its most representative claim.

The representative claim is the one whose words the group's other claims share most, for its length,
preferring one that stands on its own; among the few most representative, the first that turns into a
question ("How many troops has X sent to Y?", "Has X sent troops to Y?", see ``questions``) names the
group, with the claim itself in brackets when the question counts something.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from claimledger.link.questions import figure_question, is_money, yes_no_question
from claimledger.link.questions import parse as parse_labels
from claimledger.link.words import is_anaphoric, owner_words, terms
from claimledger.model import Claim

# content that opens as a relative clause or with a pronoun: no label on its own
LEANING = re.compile(r"^\W*(?:which|who|whom|whose|where|it|they|he|she|them|him|her)\b", re.IGNORECASE)
QUESTION_MIN_CLAIMS = 2  # groups this big get a question for a label
LABEL_CANDIDATES = 3  # most representative claims parsed: the first making a question names the group
MIN_COUNTING = 3  # claims counting one thing that make a "how many" question even in a big group


def label_for(claims: list[Claim], parsed=None) -> tuple[str, str | None]:
    """A plain-words label and the unit its figures count, if they count one thing.

    The label is the question the group answers, made from its most representative claim (the one
    whose words the others share most, for its length; shortest on ties) when ``parsed`` holds that claim's parse
    (see ``questions``): "How many troops has X sent to Y? (<the claim>)" with figures, "Has X sent
    troops to Y?" without. Unparsed or unturnable, it is "How many <owner> <unit>? (<the claim>)"
    or the claim in its own words.
    """
    return _label(claims, *representative(claims), parsed)


def _label(claims: list[Claim], best: int | None, unit: str | None, parsed) -> tuple[str, str | None]:
    """``label_for`` with the representative claim ``best`` and ``unit`` already chosen."""
    rep = _as_statement(claims[best].content) if best is not None else ""
    question = _question(claims, best, unit, parsed)
    if unit:
        if question is None:
            question = _plain_question(claims, unit)
        return (f"{question} ({rep})" if rep else question), unit
    return question or rep or "(unlabelled)", None


def _question(claims: list[Claim], best: int | None, unit: str | None, parsed) -> str | None:
    """The question made from the parse of claim ``best``: 'how many' of its figure counting ``unit``,
    or yes/no; None when the claim does not turn into one."""
    if parsed is None or best is None:
        return None
    if unit:
        figure = next((f.text for f in claims[best].figures if f.unit == unit), "")
        return figure_question(parsed, figure, unit)
    return yes_no_question(parsed)


def _plain_question(claims: list[Claim], unit: str) -> str:
    """'How many North Korean troops?', 'How much per month?' (money), 'What percentage?' from the unit."""
    if is_money(unit):
        return f"How much{unit[3:]}?"  # the currency is in the figures; "USD per month" keeps "per month"
    if unit == "percent":
        return "What percentage?"
    owners = Counter(" ".join(owner_words(c.content, unit)) for c in claims if unit in {f.unit for f in c.figures})
    owners.pop("", None)
    owner = owners.most_common(1)[0][0] + " " if owners else ""
    return f"How many {owner}{unit}?"


def representative(claims: list[Claim]) -> tuple[int | None, str | None]:
    """The index of the claim that names the group best, and the unit its figures count, if one."""
    ranked, unit = candidates(claims)
    return (ranked[0] if ranked else None), unit


def candidates(claims: list[Claim], keep: int = 1) -> tuple[list[int], str | None]:
    """The ``keep`` claims that name the group best, best first, and the unit their figures count."""
    # each claim counted once per unit, in the order the units come (ties go to the first, whatever the hash seed)
    units = Counter(u for c in claims for u in dict.fromkeys(f.unit for f in c.figures if f.unit))
    unit = units.most_common(1)[0][0] if units else None
    counting = sum(1 for c in claims if any(f.unit for f in c.figures))
    if unit and ((counting * 3 < len(claims) and counting < MIN_COUNTING) or units[unit] * 3 < counting):
        unit = None  # one figure in a big group is a detail, not the question the group answers
    bags = [set(terms(c.content)) for c in claims]
    # words shared with the other claims, summed through word counts: linear in the group's size
    df = Counter(t for bag in bags for t in bag)
    pool = [i for i, c in enumerate(claims) if unit in {f.unit for f in c.figures}] if unit else range(len(claims))
    # a claim that stands on its own names the group better than one leaning on its sentence
    ranked = sorted(pool, key=lambda i: (_stands_alone(claims[i].content), _centrality(bags[i], df),
                                         -len(claims[i].content)), reverse=True)
    return ranked[:keep], unit


def _centrality(bag: set[str], df: Counter) -> float:
    """How many other claims share the words of ``bag``, over the square root of its size: a long claim
    touches more words of its group without being more about them, a short one may say too little."""
    return (sum(df[t] for t in bag) - len(bag)) / math.sqrt(max(len(bag), 4))


def labels_for(groups: list[list[Claim]]) -> list[tuple[str, str | None]]:
    """``label_for`` of many groups, their representative claims parsed in one batch.

    A lone claim keeps its own words: a question is worth a parse when several claims answer it.
    """
    ranked = [candidates(g, LABEL_CANDIDATES if len(g) >= QUESTION_MIN_CLAIMS else 1) for g in groups]
    todo = [(k, i) for k, (best, _) in enumerate(ranked) if len(groups[k]) >= QUESTION_MIN_CLAIMS for i in best]
    docs = parse_labels([groups[k][i].content for k, i in todo]) if todo else None
    parsed = dict(zip(todo, docs, strict=True)) if docs is not None else {}
    out = []
    for k, (g, (best, unit)) in enumerate(zip(groups, ranked, strict=True)):
        # the most central claim that makes a question names the group; else one that is a clause, which
        # names it better than a bare phrase ("thanked the agencies involved"), however central its words
        asks = (i for i in best if _question(g, i, unit, parsed.get((k, i))))
        clause = (i for i in best if (k, i) in parsed and _is_clause(parsed[(k, i)]))
        pick = next(asks, None)
        pick = pick if pick is not None else next(clause, best[0] if best else None)
        out.append(_label(g, pick, unit, parsed.get((k, pick))))
    return out


def _is_clause(doc) -> bool:
    """Whether the parsed claim has a verb at its root, not a bare noun phrase."""
    return any(t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in doc)


def _stands_alone(content: str) -> bool:
    """Not a relative clause ("which it said was meant to ...") and not leaning on what came before."""
    return not LEANING.match(content) and not is_anaphoric(content)


def _as_statement(content: str, limit: int = 90) -> str:
    text = " ".join(content.split()).strip("\u201c\u201d\"' ,.;:\u2026")
    if text.lower().startswith("that "):
        text = text[5:]
    text = text[:1].upper() + text[1:]
    return (text[:limit - 1].rstrip() + "\u2026") if len(text) > limit else text
