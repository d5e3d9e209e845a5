"""Splitting a run of digits printed without separators into the cells it came from.

``640020470`` printed for a row of seven cells is 64, 0, 0, 2, 0, 4, 70 because the six
applicant columns must add up to the total and a number never starts with 0 unless it is 0.
This module enumerates the splits of a run that respect those two facts and any separators that
were printed (a space inside a run is a cell boundary); the table reader then keeps the splits
that satisfy the table's identities. A value is taken only where every remaining split agrees.
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Sequence
from functools import lru_cache

Split = tuple[int, ...]
MAX_SPLITS = 20000
MAX_WORK = 50_000  # steps of the search before a run is declared too ambiguous to decide


class TooAmbiguous(Exception):
    """Raised inside ``splits`` when a run has too many splits to examine."""


class _Enough(Exception):
    pass


_DIGIT_VALUE = {str(d): d for d in range(10)}  # faster than int() for one digit
Sum = tuple[tuple[int, ...], int]  # (indices of the part cells, index of their total cell)


def splits(groups: Sequence[str], n: int, sums: Sequence[Sum] = ()) -> list[Split]:
    """Every split of the printed digit ``groups`` into ``n`` cells that satisfies ``sums``
    (see ``_splits``). Short runs are searched once and remembered: the same runs of zeros and
    small counts ("0000000", "1001000") recur in report after report."""
    key = (tuple(groups), n, tuple(sums))
    if sum(map(len, groups)) <= CACHED_DIGITS:
        return list(_cached_splits(*key))
    return list(_splits(*key))


CACHED_DIGITS = 40


def _splits(groups: Sequence[str], n: int, sums: Sequence[Sum] = ()) -> tuple[Split, ...]:
    """Every split of the printed digit ``groups`` into ``n`` cells that satisfies ``sums``.

    Groups are the digit runs as printed, separated by spaces or pipes: a boundary between two
    groups is always a cell boundary. ``sums`` are the row's identities, each total printed
    after its parts (a row's total column, each block's total in table 四): when the search
    reaches a total, its digits must spell the sum of its parts, so it never branches there.
    Returns at most ``MAX_SPLITS`` splits, in the order of the cut offsets (enough to decide
    uniqueness in practice: a caller that gets that many treats the run as ambiguous).
    Raises ``TooAmbiguous`` when the search would take more than ``MAX_WORK`` steps: the
    search is lazy and bounded, whatever the input.
    """
    if not groups or not all(map(str.isdecimal, groups)):  # what int() reads
        return ()
    totals = {total: parts for parts, total in sums}
    for parts, total in sums:
        if parts and max(parts) >= total:
            raise ValueError("a total must come after its parts")
    digits = "".join(groups)
    size = len(digits)
    if size < n or len(groups) > n:
        return ()
    if size == n:  # one digit a cell: the only split ("0000000")
        only = tuple(map(_DIGIT_VALUE.__getitem__ if digits.isascii() else int, digits))
        for parts, total in sums:
            if sum([only[p] for p in parts]) != only[total]:
                return ()
        return (only,)
    forced: list[int] = []  # offsets where a printed separator forces a cell boundary
    for group in groups[:-1]:
        forced.append((forced[-1] if forced else 0) + len(group))
    out: list[Split] = []
    cells: list[int] = []
    work = 0

    def search(pos: int, left: int) -> None:
        nonlocal work
        work += 1
        if work > MAX_WORK:
            raise TooAmbiguous(groups)
        first_after = bisect.bisect_right(forced, pos)  # forced[first_after:] lie after pos
        parts = totals.get(n - left)
        if left == 1:
            if first_after < len(forced) or (digits[pos] == "0" and size - pos > 1):
                return
            value = int(digits[pos:])
            if parts is not None and value != sum([cells[p] for p in parts]):
                return
            out.append((*cells, value))
            if len(out) >= MAX_SPLITS:
                raise _Enough
            return
        limit = forced[first_after] if first_after < len(forced) else size
        last = min(limit, size - (left - 1))
        if parts is not None:  # a total: its digits are the sum of its parts, or nothing fits
            total = sum([cells[p] for p in parts])
            end = pos + len(str(total))
            ends = range(end, end + 1) if digits.startswith(str(total), pos) else range(0)
        elif digits[pos] == "0":
            ends = range(pos + 1, pos + 2)
        else:
            ends = range(pos + 1, last + 1)
        for end in ends:
            if end > last or len(forced) - bisect.bisect_right(forced, end) > left - 2:
                continue  # past the cells left, or more printed boundaries than cells left
            cells.append(int(digits[pos:end]))
            search(end, left - 1)
            cells.pop()

    with contextlib.suppress(_Enough):
        search(0, n)
    return tuple(out)


_cached_splits = lru_cache(maxsize=4096)(_splits)  # (TooAmbiguous is raised, not remembered)


def fewest_cells(groups: Sequence[str]) -> int:
    """The fewest cells printed digit groups can be: a number never starts with 0 unless it is
    0, so each leading zero of a group is a cell of its own ("000" is three cells, "023" two)."""
    count = 0
    for group in groups:
        rest = group.lstrip("0")
        count += len(group) - len(rest) + (1 if rest else 0)
    return count


def agreed(candidates: Sequence[Split]) -> list[int | None]:
    """Per cell, the value every candidate agrees on, else None."""
    if not candidates:
        return []
    out: list[int | None] = []
    for i in range(len(candidates[0])):
        first = candidates[0][i]
        out.append(first if all(c[i] == first for c in candidates) else None)
    return out
