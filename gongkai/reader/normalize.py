"""Text normalisation: one pure function from printed text to the text the reader parses.

Traditional script becomes simplified (OpenCC ``t2s``), pinyin glosses printed after characters
are removed (``鄉(xiāng)`` → ``乡``), full-width digits, letters and punctuation become their
ASCII forms and every kind of space (no-break, ideographic, zero-width) becomes a plain space or
nothing. Nothing else changes: the function never adds, drops or reorders a digit.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# A gloss is a bracketed run of Latin letters with at least one pinyin tone mark, printed right
# after a Chinese character: 鄉(xiāng), 報(bào). Brackets are already half-width here.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\(\s*[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*\s*\)")
# Characters NFKC leaves alone that the reader needs in another form: zero-width characters
# and soft hyphens vanish; rare dashes and brackets become their common forms. (NFKC already
# turns full-width forms, no-break and ideographic spaces into ASCII.)
_EXTRA_MAP: dict[str, str | None] = {
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad"),
    "\u2015": "—",
    "\u2013": "-",
    "\u2212": "-",
    "\u3010": "[",
    "\u3011": "]",
    "\u3014": "(",
    "\u3015": ")",
}
_EXTRA = str.maketrans(_EXTRA_MAP)
_NEEDS_EXTRA = re.compile("[" + "".join(chr(c) for c in _EXTRA) + "]")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese; simplified text passes through unchanged."""
    return str(_converter().convert(text))


_TONED_VOWEL = re.compile(f"[{_TONED}]")


def normalize(text: str) -> str:
    """Normalise printed text for reading (see the module docstring)."""
    if _NEEDS_EXTRA.search(text):
        text = text.translate(_EXTRA)
    text = to_simplified(unicodedata.normalize("NFKC", text))
    if _TONED_VOWEL.search(text):  # pinyin glosses need tone marks
        text = _GLOSS.sub("", text)
    return text
