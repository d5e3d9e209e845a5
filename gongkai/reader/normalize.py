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
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Characters NFKC leaves alone but that print as dashes or brackets in tables.
_EXTRA = str.maketrans(
    {
        "\u3000": " ",
        "\u00a0": " ",
        "\u2014": "—",
        "\u2015": "—",
        "\u2013": "-",
        "\u2212": "-",
        "\u3010": "[",
        "\u3011": "]",
        "\u3014": "(",
        "\u3015": ")",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese; simplified text passes through unchanged."""
    return str(_converter().convert(text))


def normalize(text: str) -> str:
    """Normalise printed text for reading (see the module docstring)."""
    text = text.translate(_ZERO_WIDTH)
    text = unicodedata.normalize("NFKC", text).translate(_EXTRA)
    text = to_simplified(text)
    return _GLOSS.sub("", text)
