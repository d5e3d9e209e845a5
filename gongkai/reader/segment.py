"""Finding the six statutory sections in the normalised text.

A heading is found by its title, whatever numeral is printed before it (misnumbered headings
are common, and the checks need to see them), in running text too: a flattened page prints the
whole report on one line. A title with a numeral (``二、主动公开政府信息情况``) is looked for
anywhere; a bare title only on a line of its own. The first heading of each section wins, and
headings must come in an order that keeps each section after the previous one found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SECTION_NUMBERS = ("一", "二", "三", "四", "五", "六")

# Title patterns on normalised text (half-width punctuation, single spaces).
_S = r"\s*"
_TITLES: dict[str, str] = {
    "一": r"总体情况|工作基本情况|基本情况|概述",
    "二": r"主动公开政府信息(?:的)?情况|主动公开政府信息",
    "三": r"收到和处理政府信息公开申请(?:的)?情况|收到和处理政府信息公开申请",
    "四": (
        r"(?:政府信息公开(?:工作)?(?:申请)?)?行政复议(?:[、,和及与]|)" + _S + r"行政诉讼(?:的)?情况"
        r"|因政府信息公开(?:工作|申请)?被?申请行政复议[、,]?" + _S + r"提起行政诉讼(?:的)?情况"
    ),
    "五": (
        r"(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和|与|以及)?"
        + _S
        + r"(?:改进|整改)(?:的)?(?:情况|措施|方向|计划)?"
    ),
    "六": r"其他需要报告的?事项",
}
_NUMERALS = "一二三四五六七八九十"
_SEPARATOR = _S + r"(?:[、.,]|部分|章)" + _S
# 二、 / 二. / (二) is not used for sections / 第二部分 / 第二章
_NUMERAL = r"(?:第" + _S + r")?([" + _NUMERALS + r"]{1,2})" + _SEPARATOR
# One pass over the text finds every candidate heading: a named group per section.
_GROUPS = "|".join(f"(?P<s{i}>{t})" for i, t in enumerate(_TITLES.values()))
_NUMBERED = re.compile(_NUMERAL + r"(?:" + _GROUPS + r")")
# The spaces before a bare title stay on its line: "^\s*" would run over every blank line
# from each line start, which is quadratic in a text of many empty lines.
_BARE = re.compile(r"(?m)^[^\S\n]*(?:" + _GROUPS + r")" + _S + r"$")
# Speed-ups (the matches are those of the two patterns above, see _numbered and _bare). A search
# for a pattern that starts with a literal or a character class runs at C speed, while these two
# start with an optional group or "^" and are tried at every position of the text. So they are
# tried only near a match of a pattern of the first kind that is part of them: the last numeral
# and what follows, or a newline and what follows up to the title.
_ANY_TITLE = "|".join(_TITLES.values())
_NUMBERED_TAIL = re.compile(r"[" + _NUMERALS + r"]" + _SEPARATOR + r"(?:" + _ANY_TITLE + r")")
# (Every title starts with a Chinese character, a literal or that of an optional group: the
# lookahead, a single range, rules out most lines before the titles are tried one by one.)
_BARE_AFTER_NEWLINE = re.compile(r"\n[^\S\n]*(?=[\u4e00-\u9fff])(?:" + _ANY_TITLE + r")")


class Heading:
    """A section heading found in the text. (A class with slots and its own ``__init__``, not a
    dataclass: compiled by mypyc, it is made without a call into Python.)"""

    __slots__ = ("end", "number", "printed", "printed_numeral", "start")

    def __init__(
        self, number: str, printed: str, printed_numeral: str | None, start: int, end: int
    ) -> None:
        self.number = number  # the section this heading opens (by its title)
        self.printed = printed  # the heading as printed
        self.printed_numeral = printed_numeral  # the numeral printed before it, if any
        self.start = start  # offset of the heading in the text
        self.end = end  # offset just after it

    def __repr__(self) -> str:
        return f"Heading({self.number!r}, {self.printed!r}, {self.start}, {self.end})"


def find_headings(text: str) -> list[Heading]:
    """The section headings of ``text``, in text order, at most one per section."""
    # The candidates are kept as matches: only the headings found are made into records.
    candidates: dict[str, list[tuple[re.Match[str], bool]]] = {n: [] for n in SECTION_NUMBERS}
    for matches, numbered in ((_numbered(text), True), (_bare(text), False)):
        for m in matches:
            if numbered and (not _numeral_fits(m.group(1)) or _inside_sentence(text, m.start())):
                continue
            candidates[SECTION_NUMBERS[int(str(m.lastgroup)[1:])]].append((m, numbered))
    found: list[Heading] = []
    floor = 0
    for number in SECTION_NUMBERS:
        later = [c for c in candidates[number] if c[0].start() >= floor]
        if later:
            m, numbered = min(later, key=lambda c: c[0].start())
            found.append(
                Heading(
                    number=number,
                    printed=m.group(0).strip(),
                    printed_numeral=m.group(1) if numbered else None,
                    start=m.start(),
                    end=m.end(),
                )
            )
            floor = m.end()
    return found


def _numbered(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBERED.finditer(text)``, found faster.

    A match is ``(第 spaces)? numeral{1,2} separator title``, so its last numeral starts a match
    of ``_NUMBERED_TAIL`` and the match starts at most one numeral, spaces and "第" before it.
    Each such tail is found and the pattern tried at each of these positions, left to right,
    from where finditer would search next. These windows come in text order: a tail cannot lie
    inside the window of a later one, as the window holds no numeral followed by a separator.
    (A match starts with 第 or a numeral: the spaces between them are not tried.)
    """
    pos = 0  # where finditer would search next: just after its last match
    at = 0
    while (tail := _NUMBERED_TAIL.search(text, at)) is not None:
        last = tail.start()
        at = last + 1
        first = last - 1 if last > 0 and text[last - 1] in _NUMERALS else last
        starts = [*range(first, last + 1)]
        spaced = first
        while spaced > 0 and text[spaced - 1].isspace():  # the same characters as \s
            spaced -= 1
        if spaced > 0 and text[spaced - 1] == "第":
            starts.insert(0, spaced - 1)
        for start in starts:
            m = _NUMBERED.match(text, start) if start >= pos else None
            if m:
                yield m
                pos = m.end()
                break


