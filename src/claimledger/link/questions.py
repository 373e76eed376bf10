"""The question a proposition answers, made from its most representative claim by a parse.

* With a figure, the counted phrase becomes "how many": "about 8,000 North Koreans are in the
  Kursk region" -> "How many North Koreans are in the Kursk region?"; "Pyongyang has sent 10,000
  troops to Russia" -> "How many troops has Pyongyang sent to Russia?" ("did ... send" without an
  auxiliary).
* Without one, subject and auxiliary swap: "North Korea has sent troops to Russia" -> "Has North
  Korea sent troops to Russia?"; "Seoul warned of ..." -> "Did Seoul warn of ...?".

Only clauses with a named or described subject are turned; a pronoun ("they said it ...") or an
unusual shape gives None, and the caller keeps its plain label.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimledger.parse import pobj_of

MAX_CHARS = 120
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "obj"}
AUX_DEPS = {"aux", "auxpass"}
NUMBER_NOUNS = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}
ASIDES = {"relcl", "appos", "advcl", "parataxis", "conj", "acl"}
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
CONTRASTS = {"but", "yet"}
NEGATIVE_WORDS = {"no", "nobody", "nothing", "none", "neither", "nor", "never"}
PREDICATE_JOINS = {"and", "or", "but", "yet"}  # not "rather than": that one says what the first is not
_END_PUNCT = {".", ",", ";", ":", "!", "?", "-", "\u2013", "\u2014", "..."}
# a quote's first and second persons: a question made of them asks the wrong person
SPEAKER_WORDS = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")  # "US" is a country
# entity types whose capitals are a name's ("Half" of a CARDINAL "Half of Beirut" is not)
NAMED = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
MONEY = re.compile(r"^[A-Z]{3}\b")
_LEADING = re.compile(r"^\W*(?:that\s+)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _nlp():
    try:
        from claimledger.parse import load_model
        return load_model()
    except Exception:  # no spaCy model: labels stay statements
        return None


def parse(texts: list[str]) -> list[Doc] | None:
    """Parse short label texts in one batch; None when no spaCy model is installed."""
    nlp = _nlp()
    if nlp is None:
        return None
    disabled = [p for p in nlp.pipe_names if p == "claimledger_line_breaks"]
    with nlp.select_pipes(disable=disabled):
        return list(nlp.pipe([_LEADING.sub("", t).strip().rstrip(".;:,") for t in texts]))


def figure_question(doc: Doc, figure: str, unit: str | None = None) -> str | None:
    """'How many <what> <rest>?' with the figure's phrase questioned (asides dropped if too long), or None;
    a sum of money ("$500 million", unit "USD") is asked as 'How much <rest>?'."""
    return _how_many(doc, figure, False, unit) or _how_many(doc, figure, True, unit)


def is_money(unit: str | None) -> bool:
    """Whether a figure's unit is a currency ("USD", "EUR per month"), as ``extract.figures`` writes them."""
    return bool(unit) and bool(MONEY.match(unit))


def _how_many(doc: Doc, figure: str, short: bool, unit: str | None = None) -> str | None:
    at = doc.text.find(figure)
    if not figure or at < 0:
        return None
    span = doc.char_span(at, at + len(figure), alignment_mode="expand")
    if span is None:
        return None
    noun = span.root  # the phrase's place in the clause
    if is_money(unit):
        return _asked("How much", noun, noun, short)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = pobj_of(of)
    if counted is None or not (noun.like_num or noun.lower_ in NUMBER_NOUNS):
        if noun.like_num or noun.pos_ == "NUM":
            noun = noun.head
        counted = noun  # "8,000 troops"; else "thousands of soldiers" counts the soldiers
    if counted.pos_ not in {"NOUN", "PROPN"} or counted.i < span.start:
        return None
    what = [t for t in counted.subtree if t.i <= counted.i and not (span.start <= t.i < span.end)
            and t.dep_ not in {"det", "predet", "punct", "quantmod"} and not t.like_num
            and not (t.dep_ == "advmod" and t.head.like_num)]  # "about" 80 when only "80" was given
    if not what or what[-1].i != counted.i:
        return None
    return _asked("How many " + _words(what, lower_first=True)[0], noun, counted, short)


