"""Text normalisation: one pure function from printed text to the text the reader parses.

Traditional script becomes simplified (OpenCC ``t2s``; simplified text is left as it is, since
t2s also rewrites characters simplified names use), pinyin glosses printed after characters
are removed (``鄉(xiāng)`` → ``乡``), full-width digits, letters and punctuation become their
ASCII forms and every kind of space (no-break, ideographic, zero-width) becomes a plain space or
nothing. Nothing else changes: the function never adds, drops or reorders a digit.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import opencc

# A gloss is a bracketed run of Latin letters with at least one pinyin tone mark, printed right
# after a Chinese character: 鄉(xiāng), 報(bào). Brackets are already half-width here.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\(\s*[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*\s*\)")
# Characters NFKC leaves alone that the reader needs in another form: zero-width characters
# and soft hyphens vanish; rare dashes and brackets become their common forms. (NFKC already
# turns full-width forms, no-break and ideographic spaces into ASCII.) No replacement holds a
# key, so replacing one character after the other is the same as replacing all at once.
_EXTRA: dict[str, str] = {
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    "\u2015": "—",
    "\u2013": "-",
    "\u2212": "-",
    "\u3010": "[",
    "\u3011": "]",
    "\u3014": "(",
    "\u3015": ")",
    # Footnote markers: circled and superscript digits would become digits of the number they
    # follow ("419①" is 419 with a note mark, not 4191); they become a space, as do the marks
    # "※" and "*" ("7*": 7 with a note; read as text, the cell would vanish from its row).
    **dict.fromkeys("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳¹²³⁰⁴⁵⁶⁷⁸⁹※*＊", " "),
}


def _plain_codes() -> list[int]:
    """The "plain" characters, in order: NFKC keeps them, and cuts the text before them.

    A plain character is assigned, NFKC-stable and a starter (canonical combining class 0) that
    never combines with what precedes it. The last condition excludes the few starters that are
    the second half of a canonical composition (Indic and Balinese vowel signs, Hangul medial
    and final jamo): none lies in the blocks below, which hold what reports are made of.
    Unicode then guarantees that NFKC(a + b) == NFKC(a) + NFKC(b) when b starts with one.
    """
    blocks = (
        (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended-A and -B (pinyin vowels)
        (0x2000, 0x23FF),  # punctuation, letterlike symbols, arrows, mathematical operators
        (0x2460, 0x27BF),  # enclosed alphanumerics, box drawing, shapes, symbols, dingbats
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility
        (0xFF00, 0xFFEF),  # half-width and full-width forms
    )
    plain = [
        code
        for first, last in blocks
        for code in range(first, last + 1)
        if unicodedata.category(chr(code)) != "Cn"
        and unicodedata.combining(chr(code)) == 0
        and unicodedata.normalize("NFKC", chr(code)) == chr(code)
    ]
    # CJK ideographs: no decomposition, all starters.
    return sorted([*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *plain])


def _class(codes: list[int]) -> str:
    """The inside of a regex class of ``codes``, in order: consecutive ones become one range."""
    ranges = []
    start = 0
    for index, code in enumerate(codes):
        if index + 1 == len(codes) or codes[index + 1] != code + 1:
            ranges.append(f"\\U{codes[start]:08x}-\\U{code:08x}")
            start = index + 1
    return "".join(ranges)


_PLAIN_CODES = _plain_codes()
_PLAIN = _class(_PLAIN_CODES)
_NOT_PLAIN_RUN = re.compile(f"([^{_PLAIN}]+)")  # split() keeps the runs
_IS_PLAIN = re.compile(f"[{_PLAIN}]").fullmatch
_ALL_PLAIN = re.compile(f"[{_PLAIN}]*").fullmatch
_NOT_PLAIN = re.compile(f"[^{_PLAIN}]")
_KINDS_REPLACED = 16  # kinds of non-plain characters replaced one by one, at most (see _nfkc)


@lru_cache(maxsize=4096)
def _nfkc_run(run: str) -> str | None:
    """NFKC of a run of non-plain characters (after a plain one or at the start), or None.

    Safe when the run's first character decomposes to a plain character first (full-width
    forms, special spaces, ①…): then nothing before the run can combine with it, and the plain
    character after the run cuts it off too. A run that starts with a combining mark (or with
    anything else) may combine with the character before it: None.
    """
    if _IS_PLAIN(unicodedata.normalize("NFKD", run[0])[0]) is None:
        return None
    return unicodedata.normalize("NFKC", run)


@lru_cache(maxsize=4096)
def _nfkc_char(char: str) -> str | None:
    """NFKC of a non-plain character, if it can replace the character wherever it stands, or None.

    It can when the character decomposes to a plain character first (as for ``_nfkc_run``: then
    nothing before it combines with it, so a text of such and plain characters changes one
    character at a time) and its NFKC is plain (a replacement made later, of another character,
    leaves it alone).
    """
    if _IS_PLAIN(unicodedata.normalize("NFKD", char)[0]) is None:
        return None
    normal = unicodedata.normalize("NFKC", char)
    return normal if _ALL_PLAIN(normal) else None


def _nfkc(text: str, plain: int = 0) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster on text with a few full-width characters;
    ``text[:plain]`` is known to be plain.

    CPython's NFKC costs ~0.1 µs per character as soon as one character changes. Most texts
    hold a few kinds of non-plain characters ("，", "（", "）"), each replaced at once wherever
    it stands (``str.replace`` runs in C) when every one of them can be (see ``_nfkc_char``).
    Else only the runs of non-plain characters go through NFKC (``_nfkc_runs``).
    """
    if unicodedata.is_normalized("NFKC", text):  # a quick check in C for most texts
        return text
    replaced = text
    at = plain  # the text before is plain: what was there, or replaced with plain characters
    for _ in range(_KINDS_REPLACED):  # (a bound: each kind costs a pass over the text)
        found = _NOT_PLAIN.search(replaced, at)
        if found is None:
            return replaced
        normal = _nfkc_char(found.group())
        if normal is None:
            break
        replaced = replaced.replace(found.group(), normal)
        at = found.start()
    return _nfkc_runs(text)


