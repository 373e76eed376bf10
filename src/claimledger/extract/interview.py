"""Question-and-answer interviews: the answers are the interviewee's claims, relayed by the publisher.

An article that introduces an interview ("The Harbour Times spoke with Ana Ruiz, an economist ...") and
then alternates question paragraphs (ending in "?") with answers is read the way its readers read it:
every answer is Ana Ruiz speaking, through the Harbour Times. So

- relations inside answers whose source is "I"/"we" (or missing) get the interviewee as source;
- answer sentences that state a figure or hedge a statement ("I think ...", "never confirmed") and
  carry no attribution of their own become claims of the interviewee (kind "interview", no cue).

A source who spoke to a publisher ("told DV") is an interview too: that relay stays on the source's
later claims in the article (``interview_relays``).

Only the general shape of an interview is used: an introducing verb, a named person, questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimledger.extract.figures import extract_figures
from claimledger.extract.mentions import MEDIUM_NOUNS, OUTLET_NOUNS, gender_fits, is_person_noun
from claimledger.extract.relation import Relation
from claimledger.extract.source_phrases import core_span, entity_name
from claimledger.extract.sources import SourceResolver
from claimledger.extract.turns import FIRST_PERSON, same_person
from claimledger.model import Party
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text, pobj_of

INTRO_VERBS = {"speak", "talk", "interview", "sit", "chat"}
PRONOUNS = {"him", "her"}
# who asks in a transcript; a line so labelled is a question whether or not it ends in a question mark
# ("Q: Even a million would be ...")
QUESTION_LABELS = {"q", "question", "interviewer"}
QUESTION_LABEL = re.compile(rf"(?:{'|'.join(sorted(QUESTION_LABELS))})\s*[:.]\s", re.IGNORECASE)
ANSWER_MARK = re.compile(r"(?:A|Answer|ANSWER)\s*[:.]\s+")
MIN_QUESTIONS = 2
INTRO_SENTENCES = 12
# where one speaks on an occasion of one's own, not through a publisher named before
OCCASIONS = {"conference", "briefing", "statement", "interview", "speech", "address", "hearing", "session",
             "meeting", "summit", "rally", "post", "reporters", "journalists", "parliament", "interviewer"}
_HEDGE = re.compile(r"\b(i think|i believe|we believe|in my (?:view|opinion)|likely|may|might|could|perhaps|"
                    r"probably|possibl[ey]|never confirmed|not confirmed|too (?:early|soon)|unclear)\b", re.I)


# what a speaker asks of the readers, and what one feels: not claims of fact
APPEAL_VERBS = {"ask", "urge", "encourage", "invite", "thank", "remind", "welcome", "appeal", "advise"}
# how readers may reach the speaker: "Families ... should call the liaison line", "Residents can also call ..."
REACH_VERBS = {"call", "contact", "visit", "email", "write", "text", "phone"}
FEELING_NOUNS = {"thought", "prayer", "sympathy", "condolence", "heart"}


def statement(sent: Span) -> bool:
    """Whether a sentence states something: a clause with a subject (not an imperative, not a heading
    ending in a colon, not a one-word answer) that is neither an appeal nor a feeling."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"}), None)
    return root.pos_ in {"VERB", "AUX"} and subject is not None and len(sent) >= 4 \
        and not sent.text.rstrip().endswith(":") and root.lemma_.lower() not in APPEAL_VERBS \
        and subject.lemma_.lower() not in FEELING_NOUNS and not _reach_us(root)


def _reach_us(root: Token) -> bool:
    return root.lemma_.lower() in REACH_VERBS and any(
        c.dep_ == "aux" and c.lower_ in {"should", "can", "may", "must", "could"} for c in root.children)


@dataclass
class Interview:
    person: Party
    publisher: Party | None
    answers: list[CharSpan]


