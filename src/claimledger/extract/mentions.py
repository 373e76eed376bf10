"""What kind of thing a phrase names: word classes and token tests shared by the source rules.

Person and organisation nouns ("spokeswoman", "economist", "the state nuclear company"), names with
their titles dropped, gender of a description, and coordinated nouns. General English, no names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.model import Party

TITLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "president", "minister", "secretary", "leader",
    "commander", "general", "gen.", "lt.", "col.", "director", "chief", "head", "ambassador",
    "official", "senator", "sen.", "rep.", "governor", "mayor", "prime", "foreign", "defence",
    "defense", "deputy", "then", "former", "dr.", "mr.", "mrs.", "ms.", "professor", "adviser",
    "advisor", "analyst", "expert", "researcher", "lecturer", "correspondent", "editor",
    "judge", "prosecutor", "representative", "rep", "chancellor", "captain", "capt.", "colonel", "sergeant",
    "admiral", "lieutenant", "inspector", "detective", "commissioner", "councillor", "congressman",
    "congresswoman", "attorney", "chairman", "chairwoman", "premier", "king", "queen", "prince", "princess",
    "pope", "archbishop", "bishop", "cardinal", "sheikh", "emir", "sheriff", "marshal", "constable",
    "superintendent",
}
# heads of descriptions that stand for one person ("a senior officer", "the spokeswoman")
PERSON_NOUNS = TITLE_WORDS | {
    "officer", "soldier", "diplomat", "source", "lawmaker", "politician", "scholar", "professor", "witness",
    "resident", "man", "woman", "doctor", "worker", "engineer", "economist", "historian", "commander",
    "spokesman", "spokeswoman", "envoy", "aide", "negotiator", "journalist", "reporter", "activist",
}


# heads naming a public body: "the agency" may stand for an earlier "National Intelligence Service" or
# "Federal Bureau of Investigation" as readily as for an earlier "spy agency"
BODY_NOUNS = {"agency", "service", "bureau", "office", "directorate", "administration", "department", "ministry",
              "authority", "watchdog", "regulator", "commission", "inspectorate"}


def clean_name(ent: Span) -> str:
    toks = list(ent)
    while toks and (toks[0].lower_ in {"the", "a", "an"} or toks[0].lower_ in TITLE_WORDS):
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS" or (toks and toks[-1].text in {"'s", "\u2019s", "'", "\u2019"}):
        toks = toks[:-1]
    if not toks:
        return ent.text
    return ent.doc[toks[0].i:toks[-1].i + 1].text  # Span.text: Doc.text would join the whole article


# "-er"/"-or" words are as often things ("tanker", "sector") as people: those are listed instead
PERSON_SUFFIXES = ("man", "woman", "person", "ist", "ian")
MORE_PERSON_NOUNS = {"fellow", "lawyer", "teacher", "instructor", "founder", "owner", "manager", "consultant",
                     "student", "farmer", "driver", "pilot", "sailor", "diver", "prosecutor", "investigator",
                     "inspector", "observer", "volunteer", "survivor", "rescuer", "partner", "passenger", "nurse",
                     "colleague", "neighbour", "neighbor", "friend", "executive", "chair", "chairperson", "ceo",
                     "steward", "convenor", "convener", "coroner", "member", "mp", "legislator", "councilmember",
                     "candidate", "voter", "protester", "organiser", "organizer", "counsel", "firefighter",
                     "paramedic", "medic", "surgeon", "miner"}
# family: "My brother-in-law works in the hangar. He says ...", "his widow told the inquiry"
KIN_PERSON_NOUNS = {"husband", "wife", "widow", "widower", "son", "daughter", "mother", "father", "brother", "sister",
                    "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather", "grandson",
                    "granddaughter", "parent", "sibling", "relative", "fiance", "fianc\u00e9", "fiancee",
                    "fianc\u00e9e"}
NOT_PERSONS = {"human"}


def is_person_noun(tok: Token) -> bool:
    """A noun naming a kind of person: "spokeswoman", "economist", "historian", "senior fellow"."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or low in NOT_PERSONS:
        return False
    return low in PERSON_NOUNS or low in MORE_PERSON_NOUNS or low in KIN_PERSON_NOUNS or low.endswith(PERSON_SUFFIXES)


def after_article(span: Span) -> bool:
    """Whether "the" opens the phrase or stands right before it: "the Gazette" is a title, not a person,
    even when the tagger reads it as one (a person's name takes no article)."""
    return span[0].lower_ == "the" or (span.start > 0 and span.doc[span.start - 1].lower_ == "the")


def gender_fits(description: str, pronoun: str) -> bool:
    """Whether "he"/"she" can stand for the description: not "she" for "a spokesman"."""
    head = description.split()[-1].lower()
    if head.endswith("woman") or head in FEMALE_WORDS:
        return pronoun in {"she", "her"}
    if head.endswith("man") or head in MALE_WORDS:
        return pronoun in {"he", "him"}
    return True