def _nfkc_runs(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)`` for a text that is not in NFKC: only the runs of
    non-plain characters go through it (cached), and the plain text between them is kept as it
    is (see ``_plain_codes`` for why that is exact)."""
    parts = _NOT_PLAIN_RUN.split(text)  # plain, run, plain, run, …, plain
    runs = list(map(_nfkc_run, parts[1::2]))
    if None in runs:  # a run that may combine with the character before it
        return unicodedata.normalize("NFKC", text)
    parts[1::2] = runs
    return "".join(parts)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese (OpenCC ``t2s``)."""
    return str(_converter().convert(text))


# Characters every text in traditional script has some of (開, 報, 資, 區, 縣…), none of which
# simplified script uses (none is in GB 2312). OpenCC's t2s also rewrites characters that
# simplified text uses in names (乾县 → 干县, 藉口镇 → 借口镇), so simplified text is left alone.
_TRADITIONAL_MARKS = (
    "開資報關條請會區縣鄉鎮處辦務數據計機構門與為這個們"
    "時國發義實現動點經應產將設當間總電號書圖場體認"
)
_TRADITIONAL = re.compile(f"[{_TRADITIONAL_MARKS}]")
# A text of plain characters only (NFKC keeps it as it is) that holds none of the characters
# replaced (_EXTRA), none that mark traditional script and no tone mark (no gloss) is left as it
# is by every step of normalize(): one search for a character outside that set, in C, rules all
# the steps out at once, where looking for each kind of character costs a pass or many.
_SETTLED = set(_PLAIN_CODES) - {ord(char) for char in (*_EXTRA, *_TONED, *_TRADITIONAL_MARKS)}
_UNSETTLED = re.compile(f"[^{_class(sorted(_SETTLED))}]")
_EXTRA_CHAR = re.compile(f"[{_class(sorted(map(ord, _EXTRA)))}]")


# The link to a site's traditional-script version, on simplified pages ("简体 | 繁體"): no
# sign that the page itself is in traditional script.
_SCRIPT_LINK = "繁體"


def is_traditional(text: str) -> bool:
    """Whether ``text`` is printed in traditional script (in part at least)."""
    if _TRADITIONAL.search(text) is None:
        return False
    if _SCRIPT_LINK not in text:
        return True
    return _TRADITIONAL.search(text.replace(_SCRIPT_LINK, "")) is not None


def normalize(text: str, traditional: bool | None = None) -> str:
    """Normalise printed text for reading (see the module docstring); ``traditional``: whether
    the document the text is part of is in traditional script (None: judged from ``text``)."""
    unsettled = _UNSETTLED.search(text)
    if unsettled is None and traditional is not True:
        return text  # (see _UNSETTLED)
    # No step changes the text before the first unsettled character (nor finds what it looks
    # for there), so the searches below start from it.
    settled = unsettled.start() if unsettled else len(text)
    # ``in`` and ``str.replace`` scan in C; ``str.translate`` with a dict would look up every
    # character in Python. (One search for all the characters, first, costs less than looking
    # for each in a text that holds none.)
    if _EXTRA_CHAR.search(text, settled) is not None:
        for char, replacement in _EXTRA.items():
            if char in text:
                text = text.replace(char, replacement)
    text = _nfkc(text, settled)
    # (NFKC may join the last settled character with a combining mark after it: the search
    # starts there. The settled characters before it are plain: NFKC kept them as they were.)
    if traditional is not True and _UNSETTLED.search(text, max(0, settled - 1)) is None:
        return text  # no traditional script to convert, no gloss to remove
    if is_traditional(text) if traditional is None else traditional:
        text = to_simplified(text)
    if any(vowel in text for vowel in _TONED):  # pinyin glosses need tone marks
        text = _GLOSS.sub("", text)
    return text
