"""The reading pipeline: document → normalised tokens → sections → tables → record.

Pure stages over frozen values: ``read_document`` takes a loaded ``Document`` and returns a
``Report``; nothing here touches files.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from gongkai.layout import layout
from gongkai.reader.meta import find_meta
from gongkai.reader.segment import find_headings, sections
from gongkai.reader.tables import TableRead, read_table
from gongkai.reader.tokens import SourceLine, Token, Tokens, normalized_text, tokenize
from gongkai.record import ExtraRow, InputInfo, Note, Provenance, Report, TableData


def _region(
    spans: dict[str, tuple[int, int]], number: str, text_len: int
) -> tuple[int, int] | None:
    """Where the table of section ``number`` is looked for: its section, or a guess around it."""
    if number in spans:
        return spans[number]
    order = ("二", "三", "四", "五")
    i = order.index(number)
    before = [spans[n][1] for n in ("一", *order[:i]) if n in spans]
    after = [spans[n][0] for n in order[i + 1 :] if n in spans]
    start = before[-1] if before else 0
    end = after[0] if after else text_len
    if start >= end:
        return None
    return start, end


def _complete(spans: dict[str, tuple[int, int]]) -> bool:
    """Whether the text reaches the sections after the tables (so it was not cut off)."""
    return "五" in spans or "六" in spans


def _tokens_in(tokens: Tokens, span: tuple[int, int]) -> Sequence[Token]:
    """The tokens overlapping ``span`` (tokens are in text order)."""
    start, end = span
    all_tokens = tokens.tokens
    first = bisect.bisect_left(all_tokens, start + 1, key=lambda t: t.pos + len(t.text))
    last = bisect.bisect_left(all_tokens, end, key=lambda t: t.pos)
    return all_tokens[first:last]


def read_lines(
    lines: Sequence[SourceLine],
    *,
    info: InputInfo | None = None,
    published_hint: str | None = None,
    title_hint: str | None = None,
    load_notes: Sequence[str] = (),
) -> Report:
    """Read a report from document lines (see ``gongkai.reader.document``)."""
    normalized = normalized_text(lines)
    text = normalized.text
    meta = find_meta(text, published_hint, title_hint)
    headings = find_headings(text)
    spans = sections(text, headings)
    section_text = {n: text[a:b].strip() for n, (a, b) in spans.items()}
    titles = {h.number: h.printed for h in headings}
    notes: list[Note] = [Note(n) for n in load_notes]
    provenance: dict[str, Provenance] = {}
    extra: list[ExtraRow] = []
    tables: dict[str, TableData | None] = {"active": None, "requests": None, "appeals": None}
    fmt = meta.format
    if fmt in ("2021", "2019"):
        lay = layout(fmt)
        section_of = {"active": "二", "requests": "三", "appeals": "四"}
        regions = {t.key: _region(spans, section_of[t.key], len(text)) for t in lay.tables}
        found = [r for r in regions.values() if r]
        window = (min(r[0] for r in found), max(r[1] for r in found)) if found else (0, 0)
        tokens = tokenize(lines, normalized, window)  # only the tables' part of the text
        for table in lay.tables:
            span = regions[table.key]
            read = (
                read_table(
                    fmt,
                    table,
                    _tokens_in(tokens, span),
                    ends_document=span[1] >= len(text) and not _complete(spans),
                    page_breaks=tokens.skipped,
                )
                if span
                else TableRead(data=table.blank())
            )
            tables[table.key] = read.data
            provenance.update(read.provenance)
            notes.extend(read.notes)
            extra.extend(read.extra_rows)
    return Report(
        format=fmt,
        agency=meta.agency,
        year=meta.year,
        published=meta.published,
        active=tables["active"],
        requests=tables["requests"],
        appeals=tables["appeals"],
        extra_rows=tuple(extra),
        sections=section_text,
        section_titles=titles,
        provenance=provenance,
        notes=tuple(notes),
        input=info or InputInfo(),
    )