def _bare(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_BARE.finditer(text)``, found faster.

    A match starts at the start of the text or of a line; after a newline, only where
    ``_BARE_AFTER_NEWLINE`` matches on that newline. The pattern is tried at the start of the
    text, then after each such newline, left to right, from where finditer would search next.
    """
    pos = 0  # where finditer would search next: just after its last match
    m = _BARE.match(text)
    if m:
        yield m
        pos = m.end()
    # Each search starts on the newline before pos, if any (the line that starts at pos counts),
    # so every line tried starts at pos or after.
    at = max(0, pos - 1)
    while (newline := _BARE_AFTER_NEWLINE.search(text, at)) is not None:
        at = newline.start() + 1
        m = _BARE.match(text, at)
        if m:
            yield m
            pos = m.end()
            at = max(at, pos - 1)


def _numeral_fits(numeral: str) -> bool:
    return numeral in SECTION_NUMBERS or numeral in ("七", "八")


def _inside_sentence(text: str, start: int) -> bool:
    """A numbered title quoted inside a sentence (``详见“二、主动公开…”``) is not a heading."""
    before = text[max(0, start - 1) : start]
    return before in ("“", '"', "《", "见")


def sections(text: str, headings: list[Heading]) -> dict[str, tuple[int, int]]:
    """Each found section's span (from its heading's end to the next heading's start)."""
    out: dict[str, tuple[int, int]] = {}
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text)
        out[heading.number] = (heading.end, end)
    return out
