"""Helpers for the rules that read the sections' text: normalising, sentences, Chinese numerals."""

from __future__ import annotations

import re
import unicodedata

NUMERALS = "一二三四五六七八九十"
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]\s*\d+\s*[-—–－]\s*$|^\s*第\s*\d+\s*页.*$", re.M)
_SPACE_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ \t\u3000]+(?=\d)")
_OTHER_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), page numbers dropped; lines kept."""
    text = unicodedata.normalize("NFKC", text)
    return _PAGE_NUMBER.sub("", text)


def flatten(text: str) -> str:
    """Normalised text on one line: line breaks and spaces removed (PDF text breaks lines
    mid-sentence), except a space between two digits, which keeps two numbers apart."""
    text = normalize(text)
    text = _SPACE_BETWEEN_DIGITS.sub("\x00", text)
    text = _OTHER_SPACE.sub("", text)
    return text.replace("\x00", " ")


def sentences(text: str) -> list[str]:
    """Sentences of flattened text, split on 。；！？ (and their ASCII forms)."""
    return [s for s in re.split(r"[。;!?！？；]", flatten(text)) if s]


def segments(sentence: str) -> list[str]:
    """Clauses of a sentence, split on commas, colons and brackets."""
    return [s for s in re.split(r"[,，:：()（）]", sentence) if s]


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99); None if not such a numeral."""
    if not text or any(c not in NUMERALS for c in text):
        return None
    digits = {c: i + 1 for i, c in enumerate(NUMERALS[:9])}
    if text == "十":
        return 10
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    value = (digits[tens] if tens else 1) * 10
    return value + (digits[units] if units else 0)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (1..99)."""
    units = NUMERALS[:9]
    if n <= 0 or n >= 100:
        return str(n)
    if n < 10:
        return units[n - 1]
    tens, rest = divmod(n, 10)
    head = "" if tens == 1 else units[tens - 1]
    return head + "十" + (units[rest - 1] if rest else "")
