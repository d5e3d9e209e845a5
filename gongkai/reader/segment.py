"""Finding the six statutory sections in the normalised text.

A heading is found by its title, whatever numeral is printed before it (misnumbered headings
are common, and the checks need to see them), in running text too: a flattened page prints the
whole report on one line. A title with a numeral (``二、主动公开政府信息情况``) is looked for
anywhere; a bare title only on a line of its own. The first heading of each section wins, and
headings must come in an order that keeps each section after the previous one found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
# 二、 / 二. / (二) is not used for sections / 第二部分 / 第二章
_NUMERAL = r"(?:第" + _S + r")?([一二三四五六七八九十]{1,2})" + _S + r"(?:[、.,]|部分|章)" + _S
# One pass over the text finds every candidate heading: a named group per section.
_GROUPS = "|".join(f"(?P<s{i}>{t})" for i, t in enumerate(_TITLES.values()))
_NUMBERED = re.compile(_NUMERAL + r"(?:" + _GROUPS + r")")
_BARE = re.compile(r"(?m)^" + _S + r"(?:" + _GROUPS + r")" + _S + r"$")


@dataclass(frozen=True)
class Heading:
    number: str  # the section this heading opens (by its title)
    printed: str  # the heading as printed
    printed_numeral: str | None  # the numeral printed before it, if any
    start: int  # offset of the heading in the text
    end: int  # offset just after it


def find_headings(text: str) -> list[Heading]:
    """The section headings of ``text``, in text order, at most one per section."""
    candidates: dict[str, list[Heading]] = {n: [] for n in SECTION_NUMBERS}
    for pattern, numbered in ((_NUMBERED, True), (_BARE, False)):
        for m in pattern.finditer(text):
            if numbered and (not _numeral_fits(m.group(1)) or _inside_sentence(text, m.start())):
                continue
            number = SECTION_NUMBERS[int(str(m.lastgroup)[1:])]
            candidates[number].append(
                Heading(
                    number=number,
                    printed=m.group(0).strip(),
                    printed_numeral=m.group(1) if numbered else None,
                    start=m.start(),
                    end=m.end(),
                )
            )
    found: list[Heading] = []
    floor = 0
    for number in SECTION_NUMBERS:
        later = [h for h in candidates[number] if h.start >= floor]
        if later:
            best = min(later, key=lambda h: h.start)
            found.append(best)
            floor = best.end
    return found


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
