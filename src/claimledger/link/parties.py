"""Canonical parties across articles, from the structure of names alone (no list of known names).

"Zelenskyy" joins "Volodymyr Zelenskyy" (surname of a unique full name), "NIS" joins
"National Intelligence Service" (acronym), "Zelensky" joins "Zelenskyy" (spelling variant), and
titles, articles and possessives are stripped. Two different people sharing a surname stay apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

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
MINOR = {"of", "the", "and", "for", "on", "in", "de", "&"}


def normalise(name: str) -> str:
    """A comparison key: no titles, possessives, punctuation or case."""
    name = re.sub(r"\s+", " ", name.strip())
    name = TITLES.sub("", name)
    name = POSSESSIVE.sub("", name)
    name = re.sub(r"[\u2018\u2019'\".,]", "", name)
    return name.lower().replace("-", " ").strip()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in MINOR]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def canonical_parties(parties: list[Party]) -> dict[str, str]:
    """Map each party's entity (or text) to one canonical name shared across the corpus."""
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
        key = normalise(name)
        for other in full[:i]:
            okey = normalise(other)
            if len(okey.split()) == len(key.split()) and (okey == key or fuzz.ratio(okey, key) >= 92):
                union(name, other)
                break
    # pass 2: acronyms and lone surnames join a full name when exactly one fits
    for name in distinct:
        words = normalise(name).split()
        if len(words) != 1:
            continue
        bare = name.strip()
        if bare.isupper() and 2 <= len(bare) <= 6:
            roots = {find(f) for f in full if acronym(TITLES.sub("", f)) == bare}
        else:
            roots = {find(f) for f in full if _is_person(kinds[f])
                     and fuzz.ratio(normalise(f).split()[-1], words[0]) >= 90}
        if len(roots) == 1:
            union(name, roots.pop())
        elif not roots:
            # single-word variants of each other ("Zelensky" / "Zelenskyy")
            for other in distinct:
                okey = normalise(other).split()
                if other != name and len(okey) == 1 and len(words[0]) > 5 \
                        and fuzz.ratio(okey[0], words[0]) >= 90 and counts[other] >= counts[name]:
                    union(name, other)
                    break
    return {n: _display(find(n)) for n in distinct}


def _is_person(kinds: Counter) -> bool:
    return kinds.get("person", 0) > 0 or not kinds


def _display(name: str) -> str:
    """The canonical spelling shown to users: titles and possessives dropped, case kept."""
    shown = TITLES.sub("", name.strip())
    shown = POSSESSIVE.sub("", shown).strip()
    return shown or name