def _asked(phrase: str, noun: Token, counted: Token, short: bool) -> str | None:
    """The clause of the figure's phrase ``noun`` as a question led by ``phrase`` ("How many troops")."""
    verb = noun.head
    if verb.dep_ in {"relcl", "acl"}:
        return None  # "a mystery that three inquiries have failed to solve": the figure is an aside
    # the counted phrase's own words (a misparse can hang an aside after the verb on it: "16 people had
    # died on the right bank, the part of the region under Kyiv's control")
    lead = {t.i for t in noun.subtree}
    if noun.dep_ in SUBJECTS and verb.pos_ in {"VERB", "AUX"}:
        rest = [t for t in _clause(verb, short) if t.i > noun.i and t.i not in lead]
        # what the counted phrase says of itself right after it stays with it ("villages on the east bank")
        follows = next((c for c in counted.rights if c.dep_ == "prep" and c.i == counted.i + 1), None)
        if follows is not None and not short:
            phrase += " " + _words(list(follows.subtree))[0]
        return _finish(phrase, _words(rest))
    if noun.dep_ in OBJECTS and verb.pos_ == "VERB":
        while verb.dep_ == "xcomp" and _subject(verb) is None and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # "had decided to send 12,000 soldiers": asked of the deciding
        subj = _subject(verb)
        if subj is None:
            return None
        subject = list(subj.subtree)
        taken = lead | {t.i for t in subject}
        auxes = [c for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i and c.lower_ != "to"]
        rest = [t for t in _clause(verb, short) if t.i not in taken and t.i > subj.right_edge.i and t not in auxes[:1]]
        if auxes:
            words = [auxes[0].lower_, *_words(subject), *_words(rest)]
        elif verb.tag_ in _DO:
            words = [_DO[verb.tag_], *_words(subject), verb.lemma_,
                     *_words([t for t in rest if t.i != verb.i])]
        else:
            return None
        return _finish(phrase, words)
    return None


def yes_no_question(doc: Doc) -> str | None:
    """The statement's main clause as a yes/no question (its asides dropped if too long), or None."""
    return _yes_no(doc, short=False) or _yes_no(doc, short=True)


def _yes_no(doc: Doc, short: bool) -> str | None:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    subj = _subject(root)
    if subj is None or any(c.dep_ == "neg" for c in root.children) or _embedded_question(doc) \
            or any(t.lower_ in NEGATIVE_WORDS for t in subj.subtree) \
            or any(t.text in {"\u2026", "..."} for t in doc[:root.i]):
        # a negative statement ("no possibility could be excluded") asks nothing plainly; a verb past a
        # gap ("A … B") belongs to a later piece of the statement, parsed as if it went on from the first
        return None
    subject = list(subj.subtree)
    auxes = [c for c in root.children if c.dep_ in AUX_DEPS and c.i < root.i and c.lower_ != "to"]
    if short:
        kept = {u.i for u in _clause(subj, short=True)}
        subject = [t for t in subject if t.i in kept]
    clause = [t for t in _clause(root, short) if t.i > subj.right_edge.i]
    if len(clause) < 2 + bool(auxes):  # "the agency said": no question in it
        return None
    moved = auxes[0] if auxes else root if root.lemma_ == "be" else None  # goes before the subject
    if moved is not None and moved.tag_ == "VB":
        return None  # "that the officials be put on trial": a demand, not a statement to ask about
    if moved is not None:
        words = [moved.lower_, *_words(subject), *_words([t for t in clause if t.i != moved.i])]
    elif root.tag_ in _DO:  # what stands between subject and verb stays there ("did they mostly reflect")
        words = [_DO[root.tag_], *_words(subject), *_words([t for t in clause if t.i < root.i]), root.lemma_,
                 *_words([t for t in clause if t.i > root.i])]
    else:
        return None
    text = " ".join(words)
    return _finish(text[:1].upper() + text[1:], [])


def _embedded_question(doc: Doc) -> bool:
    """An indirect question ("how many soldiers Washington believed were on their way", "whether it
    would"): already a question, and its clause has lost the subject a yes/no question needs."""
    first = next((t for t in doc if not t.is_punct), None)
    return first is not None and (first.tag_ in {"WDT", "WP", "WP$", "WRB"} or first.lower_ in {"whether", "if"})


def _subject(verb: Token) -> Token | None:
    # a clause can be the subject too ("Restoring the lines could cost $500 million")
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "csubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.lower_ in {"this", "that", "these", "those", "which", "who"}:
        return None
    return subj


