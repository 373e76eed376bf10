"""Attribution relations of one parsed article: source, cue and content spans, and relays (via).

Rules over spaCy's dependency parse, in the spirit of published rule-based quote extractors but
covering indirect speech too:
- a reporting verb (said, told, claimed, denied, ...) with a clausal complement, an object
  ("dismissed the allegation that ..."), or an adjacent direct quote;
- "according to X" attached to a clause;
- relays: "A quoted B as saying C" and "A reported, citing B, C" give source B via A; a relation
  inside another's content takes the outer source as its relay ("Reuters reported that monitors told
  the council that ...") and the outer report stays a claim of its own, listed after it; "X told
  <publisher>" records the publisher as relay;
- quoted sentences right after an attributed quote continue it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimledger.extract.according import according_to, citing_after_according, per_party
from claimledger.extract.combine import ADDRESSING_CUES, TOLD_THINGS, combine
from claimledger.extract.conjoined import end_of_nested_report
from claimledger.extract.content_spans import (
    OF_CUES,
    antecedent_of_which,
    cue_end,
    cut_at_semicolon,
    cut_before_contrasts,
    cut_before_rejoinders,
    drop_speech_participles,
    misattached_that_clause,
    mostly_quoted,
    of_phrases,
    overlaps_any,
    run_to_sentence_end,
    runs,
    subtree_chars,
    widen,
)
from claimledger.extract.estimates import (
    ACT_VERBS,
    FIGURE_VERBS,
    act_relation,
    asks_or_offers,
    figure_relation,
    measured_by_a_thing,
)
from claimledger.extract.framing import relay_whole
from claimledger.extract.interview import QUESTION_LABELS, find_interview, interview_answers, interview_relays
from claimledger.extract.labels import drop_heading_colons, layout_relations
from claimledger.extract.learned import guess_relations
from claimledger.extract.listed import listed_relations
from claimledger.extract.nominal import noun_relation, tally_relation
from claimledger.extract.quotes import OPEN, find_quotes, inside
from claimledger.extract.relation import Relation
from claimledger.extract.relation_passes import (
    appositive_commas,
    between_same_source,
    close_open_quotes,
    continue_quotes,
    cue_with_auxiliaries,
    cut_out_own_cue,
    drop_adjunct_pieces,
    drop_leading_connectives,
    flatten_nested,
    join_touching_pieces,
    spoken_inside,
    untold,
)
from claimledger.extract.relays import publisher_recipients, relays_of_source
from claimledger.extract.source_phrases import np_span
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import (
    SUBJECT_DEPS,
    according_appositive,
    after_cited,
    agent_of,
    cited_by,
    cited_source,
    citer_of,
    citing_of,
    fronted_adjunct,
    has_clause,
    inverted_speaker,
    is_passive,
    is_speaker,
    medial_tag,
    not_a_cue,
    subject_after_according,
    subject_of,
    swallowed_subject,
    trailing_citing,
)
from claimledger.extract.turns import transcript_turns
from claimledger.model import Party
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text

CUE_VERBS = {
    "say", "tell", "claim", "deny", "report", "announce", "state", "add", "warn", "explain", "note",
    "accuse", "argue", "insist", "confirm", "believe", "think", "fear", "expect", "suggest", "indicate",
    "emphasize", "emphasise", "stress", "reveal", "dismiss", "reject", "acknowledge", "admit", "allege",
    "assert", "write", "comment", "conclude", "estimate", "predict", "maintain", "contend", "observe",
    "declare", "disclose", "inform", "testify", "concede", "caution", "complain", "assess", "suspect",
    "speculate", "reckon", "agree", "recall", "repeat", "reiterate", "signal", "hint", "show",
    "find", "refute", "rebut", "dispute", "affirm", "mention", "tweet",
    "reply", "respond", "hope", "worry",
    "post", "quote", "cite", "describe", "call", "brand", "label", "assure", "vow", "promise", "threaten",
}
# cues whose object (not only a clause) is the content: "denied the report", "confirmed this"
OBJECT_CUES = {"deny", "dismiss", "reject", "confirm", "refute", "rebut", "dispute", "acknowledge",
               "admit", "announce", "report", "reveal", "disclose", "allege", "claim", "describe",
               "call", "brand", "label"}
# cues that only count with a clause or quote ("show" a figure, "find" a thing are not speech)
CLAUSE_ONLY = {"show", "find", "add", "signal", "post", "write", "think", "expect", "fear", "mention",
               "reply", "respond", "hope", "worry"}
# what a study, test or inquiry finds or shows with an object is its finding: "tests found lead in the water"
# (not ``combine.FINDING_VERBS``, what is found inside another's report)
WORK_FINDING_VERBS = {"find", "show"}
FINDING_WORKS = {"report", "study", "review", "analysis", "investigation", "inquiry", "audit", "survey",
                 "assessment", "inspection", "test", "examination", "probe", "autopsy"}


def block_quotes(doc: Doc, text: str, quotes: list[CharSpan]) -> list[CharSpan]:
    """Paragraphs quoted as a block: a line "The governor added:" and, below it, the words quoted
    without quote marks (a web page's blockquote once its markup is gone). The line must end in a speech
    verb with a subject and its colon; the next paragraph, unless it opens a quote of its own, is the quote."""
    out: list[CharSpan] = []
    for colon in re.finditer(r":[ \t]*\n", text):
        tok = doc.char_span(colon.start(), colon.start() + 1)
        if tok is None or tok[0].i < 2:
            continue
        verb = doc[tok[0].i - 1]
        if verb.lemma_.lower() not in CUE_VERBS or verb.pos_ not in {"VERB", "AUX"} \
                or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        start = colon.start() + 1
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
            end -= 1  # the closing full stop is no more part of what is quoted than in indirect speech
        if end > start and text[start] not in OPEN and not overlaps_any([(start, end)], quotes):
            out.append((start, end))
    return out


def find_attributions(doc: Doc, text: str | None = None, publisher: str | None = None) -> list[Relation]:
    """All attribution relations in a parsed article, in text order; ``publisher`` is the article's
    outlet, whom a source may tell things to ("Lund told Plumbline")."""
    text = text if text is not None else doc_text(doc)
    quotes = find_quotes(text)
    quotes = sorted(quotes + block_quotes(doc, text, quotes))
    resolver = SourceResolver(doc, quotes, publisher)
    relations: list[Relation] = []
    acts: list[int] = []  # relations of asking or offering a figure, or a thing's measure (see below)
    for sent in doc.sents:
        found: list[Relation] = []
        for tok in sent:
            rel = None
            lemma = tok.lemma_.lower()
            if (tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to") \
                    or per_party(tok):
                rel = according_to(tok, sent, resolver)
            elif (lemma in CUE_VERBS or (lemma in OF_CUES and of_phrases(tok))) and tok.pos_ in {"VERB", "AUX"} \
                    and not inside(quotes, tok.idx, tok.idx + len(tok)) and not not_a_cue(tok) \
                    and not citing_after_according(tok, sent):
                rel = _verb_relation(tok, sent, quotes, resolver)
                if rel is None and lemma in FIGURE_VERBS:  # "estimated the losses at $2bn"
                    rel = figure_relation(tok, sent, resolver)
                    acts += [id(rel)] if rel is not None and _speakers_own(rel, doc) else []
                if rel is None and lemma in ACT_VERBS:  # "the 450 the union claimed"
                    rel = act_relation(tok, sent, resolver)
                    acts += [id(rel)] if rel is not None else []
            elif lemma in FIGURE_VERBS and tok.pos_ == "VERB" and not inside(quotes, tok.idx, tok.idx + len(tok)):
                rel = figure_relation(tok, sent, resolver)
                acts += [id(rel)] if rel is not None and _speakers_own(rel, doc) else []
            elif lemma in ACT_VERBS and tok.pos_ == "VERB" and not inside(quotes, tok.idx, tok.idx + len(tok)):
                rel = act_relation(tok, sent, resolver)  # "the authority is seeking $916m"
                acts += [id(rel)] if rel is not None else []
            elif tok.pos_ == "NOUN" and not inside(quotes, tok.idx, tok.idx + len(tok)):
                rel = noun_relation(tok, resolver) or tally_relation(tok, resolver)
            if rel is not None:
                found.append(rel)
                # what someone did not say inside another's words is no statement: "it" is not them
                if rel.source is not None and rel.source.entity and not untold(rel, found, text):
                    nested = spoken_inside(rel, found)
                    # "Marant told Tessera, citing the tally, ...": Marant spoke too, and "she said" after
                    # it may be her
                    for relayer in [] if nested else rel.via:  # the speaker, not the one told
                        if relayer.kind == "person" and relayer.entity and relayer.span \
                                and relayer.span[1] <= tok.idx:
                            resolver.remember(tok.i, relayer)
                    resolver.remember(tok.i, rel.source, nested)
                resolver.remember_outlets(rel.via)
        relations.extend(found)
    # an amount asked or offered inside someone's words is theirs to report: "Sabo said the families are
    # asking for 250,000"
    relations = [r for r in relations if id(r) not in acts or not spoken_inside(r, relations)]

    def learned_relays(cue: Token, speaker: Token | None) -> list[Party]:
        # whom a cue outside the lexicon addresses is no medium ("point to the door")
        told = publisher_recipients(cue, resolver) if cue.lemma_.lower() in CUE_VERBS else []
        return (relays_of_source(speaker, resolver) if speaker is not None else []) + told

    relations = combine(doc, relations, guess_relations(doc, quotes), quotes, resolver, subject_of, learned_relays)
    # a rejoinder's content is what it answers before the nesting is read: the answer is not a relay
    relations = flatten_nested(cut_before_rejoinders(doc, cut_before_contrasts(doc, relations)), text)
    relations = drop_heading_colons(doc, relations)
    # the rules alone finding no speaker usually misread the sentence; the taggers' finds stay
    relations = [r for r in relations if (r.source is not None or r.kind == "unattributed" or r.origin != "rule")
                 and (r.cue_token is None or not not_a_cue(doc[r.cue_token]))
                 and not _asks(text, r) and not _nobody(r)]
    relations = drop_leading_connectives(text, join_touching_pieces(text, drop_adjunct_pieces(doc, relations)))
    relations = continue_quotes(doc, relations, quotes)
    # speaker labels and signed quotes come after the quote passes: a label's line is not a quote to continue
    relations += layout_relations(doc, resolver, [r.cue for r in relations if r.cue is not None], quotes)
    # "Q: ..." is the interviewer asking, whichever reading (label rule or tagger) labelled it
    relations = [r for r in relations if r.source is None or r.source.text.strip().lower() not in QUESTION_LABELS]
    relations = interview_relays(doc, relations)
    relations = between_same_source(doc, relations)
    # after the relays carried on by name: a transcript's speakers pass on only what is in their turns
    relations = transcript_turns(doc, relations, resolver)
    interview = find_interview(doc, resolver)
    if interview is not None:
        relations = interview_answers(doc, relations, interview, resolver)
    relations = close_open_quotes(text, cut_out_own_cue(text, appositive_commas(text, relations)))
    relations = cue_with_auxiliaries(doc, relations)
    relations += listed_relations(doc, resolver, relations)  # "Its main findings are below: 1. ..."
    for rel in relations:
        if rel.kind in {"indirect", "mixed", "unattributed"}:
            rel.content = drop_speech_participles(doc, text, rel.content, CUE_VERBS)
    for rel in relations:
        # a relay whose content was cut back to hold no other relation ("denied A, saying B": B was
        # first read into A) relays nothing and keeps its place
        rel.relays_inner = rel.relays_inner and any(
            other is not rel and other.cue and any(a <= other.cue[0] < b for a, b in rel.content)
            for other in relations)
    relay_whole(doc, relations, resolver)  # "The following is a translation of a report broadcast by SRT"
    # a relay's own report ("Reuters reported that ...") after the claim it relays
    return sorted(relations, key=lambda r: (r.sentence[0], r.relays_inner, r.cue[0] if r.cue else 0))


def _speakers_own(rel: Relation, doc: Doc) -> bool:
    """A figure relation that, inside someone's words, is theirs: an amount asked or offered, or a thing's
    measure ("said a drone survey had measured the wall at 52 metres")."""
    return asks_or_offers(rel, doc) or measured_by_a_thing(rel, doc)


# cues whose passive subject is who was addressed ("residents were warned that ..."), not who spoke
ADDRESSED = ADDRESSING_CUES | {"warn", "advise", "caution"}
WH_WORDS = {"what", "who", "whom", "which", "how", "why", "when", "where"}


NOBODY = re.compile(r"^(?:no|nobody|none|nothing|no-one)\b", re.IGNORECASE)  # not "neither X nor Y": X and Y


def _nobody(rel: Relation) -> bool:
    """A source that is no one ("No other official has repeated it", "nobody can say how many died",
    "no warning service could have predicted ..."), or no one the sentence names: nobody makes that claim."""
    if rel.source is None:
        return False
    named = (rel.source.entity or rel.source.text).strip().lower()
    return bool(NOBODY.match(rel.source.text.strip())) or named in UNRESOLVED_RELATIVES


# a relative pronoun left standing as the source: a misparse ("told Harbour FM that reports the data sat on
# an open server are wrong" read as "that reports ..."); a resolved one names its antecedent instead
UNRESOLVED_RELATIVES = {"that", "which"}


def _asks(text: str, rel: Relation) -> bool:
    """A question's wh-word as all that was said ("What does Moscow say?"): no claim. ("That was what
    Wahl said." is one: the "what" stands for what came before.)"""
    said = " ".join(text[a:b] for a, b in rel.content).strip(" ?\"'\u201c\u201d").lower()
    return said in WH_WORDS and text[rel.sentence[0]:rel.sentence[1]].rstrip().endswith("?")


def _with_quotes(content: list[CharSpan] | None, quotes: list[CharSpan]) -> tuple[list[CharSpan] | None, str | None]:
    """A cue's content read against the quotes of its sentence, and the kind that makes it: the quotes
    themselves when there is no clause or it is mostly quoted ("direct"), else the clause stretched over
    the quotes it cuts ("mixed" when it holds one)."""
    if quotes and (content is None or mostly_quoted(content, quotes)):
        return quotes, "direct"
    if quotes and content is not None:
        content = [widen(span, quotes) for span in content]
        return content, "mixed" if overlaps_any(content, quotes) else None
    return content, None


def _passive_subject(tok: Token, lemma: str) -> list[CharSpan] | None:
    """"The figure of 2.8 million was reported by several outlets": with an agent who says it, the
    passive's subject is what is said (not for "she was told by officials", whom the telling addresses)."""
    if lemma in ADDRESSED or not is_passive(tok) or agent_of(tok) is None:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    # a bare "the figure" points back to what was said before: saying it again is no claim of its own
    if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or subj.right_edge.i - subj.left_edge.i < 2:
        return None
    last = subj.right_edge
    return [(subj.left_edge.idx, last.idx + len(last))]


def _quotes_it_may_introduce(tok: Token, quotes: list[CharSpan]) -> list[CharSpan]:
    """The quotes of its sentence a cue verb without a clause of its own may introduce: none for an
    adjective ("long-expected"); for a participle hanging from another cue verb only those after it
    ('"...," he wrote, accusing Moscow of ...' leaves the quote to "wrote"; '..., adding: "..."' takes its own)."""
    if tok.dep_ in {"amod", "compound"}:
        return []
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in CUE_VERBS:
        return [q for q in quotes if q[0] > tok.idx]
    return quotes


def _verb_relation(tok: Token, sent: Span, quotes: list[CharSpan], resolver: SourceResolver) -> Relation | None:
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if lemma in {"quote", "cite"}:
        return _relay_relation(tok, sent, quotes, resolver)
    # "describe X as Y" / "called it fake news": the object and its predicate are the content
    content = _clause_content(tok, lemma)
    if content is None:
        content = _passive_subject(tok, lemma)
    kind = "indirect"
    cited = cited_source(tok)
    if cited is not None and (content is None or tok.idx < content[0][0] < cited.idx):
        content = after_cited(cited, sent)  # not when the content came first ("..., X said, citing Y")
    elif cited is None and content is not None and (citing := trailing_citing(tok)) is not None:
        # "X said that A, citing Y": Y is the source, X relays; A ends before ", citing" (and when Y is
        # evidence, "citing hospital records", X is the source still)
        end = doc[citing.i - 1].idx
        content = [(a, min(b, end)) for a, b in content if a < end]
        cited = cited_by(citing)
        cited = cited if cited is not None and is_speaker(cited) else None
    if content is None and tok.dep_ == "parataxis" and tok.head.i != tok.i:
        head = tok.head
        left, right = head.left_edge.i, head.right_edge.i
        cue_tree = {t.i for t in tok.subtree}
        pieces = runs([i for i in range(left, right + 1) if i not in cue_tree and not doc[i].is_punct])
        content = [(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in pieces]
    # direct quotes of the sentence (or ending in it), outside the cue's own subject phrase
    sent_quotes = [q for q in quotes if sent.start_char <= q[0] < sent.end_char
                   or (q[0] < sent.start_char < q[1] <= sent.end_char)]
    sent_quotes = [q for q in sent_quotes if not (q[0] <= tok.idx < q[1])]
    if content is None:
        sent_quotes = _quotes_it_may_introduce(tok, sent_quotes)
    content, quoted = _with_quotes(content, sent_quotes)
    kind = quoted or kind
    if not content:
        return None
    content = antecedent_of_which(content, sent)
    if kind == "indirect" and content[-1][0] > tok.idx:
        content[-1] = run_to_sentence_end(content[-1], sent, quotes, CUE_VERBS, tok)
        if (end := end_of_nested_report(tok)) is not None and content[-1][0] < end < content[-1][1]:
            content[-1] = (content[-1][0], end)  # the reporter's own next clause is not the cited one's
    if kind == "indirect":
        content = cut_at_semicolon(content, tok, resolver.text)
        if not content:
            return None  # "Rescuers say A; the operator rejects B" read with B as what they say: not theirs
        if content[0][0] > tok.idx and (fronted := fronted_adjunct(tok)) is not None:
            content = [fronted] + content
    if lemma in CLAUSE_ONLY and kind != "direct" and not has_clause(tok) \
            and not (cited is not None and has_clause(cited.head)) \
            and misattached_that_clause(tok) is None and _what_a_work_found(tok) is None:
        # "told me, citing X, that ...", "wrote in a letter that"; "tests found lead in the water"
        return None
    subj = subject_of(tok)
    if subj is None and sent_quotes and (inverted := inverted_speaker(tok, quotes)) is not None:
        subj, content, kind = inverted, sent_quotes, "direct"  # the quote is all that was said
    elif kind == "indirect" and (medial := medial_tag(tok)) is not None:
        subj, ranges = medial  # "The war, said one diplomat, has changed everything"
        content = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in ranges]
    via_first: list[Party] = []
    if cited is not None:
        if subj is None or subj.i == cited.i:  # "The Dispatch, citing officials, reported": parsed as
            subj = citer_of(tok)                 # the officials' report; the Dispatch is who cites them
        via_first = [resolver.party(subj)] if subj is not None else []
        subj = cited
    if subj is not None and not via_first and (speaker := subject_after_according(subj)) is not None:
        # "According to the agency, an official said ...", parsed as the agency saying it with the official
        # in apposition: the official speaks, the agency carries it
        via_first, subj = [resolver.party(subj)], speaker
    elif subj is None and (according := next((c for c in tok.children if c.lower_ == "according"), None)) \
            is not None and (speaker := according_appositive(according)) is not None:
        via_first, subj = [resolver.party(speaker.head)], speaker  # the same, with the agency as "to"'s object
    source = resolver.party(subj) if subj is not None else None
    source_span = source.span if source else None
    heard = subj is not None and (subj.lower_ in {"it", "there"} or lemma in ADDRESSED) and is_passive(tok) \
        and not agent_of(tok)
    if heard:
        # "it was reported that ...", "reporters were told that ...": the subject heard it, nobody is named
        source, source_span, kind = None, None, "unattributed"
    via = via_first or (relays_of_source(subj, resolver) if subj is not None and not heard else [])
    via += publisher_recipients(tok, resolver)
    end_of_cue = cue_end(tok)
    start = min([sent.start_char] + [a for a, _ in content])
    end = max([sent.end_char] + [b for _, b in content])
    return Relation(sentence=(start, end), cue=(tok.idx, end_of_cue), cue_lemma=lemma, content=content,
                    source=source, source_span=source_span, via=via, kind=kind,
                    negated=_negated(tok, subj), cue_token=tok.i)


def _relay_relation(tok: Token, sent: Span, quotes: list[CharSpan], resolver: SourceResolver) -> Relation | None:
    """'A quoted B as saying C' / 'A, citing B, said C' / 'A cites B, who say C'."""
    quoted = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
    saying = next((t for t in tok.subtree if t.lower_ == "saying" and t.i > tok.i), None)
    if quoted is not None and saying is None and tok.lemma_.lower() == "cite":
        return _cited_reason(tok, quoted, sent, resolver)
    relay = subject_of(tok)
    if quoted is None and saying is not None and is_passive(tok):
        # "The governor was quoted as saying ...": the subject is quoted, by whoever the agent is
        quoted = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        relay = agent_of(tok)
    if quoted is None or saying is None:
        return None  # "citing" inside another relation is handled as that relation's relay
    content = _clause_content(saying, "say")
    # a quote, or a clause with a quoted phrase ('as saying that Israel "had nothing to do with" it')
    content, _ = _with_quotes(content, [q for q in quotes if q[0] >= saying.idx and q[0] < sent.end_char])
    if not content:
        return None
    via = [resolver.party(relay)] if relay is not None else []
    source = resolver.party(quoted)
    return Relation(sentence=(sent.start_char, max(sent.end_char, max(b for _, b in content))),
                    cue=(tok.idx, saying.idx + len(saying)), cue_lemma="quote", content=content,
                    source=source, source_span=source.span, via=via, kind="indirect",
                    negated=False, cue_token=tok.i)


def _cited_reason(tok: Token, cited: Token, sent: Span, resolver: SourceResolver) -> Relation | None:
    """'Clinton cited his remarks as an example ...' / '..., citing a threat to public health': what is
    cited, when it is no speaker, is the subject's point. A cited speaker ('citing three diplomats')
    is a relay, left to the relation it qualifies."""
    if is_speaker(cited) or (tok.lower_ == "citing" and getattr(cited_by(tok), "i", None) != cited.i):
        return None  # "citing figures from two hospitals": the hospitals speak, as a cited speaker does
    subj = subject_of(tok)
    reporter = next((t for t in sent if t.i != tok.i and t.lemma_.lower() in CUE_VERBS
                     and getattr(trailing_citing(t), "i", None) == tok.i), None)
    if reporter is not None:
        # "The mayor said 12 homes burned, citing records": the mayor cites them, not the homes
        subj = subject_of(reporter) or subj
    if subj is None and tok.dep_ in {"advcl", "xcomp", "acl", "conj"} and tok.head.pos_ in {"VERB", "AUX"}:
        subj = subject_of(tok.head)  # "..., citing X": the one who did the main verb
    if subj is None or (tok.lower_ == "citing" and tok.head.lemma_.lower() in CUE_VERBS):
        return None
    if tok.lower_ == "citing" and any(t.i != tok.i and t.lemma_.lower() in CUE_VERBS
                                      and getattr(citing_of(t), "i", None) == tok.i for t in sent):
        return None  # "X said, citing Y, that ...": Y is X's source, whatever verb the parser hung it from
    source = resolver.party(subj)
    # "cited X as an example of Y": the role given to X is the subject's framing, not what is cited
    doc = tok.doc
    last = min((t.i for t in cited.subtree if t.i > cited.i and t.dep_ == "prep" and t.lower_ == "as"
                and doc[t.i - 1].lower_ != "such"), default=cited.right_edge.i + 1) - 1
    while last > cited.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    end = doc[last]
    content = [(cited.left_edge.idx, end.idx + len(end))]
    return Relation(sentence=(sent.start_char, sent.end_char), cue=(tok.idx, tok.idx + len(tok)), cue_lemma="cite",
                    content=content, source=source, source_span=source.span, kind="indirect", cue_token=tok.i)


SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


def _told_that(tok: Token) -> CharSpan | None:
    """'told a television interviewer that he had known since Monday that ...': the parser read the
    reported clause as a relative clause of the one told. Whom one tells takes no relative "that" in
    news prose, what one tells does ("told the story that ..."), so a clause opening with "that" on a
    told person is what was told, and so is a clause opening with its own subject pronoun."""
    told = next((c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.i > tok.i), None)
    if told is None or told.lemma_.lower() in TOLD_THINGS or told.pos_ == "PRON" \
            or any(c.dep_ in {"dative", "iobj"} for c in tok.children):
        return None  # "tell the I.R.S. anything it doesn't know": what is told, not whom
    # or one opening with its own subject pronoun, no relative word at all ("told the mission they had
    # pulled back": no one is "the mission they had pulled")
    clause = next((c for c in told.rights if c.dep_ in {"relcl", "acl"}
                   and (c.left_edge.lower_ == "that" or c.left_edge.lower_ in SUBJECT_PRONOUNS
                        and c.left_edge.dep_ in {"nsubj", "nsubjpass"} and c.left_edge.head.i == c.i)
                   and any(s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ != "that" for s in c.children)), None)
    if clause is None:
        return None
    return clause.left_edge.idx, subtree_chars(told)[1]


# cues whose content may be a gerund clause: what the source denies or admits having done
GERUND_CUES = {"deny", "admit", "acknowledge", "recall"}


def _clause_content(tok: Token, lemma: str) -> list[CharSpan] | None:
    clauses = [c for c in tok.children
               if c.dep_ in {"ccomp", "csubj"} or (c.dep_ == "xcomp" and lemma in {"describe", "call"})]
    # a clause before a semicolon is one of its own ("Rescuers say A; the operator rejected claims that B")
    clauses = [c for c in clauses if c.i > tok.i
               or not any(t.text == ";" and c.right_edge.i < t.i < tok.i for t in tok.children)]
    if clauses:
        # the clause after the cue is what it reports ("X say A; reports suggest B": B for suggest)
        after = [c for c in clauses if c.i > tok.i]
        # "A, the official added, so B": a clause joined on after the tag by a connective is what followed
        # from the statement before it, not a second statement
        before = [c for c in clauses if c.i < tok.i]
        if before and after and any(t.dep_ == "cc" and tok.i < t.i <= after[0].left_edge.i for t in tok.children):
            after, clauses = [], before
        clause = after[0] if after else clauses[-1]
        start, end = subtree_chars(clause)
        if len(after) > 1 and clause.pos_ in {"NOUN", "PROPN", "PRON"}:
            # "told the council that debris from X was found": a verbless "clause" is the subject of the
            # next one, misread; the content runs on to the real clause's end
            end = max(end, subtree_chars(after[-1])[1])
        return [(swallowed_subject(tok, clause) or start, end)]
    if lemma in ADDRESSING_CUES and (told := _told_that(tok)) is not None:
        return [told]
    if lemma in GERUND_CUES:  # "denied holding him", "admitted hiding the report"
        gerund = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" and c.i > tok.i),
                      None)
        if gerund is not None:
            return [subtree_chars(gerund)]
    if lemma == "call" and not any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        return None  # "calling on X to ..." is an appeal, not a statement
    if (found := _what_a_work_found(tok)) is not None:
        return [found]
    if lemma in OBJECT_CUES:
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is not None and not (obj.pos_ == "PRON" and obj.lower_ in {"it", "them"}
                                    and lemma not in {"confirm", "deny"}):
            start, end = subtree_chars(obj)
            # "called it fake news": object plus its predicate
            for child in tok.children:
                if child.dep_ in {"oprd", "xcomp"} or (child.dep_ == "prep" and child.lower_ == "as"
                                                        and lemma in {"describe", "brand", "label"}):
                    end = max(end, subtree_chars(child)[1])
            return [(start, end)]
    for child in tok.children:  # "said as much", "told reporters: ..."
        if child.dep_ == "advcl" and lemma in {"say", "tell", "add"} and child.i > tok.i \
                and any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children):
            return [subtree_chars(child)]
    for child in tok.children:
        # "said on Wednesday North Korea was sending ...": a clause misread as the object of "on"
        if child.dep_ == "prep" and child.i > tok.i:
            clause = next((g for g in child.children if g.dep_ == "pcomp" and g.pos_ in {"VERB", "AUX"}
                           and any(s.dep_ in SUBJECT_DEPS for s in g.children)), None)
            if clause is not None:
                subj = next(s for s in clause.children if s.dep_ in SUBJECT_DEPS)
                first = subj.left_edge
                # the date words before the subject belong to the cue ("on Wednesday")
                while first.i < subj.i and first.ent_type_ in {"DATE", "TIME"}:
                    first = first.doc[first.i + 1]
                _, end = subtree_chars(clause)
                return [(first.idx, end)]
    misread = misattached_that_clause(tok) or _that_as_object(tok)
    return [misread] if misread is not None else of_phrases(tok) or None


