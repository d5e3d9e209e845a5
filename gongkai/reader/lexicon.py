"""The words of the official tables, as the table reader looks for them.

Built from the layout data: every row label and its variants, the merged group labels, the
column headers, the 第二十条 items and the table titles. Matching is done on a compact form of
the text (Chinese characters, letters and digits only), so spacing, brackets and punctuation
never decide a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from gongkai.layout import FormatName, layout

_KEEP = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")

# Printed words of the table area that are neither rows nor columns of the layout.
_NOISE = (
    "信息内容",
    "申请人情况",
    "法人或其他组织",
    "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
    "勾稽关系",
    "第二十条第",
    "项目",
    "类别",
    "数量",
    "数据项目",
    "数据",
    "行政诉讼",
    "单位万元",
    "万元",
    "历史累计",
    "本年度办理结果",
    "办理结果",
)


TRUNCATED_MIN = 6


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """The text with only Chinese characters, ASCII letters and digits kept."""
    return _KEEP.sub("", text)


@dataclass(frozen=True)
class Meaning:
    table: str  # "active", "requests", "appeals" or "" for noise
    row: int  # index of the row in its table, or -1 for a header/group/noise word


@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern[str]
    meanings: dict[str, tuple[Meaning, ...]]
    printed: str  # every word of the tables, joined: a fragment of it is a broken label
    rows: dict[tuple[str, str], tuple[int, ...]]  # (table, word) -> rows of that table it names

    def fragment(self, text: str) -> bool:
        """Whether ``text`` (compact) is a piece of some table word, e.g. a label broken
        over lines by a PDF ("求缴纳费用行政机关不再处理")."""
        return len(text) >= 2 and text in self.printed


def _ambiguous(meanings: list[Meaning]) -> bool:
    rows = [(m.table, m.row) for m in meanings if m.row >= 0]
    return len(set(rows)) > len({table for table, _ in rows})


@cache
def lexicon(fmt: FormatName) -> Lexicon:
    words: dict[str, list[Meaning]] = {}

    def add(word: str, meaning: Meaning) -> None:
        key = compact(word)
        if key and meaning not in words.setdefault(key, []):
            words[key].append(meaning)

    noise = Meaning("", -1)
    for word in _NOISE:
        add(word, noise)
    lay = layout(fmt)
    for section in lay.sections:
        add(section.title, noise)
    for table in lay.tables:
        add(table.title, noise)
        for alias in table.title_aliases:
            add(alias, noise)
        for index, row in enumerate(table.rows):
            meaning = Meaning(table.key, index)
            add(row.label, meaning)
            for alias in row.aliases:
                add(alias, meaning)
                # Labels cut short by the page ("补正后申请内容仍不明") or broken around
                # their values ("要求行政机关确认或重新出") still name their row.
                key = compact(alias)
                for end in range(max(TRUNCATED_MIN, len(key) * 3 // 5), len(key)):
                    add(key[:end], meaning)
            if row.group:
                add(row.group, noise)
                add(re.sub(r"^[(（]?[一二三四五六七八九十]+[)）、]?", "", row.group), noise)
            if row.item:
                add(row.item, noise)
            for column in row.columns:
                add(column.label, noise)
    # A prefix shared by two rows names neither.
    words = {k: v for k, v in words.items() if not _ambiguous(v)}
    # Longest first, so that a longer word wins at the same position.
    keys = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    rows = {
        (table.key, k): tuple(m.row for m in v if m.table == table.key and m.row >= 0)
        for table in lay.tables
        for k, v in words.items()
    }
    return Lexicon(pattern, {k: tuple(v) for k, v in words.items()}, "|".join(keys), rows)
