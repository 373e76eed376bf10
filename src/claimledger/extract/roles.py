"""What a named person is called: the roles a name comes with ("the Minister of the Interior, Dagny Roos";
"Ilona Varga, a senior fellow"), whether a description may stand for them ("the minister", "the expert"),
and whether a name is written as a person's or a place's."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.mentions import PERSON_NOUNS, is_person_noun

# descriptions that fit any named person, whatever role the name came with
GENERIC_PERSON_NOUNS = {"official", "source", "man", "woman", "person"}
# roles one commentator may be called by another's name ("Andrei Lankov, a professor ..." is "the expert")
COMMENTATORS = {"analyst", "expert", "researcher", "scholar", "professor", "academic", "specialist", "lecturer",
                "fellow", "economist", "historian", "scientist", "observer", "commentator"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
PAST_ROLE = {"former", "retired", "ex", "onetime", "erstwhile"}
# "the island of Sarrow", "the town of Lindby": a name after one of these and "of" is a place
PLACE_NOUNS = {"island", "islands", "town", "city", "village", "province", "region", "county", "district",
               "port", "state", "republic", "kingdom", "municipality", "peninsula", "valley", "river", "lake"}


def may_be_called(doc: Doc, mentions: list[int], head: str) -> bool:
    """Whether the person named at the tokens ``mentions`` may be "the <head>": not when the name came
    with a role that is another ("Tobias Wrenfield, a naval analyst" is not "the minister"). A generic word
    ("the official", "the man") fits anyone, a commentator's word ("the expert") any commentator ("a
    professor"), and any word a name that came with no role at all."""
    if head in GENERIC_PERSON_NOUNS:
        return True
    roles = {role for at in mentions for role in roles_of(doc[at])}
    return not roles or head in roles or (head in COMMENTATORS and any(map(_commentator, roles))) \
        or bool(roles & SPOKESPEOPLE and head in SPOKESPEOPLE)


def _commentator(role: str) -> bool:
    """A role of those asked for their expertise: "professor", "hydrologist", "political scientist"."""
    return role in COMMENTATORS or role.endswith(("ologist", "ician", "scientist"))


def roles_of(tok: Token) -> set[str]:
    """The person nouns a name comes with: its title words ("Defence Minister X"), its appositive ("X, a
    naval analyst"), the noun it is the appositive of ("the analyst, X") or what it is said to be ("X is a
    political scientist")."""
    # a former role leaves the present one open ("a former serviceman who leads a research network")
    return {w.lemma_.lower() for w in described_by(tok) if (w.lemma_.lower() in PERSON_NOUNS or is_person_noun(w))
            and not any(c.lower_ in PAST_ROLE for c in w.children)}


def place_of(ent: Span) -> bool:
    """Whether a name is written as a place: "the island of Sarrow"."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in PLACE_NOUNS


def described_by(tok: Token) -> list[Token]:
    """The nouns a name comes with, whatever they are (see ``roles_of``): "her brother, Luka" gives
    "brother"."""
    name = tok
    while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
        name = name.head
    words = [t for t in name.lefts if t.dep_ in {"compound", "amod"} and t.pos_ == "NOUN"]
    words += [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        words.append(name.head)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        words += [c for c in name.head.children if c.dep_ == "attr"]
    return words + role_before(tok)


def named_after_role(tok: Token) -> bool:
    """Whether the name headed by ``tok`` follows a person's role set off by a comma or bracket ("the
    Minister of Transport, Teodor Vasse"), the tagger having missed it as a person."""
    if tok.i == 0 or tok.dep_ == "compound" or tok.ent_type_ not in {"", "ORG"} or tok.doc[tok.i - 1].pos_ != "PROPN":
        return False
    # a name the tagger took for an organisation only after a role no organisation holds ("the chief
    # prosecutor, Renata Holm"; not "its owner, Evergreen Marine")
    return any(w.lemma_.lower() in PERSON_NOUNS or (not tok.ent_type_ and is_person_noun(w))
               for w in role_before(tok))


def role_before(tok: Token) -> list[Token]:
    """The nouns of a role written just before a name and set off from it, whatever the parser made of it:
    "Minister" and "Interior" in "the Minister of the Interior, Dagny Roos" or "Minister of the Interior
    (Dagny Roos)". Which of them name a person is the caller's question."""
    doc, start = tok.doc, tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].ent_type_ == tok.ent_type_:
        start -= 1
    if start < 2 or doc[start - 1].text not in {",", "("}:
        return []
    words = []
    for back in range(start - 2, max(start - 8, -1), -1):
        word = doc[back]
        if word.is_punct or word.pos_ in {"VERB", "AUX"}:
            break
        if word.pos_ in {"NOUN", "PROPN"}:
            words.append(word)
        if word.lower_ in {"the", "a", "an"} and (back == 0 or doc[back - 1].pos_ != "ADP"):
            break  # the start of the role ("the Minister of the Interior"), not of its complement
        if word.is_sent_start:
            break
    return words


__all__ = ["described_by", "may_be_called", "named_after_role", "place_of", "role_before", "roles_of"]
