"""Canonical parties across articles, from the structure of names alone (no list of known names).

"Zelenskyy" joins "Volodymyr Zelenskyy" (surname of a unique full name), "NIS" joins
"National Intelligence Service" (acronym), "Zelensky" joins "Zelenskyy" (spelling variant), and
titles, articles and possessives are stripped. Two different people sharing a surname stay apart.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from claimledger.model import Party

TITLES = re.compile(
    r"^(?:(?:the|a|an|then|former|ex|acting|deputy|vice|senior|chief|top|us|u\.s\.|"
    r"president|prime minister|minister|spokesman|spokeswoman|spokesperson|secretary|general|gen\.|"
    r"lt\.|col\.|dr\.|mr\.|mrs\.|ms\.|professor|prof\.|ambassador|senator|sen\.|rep\.|governor|mayor|"
    r"leader|commander|director|defence|defense|foreign)\s+|-)+",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['\u2019]s?$")
# "South Korea's National Intelligence Service": an owner before the name proper
OWNER = re.compile(r"^(?P<owner>(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['\u2019]s\s+(?P<head>\S.*)$")
# "Ukrainian President ...": a capitalised adjective of place (-an, -ian, -ese, -ish, -i) before a title
DEMONYM = re.compile(r"^(?:[A-Z][a-z]+\s+)*(?:[A-Z][a-z]+(?:an|ese|ish|i|ch)\s+)+(?=[A-Za-z.]+\s)")
MINOR = {"of", "the", "and", "for", "on", "in", "de", "&"}
# a description joins an organisation by meaning: cosine of the whole phrases, lead over the runner-up,
# cosine of the heads alone (sentence-embedding vectors, unit length)
MEANING_MIN, MEANING_MARGIN, HEAD_MIN = 0.62, 0.08, 0.5


def split_owner(name: str) -> tuple[str | None, str]:
    """("South Korea", "National Intelligence Service") from "South Korea's National Intelligence Service"."""
    name = re.sub(r"\s+", " ", name.strip())
    m = OWNER.match(TITLES.sub("", name) or name)
    return (m["owner"], m["head"]) if m else (None, name)


def _strip_demonym(name: str) -> str:
    """Drop "Ukrainian" from "Ukrainian President Volodymyr Zelenskyy" (only when a title follows)."""
    m = DEMONYM.match(name)
    if m and TITLES.match(name[m.end():]):
        return name[m.end():]
    return name


def normalise(name: str) -> str:
    """A comparison key: no owner, titles, possessives, punctuation or case. The owner goes before a name
    proper ("South Korea's National Intelligence Service") or a role ("the Kremlin's spokesman"), not
    before a common noun: "Klymenko's ministry" is not any ministry."""
    owner, head = split_owner(name)
    if owner is None or head[:1].isupper() or TITLES.match(head + " "):
        name = head
    name = _strip_demonym(name)
    name = TITLES.sub("", name)
    name = POSSESSIVE.sub("", name)
    name = re.sub(r"[\u2018\u2019'\".,]", "", name)
    return name.lower().replace("-", " ").strip()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in MINOR]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def canonical_parties(parties: list[Party], embedder: Any | None = None) -> dict[str, str]:
    """Map each party's entity (or text) to one canonical name shared across the corpus.

    With a sentence ``embedder``, a description left over by the name rules ("Seoul's spy agency")
    joins the named organisation it means by meaning, when one stands out clearly.
    """
    names = [p.entity or p.text for p in parties if (p.entity or p.text)]
    kinds: dict[str, Counter] = defaultdict(Counter)
    for p in parties:
        if p.entity or p.text:
            kinds[p.entity or p.text][p.kind or "unknown"] += 1
    counts = Counter(names)
    distinct = sorted(counts, key=lambda n: (-len(normalise(n).split()), -counts[n], n))
    parent: dict[str, str] = {}

    def find(n: str) -> str:
        while parent.get(n, n) != n:
            n = parent[n]
        return n

    def union(name: str, target: str) -> None:
        a, b = find(name), find(target)
        if a != b:
            parent[a] = b

    full = [n for n in distinct if len(normalise(n).split()) > 1]
    # pass 1: spelling variants of the same multi-word name ("Lena Okafor" / "Lena Okaafor")
    for i, name in enumerate(full):
        key, owner = normalise(name), split_owner(name)[0]
        for other in full[:i]:
            okey, o_owner = normalise(other), split_owner(other)[0]
            if owner and o_owner and not _same_place(_stems(owner), _stems(o_owner)):
                continue  # "Kyiv's spy agency" is not "Seoul's spy agency"
            if len(okey.split()) == len(key.split()) and (okey == key or fuzz.ratio(okey, key) >= 92):
                union(name, other)
                break
    # a person's name cut short ("Ana Paula" of "Ana Paula Reyes") joins the one longer name it begins
    for name in full:
        key = normalise(name).split()
        if not _is_person(kinds[name]):
            continue
        longer = {find(f) for f in full if not kinds[f].get("org") and len(normalise(f).split()) > len(key)
                  and normalise(f).split()[:len(key)] == key}
        if len(longer) == 1:
            union(name, longer.pop())
    # pass 2: acronyms and lone surnames join a full name when exactly one fits
    for name in distinct:
        words = normalise(name).split()
        if len(words) != 1 or len(split_owner(name)[1].split()) != 1:
            continue  # "foreign ministry" minus its title word is not a lone name
        bare = name.strip()
        if bare.isupper() and 2 <= len(bare) <= 6:
            roots = {find(f) for f in full if acronym(TITLES.sub("", split_owner(f)[1])) == bare}
        else:
            roots = {find(f) for f in full if _is_person(kinds[f])
                     and fuzz.ratio(normalise(f).split()[-1], words[0]) >= 90}
        if len(roots) == 1:
            union(name, roots.pop())
        elif not roots and _proper(name):
            # single-word variants of each other ("Zelensky" / "Zelenskyy"); not "official" / "officials"
            for other in distinct:
                okey = normalise(other).split()
                if other != name and len(okey) == 1 and len(split_owner(other)[1].split()) == 1 and len(words[0]) > 5 \
                        and _proper(other) \
                        and fuzz.ratio(okey[0], words[0]) >= 90 and counts[other] >= counts[name]:
                    union(name, other)
                    break
    # pass 3: descriptions ("South Korean intelligence", "South Korea's intelligence services") join the one
    # named organisation whose name holds their head words and whose owner, if any, is theirs
    for name in distinct:
        owner, head = _description(name)
        if not head:
            continue
        roots = set()
        for f in full:
            if f == name or _description(f)[1] or _is_person(kinds[f]):
                continue  # a description names a body, not a person ("ministry" is not "Minister X")
            if len(head) == 1 and kinds[f].get("outlet"):
                continue  # "a post" on Facebook is not The Banksia Post: a paper is called by its name
            f_owner, f_head = split_owner(f)
            if not f_head[:1].isupper():
                continue  # a named organisation, not another description ("the paper's reporter at ...")
            f_stems = {w[:5] for w in normalise(f_head).split()}
            # an owner the organisation's name does not state ("Klymenko's ministry" and "the emergencies
            # ministry") is no evidence they are one body
            if f_owner:
                same_owner = not owner or _same_place(owner, _stems(f_owner))
            else:
                same_owner = not owner or any(_same_place(frozenset({o}), frozenset({w}))
                                              for o in owner for w in _stems(f))
            if head <= f_stems and len(f_stems) > len(head) and same_owner:
                roots.add(find(f))
        if len(roots) == 1:
            union(name, roots.pop())
    # pass 4: a role written without a name ("the Kremlin's spokesman") joins the one person the corpus
    # names with that role elsewhere ("Kremlin spokesman Dmitry Peskov")
    holders: dict[str, set[str]] = defaultdict(set)
    for p in parties:
        if p.kind == "person" and p.entity and p.text and p.text.rstrip(" ,").endswith(p.entity):
            key = _role_key(p.text.rstrip(" ,")[:-len(p.entity)])
            if key:
                holders[key].add(find(p.entity))
    for name in distinct:
        key = _role_key(name)
        if key and find(name) == name and len(holders.get(key, ())) == 1 \
                and not re.match(r"^(?:a|an|one|another)\s", name.strip(), re.IGNORECASE):
            union(name, next(iter(holders[key])))
    if embedder is not None:
        orgs = [f for f in full if not _is_person(kinds[f]) and not _description(f)[1] and find(f) == f]
        loose = [n for n in distinct if _description(n)[1] and find(n) == n]
        for name, target in _by_meaning(loose, orgs, embedder).items():
            union(name, target)
    return {n: _display(find(n)) for n in distinct}


def _by_meaning(descriptions: list[str], orgs: list[str], embedder: Any) -> dict[str, str]:
    """Description -> the named organisation closest in meaning, if close and clearly closer than the next.

    Whole phrases are compared (owner included: "Seoul's spy agency" is nearer "South Korea's National
    Intelligence Service" than another country's agency), then the head alone must agree too, so a
    description does not join an organisation of the same country that does a different job.
    """
    if not descriptions or not orgs:
        return {}
    heads = [_description_parts(d)[1] for d in descriptions]
    org_heads = [split_owner(o)[1] for o in orgs]
    vecs = embedder.encode(descriptions + orgs + heads + org_heads)
    n, m = len(descriptions), len(orgs)
    d_vec, o_vec = vecs[:n], vecs[n:n + m]
    h_vec, oh_vec = vecs[n + m:2 * n + m], vecs[2 * n + m:]
    whole, head = d_vec @ o_vec.T, h_vec @ oh_vec.T
    out = {}
    for i, name in enumerate(descriptions):
        order = np.argsort(-whole[i])
        best = int(order[0])
        second = float(whole[i][order[1]]) if m > 1 else 0.0
        # a head sharing some words with the name but not all ("foreign ministry" / "Defence Ministry")
        # names a different body; a paraphrase shares none ("spy agency" / "Intelligence Service")
        shared = _description(name)[1] & {w.lower()[:5] for w in re.findall(r"[A-Za-z]+", org_heads[best])}
        if whole[i][best] >= MEANING_MIN and whole[i][best] - second >= MEANING_MARGIN \
                and head[i][best] >= HEAD_MIN and not shared:
            out[name] = orgs[best]
    return out


def _same_place(a: frozenset[str], b: frozenset[str]) -> bool:
    """Owner words agree pairwise on a prefix of 4+ letters: "Norway"/"Norwegian", "Korea"/"Korean"."""
    def close(x: str, y: str) -> bool:
        common = len(os.path.commonprefix([x, y]))
        return common >= 4 and common >= 0.6 * min(len(x), len(y))
    return len(a) == len(b) and all(any(close(x, y) for y in b) for x in a)


def _stems(text: str) -> frozenset[str]:
    """Lower-case owner words, compared by shared prefix (no list of demonyms)."""
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in MINOR)


def _description_parts(name: str) -> tuple[str | None, str]:
    """(owner, head) of a description: "Seoul's spy agency" -> ("Seoul", "spy agency")."""
    owner, head = split_owner(name)
    if owner is None:
        bare = TITLES.sub("", name.strip())
        m = re.match(r"^((?:[A-Z][a-z]+\s+)+)(?=[a-z])", bare)
        if m:
            owner, head = m.group(1).strip(), bare[m.end():]
    return owner, head


def _description(name: str) -> tuple[frozenset[str] | None, frozenset[str]]:
    """(owner stems, head-word stems) of a lower-case description like "South Korean intelligence"; else no head."""
    owner, head = _description_parts(name)
    words = [w for w in re.findall(r"[A-Za-z]+", head) if w.lower() not in MINOR]
    if not words or any(w[0].isupper() for w in words):
        return None, frozenset()
    return (_stems(owner) if owner else None), frozenset(w.lower()[:5] for w in words)


def _role_key(role: str) -> str | None:
    """A comparison key for a role anchored to a named body or place ("the Kremlin's spokesman" ->
    "kremlin spokesman"); None for a bare role ("the spokesman") that could be anyone's."""
    words = re.findall(r"[A-Za-z][\w.-]*", POSSESSIVE.sub("", re.sub(r"['\u2019]s\b", "", role)))
    words = [w for w in words if w.lower() not in {"the", "a", "an"}]
    if len(words) < 2 or not any(w[0].isupper() for w in words) or not any(w[0].islower() for w in words):
        return None
    return " ".join(w.lower() for w in words)


def _proper(name: str) -> bool:
    """Whether a name, titles and articles aside, is written as a name ("Zelensky", not "an official")."""
    return TITLES.sub("", name.strip())[:1].isupper()


def _is_person(kinds: Counter) -> bool:
    return kinds.get("person", 0) > 0 or not kinds


def _display(name: str) -> str:
    """The canonical spelling shown to users: titles and possessives dropped, case kept."""
    shown = TITLES.sub("", _strip_demonym(name.strip()))
    if not shown[:1].isupper():
        # a description, not a name: its words say who it is ("senior US defense official", not "official")
        shown = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    shown = POSSESSIVE.sub("", shown).strip()
    return shown or name