def _what_a_work_found(tok: Token) -> CharSpan | None:
    """'A report by the state laboratory found the solvent in all nine batches': what a study, test or
    inquiry found is its finding, object and all ("find" a thing is no speech of a person's)."""
    if tok.lemma_.lower() not in WORK_FINDING_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
    obj = next((c for c in tok.rights if c.dep_ in {"dobj", "obj"}), None)
    if subj is None or obj is None or subj.lemma_.lower() not in FINDING_WORKS:
        return None
    ends = [subtree_chars(c)[1] for c in tok.rights if c.dep_ not in {"punct", "cc", "conj"}]
    return obj.left_edge.idx, max(ends)


def _that_as_object(tok: Token) -> CharSpan | None:
    """'told the Gazette on Thursday that every sample taken from the wells had been ...': the parser took
    the conjunction for the object (or a mark of the cue) and broke up the clause. A "that" object
    followed by a noun phrase and, later in the sentence, a finite verb opens what was said (which runs
    on to the sentence's end)."""
    # a "that" marking the cue itself from after it is as broken a reading as one taken for its object
    that = next((c for c in tok.children if c.dep_ in {"dobj", "mark"} and c.lower_ == "that" and c.i > tok.i), None)
    if that is None or that.i + 1 >= len(that.doc) or \
            that.nbor().pos_ not in {"DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"}:
        return None
    rest = that.doc[that.i + 2:that.sent.end]
    if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest):
        return None
    return that.idx, that.nbor().idx + len(that.nbor())


def _negated(tok: Token, subj: Token | None) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in {"never", "neither"} for c in tok.children):
        return True
    if subj is not None and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in subj.children):
        return True
    # "declined to confirm", "refused to comment"
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in {"decline", "refuse", "fail"}


__all__ = ["Relation", "find_attributions", "np_span"]
