"""Join the learned span guesses with the rule relations.

The learned taggers know PolNeAR's span conventions and the long tail of cues; the rules know who a
source is (pronouns, short names, relays such as "citing" or "quoted ... as saying"). So:
- a guess whose cue meets a rule relation's cue keeps the rule's source party and relays, and takes
  the learned cue and source spans; its content is the learned pieces, each widened to the rule's
  span holding it (the rules run to the clause's end where the tagger stops short). When the two
  disagree entirely on the content, or the rule is a relay ("quoted X as saying"), the rule stands;
- a guess no rule found becomes a relation of its own, its source resolved from its source span (or,
  without one, from the cue's parsed subject); a cue off the tagger's best path (found through its
  marginal probability) stands alone only when confident enough and with a speaker;
- a rule relation no guess confirms is kept (the rules are precise on the verbs they know);
- finally, a phrase hanging from the cue before a "that" clause ("said in an interview on Monday that
  ...") is cut from the content, and a quote opening after the cue's sentence, when the cue closes a
  paraphrase ("X, she said. 'Y.'"), is left to ``continue_quotes`` as a claim of its own.
Measured on a held-out seventh of PolNeAR train, each of these choices helped or cost under 0.005 F1
while keeping the seed gold's sources and figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from claimledger.extract.content_spans import drop_cue_adjuncts, drop_trailing_clauses, overlaps_any
from claimledger.extract.learned import ALONE_P, SpanGuess, char_span
from claimledger.extract.mentions import DOCUMENT_NOUNS
from claimledger.extract.relation import Relation
from claimledger.extract.relation_passes import without
from claimledger.extract.source_phrases import after_stray_close
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import (
    ACCOUNT_NOUNS,
    according_appositive,
    citing_of,
    participle_reporter,
    relative_antecedent,
)
from claimledger.model import Party
from claimledger.model import Span as CharSpan
from claimledger.parse import pobj_of

RELAY_CUES = {"cite", "quote"}
QUOTE_OPENERS = {'"', "\u201c", "'", "\u2018"}
# cues whose object is the person addressed, not what is said ("told reporters that ...")
ADDRESSING_CUES = {"tell", "inform", "brief", "assure", "remind", "notify"}
# a relative clause on the one told is about them ("told a young woman who suggested ..."); "that" opens
# what was told
ABOUT_THE_TOLD = {"who", "whom", "whose", "which"}
# what one tells, not whom: "told the story that ..." keeps its relative clause, as does "tells so many lies
# that ..."
TOLD_THINGS = {"story", "truth", "lie", "joke", "tale", "news", "version", "secret", "account", "anecdote"}
# who may speak when the tagger marked no source and the parse gives the cue a subject
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
SPEAKER_PRONOUNS = {"he", "she", "they", "we", "i"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
# cues whose passive participle marks the one asked, not a speaker ("Putin, asked about X, ...")
ASKING_CUES = {"ask", "question", "press", "quiz", "challenge"}
UNNAMING = {"name", "identify", "quote", "disclose"}  # "asked not to be named / identified / quoted"

# what a speaker puts out, as the object of the cue: no claim by itself
SPEECH_NOUNS = {"statement", "remark", "comment", "announcement", "communique", "communiqu\u00e9", "reply",
                "response", "briefing", "message", "tweet", "post"}
# what is found or measured, not said: inside another's report it is part of that report ...
FINDING_VERBS = {"find", "measure", "detect", "record", "discover", "observe", "spot", "register", "show"}
# ... unless a study, record or inquiry found it, which is cited as a source wherever it is
INQUIRY_NOUNS = ACCOUNT_NOUNS | DOCUMENT_NOUNS | {"investigation", "inquiry", "audit", "autopsy", "test", "tests",
                                                 "survey", "probe", "examination", "records", "studies", "reports"}
# dependents that come before their head inside a noun phrase
PRE_MODIFIERS = {"amod", "compound", "nummod", "poss", "det", "quantmod", "nmod"}
# where a coordinated or relative clause starts right after a learned content piece
NEW_CLAUSE = re.compile(r",?\s+(but|and|while|whereas|which|who|although|though|as|so)\b", re.IGNORECASE)


def combine(doc: Doc, rules: list[Relation], guesses: list[SpanGuess], quotes: list[CharSpan],
            resolver: SourceResolver, subject_of: Callable[[Token], Token | None] | None = None,
            relays_of: Callable[[Token, Token | None], list[Party]] | None = None) -> list[Relation]:
    """Rule relations refined by, and completed with, the learned guesses; ``subject_of`` finds the
    speaker of a cue the tagger gave no source ("... and demanded X": the first verb's subject);
    ``relays_of`` the relays of a learned cue and its speaker ("records reported by the Tribune show")."""
    out: list[Relation] = []
    matched: set[int] = set()
    for guess in guesses:
        cue = char_span(doc, guess.cue)
        # whom the cue addresses is no content, unless the tagger found nothing else
        pieces = [_after_recipient(doc, guess.cue, run) for run in guess.content
                  if not _is_recipient(doc, guess.cue, run)] or guess.content
        pieces = [run for run in pieces if not _reported_by_another(doc, guess.cue, run)] or pieces
        content = _own_sentence_first([_trimmed(doc, run) for run in pieces], cue, guess.sentence, resolver.text)
        content = _cut_at_sentence_end(content, guess.sentence, quotes, resolver.text)
        source_span = _unstamped(doc, guess.source) if guess.source else None
        rule = next((r for r in rules if id(r) not in matched and r.cue
                     and r.cue[0] < cue[1] and cue[0] < r.cue[1]), None)
        if rule is not None:
            matched.add(id(rule))
            rule.origin = "both"
            inverted = rule.speaker_follows_cue(doc)
            if rule.cue_lemma in RELAY_CUES or not overlaps_any(rule.content, content) \
                    or (rule.cue_token is not None and citing_of(doc[rule.cue_token]) is not None) \
                    or (inverted and not overlaps_any([rule.source_span], rule.content)
                        and overlaps_any([rule.source_span], content)):
                # "quoted X as saying ...", "said, citing X, that ...", the two disagree on what was
                # said, or the tagger's content runs over the rule's speaker ("The war, said one diplomat,
                # has ..."): the rule's reading of the clause or quote is the safer one ("told the Bay
                # Times" is no content, nor is "citing X")
                out.append(rule)
                continue
            if guess.viterbi:  # a doubtful learned cue confirms the rule's but does not reshape it
                rule.cue = cue
            rule.content = _merged_content(resolver.text, rule.content, content)
            rule.content = [p for p in rule.content if not _held_before(p, rule, rules, resolver.text)] or rule.content
            if rule.kind == "according_to":
                rule.content = _own_statement(resolver.text, rule, rules)
            apart = source_span is not None and rule.source_span is not None \
                and not overlaps_any([rule.source_span], [source_span])
            # a relay's rule knows which party is the source, and so does a rule whose speaker follows its
            # cue ('"...," said X'; 'The war, said X, has ...')
            # one written or spoken to ("a letter to OceanGate warning ...") is no speaker, whatever the parse
            addressed = bool(guess.source) and guess.source[0] > 0 and doc[guess.source[0] - 1].lower_ == "to"
            # a participle's speaker is that of the verb it goes with ("X denied A, saying B"), whoever the
            # tagger reads nearer to it
            participle = rule.source is not None and rule.cue_token is not None \
                and participle_reporter(doc[rule.cue_token]) is not None
            said_by = _head(doc, guess.source) if source_span is not None else None
            # "Posts ... in the days after the sinking claimed": the tagger's "the sinking" opens a clause
            subordinate = said_by is not None and _opens_subordinate(doc, said_by)
            if said_by is not None and not rule.via and not (apart and inverted) and not addressed \
                    and not (apart and participle) and not (apart and rule.source is not None and subordinate):
                if apart and rule.source is not None and said_by.lower_ in RELATIVE_PRONOUNS \
                        and said_by.head.dep_ == "relcl":
                    # "the authority's account, which said ...": written "which", standing for whom the rule
                    # found it stands for
                    rule.source = Party(text=said_by.text, entity=rule.source.entity or rule.source.text,
                                        kind=rule.source.kind, span=(said_by.idx, said_by.idx + len(said_by)))
                elif apart or rule.source is None:
                    # the two disagree on who speaks ('"My reaction, that was outrageous," X said'): the
                    # tagger's reading, party and span together; "..., saying X": the speaker the parse missed
                    rule.source = resolver.party(said_by, doc[guess.source[0]:guess.source[-1] + 1])
                rule.source_span = source_span
            rule.kind = _kind(rule.kind, rule.content, quotes)
            out.append(rule)
            continue
        if not guess.viterbi and guess.cue_p < ALONE_P:
            continue  # a doubtful cue the rules did not find either
        head = _head(doc, guess.cue)
        if head.lemma_.lower() in RELAY_CUES:
            continue  # "citing X" / "quoted X": the rules make these relays of another relation
        if len(guess.cue) == 1 and head.dep_ == "amod" and head.tag_ == "VBN" \
                and any(head.head.i in run for run in guess.content):
            continue  # "said repeated shelling had ...": a participle as adjective on what it would say
        speaker = _head(doc, guess.source) if guess.source else None
        # a participle with its agent, on the thing it was done to ("records reported by the Tribune")
        done_by = head.dep_ == "acl" and head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children)
        if done_by and speaker is not None and head.head.i == speaker.i:
            continue  # "records reported by the Tribune show ...": the thing reported, which says nothing
        if done_by and any(head.head.i in run for run in guess.content) \
                and head.head.lemma_.lower() not in ACCOUNT_NOUNS | DOCUMENT_NOUNS:
            continue  # "the 12 aircraft promised by Galdria": a thing promised, not words said
        if speaker is not None and head.lemma_.lower() in ASKING_CUES and _asked_one(doc, head, guess.source):
            continue  # "Putin, asked about X, ...": the one asked, not a speaker
        if head.lemma_.lower() in ASKING_CUES and head.tag_ == "VBN" and head.dep_ == "advcl" \
                and head.head.i > head.i:
            continue  # "Asked about the figure, a spokesman said ...": the question put, not a claim
        if _keeps_unnamed(head):
            continue  # "an officer, who asked not to be named, ...": how a source is kept, not what it says
        raised = speaker is not None and _raised_subject(head, speaker)
        if raised:
            # "North Korea is believed to have sent ...": who is believed to have done it, not who believes
            subject = (speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge))
            if not overlaps_any([subject], content):
                content = sorted(content + [subject])
            speaker = None
        if speaker is not None and speaker.lower_ in RELATIVE_PRONOUNS and speaker.head.dep_ == "relcl":
            # "an officer, who asked ...": written "who" (its span), naming the officer
            named = relative_antecedent(speaker)
            antecedent = resolver.party(named)
            source = Party(text=speaker.text, entity=antecedent.entity or antecedent.text, kind=antecedent.kind,
                           span=(speaker.idx, speaker.idx + len(speaker)))
            head_at = named.idx
            content = [(a, b) for a, b in content if not a <= head_at < b] or content  # the officer says nothing
        else:
            source = resolver.party(speaker, doc[guess.source[0]:guess.source[-1] + 1]) if speaker is not None else None
        source_span = source.span if source is not None else None
        governing = _governing_relation(head, out + rules) if source is None else None
        if governing is not None:  # "X rejected the reports, calling them groundless": X calls them so
            source, source_span = governing.source, governing.source_span
        subject = subject_of(head) if source is None and subject_of is not None else None
        # the subject of a passive cue is who was told, not who speaks ("we were told about ...")
        by_agent = subject is not None and subject.head.dep_ == "agent"
        if subject is not None and subject.dep_ != "nsubjpass" and (
                by_agent or subject.ent_type_ in SPEAKER_ENTS or subject.lower_ in SPEAKER_PRONOUNS):
            source = resolver.party(subject)
            source_span = source.span
            if by_agent:  # "was declared contained by the fire service": not what was said
                by = (subject.head.idx, source_span[1])
                content = without(resolver.text, content, by) or content
        if head.lower_ == "according" and (source is None or according_appositive(head) is not None):
            continue  # "according to" whose party the parse lost: the rules read the sentence
        if source is None and not guess.viterbi and not raised:
            continue  # no speaker and a doubtful cue: mostly not an attribution
        if _only_a_statement(doc, content):
            continue  # "X issued a statement on Monday": that it spoke, not what it said
        start = min([guess.sentence[0]] + [a for a, _ in content])
        end = max([guess.sentence[1]] + [b for _, b in content])
        lemma = "according to" if head.lower_ == "according" else head.lemma_.lower()
        via = relays_of(head, speaker) if relays_of is not None and source is not None else []
        out.append(Relation(sentence=(start, end), cue=cue, cue_lemma=lemma, content=content,
                            source=source, source_span=source_span, via=via,
                            kind="unattributed" if source is None else _kind(
                                "according_to" if lemma == "according to" else "indirect", content, quotes),
                            negated=any(c.dep_ == "neg" for c in head.children), cue_token=head.i,
                            origin="learned"))
    out += [r for r in rules if id(r) not in matched]
    # "X said divers had found the door open": X's claim, the divers' finding a part of it
    reports = [r for r in out if r.cue_lemma not in FINDING_VERBS]
    out = [r for r in out if not (r.cue_lemma in FINDING_VERBS and r.cue_token is not None
                                  and not _an_inquiry(r.source) and _within_report(doc[r.cue_token], reports))]
    cues = frozenset(r.cue_token for r in out if r.cue_token is not None)
    for r in out:  # "said in an interview with X that ...": the content starts at "that"
        if r.cue_token is not None and r.cue_lemma != "according to":
            r.content = drop_trailing_clauses(doc[r.cue_token], drop_cue_adjuncts(doc[r.cue_token], r.content),
                                              resolver.text, cues)
    return out


def _only_a_statement(doc: Doc, content: list[CharSpan]) -> bool:
    """Whether the content is only the statement made, the cue's object with nothing said in it ("has put
    out a short statement", "issued a statement on Monday"): no verb and no quote inside."""
    if len(content) != 1:
        return False
    span = doc.char_span(*content[0], alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in SPEECH_NOUNS and span.root.dep_ == "dobj" \
        and not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in span)


def _own_sentence_first(content: list[CharSpan], cue: CharSpan, sentence: CharSpan, text: str) -> list[CharSpan]:
    """Without a quote that opens after the cue's sentence when the cue closes a paraphrase before it
    ("X is unclear, she said. 'But Y.'"): that quote is a new statement, continuing the speaker as a
    claim of its own (``continue_quotes``), often with its own stance."""
    own = [(a, b) for a, b in content if a < sentence[1]]
    if not own or any(b > cue[0] or text[a:a + 1] in QUOTE_OPENERS for a, b in own):
        return content
    return own + [(a, b) for a, b in content if a >= sentence[1] and text[a:a + 1] not in QUOTE_OPENERS]


def _cut_at_sentence_end(content: list[CharSpan], sentence: CharSpan, quotes: list[CharSpan],
                         text: str) -> list[CharSpan]:
    """A piece that starts in the cue's sentence and runs on past its end outside any quote stops there
    ("told us it would not intervene. Nobody knows ..."): only quoted words go on to the next sentence."""
    end = sentence[1]
    out = []
    for a, b in content:
        if a < end < b and not any(q0 < end < q1 for q0, q1 in quotes):
            b = a + len(text[a:end].rstrip().rstrip(".").rstrip())
        out.append((a, b))
    return out


def _asked_one(doc: Doc, cue: Token, source: list[int]) -> bool:
    """'Putin, asked about X, did not deny ...': a participle set off right after the phrase it describes
    (the parser often reads it as the finite verb 'Putin asked')."""
    if cue.tag_ == "VBN" and cue.dep_ == "acl":
        return cue.head.i in source
    comma = cue.i - 1
    return comma > 0 and doc[comma].text == "," and max(source, default=-2) in {comma - 1, comma}


def _keeps_unnamed(cue: Token) -> bool:
    """'asked not to be named', 'requested anonymity': a source asking to stay unnamed claims nothing."""
    return any((c.dep_ == "xcomp" and c.lemma_.lower() in UNNAMING and any(g.dep_ == "neg" for g in c.children))
               or (c.dep_ == "dobj" and c.lower_ == "anonymity") for c in cue.children)


def _within_report(cue: Token, relations: list[Relation]) -> bool:
    """Whether the cue lies inside what another relation, with a speaker, reports."""
    return any(r.source is not None and r.cue_token != cue.i and any(a <= cue.idx < b for a, b in r.content)
               for r in relations)


def _an_inquiry(source: Party | None) -> bool:
    """Whether the source is a study, record or inquiry ("a study found"), which is cited as a source even
    inside another's report."""
    words = source.text.lower().split() if source is not None else []
    return any(w.strip(".,'\u2019") in INQUIRY_NOUNS for w in words)


def _governing_relation(cue: Token, relations: list[Relation]) -> Relation | None:
    """The relation, with a speaker, whose cue this participle or coordinated cue hangs from."""
    if cue.dep_ not in {"advcl", "conj", "xcomp"} or cue.head.i == cue.i:
        return None
    return next((r for r in relations if r.cue_token == cue.head.i and r.source is not None), None)


def _reported_by_another(doc: Doc, cue: list[int], run: list[int]) -> bool:
    """A piece of the cue's sentence that another verb reports: its head's chain of heads reaches a verb
    with a clause of its own before this cue, and neither holds the other ("an officer, who asked not to
    be named, told R that X": X is what he told, not what he asked)."""
    head, root = _head(doc, cue), _head(doc, run)
    if root.sent.start != head.sent.start or root.i == head.i:
        return False
    if head in list(root.ancestors) or root in list(head.ancestors):
        return False
    governor = root.head
    return governor.pos_ in {"VERB", "AUX"} and root.dep_ in {"ccomp", "csubj"} and governor.i != head.i


def _is_recipient(doc: Doc, cue: list[int], run: list[int]) -> bool:
    """A piece that is only whom the cue addresses ("told the Bay Times", "said to reporters", "we were
    told")."""
    return any(a <= run[0] and run[-1] <= b for a, b in _recipients(doc, cue))


def _after_recipient(doc: Doc, cue: list[int], run: list[int]) -> list[int]:
    """A piece without the one told at its start, when a clause follows ("told the agency it had
    documented 44": what was told starts at "it"); not a thing told ("tells so many lies that ...")."""
    head = _head(doc, cue)
    if head.lemma_.lower() not in ADDRESSING_CUES or any(c.dep_ in {"dative", "iobj"} for c in head.children):
        return run  # "pointed to Britain's decision to leave": no one addressed; "tell the I.R.S. anything it
        # doesn't know": the object is what is told
    for a, b in _recipients(doc, cue):
        if a != run[0] or b >= run[-1] or doc[a:b + 1].root.lemma_.lower() in TOLD_THINGS:
            continue
        rest = [i for i in run if i > b]
        while len(rest) > 1 and (doc[rest[0]].is_punct or doc[rest[0]].is_space):
            rest = rest[1:]  # "told makers of syrups, Helvane among them, to test ...": not the comma
        first = doc[rest[0]]
        if (first.lower_ in {"that", "to"} or first.dep_ in {"nsubj", "nsubjpass", "mark"}) \
                and first.lower_ not in ABOUT_THE_TOLD:  # "told a young woman who suggested ...": hers
            return rest
    return run


def _recipients(doc: Doc, cue: list[int]) -> list[tuple[int, int]]:
    """The token ranges of whom the cue addresses."""
    head = _head(doc, cue)
    addressing = head.lemma_.lower() in ADDRESSING_CUES
    # "told the council X": the object is addressed; "we were told X": the passive subject is, not X
    addressed = {"nsubjpass"} if any(c.dep_ == "auxpass" for c in head.children) else {"dobj", "obj"}
    out = []
    for child in head.children:
        target = child
        if child.dep_ == "prep" and child.lower_ == "to":
            target = pobj_of(child)
        elif child.dep_ not in {"dative", "iobj"} and not (addressing and child.dep_ in addressed):
            continue
        if target is not None:  # the phrase, not a clause the parser hung on it ("the mission they had ...")
            end = max([target.i] + [c.right_edge.i for c in target.rights if c.dep_ not in {"relcl", "acl", "ccomp"}])
            out.append((target.left_edge.i, end))
    return out


def _merged_content(text: str, rule: list[CharSpan], learned: list[CharSpan]) -> list[CharSpan]:
    """Each learned piece, or the rule's wider span holding it: the rules run content to the clause's
    end where the tagger often stops short ("..., of which 3,000 have arrived"), but not over a new
    coordinated clause the tagger left out ("... but would not say when")."""
    rule = [(a, b) for a, b in (_stop_at_new_clause(text, a, b, learned) for a, b in rule) if text[a:b].strip()]
    if all(any(a <= c and d <= b for a, b in rule) for c, d in learned):
        # "X, according to Y, did Z": the rule has both pieces around the cue; but a quoted phrase the
        # tagger left out is a scare quote, not the speaker's words ("a 'total opportunist'")
        return [(a, b) for a, b in rule if any(a <= c and d <= b for c, d in learned)
                or text[a:a + 1] not in QUOTE_OPENERS]
    out: list[CharSpan] = []
    for c, d in learned:
        wider = next(((a, b) for a, b in rule if a <= c and d <= b), (c, d))
        if wider not in out:
            out.append(wider)
    return sorted(out)


def _held_before(piece: CharSpan, rel: Relation, rules: list[Relation], text: str) -> bool:
    """A piece before the relation's sentence, or before a semicolon ahead of its cue, that another
    relation already reports: the tagger's window reaches back over '"A," said X, "B." X said C', but B
    is the first statement's; in "X puts the force at 10,000; Y says units are in Kursk" Y says nothing
    of X's figure."""
    cue = rel.cue[0] if rel.cue else rel.sentence[0]
    before = piece[1] <= rel.sentence[0] or (piece[1] <= cue and ";" in text[piece[1]:cue])
    return before and any(other is not rel and overlaps_any([piece], other.content) for other in rules)


SUBORDINATORS = {"after", "before", "since", "when", "while", "as", "because", "until", "once", "if", "though",
                 "although", "whereas", "unless"}


def _opens_subordinate(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` is the subject of a clause a subordinator opens ("Posts ... in the days after the
    sinking claimed ...": the parser may hang it on the main verb; the rule's subject is the speaker)."""
    before = tok.left_edge.i - 1
    return before >= 0 and doc[before].lower_ in SUBORDINATORS and doc[before].dep_ in {"mark", "prep", "advmod"}


def _own_statement(text: str, rel: Relation, rules: list[Relation]) -> list[CharSpan]:
    """An "according to" content cut at a semicolon whose other side is another relation's content: "X say
    A; reports suggest B, according to Y" gives Y's B, not A; B. Without another speaker there the
    phrase may cover the whole sentence ("the goal is not revenue; it is ..., according to a speech").
    Inside another speaker's report ("According to A, X, B said") it ends before that speaker."""
    cue = rel.cue[0] if rel.cue else 0
    others = [piece for r in rules if r is not rel for piece in r.content]
    # "According to A, X, B said": B reports the whole, A's phrase with it; what A says ends before B
    reporters = [min([r.cue[0]] + ([r.source_span[0]] if r.source_span else [])) for r in rules
                 if r is not rel and r.cue and r.cue[0] > cue and overlaps_any([(cue, cue + 1)], r.content)]
    out = []
    for a, b in rel.content:
        stop = min((at for at in reporters if a < at < b), default=None)
        if stop is not None:
            b = stop
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:\u2013\u2014-"):
                b -= 1
        for k in [i for i in range(a, b) if text[i] == ";"]:
            before, after = (a, k), (k + 1, b)
            if k < cue and overlaps_any([before], others):
                a = k + 1
            elif k >= cue and overlaps_any([after], others):
                b = k
                break
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            out.append((a, b))
    return out or rel.content


def _stop_at_new_clause(text: str, a: int, b: int, learned: list[CharSpan]) -> CharSpan:
    for c, d in learned:
        if a <= c < d < b and NEW_CLAUSE.match(text, d):
            return a, d
    return a, b


def _raised_subject(cue: Token, speaker: Token) -> bool:
    """Whether ``speaker`` is the subject of a passive cue raised from its infinitive ("X is believed /
    said / expected to have ..."): what is believed is about X, and the believer goes unnamed."""
    return speaker.dep_ == "nsubjpass" and speaker.head.i == cue.i \
        and any(c.dep_ == "auxpass" for c in cue.children) \
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in cue.children) \
        and not any(c.dep_ == "agent" for c in cue.children)


def _head(doc: Doc, tokens: list[int]) -> Token:
    inside = set(tokens)
    roots = [doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i]
    verbs = [t for t in roots if t.pos_ in {"VERB", "AUX"}]
    return (verbs or roots or [doc[tokens[0]]])[0]


def _trimmed(doc: Doc, run: list[int]) -> CharSpan:
    """A content run without a closing full stop or comma: PolNeAR's content ends at the last word
    unless a quote closes it (the tagger sometimes takes the stop along)."""
    while len(run) > 1 and doc[run[-1]].text in {".", ","}:
        run = run[:-1]
    return char_span(doc, _whole_phrase(doc, run))


def _whole_phrase(doc: Doc, run: list[int]) -> list[int]:
    """A run that stops on a modifier ("his early" of "his early-morning tweets") goes on to the noun
    it modifies: the tagger often breaks at an inner hyphen, and a content never ends mid-phrase."""
    last = doc[run[-1]]
    while last.dep_ in PRE_MODIFIERS and 0 < last.head.i - last.i <= 4 and last.head.sent == last.sent:
        last = last.head
    return run + list(range(run[-1] + 1, last.i + 1))


def _kind(kind: str, content: list[CharSpan], quotes: list[CharSpan]) -> str:
    if kind in {"according_to", "unattributed"}:
        return kind
    total = sum(b - a for a, b in content)
    quoted = sum(max(0, min(b, d) - max(a, c)) for a, b in content for c, d in quotes)
    if total and quoted >= 0.6 * total:
        return "direct"
    return "mixed" if quoted else "indirect"


def _unstamped(doc: Doc, tokens: list[int]) -> CharSpan:
    """The tagger's source span without a bracketed time stamp opening it ("[10:15] Dr Anika Vos")."""
    first = after_stray_close(doc, tokens[0], tokens[-1])
    return char_span(doc, [i for i in tokens if i >= first] or tokens)


__all__ = ["combine"]
