"""Who a source is: the noun phrase as written, its name, and pronouns or short names resolved.

Resolution stays within one article: "he said" goes to the most recent person named before it,
"Howell said" to the earlier full name "Edward Howell". Canonical names across articles are the
link stage's job.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from claimledger.extract.mentions import (
    BODY_NOUNS,
    BROADCAST_MEDIA,
    KIND_WORDS,
    MEDIA_WORDS,
    NAME_MARKS,
    ORG_NOUNS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    PRINT_MEDIA,
    after_article,
    clean_name,
    conjuncts,
    described_as_org,
    described_as_person,
    gender_fits,
    is_person_noun,
    named_member,
    names_as,
    proper_name,
)
from claimledger.extract.quotes import find_quotes
from claimledger.extract.roles import described_by, may_be_called, named_after_role, place_of, roles_of
from claimledger.extract.source_phrases import (
    AFFILIATION_PREPS,
    appositive_name,
    core_span,
    entity_name,
    np_span,
    partitive_whole,
    strip_article,
    unowned_process,
    work_by,
)
from claimledger.model import Party
from claimledger.parse import doc_text

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
GROUP_PRONOUNS = {"they", "it", "we", "them", "us"}
WRITER_PRONOUNS = {"we", "us", "our"}
WRITER = "writer"  # Party.kind of the writer's "we" / "our X" until the extractor names the outlet
# a possessive pronoun resolves as its subject form does ("his office" is the office of whoever "he" is)
POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we", "my": "i"}
RESOLVED_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | set(POSSESSIVES)
# heads whose possessor is the one speaking: "according to his account" is his claim
WORDS_OF = {"account", "words", "version", "claim", "claims", "statement", "remarks", "testimony", "report",
            "story", "view", "assessment", "estimate", "reporting", "telling", "recollection"}
DESCRIPTION_REACH = 800  # characters back to the person "the analyst" may stand for
# a plural of initials the tagger may call a person ("told MPs", "CEOs said"): a group, never a name
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _medium_kinds(text: str) -> set[str]:
    """Which kinds of medium ``text`` names: "print", "broadcast", both or neither."""
    words = {w.lower() for w in text.split()}
    return {kind for kind, nouns in (("print", PRINT_MEDIA), ("broadcast", BROADCAST_MEDIA)) if words & nouns}


def _named_medium(party: Party) -> bool:
    """Whether a source is a publisher named with what it is: "the tabloid Evening Flash", "the
    broadcaster NRK", "Radio Havenstad" (the tagger may take such a name for a person's)."""
    words = (party.text or "").split()
    return any(w.lower() in MEDIA_WORDS for w in words) \
        and any(w[:1].isupper() and w.lower() not in MEDIA_WORDS | {"the"} for w in words)


def _head_word(text: str) -> str:
    """The last word before any affiliation ("spokesperson" of "a spokesperson for the government")."""
    words = text.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in AFFILIATION_PREPS), len(words))
    return words[cut - 1].lower()


def _medium(ent: Span) -> bool:
    """A lone word a verb was done "on" or "via" ("wrote on Twitter", "posted on Telegram"): a medium the
    tagger took for a person, not someone a later "he" can stand for."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in {"on", "via"} \
        and root.head.head.pos_ in {"VERB", "AUX"}




TELLING_VERBS = {"tell", "inform", "brief", "assure", "warn", "remind"}


def _told(tok: Token) -> bool:
    """Whether the name holding ``tok`` is who a verb of telling was addressed to ("told Tessera")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"dobj", "dative"} and tok.head.lemma_.lower() in TELLING_VERBS




# bodies named by their kind, which a bare "the <kind>" stands for only when that kind heads the name
NAMED_BODY_KINDS = {"ministry", "department", "authority", "commission", "directorate", "inspectorate"}
# last words of a body's name: "the state Environmental Protection Board" is one the tagger may miss
ORG_KIND_HEADS = KIND_WORDS | BODY_NOUNS