# kin and titles that tell a person's sex: "her brother, Luka" is no "she", "Mrs Holm" no "he"
MALE_WORDS = {"brother", "son", "father", "husband", "uncle", "nephew", "grandfather", "grandson", "boyfriend",
              "mr", "sir", "king", "prince", "monsieur", "herr", "señor"}
FEMALE_WORDS = {"sister", "daughter", "mother", "wife", "aunt", "niece", "grandmother", "granddaughter",
                "girlfriend", "mrs", "ms", "miss", "madam", "dame", "queen", "princess", "madame", "frau", "señora"}


OUTLET_NOUNS = {"newspaper", "paper", "daily", "weekly", "broadcaster", "magazine", "channel", "outlet",
                "tabloid", "website", "network"}
# a news medium one may tell things to: "told state television", "told the radio station Havenstad FM"
MEDIUM_NOUNS = {"television", "tv", "radio", "broadcaster", "channel", "station", "newspaper", "paper", "daily",
                "weekly", "magazine", "network", "website", "outlet"}
# kinds of medium, so "the paper" is not taken for a TV channel named before it
PRINT_MEDIA = {"newspaper", "paper", "daily", "weekly", "tabloid", "magazine"}
BROADCAST_MEDIA = {"broadcaster", "channel", "network", "station", "television", "tv", "radio"}
MEDIA_WORDS = OUTLET_NOUNS | MEDIUM_NOUNS
UNNAMED_MEDIA = {"television", "tv", "radio"}  # "Egyptian state television", "national radio"
ORG_NOUNS = {"company", "agency", "ministry", "operator", "firm", "group", "organisation", "organization",
             "authority", "service", "office", "bank", "utility", "regulator", "institute", "watchdog",
             "council", "commission", "department", "broadcaster", "newspaper", "outlet", "party", "charity",
             "government", "administration", "committee", "court", "parliament", "military", "army", "navy"}


# words in a business's name that say what kind of business it is: "the airline" may stand for an earlier
# "Estrel Airways", "the company" for "Vantry Coal Company" or "Halden Group"
_CORPORATE = {"company", "co", "corp", "corporation", "inc", "ltd", "limited", "plc", "group", "holdings"}
NAME_MARKS = {
    "airline": {"air", "airways", "airlines"},
    "carrier": {"air", "airways", "airlines", "ferries", "lines", "shipping"},
    "railroad": {"railroad", "railway", "railways", "rail"},
    "railway": {"railroad", "railway", "railways", "rail"},
    "company": _CORPORATE,
    "firm": _CORPORATE | {"partners", "associates", "llp"},
    "insurer": {"insurance", "assurance", "mutual"},
    "bank": {"bank", "banking"},
    "broadcaster": {"radio", "tv", "television", "broadcasting"},
    "miner": {"mining", "mines", "minerals"},
}


# the last word of a body's name that says what kind of body it is ("Air Force", "Civil Aviation Board")
KIND_WORDS = {"board", "force", "branch", "union", "association", "federation", "club", "league", "command"}
_BODY_HEADS = KIND_WORDS | ORG_NOUNS | BODY_NOUNS


def names_as(name: str, noun: str) -> bool:
    """Whether an organisation's name fits a definite "the <noun>": its last word is the noun ("the board"
    for "Civil Aviation Investigation Board"), or it carries a word that marks the noun's kind of business
    ("the airline" for "Estrel Airways", not for "Air Force")."""
    words = [w.lower().strip(".,") for w in name.split()]
    if len(words) < 2:
        return False  # "the Ministry" names no one ministry
    if words[-1].rstrip("s") == noun.rstrip("s"):
        return True
    marks = NAME_MARKS.get(noun, set())
    return bool(marks & set(words)) and (words[-1] in marks or words[-1] not in _BODY_HEADS)


def described_as_org(tok: Token) -> bool:
    """Whether an appositive calls the name an organisation: "Energoatom, the state nuclear company"."""
    return any(c.dep_ == "appos" and c.lower_ in ORG_NOUNS for c in tok.rights)


def described_as_person(tok: Token) -> bool:
    """Whether an appositive calls the name a person ("Varga, a senior fellow at the institute"; "Albee,
    community relations manager for Vantrell", a post without an article), gives an age ("Nadia Cortes,
    38, teaches history") or a relative clause opens with "who" ("Dovhal, who studies civil protection")."""
    return any((c.dep_ == "appos" and is_person_noun(c)
                and any(d.dep_ == "det" or (d.dep_ == "prep" and d.lower_ in POST_PREPS) for d in c.children))
               or (c.dep_ == "relcl" and any(d.lower_ in {"who", "whom"} and d.i < c.i for d in c.children))
               or _age(c) for c in tok.rights)


