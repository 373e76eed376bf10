"""Character spans of a rule relation's parts: clause subtrees, quotes kept whole, clause ends."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.model import Span as CharSpan


def subtree_chars(tok: Token) -> CharSpan:
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    while right > left and (doc[right].is_space or (doc[right].is_punct and doc[right].text in {",", ".", ";", ":"})):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def cue_end(tok: Token) -> int:
    end = tok.idx + len(tok)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:  # "pointed out"
            end = child.idx + len(child)
    return end


def run_to_sentence_end(span: CharSpan, sent: Span, quotes: list[CharSpan], cue_verbs: set[str]) -> CharSpan:
    """Content after its cue reaches the sentence's end unless another attribution sits there."""
    doc = sent.doc
    tail = [t for t in sent if t.idx >= span[1]]
    if not tail or any(t.lemma_.lower() in cue_verbs | {"according"} and t.pos_ in {"VERB", "AUX"}
                       for t in tail) or any(t.lower_ == "according" for t in tail):
        return span
    last = sent.end - 1
    while last > sent.start and (doc[last].is_punct or doc[last].is_space) \
            and doc[last].text not in {"\u201d", '"'}:
        last -= 1
    end = doc[last].idx + len(doc[last])
    return (span[0], max(span[1], end))


def antecedent_of_which(content: list[CharSpan], sent: Span) -> list[CharSpan]:
    """'Troops were sent, which Moscow denied': what is denied is the clause before ', which'."""
    if len(content) != 1 or content[0][1] - content[0][0] != len("which"):
        return content
    text = sent.doc.text
    if text[content[0][0]:content[0][1]].lower() != "which":
        return content
    before = text[sent.start_char:content[0][0]].rstrip()
    if not before.endswith(","):
        return content
    end = sent.start_char + len(before) - 1
    start = sent.start_char + (len(before) - len(before.lstrip()))
    return [(start, end)] if end > start else content


def cut_at_semicolon(content: list[CharSpan], cue: Token, text: str) -> list[CharSpan]:
    """Indirect content stops at a semicolon after the cue: what follows is another statement."""
    out = []
    for a, b in content:
        if a >= cue.idx:
            cut = text.find(";", a, b)
            if cut != -1:
                out.append((a, cut))
                break
        out.append((a, b))
    return [(a, b) for a, b in out if b > a]


def mostly_quoted(content: list[CharSpan], quotes: list[CharSpan]) -> bool:
    """A clause that is mostly quotation is a direct quote; a quoted phrase inside it is not."""
    total = sum(b - a for a, b in content)
    quoted = sum(max(0, min(b, d) - max(a, c)) for a, b in content for c, d in quotes)
    return total > 0 and quoted >= 0.6 * total


def widen(span: CharSpan, quotes: list[CharSpan]) -> CharSpan:
    """Stretch a content span over quotes it cuts through, so quotes stay whole."""
    a, b = span
    for c, d in quotes:
        if c < b and a < d:
            a, b = min(a, c), max(b, d)
    return a, b


def overlaps_any(spans: list[CharSpan], others: list[CharSpan]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def runs(indices: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs



# children of a cue that say when, where or to whom it was said, never what ("said in an interview with X
# that ...", "told CBS News on Monday that ...")
CUE_ADJUNCT_DEPS = {"prep", "npadvmod", "dative", "dobj", "obj"}


def drop_cue_adjuncts(cue: Token, content: list[CharSpan]) -> list[CharSpan]:
    """Content pieces without a leading phrase that hangs from the cue itself, when a 'that' clause
    follows it: PolNeAR's content starts at the reported clause ("that he would run")."""
    doc = cue.doc
    out = []
    for a, b in content:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or span.start <= cue.i:
            out.append((a, b))
            continue
        i = span.start
        for child in cue.children:
            if child.dep_ in CUE_ADJUNCT_DEPS and child.left_edge.i == i and child.right_edge.i < span.end - 1:
                i = child.right_edge.i + 1
        while i < span.end - 1 and (doc[i].is_space or doc[i].text == ","):
            i += 1
        if i > span.start and doc[i].lower_ == "that" and doc[i].dep_ == "mark":
            out.append((doc[i].idx, b))
        else:
            out.append((a, b))
    return out


__all__ = [
    "antecedent_of_which",
    "drop_cue_adjuncts",
    "cue_end",
    "cut_at_semicolon",
    "mostly_quoted",
    "overlaps_any",
    "run_to_sentence_end",
    "runs",
    "subtree_chars",
    "widen",
]