def find_interview(doc: Doc, resolver: SourceResolver) -> Interview | None:
    """The interview an article presents, or None when it is not a Q&A interview."""
    intro = _intro(doc, resolver)
    if intro is None:
        return None
    person, publisher = intro
    answers, questions, in_answer = [], 0, False
    pos = 0
    for line in doc_text(doc).split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if not body or start < person.span[0]:
            continue
        labelled = ANSWER_MARK.match(body)  # "A: ... How can they not know?" answers, question mark or not
        if (body.endswith("?") and not labelled) or QUESTION_LABEL.match(body):
            questions += 1
            in_answer = True
            continue
        # an answer paragraph reads as prose: several words and a sentence end
        if in_answer and len(body.split()) >= 6 and (labelled or body[-1] in ".!\u201d\"'"):
            lead = len(line) - len(line.lstrip())
            answers.append((start + lead, start + lead + len(body)))
    if questions < MIN_QUESTIONS or not answers:
        return None
    return Interview(person=_labelled(doc_text(doc), answers, person), publisher=publisher, answers=answers)


ANSWER_LABEL = re.compile(r"([A-Z][\w'\u2019-]+)\s*:\s")
NAME_WORD = r"[A-Z](?:[\w'\u2019-]*|\.)"  # a capitalised word or an initial


def _labelled(text: str, answers: list[CharSpan], person: Party) -> Party:
    """The interviewee a transcript's answer labels name ("Zaretskaya: On Saturday. ..."), in full as the
    article introduces them ("Natalia Zaretskaya, 52, ..."), when that is not who the introduction
    seemed to name (the tagger may miss the name, and "spoke to her" then finds the byline's writer)."""
    labels = [m.group(1) for a, _ in answers if (m := ANSWER_LABEL.match(text, a))]
    label = max(set(labels), key=labels.count) if labels else None
    if label is None or labels.count(label) < 2 or label.lower() in QUESTION_LABELS \
            or same_person(label, person.entity):
        return person
    first = answers[0][0]
    names = [m for m in re.finditer(rf"\b(?:{NAME_WORD}[ \t]+){{0,3}}{re.escape(label)}\b", text[:first])]
    if not names:
        return person
    best = max(names, key=lambda m: len(m.group(0).split()))
    return Party(text=best.group(0), entity=best.group(0), kind="person", span=best.span())


def _intro(doc: Doc, resolver: SourceResolver) -> tuple[Party, Party | None] | None:
    for n, sent in enumerate(doc.sents):
        if n >= INTRO_SENTENCES:
            break
        for tok in sent:
            if tok.lemma_.lower() not in INTRO_VERBS or tok.pos_ != "VERB":
                continue
            person_tok = _interviewee(tok)
            if person_tok is None:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            span = core_span(person_tok)
            text, name = span.text, entity_name(span)[0] or span.text
            if person_tok.pos_ == "PRON":  # "We spoke to him": the person the article has just named
                named = resolver.party(person_tok)
                if named.kind != "person" or not named.entity or named.entity.lower() in PRONOUNS:
                    continue
                text = name = named.entity
            person = Party(text=text, entity=name, kind="person", span=(span.start_char, span.end_char))
            publisher = resolver.party(subj) if subj is not None and subj.lower_ not in FIRST_PERSON else None
            return person, publisher
    return None


def _interviewee(verb: Token) -> Token | None:
    """'spoke with X' / 'talked to X' / 'interviewed X': X when it is a named person."""
    candidates = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "to"}:
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for c in candidates:
        if c.lower_ in PRONOUNS:
            return c
        # one speaks with people: a proper name here is a person even when NER calls it an ORG
        if c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "NORP", "LOC", "FAC"}
                                       and any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in c.children)):
            return c
    return None


def in_answer(interview: Interview, start: int) -> bool:
    return any(a <= start < b for a, b in interview.answers)