class SourceResolver:
    """Walks an article in order, remembering people and sources to resolve pronouns and surnames."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]] | None = None, publisher: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.publisher = publisher  # the article's outlet
        self._publisher_words = {w.lower() for w in re.findall(r"[\w'\u2019-]+", publisher or "")}
        self.people: list[tuple[int, str]] = []  # (token index, full name)
        # a name the tagger calls a place anywhere in the article is that place wherever it reads it as a
        # person ("residents of Oleshky", "what you see in Kherson")
        places = {ent.text for ent in doc.ents if ent.label_ in {"GPE", "LOC", "FAC"} or place_of(ent)}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not after_article(ent) and not _medium(ent) and ent.text not in places \
                    and not PLURAL_ACRONYM.fullmatch(ent.text) and not self._publisher_named(ent):
                self.people.append((ent.start, clean_name(ent)))
        self.sources: list[tuple[int, Party]] = []  # earlier sources, to resolve "it"/"they"
        self.relayed: set[int] = set()  # where sources spoke inside another's words ("X said Y told her")
        self.outlets: list[Party] = []  # publishers that relayed claims, in order (see ``outlet``)
        # people mentioned by description as a subject ("a government spokesman was asked"), not named
        self.described: list[tuple[int, Party]] = []
        # organisations named as a subject ("Energoatom, Ukraine's state nuclear company, gave a gloomier
        # reading"), speaking or not: what a later "it said" may stand for
        self.org_subjects: list[tuple[int, Party]] = []
        self.org_names: list[tuple[int, str]] = []
        for t in doc:  # one pass: reading a token's attributes is the slow part
            pos, subject = t.pos_, t.dep_ in {"nsubj", "nsubjpass"}
            if pos == "PROPN" and not t.ent_type_ and t.dep_ != "compound" and t.lower_ in ORG_KIND_HEADS:
                # "the state Environmental Protection Board", a name the tagger missed
                name = proper_name(core_span(t))
                if name and len(name.split()) > 1:
                    self.org_names.append((t.i, name))
            # "Olena Dovhal, who studies civil protection, ...": a person whatever the tagger said
            if pos == "PROPN" and t.ent_type_ != "PERSON" and (described_as_person(t) or named_after_role(t)):
                core = core_span(t)
                name = proper_name(core)
                if name and len(name.split()) > 1:
                    self.people.append((core.start, name))
            if subject and not t.ent_type_ and is_person_noun(t) \
                    and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in t.children):
                core = core_span(t)
                self.described.append((t.i, Party(text=core.text, entity=strip_article(core), kind="unknown")))
            if subject and pos == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in ORG_NOUNS \
                    and t.head.dep_ != "ccomp" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                # "The government has issued a statement. It says ...", not what a speaker said of the
                # government ("X said the authority had not explained ... It described ...")
                core = core_span(t)
                self.org_subjects.append((t.i, Party(text=core.text, entity=strip_article(core), kind="org")))
            if subject and pos == "PROPN" and t.head.pos_ in {"VERB", "AUX"} and t.head.dep_ != "ccomp":
                # a main verb's subject: not "declared Derna a disaster zone", nor what a speaker said of
                # it ("announced that Derna is a disaster zone. It says ...": "it" is the one announcing)
                core = core_span(t)
                name, kind = entity_name(core)
                if kind != "org" and t.ent_type_ != "PERSON" and described_as_org(t):
                    name, kind = proper_name(core), "org"  # "Energoatom, the state nuclear company"
                elif name is None and not t.ent_type_ and t.lower_ in ORG_NOUNS and core[0].pos_ == "PROPN" \
                        and len(core) > 1:
                    name, kind = proper_name(core), "org"  # "Vantry Coal Company", the tagger missed it
                if name and kind == "org":
                    self.org_subjects.append((t.i, Party(text=core.text, entity=name, kind="org")))
        self.people.sort()
        # named organisations in order, for "the airline" after "Estrel Airways" (see ``_definite``)
        self.org_names = sorted(self.org_names + [(ent.start, clean_name(ent)) for ent in doc.ents
                                                  if ent.label_ == "ORG"])
        # people named inside a quote are the speaker's words ("'Whales, ships ... can produce sounds,'
        # Raman said. She said ..."): no antecedent for a pronoun outside it
        self.quoted = find_quotes(self.text) if quotes is None else quotes
        self.quoted_people = {i for i, _ in self.people if self._in_quote(doc[i])}
        # those told ("Marant told Tessera, ...") listen: they do not take "she said" from the speaker
        self.listeners = {i for i, _ in self.people if _told(doc[i])}

    def _in_quote(self, tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in self.quoted)

    def _writer(self, tok: Token) -> bool:
        """Whether ``tok`` is the writer's "we"/"us"/"our" (outside any quote): the outlet, which the
        article's metadata names, not an earlier source ("Our correspondent in Benghazi reports")."""
        return tok.lower_ in WRITER_PRONOUNS and not self._in_quote(tok)

    def remember_outlets(self, via: list[Party]) -> None:
        """Publishers that relayed a claim, for "told the newspaper" later on."""
        self.outlets += [p for p in via if p.kind == "org" and p.entity and p.entity[:1].isupper()]

    def _publisher_named(self, span: Span) -> bool:
        """Whether ``span`` names the article's outlet by its name's words ("Plumbline", "the Review" in
        Plumbline Fact Check's or The Wexcombe Review's article): the tagger may take it for a person."""
        words = [t.lower_ for t in span if t.lower_ != "the"]
        return bool(words) and all(w in self._publisher_words for w in words) and span[-1].pos_ == "PROPN"

    def own_publisher(self, tok: Token) -> Party | None:
        """The article's outlet, when one told (``tok``) is named by its name's words, or by its name's last
        word as a common noun ("told the agency" in the Tessarian Press Agency's report); else None."""
        core = core_span(tok)
        by_head = tok.pos_ == "NOUN" and [t.lower_ for t in core] == ["the", tok.lower_] and self.publisher \
            and self.publisher.split()[-1].lower() == tok.lower_
        if not by_head and (tok.pos_ != "PROPN" or not self._publisher_named(core)):
            return None
        return Party(text=core.text, entity=self.publisher, kind="org", span=(core.start_char, core.end_char))

    def outlet(self, tok: Token) -> Party | None:
        """The publisher a definite "the newspaper" / "the broadcaster" stands for: the one that last
        relayed a claim, or None."""
        core = core_span(tok)
        if tok.pos_ != "NOUN" or tok.lower_ not in OUTLET_NOUNS or core[0].lower_ != "the" or not self.outlets:
            return None
        last = self.outlets[-1]
        return Party(text=core.text, entity=last.entity, kind=last.kind, span=(core.start_char, core.end_char))

    def remember(self, at: int, party: Party, relayed: bool = False) -> None:
        """An earlier source speaking at token ``at``; ``relayed`` when it speaks inside another's words."""
        self.sources.append((at, party))
        if _named_medium(party):
            self.outlets.append(party)  # "The tabloid Evening Flash reported ..." for "the paper" later
        if relayed:
            self.relayed.add(at)
        if party.kind == "person" and party.entity and len(party.entity.split()) > 1 \
                and all(name != party.entity for _, name in self.people):
            # a speaker the tagger missed ("Ilona Varga, a senior fellow, said"): later surnames and
            # pronouns resolve to them too
            bisect.insort(self.people, (at, party.entity))

    def party(self, tok: Token, full_span: Span | None = None) -> Party:
        """A Party for the source headed by ``tok``, resolving pronouns and short names.

        Coordinated sources speak together: "Denmark and Sweden said" gives one party of kind
        ``group``, named by every conjunct as resolved ("the Kremlin and Pyongyang" -> "Kremlin and
        Pyongyang"), not by the first conjunct alone.
        """
        first = self._single(tok, full_span)
        others = conjuncts(tok)
        if not others:
            return first
        names = [p.entity or p.text for p in [first] + [self._single(c) for c in others]]
        entity = ", ".join(names[:-1]) + " and " + names[-1]
        text = self.doc[core_span(tok).start:core_span(others[-1]).end].text
        return Party(text=text, entity=entity, kind="group", span=first.span)

    def _single(self, tok: Token, full_span: Span | None = None) -> Party:
        """The party of ``tok`` alone, its conjuncts left out."""
        core = core_span(tok)
        span = full_span or np_span(tok)
        text = core.text
        entity, kind = entity_name(core)
        low = tok.lower_
        if tok.ent_type_ == "CARDINAL" and core.end > tok.i + 1:
            # "dozens of explorers": the explorers, not "dozens"; "One of them, Gregor Pask,": Gregor Pask
            entity, kind = appositive_name(tok) or (strip_article(core), "unknown")
        elif tok.pos_ == "PRON" and self._writer(tok):
            entity, kind = None, WRITER  # the outlet, named by the extractor, which knows it
        elif tok.pos_ == "PRON" and low in RESOLVED_PRONOUNS and not tok.text.isupper():
            entity, kind = self._pronoun(tok, POSSESSIVES.get(low, low))
        elif kind == "person" or (tok.pos_ == "PROPN" and len(core) == 1):
            entity = self.full_name(entity or text, tok.i)
            if entity != (core.text) or kind is None:
                kind = "person" if " " in (entity or "") or kind in (None, "person") else kind
        elif kind in (None, "org") and (member := named_member(tok)) is not None:
            # "Lise Marant of the miners' union", a name the tagger missed or took for an organisation
            entity, kind = self.full_name(member, tok.i), "person"
        elif kind != "person" and tok.pos_ == "PROPN" and described_as_person(tok) and \
                (name := proper_name(core)) is not None:
            # "Ilona Varga, a senior fellow at ...": the description says the name is a person's
            entity, kind = self.full_name(name, tok.i), "person"
        elif entity is None and (named := appositive_name(tok)) is not None:
            # "its director, Paula Marsh," names the person the description stands for
            entity, kind = named
        elif entity is None and (owned := self._owned(tok, core)) is not None:
            entity, kind = owned
        elif entity is None and (owner := _possessive_pronoun(tok)) is not None and self._writer(owner):
            entity, kind = self.doc[owner.i + 1:core.end].text, WRITER  # "Our correspondent in Benghazi"
        elif entity is None and (earlier := self._definite(tok, core)) is not None:
            # "the agency said" after "Seoul's spy agency said": the same source again
            entity, kind = earlier.entity, earlier.kind
        elif entity is None and (whole := partitive_whole(tok)) is not None:
            # "interviewed 23 passengers ... most of them said": the group as named, without what follows it
            entity, kind = strip_article(self.doc[whole.left_edge.i:whole.i + 1]), "unknown"
        elif entity is None and (author := work_by(tok)) is not None:
            by = self._single(author)  # "A reverse image search by Lodestar found ...": Lodestar's finding
            entity, kind = by.entity, by.kind
        elif entity is None and unowned_process(tok, core):
            entity, kind = None, WRITER  # "Independent testing has confirmed ...": the writer's finding
        elif entity is None:
            kind = "unknown"
            entity = strip_article(core)
        return Party(text=text, entity=entity, kind=kind,
                     span=(span.start_char, span.end_char))

    def _owned(self, tok: Token, core: Span) -> tuple[str, str | None] | None:
        """What a noun under a possessive pronoun stands for: "his ministry" -> "Ihor Klymenko's
        ministry" (an organisation); "according to his account" -> Seymour Hersh himself."""
        owner = _possessive_pronoun(tok)
        if owner is None or self._writer(owner):
            return None
        if owner.lower_ in {"its", "their"} and tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} \
                and tok.head.i < owner.i:
            # "the vessel's owner and its insurers": the insurers of the one just named, not of an earlier source
            whose, whose_kind = self._single(tok.head).entity, "org"
        else:
            whose, whose_kind = self._pronoun(owner, POSSESSIVES[owner.lower_])
        if whose is None:
            return None
        if tok.lower_ in WORDS_OF:
            return whose, whose_kind
        return f"{whose}'s {self.doc[owner.i + 1:core.end].text}", "org"

    def _definite(self, tok: Token, core: Span) -> Party | None:
        """The earlier source a definite description ("the officer", "the agency") refers back to."""
        if tok.pos_ != "NOUN" or core[0].lower_ not in {"the", "this", "that"} or len(core) > 3:
            return None
        head = tok.lemma_.lower()
        if tok.lower_ in OUTLET_NOUNS and core[0].lower_ == "the" and core[1:-1].text.lower() in {"", "same"}:
            # "the paper", "the same paper": the publisher last named as one, as a source or a relay, and
            # not one named as another kind of medium ("Ambris TV" is no paper)
            wanted = _medium_kinds(tok.lower_)
            last = next((p for p in reversed(self.outlets) if not wanted or _medium_kinds(p.text) <= wanted), None)
            if last is not None:
                return Party(text=core.text, entity=last.entity, kind="org", span=None)
        # the organisation last named as one ("Estrel Airways" for "the airline", "Civil Aviation Investigation
        # Board" for "the board"), spoken or not; a source of that kind named before it is another
        last_named = None
        if len(core) == 2 and (head in NAME_MARKS or head in ORG_NOUNS or head in ORG_KIND_HEADS):
            last_named = next(((at, name) for at, name in reversed(self.org_names)
                               if at < tok.i and names_as(name, head)), None)
        named_party = Party(text=core.text, entity=last_named[1], kind="org", span=None) if last_named else None
        for at, p in reversed(self.sources):
            if at >= tok.i:
                continue
            if last_named is not None and at < last_named[0]:
                return named_party
            if p.text and _head_word(p.text).rstrip("s") == head.rstrip("s") \
                    and p.text.split()[0].lower() not in {"the", "this", "that"}:
                return p
            if p.entity and _head_word(p.entity) == head:
                return p  # "the agency" after "Seoul's spy agency"; not "the administration" after its spokesman
            # a bare "the agency" after "the Federal Bureau of Investigation" (but "the regional
            # administration" is a body of its own, and "the ministry" is no "Medicines Authority")
            if head in BODY_NOUNS - NAMED_BODY_KINDS and len(core) == 2 and p.kind == "org" and p.entity \
                    and _head_word(p.entity) in BODY_NOUNS:
                return p
        if named_party is not None:
            return named_party
        named = [(at, name) for at, name in self.people if at < tok.sent.start] if head in PERSON_NOUNS else []
        # "the minister" for the person named with that very role ("the Minister of the Interior,
        # Dagny Roos; the chair, Henrik Sandvik ... The minister told MPs"), however many were named since
        titled = next(((at, name) for at, name in reversed(named) if len(name.split()) > 1
                       and tok.idx - self.doc[at].idx <= DESCRIPTION_REACH and head in roles_of(self.doc[at])), None)
        if titled is not None:
            return Party(text=titled[1], entity=self.full_name(titled[1], titled[0]), kind="person", span=None)
        if len(core) == 2 and core[0].lower_ == "the" and (fuller := self._described_before(tok)) is not None:
            # "The report says ..." after "The interim report of the inquiry ...", "The diplomat said" after
            # "A European diplomat briefed on ...": the one described so
            return Party(text=core.text, entity=fuller, kind="org" if head in ORG_NOUNS else "unknown", span=None)
        # else, for a person noun, the person last named, when no one else was named since and only a full
        # name: a lone capitalised word tagged PERSON ("Miss Universe" -> "Universe") is as often a tagging slip
        if named and tok.idx - self.doc[named[-1][0]].idx <= DESCRIPTION_REACH:
            at, name = named[-1]
            full = self.full_name(name, at)
            mentions = [i for i, n in self.people if n in (name, full)]
            if len(full.split()) > 1 and may_be_called(self.doc, mentions, head):
                return Party(text=name, entity=full, kind="person", span=None)
        return None

    def _described_before(self, tok: Token) -> str | None:
        """The latest fuller description of a bare "the <noun>" shortly before it: the same noun with
        words of its own in front ("interim report", "finance ministry"), not a possessive's."""
        lemma = tok.lemma_.lower()
        for t in reversed(self.doc[max(0, tok.sent.start - 200):tok.i]):
            if tok.idx - t.idx > DESCRIPTION_REACH:
                return None
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or t.tag_ != tok.tag_:
                continue  # "American balloons" are not "the balloon"
            words = [c for c in t.lefts if c.dep_ in {"amod", "compound"} and c.i == t.i - 1]
            if not words or any(c.dep_ == "poss" for c in t.lefts) or self._in_quote(t):
                return None  # the last mention says no more, or says whose: nothing fuller to take
            first = min(c.left_edge.i for c in t.lefts if c.dep_ in {"amod", "compound"})
            return self.doc[first:t.i + 1].text
        return None

    def _plural(self, party: Party) -> bool:
        """Whether a source is several ("relatives of several passengers", "Denmark and Sweden"): no "it"."""
        if party.kind == "group":
            return True
        span = self.doc.char_span(*party.span, alignment_mode="expand") if party.span else None
        return span is not None and len(span) > 0 and span.root.tag_ in {"NNS", "NNPS"}

    def _clause_owner(self, tok: Token) -> Party | None:
        """The thing (not a person, not a plural) that is the subject of the clause "its" sits in."""
        subj = _subject_before(tok)
        if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or subj.tag_ in {"NNS", "NNPS"} \
                or subj.ent_type_ == "PERSON" or is_person_noun(subj):
            return None
        party = self._single(subj)
        return party if party.entity and party.kind != "person" else None

    def _clause_group(self, tok: Token) -> Party | None:
        """The plural subject (not a pronoun) of the clause "their" sits in."""
        subj = _subject_before(tok)
        if subj is None or subj.pos_ not in {"NOUN", "PROPN"} \
                or not (subj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subj.children)):
            return None
        party = self._single(subj)
        return party if party.entity else None

    def _clause_subject(self, tok: Token) -> str | None:
        """The named person who is the subject of the clause a possessive pronoun sits in: "Leontyev has
        stuck to his claim" is Leontyev's claim, whatever was named in between."""
        node = _clause_verb(tok)
        subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.pos_ != "PROPN":
            return None
        core = core_span(subj)
        name, kind = entity_name(core)
        if kind != "person" and not described_as_person(subj):
            return None
        return self.full_name(name or proper_name(core) or core.text, subj.i)

    def _pronoun(self, tok: Token, low: str) -> tuple[str | None, str | None]:
        """Who the pronoun ``tok`` (read as ``low``: "his" as "he") stands for, and its kind."""
        if low in PERSON_PRONOUNS and tok.lower_ in {"his", "her"} and tok.dep_ == "poss" \
                and (bound := self._clause_subject(tok)) is not None:
            return bound, "person"
        if tok.lower_ == "their" and tok.dep_ == "poss" and (group := self._clause_group(tok)) is not None:
            return group.entity, group.kind  # "The police never moved from their estimate"
        if tok.lower_ == "its" and tok.dep_ == "poss" and (owner := self._clause_owner(tok)) is not None:
            return owner.entity, owner.kind  # "The company charges ..., according to its website"
        if low in PERSON_PRONOUNS:
            # a person described, not named, since the last person named or speaking: "In Berlin, a
            # government spokesman was asked ... 'We cannot confirm that,' he said"
            described = next((d for d in reversed(self.described) if d[0] < tok.i), None)
            if described is not None and low in {"he", "him", "she", "her"} \
                    and gender_fits(described[1].text, low) \
                    and all(i < described[0] for i, _ in self.people if i < tok.i) \
                    and all(at < described[0] for at, p in self.sources if at < tok.i and p.kind == "person"):
                return described[1].entity, described[1].kind
            # a described person as the latest source ("a military officer said ... he said"), not one the
            # speaker quoted ("Halvard said ..., after the club's head steward told him ... He estimated")
            latest = max(self.sources, key=lambda s: s[0] if s[0] < tok.i else -1, default=None)
            if latest is not None and latest[0] < tok.i and latest[0] not in self.relayed \
                    and latest[1].kind == "unknown" and latest[1].text.split()[-1].lower() in PERSON_NOUNS \
                    and all(i <= latest[0] for i, _ in self.people if i < tok.i):
                return latest[1].entity, latest[1].kind
            # the most recent source that is a person, else the most recent person named
            # a person quoted by the speaker is not who "she" is next ("The minister said the commander had
            # told her ... She said"): the speaker is
            for at, p in reversed(self.sources):
                if at < tok.i and p.kind == "person" and at not in self.relayed and self.fits(p.entity, low):
                    # one the speaker spoke about ("Vell said an inspector, Gavril Petto, had been arrested.
                    # He denied ...") is not who speaks next either
                    said = self.doc[at].sent
                    recent_person = max((i for i, _ in self.people if i < tok.i and i not in self.quoted_people
                                         and i not in self.listeners and not (at < i < said.end)), default=-1)
                    if recent_person <= at or recent_person < 0:
                        return p.entity, "person"
                    break
            for at, name in reversed(self.people):
                if at < tok.i and at not in self.quoted_people and self.fits(name, low):
                    return self.full_name(name, at), "person"
            return None, None
        latest = next(((at, p) for at, p in reversed(self.sources) if at < tok.i and p.kind != "person"
                       and not (low == "it" and self._plural(p))), None)
        if low == "it":
            # an organisation named as a subject since the last source spoke
            named = next(((at, p) for at, p in reversed(self.org_subjects) if at < tok.i), None)
            if named is not None and (latest is None or named[0] > latest[0]):
                return named[1].entity, named[1].kind
        return (latest[1].entity, latest[1].kind) if latest is not None else (None, None)

    def fits(self, name: str | None, pronoun: str) -> bool:
        """Whether "he" or "she" may stand for the person named ``name``: not "she" for one introduced as
        "her brother, Luka" or "Mr Orlo"."""
        if pronoun not in {"he", "him", "she", "her"} or not name:
            return True
        last = name.split()[-1]
        mentions = [at for at, n in self.people if n == name or n.split()[-1] == last]
        words = [w.lower_ for at in mentions for w in described_by(self.doc[at])]
        words += [self.doc[at - 1].lower_.rstrip(".") for at in mentions if at > 0]
        return all(gender_fits(w, pronoun) for w in words if w.strip())

    def full_name(self, name: str, before: int) -> str:
        """'Howell' -> 'Edward Howell' when the article named him in full earlier."""
        parts = name.split()
        if len(parts) != 1:
            return name
        return self.full_name_of(parts[0], before) or name

    def full_name_of(self, word: str, before: int | None = None, case_blind: bool = False) -> str | None:
        """The full name, named by token ``before`` (anywhere when None), that ends with ``word``; else one
        that starts with it: a family name first ("Tang Siu-ming", "Tang said")."""
        fold = str.lower if case_blind else str
        fulls = [full for at, full in self.people if (before is None or at <= before) and len(full.split()) > 1]
        for place in (-1, 0):
            match = next((full for full in fulls if fold(full.split()[place]) == fold(word)), None)
            if match is not None:
                return match
        return None


def _clause_verb(tok: Token, past_prepositions: bool = False) -> Token:
    """The verb of the clause ``tok`` sits in (the root if none); ``past_prepositions`` also climbs over a
    verb used as a preposition ("according") and a participle describing a noun ("data posted on its
    website")."""
    node = tok.head
    while node.head.i != node.i and (node.pos_ not in {"VERB", "AUX"}
                                     or (past_prepositions and node.dep_ in {"prep", "acl"})):
        node = node.head
    return node


def _subject_before(tok: Token) -> Token | None:
    """The subject, ahead of ``tok``, of the clause ``tok`` sits in ("according to its website" included)."""
    node = _clause_verb(tok, past_prepositions=True)
    return next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)


def _possessive_pronoun(tok: Token) -> Token | None:
    """The possessive pronoun determining a noun ("his" in "his ministry"), if one does."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    return next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES and c.i < tok.i), None)






