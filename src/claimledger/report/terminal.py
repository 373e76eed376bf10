"""The terminal summary: propositions, each with its claims (source, via, figure, stance, outlet, date)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimledger.model import Article, Claim, Figure, Proposition

STANCE_STYLE = {"asserts": "green", "denies": "bold red", "hedges": "yellow"}
KIND_WORD = {"approx": "about ", "upper": "up to ", "lower": "at least ", "exact": "", "range": ""}


def figure_text(f: Figure) -> str:
    """A figure as a reader would say it, hedge kept."""
    def num(v: float | None) -> str:
        if v is None:
            return "?"
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"
    if f.value is None:
        core = f.text or "(vague)"
    elif f.kind == "range":
        core = f"{num(f.low)}\u2013{num(f.high)}"
    else:
        core = KIND_WORD.get(f.kind, "") + num(f.value)
    return f"{core} {f.unit}" if f.unit and f.value is not None else core


def print_summary(console: Console, documents: list[Article], claims: list[Claim],
                  propositions: list[Proposition], *, max_claims: int = 12, min_claims: int = 1) -> None:
    """Each proposition answered by several claims gets a table; single claims share one at the end."""
    docs = {d.id: d for d in documents}
    by_id = {c.id: c for c in claims}
    ordered = sorted(propositions, key=lambda p: (-len(p.claim_ids), p.label))
    singles: list[Claim] = []
    shown = 0
    for prop in ordered:
        members = [by_id[i] for i in prop.claim_ids if i in by_id]
        if len(members) < max(min_claims, 2):
            singles.extend(members)
            continue
        shown += 1
        stances = {s: sum(c.stance == s for c in members) for s in STANCE_STYLE}
        outlets = {docs[c.document_id].outlet or docs[c.document_id].path for c in members if c.document_id in docs}
        origins = (prop.summary or {}).get("origins", len(members))
        title = Text.assemble((prop.label, "bold"), f"  \u2014 {len(members)} claims ({origins} origins) from "
                              f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}; ", *_stance_counts(stances))
        console.print(_claims_table(title, members, docs, max_claims))
        for line in summary_lines(prop.summary):
            console.print(line)
    if singles and min_claims <= 1:
        shown += 1
        title = Text.assemble(("Claims made once", "bold"), f"  \u2014 {len(singles)} claims")
        console.print(_claims_table(title, singles, docs, max(max_claims, 40)))
    if shown == 0:
        console.print("No claims found.")


def _claims_table(title: Text, members: list[Claim], docs: dict[str, Article], max_claims: int) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for col, ratio in (("source", 3), ("via", 2), ("figure", 2), ("outlet", 2), ("says", 6)):
        table.add_column(col, ratio=ratio, overflow="fold")
    table.add_column("stance", no_wrap=True, min_width=7)
    table.add_column("date", no_wrap=True, min_width=10)
    members = sorted(members, key=lambda c: (_date_of(c, docs) or "9999", c.document_id, c.sentence_span[0]))
    for c in members[:max_claims]:
        d = docs.get(c.document_id)
        table.add_row(
            (c.source.entity or c.source.text) if c.source else "(unattributed)",
            ", ".join(v.entity or v.text for v in c.via),
            "; ".join(figure_text(f) for f in c.figures),
            (d.outlet or _stem(d.path)) if d else "",
            _short(c.content),
            Text(c.stance, style=STANCE_STYLE.get(c.stance, "")),
            _date_of(c, docs) or "",
        )
    if len(members) > max_claims:
        table.caption = f"\u2026 and {len(members) - max_claims} more (claimledger export for all)"
    return table


def summary_lines(summary: dict | None) -> list[Text]:
    """Under a proposition's table: its figures side by side and, if any, its conflict and why."""
    if not summary:
        return []
    lines = []
    figures = summary.get("figures")
    if figures and figures.get("count", 0) > 1 and figures.get("min") is not None:
        spread = f"{_n(figures['min'])}\u2013{_n(figures['max'])}, median {_n(figures['median'])}"
        said = " \u00b7 ".join(f"{i['text']} ({i['source']}{', ' + i['date'] if i['date'] else ''})"
                               for i in figures["items"][:8])
        lines.append(Text.assemble(("  figures ", "bold"), f"{figures.get('unit') or ''}: {spread} \u2014 {said}"))
    for reason in (summary.get("conflict") or {}).get("reasons", []):
        lines.append(Text.assemble(("  CONFLICT ", "bold red"), reason))
    return lines


def _n(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def _stance_counts(stances: dict[str, int]) -> list[tuple[str, str]]:
    out = []
    for s, n in stances.items():
        if n:
            out.append((f"{n} {s}  ", STANCE_STYLE[s]))
    return out


def _date_of(c: Claim, docs: dict[str, Article]) -> str | None:
    d = docs.get(c.document_id)
    return c.claim_date or (d.published if d else None)


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _stem(path: str | None) -> str:
    if not path:
        return ""
    return path.rstrip("/").rsplit("/", 1)[-1]