def answer_sentences(doc: Doc, interview: Interview, covered: list[CharSpan]) -> list[CharSpan]:
    """Answer sentences that state something and carry no attribution of their own: an interviewee's
    testimony ("On our deck the lockers were padlocked") is a claim with or without a figure."""
    out = []
    for sent in doc.sents:
        if not in_answer(interview, sent.start_char):
            continue
        if any(a < sent.end_char and sent.start_char < b for a, b in covered) or sent.text.rstrip().endswith("?"):
            continue  # attributed already, or a question the interviewee asks back
        if statement(sent) or _HEDGE.search(sent.text) or extract_figures(doc, sent.start_char, sent.end_char):
            text = sent.text.rstrip()
            label = ANSWER_MARK.match(text)  # "A: On our deck ...": the claim starts after the label
            out.append((sent.start_char + (label.end() if label else 0), sent.start_char + len(text)))
    return out


THIRD_PERSON = {"he", "she", "him", "her"}
_WORD_END = re.compile(r"\S*")


def third_person(party: Party | None) -> bool:
    return party is not None and (party.text or "").strip().lower() in THIRD_PERSON


def _someone_else(doc: Doc, pronoun: Party, interview: Interview, resolver: SourceResolver) -> Party:
    """Whom "he"/"she" in an answer stands for: a person the answer itself spoke of just before ("My
    brother-in-law works there. He says ..."), else the latest person named before it who is not the
    interviewee (one who answers says "I"); the pronoun unresolved when there is none."""
    at = pronoun.span[0] if pronoun.span else len(doc_text(doc))
    low = pronoun.text.strip().lower()
    spoken_of = _described_in_answer(doc, interview, at, low)
    if spoken_of is not None:
        return Party(text=pronoun.text, entity=spoken_of, kind="person", span=pronoun.span)
    for i, name in reversed(resolver.people):
        if doc[i].idx < at and not same_person(name, interview.person.entity) and resolver.fits(name, low):
            return Party(text=pronoun.text, entity=resolver.full_name(name, i), kind="person", span=pronoun.span)
    return Party(text=pronoun.text, entity=None, kind="person", span=pronoun.span)


def _described_in_answer(doc: Doc, interview: Interview, at: int, pronoun: str) -> str | None:
    """The person last described by a noun ("my brother-in-law", "a flight attendant") in the answer
    that holds character ``at``, before it, and after any name; None when there is none."""
    answer = next(((a, b) for a, b in interview.answers if a <= at < b), None)
    if answer is None:
        return None
    text = doc_text(doc)
    before = doc.char_span(answer[0], at, alignment_mode="contract")
    for tok in reversed(before if before is not None else []):
        # a name since ("the Estrel hangar" names no one) or another pronoun: the resolver's reading stands
        named = tok.ent_type_ == "PERSON" and tok.dep_ != "compound"
        if named or (tok.pos_ == "PRON" and tok.lower_ in THIRD_PERSON):
            return None
        if is_person_noun(tok) and tok.dep_ not in {"compound", "poss"} and gender_fits(tok.lower_, pronoun):
            # the whole written word: "brother-in-law" is three tokens
            end = _WORD_END.match(text, tok.idx).end()
            return _owned_description(text[tok.left_edge.idx:end], interview.person.entity)
    return None


def _owned_description(description: str, interviewee: str | None) -> str:
    """A description in the interviewee's words as the reader takes it: "my lawyer" -> "Nadia Cortes's
    lawyer", "the captain" -> "captain"."""
    words = description.split()
    if words and words[0].lower() in {"my", "our"} and interviewee:
        return f"{interviewee}'s {' '.join(words[1:])}"
    return " ".join(words[1:]) if words and words[0].lower() in {"the", "a", "an"} else description


def _spoken_of(source: Party | None, interview: Interview) -> bool:
    """Whether an answer's source is someone the interviewee describes: "my lawyer", or "the captain"
    that an earlier reading took for the interviewee (who would say "I")."""
    words = (source.text or "").lower().split() if source is not None else []
    if len(words) < 2:
        return False
    if words[0] in {"my", "our"}:
        return True
    return words[0] in {"the", "a", "an"} and same_person(source.entity, interview.person.entity)


def first_person(party: Party | None) -> bool:
    return party is None or (party.text or "").lower() in FIRST_PERSON