def _clause(verb: Token, short: bool = False) -> list[Token]:
    """The verb's clause without trailing punctuation or a second sentence; ``short`` also drops asides
    (relative clauses, appositions, added clauses), which a question can do without."""
    toks = [t for t in verb.subtree if t.sent == verb.sent]
    # a content in pieces ("A … B", the parts of one statement around its cue): once the verb is
    # behind, what follows the gap is another clause ("3,600 had been evacuated … most of them to Odesa")
    gap = next((t for t in toks if t.i > verb.i and t.text in {"\u2026", "..."}), None)
    if gap is not None:
        toks = [t for t in toks if t.i < gap.i]
    # a second statement joined on ("16 people died, and that rescuers were still searching") is
    # another question; so, when short, is any aside
    cut = {i for t in toks if (_aside(t) if short else _second_statement(t))
           for i in range(t.left_edge.i, t.right_edge.i + 1)}
    if cut:
        toks = [t for t in toks if t.i not in cut and not (t.dep_ in {"cc", "punct"} and t.i + 1 in cut)]
    while toks and (toks[-1].text in _END_PUNCT or toks[-1].is_space):
        toks.pop()
    return [t for t in toks if t.dep_ != "mark" or t.i > verb.i]


def _second_statement(tok: Token) -> bool:
    """A clause coordinated with its own subject and its own "that", or set against the first ("..., but
    it was not considered definitive"), or a second predicate of the same subject ("the blast killed 200
    people and injured 6,500"): a statement of its own."""
    if tok.dep_ != "conj" or tok.head.i == tok.i or tok.pos_ not in {"VERB", "AUX"}:
        return False
    joined_by = {c.lower_ for c in tok.head.children if c.dep_ == "cc" and tok.head.i < c.i < tok.i}
    if joined_by & PREDICATE_JOINS and tok.head.pos_ in {"VERB", "AUX"} \
            and tok.head.dep_ in {"ROOT", "ccomp", "xcomp", "conj"}:
        return True
    if not any(c.dep_ in SUBJECTS for c in tok.children):
        return False
    return any(c.dep_ == "mark" for c in tok.children) or bool(joined_by & CONTRASTS)


def _aside(tok: Token) -> bool:
    """A relative clause, apposition or added clause; coordinated names ("Russia and North Korea") stay."""
    if tok.head.i == tok.i or tok.dep_ not in ASIDES:
        return False
    return tok.dep_ != "conj" or tok.pos_ in {"VERB", "AUX"}


def _words(tokens: list[Token] | Span, lower_first: bool = False) -> list[str]:
    """The tokens as text with their own spacing ("mid-October" stays whole), a space where tokens
    were left out between them; a sentence-initial capital is lowered when the words move behind an
    auxiliary."""
    # in text order: a subtree may come out of order where the parse crosses itself ("reflected what
    # each government wanted to emphasise", "what" hanging on "emphasise")
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    if not toks:
        return []
    out = [_lower(toks[0]) if lower_first or toks[0].is_sent_start else toks[0].text]
    for prev, tok in zip(toks, toks[1:], strict=False):
        out.append((prev.whitespace_ if tok.i == prev.i + 1 else " ") + tok.text)
    return ["".join(out)]


def _lower(tok: Token) -> str:
    """Lower-case a sentence-initial common word; names keep their capitals."""
    named = tok.pos_ == "PROPN" or tok.ent_type_ in NAMED or (tok.text.isupper() and len(tok.text) > 1)
    return tok.text if named else tok.lower_


def _finish(head: str, words: list[str]) -> str | None:
    text = " ".join([head, *words]) if words else head
    text = re.sub(r"\s+([,.;:!?%)\]\u2019\u201d])", r"\1", text)
    text = re.sub(r"([(\[\u201c$])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|\u2019s|'re|'ve)\b", r"\1", text)
    text = re.sub(r"[\s,;:]*(?:\u2026|\.\.\.)[\s,;:]*", " ", text).strip(" ,;:-")
    if SPEAKER_WORDS.search(text):
        return None  # "Is it, to me, very concerning?": a speaker's words, no question for the reader
    # a comma left before a quote mark the balancing took away ('over and over,"')
    text = _balanced_quotes(text).rstrip(" ,;:")
    if len(text) > MAX_CHARS or len(text.split()) < 3:
        return None
    return text + "?"


def _balanced_quotes(text: str) -> str:
    """Without a quote mark left open or closed alone by the cut ('Did the pond hold enough water "?')."""
    if text.count('"') % 2:
        i = text.rfind('"') if text.rstrip().endswith('"') else text.find('"')
        text = (text[:i] + text[i + 1:]).strip()
    opened, closed = text.count("\u201c"), text.count("\u201d")
    if opened != closed:
        drop = "\u201d" if closed > opened else "\u201c"
        i = text.rfind(drop) if drop == "\u201c" else text.find(drop)
        text = (text[:i] + text[i + 1:]).strip()
    return text


__all__ = ["figure_question", "is_money", "parse", "yes_no_question"]
