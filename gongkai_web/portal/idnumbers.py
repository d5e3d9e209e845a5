"""Check digits of Chinese identity numbers — pure.

居民身份证号码: GB 11643-1999 (ISO 7064 MOD 11-2). 统一社会信用代码: GB 32100-2015.
"""

from __future__ import annotations

import re
from datetime import date

_ID = re.compile(r"^\d{17}[\dX]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC = re.compile(rf"^[{_USCC_CHARS}]{{18}}$")
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id_ok(number: str) -> bool:
    """An 18-character 居民身份证号码 with a valid birth date and check digit."""
    if not _ID.match(number):
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def credit_code_ok(code: str) -> bool:
    """An 18-character 统一社会信用代码 with a valid check character."""
    if not _USCC.match(code):
        return False
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(code[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31] == code[17]