def _age(tok: Token) -> bool:
    """A bare age set off by commas after a name: "Nadia Cortes, 38, ..." (news style gives people's ages so)."""
    doc = tok.doc
    return tok.dep_ == "appos" and tok.text.isdigit() and 0 < int(tok.text) < 120 and 0 < tok.i < len(doc) - 1 \
        and doc[tok.i - 1].text == "," and doc[tok.i + 1].text in {",", ".", ";"}


# bodies a person may be "of": "Lise Marant of the miners' union", "Priya Raman of Harcourt University"
MEMBER_BODIES = ORG_NOUNS | {"union", "university", "institute", "association", "federation", "society", "centre",
                             "center", "foundation", "school", "college", "hospital", "club", "trust", "network"}


def named_member(tok: Token) -> str | None:
    """The name, when a name of two capitalised proper nouns, untagged or taken for an organisation, is a
    person's because it is "of" a body ("Lise Marant of the miners' union"): the tagger often misreads a
    name opening a paragraph. A body's own name ("Bank of Velmora") holds a body word itself and is no
    person."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in {"", "ORG"} or not tok.text[:1].isupper():
        return None
    first = [c for c in tok.lefts if c.dep_ == "compound"]
    if len(first) != 1 or first[0].pos_ != "PROPN" or first[0].ent_type_ != tok.ent_type_ \
            or not first[0].text[:1].isupper() or first[0].i != tok.i - 1:
        return None
    doc = tok.doc
    if tok.ent_type_ and (first[0].ent_iob_ != "B" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):
        return None  # an organisation the tagger found is a person's name only when it is just the two words
    if any(t.lower_ in MEMBER_BODIES for t in (first[0], tok)):
        return None
    body = next((p for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj"), None)
    if body is None or not (body.lemma_.lower() in MEMBER_BODIES
                            or (body.ent_type_ == "ORG" and body.pos_ == "PROPN")):
        return None
    return f"{first[0].text} {tok.text}"


# "manager for Vantrell", "director of the agency", "spokeswoman at the ministry": a post somewhere
POST_PREPS = {"for", "of", "at"}


def proper_name(core: Span) -> str | None:
    """The name in a core phrase made only of capitalised proper nouns (titles dropped), or None."""
    name = clean_name(core)
    words = name.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None
    return name


def conjuncts(tok: Token) -> list[Token]:
    """The nouns coordinated with ``tok`` ("Sweden" in "Denmark and Sweden"; "Ukraine" and "South
    Korea" in "the US, Ukraine and South Korea"), in order; none for a pronoun or another part of speech."""
    out: list[Token] = []
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return out
    todo = [tok]
    while todo:
        for child in todo.pop().rights:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
                out.append(child)
                todo.append(child)
    return sorted(out, key=lambda t: t.i)


# things that hold what someone put out: "according to data posted on its website" is its claim
DOCUMENT_NOUNS = {"data", "figure", "figures", "statement", "report", "record", "records", "document", "documents",
                  "filing", "tally", "count", "release", "announcement", "bulletin", "post", "notice", "update"}
PUBLISHING_VERBS = {"post", "publish", "release", "issue", "put", "compile", "give", "share"}


def document_owner(tok: Token) -> Token | None:
    """Who put out the document ``tok`` names, when the phrase says: the agent of a participle ("data
    published by the agency"), or the owner of where it was put ("data posted on its website")."""
    if tok.lemma_.lower() not in DOCUMENT_NOUNS and tok.lower_ not in DOCUMENT_NOUNS:
        return None
    for verb in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in PUBLISHING_VERBS):
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        owner = next((t for t in verb.subtree if t.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return None


def medium_recipient(tok: Token) -> Party | None:
    """The news medium a source told, when the one told is described as one: named in apposition ("the
    Dutch radio station Havenstad FM" -> Havenstad FM), a name ending in a medium word ("the channel Nile
    Horizon TV"), a named news agency ("the Tarrow Press news agency" -> Tarrow Press), or unnamed but
    described ("Egyptian state television"); None for anything else."""
    doc = tok.doc
    if tok.lower_ == "agency" and any(c.dep_ == "compound" and c.lower_ == "news" for c in tok.children):
        names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:  # "the Tarrow Press news agency" -> Tarrow Press
            span = doc[names[0].left_edge.i:names[-1].i + 1]
            return Party(text=span.text, entity=span.text, kind="org", span=(span.start_char, span.end_char))
    if tok.lower_ not in MEDIUM_NOUNS or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is not None:
        span = doc[name.left_edge.i:name.i + 1]
    elif (first := next((c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)) is not None:
        span = doc[first.left_edge.i:tok.i + 1]
    elif tok.lower_ in UNNAMED_MEDIA and not any(c.dep_ in {"det", "poss"} for c in tok.children):
        modifiers = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        if not modifiers:
            return None
        span = doc[modifiers[0].left_edge.i:tok.i + 1]
    else:
        return None
    return Party(text=span.text, entity=span.text, kind="org", span=(span.start_char, span.end_char))