def interview_answers(doc: Doc, relations: list[Relation], interview: Interview,
                      resolver: SourceResolver) -> list[Relation]:
    """In a Q&A interview, "I"/"we" is the interviewee and every answer comes through the publisher; "he"
    or "she" in an answer is someone else, whom the interviewee quotes."""
    publisher = [interview.publisher] if interview.publisher is not None else []
    for r in relations:
        if not in_answer(interview, r.sentence[0]):
            continue
        if third_person(r.source):  # "He said there are 18 of them": the interviewee tells of someone else
            r.source = _someone_else(doc, r.source, interview, resolver)
            r.source_span = r.source.span
        elif _spoken_of(r.source, interview):  # "My lawyer says", "The captain said": not the interviewee
            r.source = Party(text=r.source.text, entity=_owned_description(r.source.text, interview.person.entity),
                             kind="person", span=r.source.span)
        if first_person(r.source) or same_person(r.source.entity, interview.person.entity):
            r.source = Party(text=r.source.text if r.source else interview.person.text,
                             entity=interview.person.entity, kind="person",
                             span=r.source.span if r.source else interview.person.span)
            r.source_span = r.source.span
            r.via = list(publisher)
        else:  # the interviewee relays what someone else said
            others = [v for v in r.via if not same_person(v.entity, interview.person.entity)]
            r.via = publisher + [interview.person] + others
    covered = [span for r in relations for span in r.content]
    for span in answer_sentences(doc, interview, covered):
        relations.append(Relation(sentence=span, cue=None, cue_lemma="", content=[span], source=interview.person,
                                  source_span=None, via=list(publisher), kind="interview"))
    return relations


def interview_relays(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """A source who spoke to a publisher ("told DV") keeps that relay in the article's later claims, unless
    a later one names an occasion of its own ("told a news conference", "said in a statement")."""
    relays: dict[str, list[Party]] = {}
    for r in sorted(relations, key=lambda r: r.sentence[0]):
        key = r.source.entity if r.source is not None else None
        if not key or r.source.kind not in ("person", "unknown"):
            continue
        if r.via:
            if not _quoted_by(r):
                relays.setdefault(key, list(r.via))
        elif key in relays and not _own_occasion(doc, r):
            r.via = list(relays[key])
    return relations


def _quoted_by(rel: Relation) -> bool:
    """Whether a relay of ``rel`` is a person who quoted its source ("she told the committee that the
    match commander had told her ..."), named before the source: that person relays this claim only, not
    what the source later says in its own voice. A publisher quoting ("the Dispatch quoted an official as
    saying") or the one told ("told the Gazette", after the source) is the source's channel."""
    start = rel.source.span[0] if rel.source is not None and rel.source.span else None
    return start is not None and any(v.kind == "person" and v.span is not None and v.span[0] < start
                                     for v in rel.via)


def _same_medium(tok: Token) -> bool:
    """Whether the one told is a publisher named before, told again ("the agency", "the broadcaster"),
    rather than a new occasion."""
    return tok.lower_ in MEDIUM_NOUNS | OUTLET_NOUNS | {"agency"} and any(c.lower_ == "the" for c in tok.children)


def _own_occasion(doc: Doc, rel: Relation) -> bool:
    """Whether the cue says whom the source told or where it spoke: "told reporters", "told a news
    conference in Suez", "said at a briefing", "said in a statement"."""
    if rel.cue_token is None:
        return False
    cue = doc[rel.cue_token]
    for child in cue.children:
        if child.dep_ in {"dative", "dobj", "iobj"} and cue.lemma_.lower() in {"tell", "inform", "brief"} \
                and child.lower_ not in {"us", "me"} and not _same_medium(child):
            return True
        if child.dep_ == "prep" and child.lower_ in {"at", "in", "to", "during", "on"}:
            place = pobj_of(child)
            if place is not None and place.lemma_.lower() in OCCASIONS:
                return True
    return False


__all__ = ["QUESTION_LABEL", "QUESTION_LABELS", "Interview", "answer_sentences", "find_interview", "first_person",
           "in_answer", "interview_answers", "interview_relays"]
