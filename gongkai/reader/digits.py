"""Splitting a run of digits printed without separators into the cells it came from.

``640020470`` printed for a row of seven cells is 64, 0, 0, 2, 0, 4, 70 because the six
applicant columns must add up to the total and a number never starts with 0 unless it is 0.
This module enumerates the splits of a run that respect those two facts and any separators that
were printed (a space inside a run is a cell boundary); the table reader then keeps the splits
that satisfy the table's identities. A value is taken only where every remaining split agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

Split = tuple[int, ...]
MAX_SPLITS = 20000
MAX_WORK = 200_000  # splits examined before a run is declared too ambiguous to decide


class TooAmbiguous(Exception):
    """Raised inside ``splits`` when a run has too many splits to examine."""


def _parts(digits: str, n: int) -> Iterator[tuple[str, ...]]:
    """Every way to cut ``digits`` into ``n`` non-empty numbers without leading zeros."""
    if n == 0:
        if not digits:
            yield ()
        return
    if len(digits) < n:
        return
    if n == 1:
        if digits == "0" or not digits.startswith("0"):
            yield (digits,)
        return
    if digits[0] == "0":
        for rest in _parts(digits[1:], n - 1):
            yield ("0", *rest)
        return
    for cut in range(1, len(digits) - n + 2):
        for rest in _parts(digits[cut:], n - 1):
            yield (digits[:cut], *rest)


def _allocations(lengths: Sequence[int], n: int) -> Iterator[tuple[int, ...]]:
    """How many cells each printed group can hold: at least one, at most its length."""
    if not lengths:
        if n == 0:
            yield ()
        return
    head, rest = lengths[0], lengths[1:]
    low = max(1, n - sum(rest))
    high = min(head, n - len(rest))
    for k in range(low, high + 1):
        for tail in _allocations(rest, n - k):
            yield (k, *tail)


def splits(
    groups: Sequence[str], n: int, accept: Callable[[Split], bool] | None = None
) -> list[Split]:
    """Every split of the printed digit ``groups`` into ``n`` cells that ``accept`` allows.

    Groups are the digit runs as printed, separated by spaces or pipes: a boundary between two
    groups is always a cell boundary. Returns at most ``MAX_SPLITS`` splits (enough to decide
    uniqueness in practice: a caller that gets that many treats the run as ambiguous).
    Raises ``TooAmbiguous`` when more than ``MAX_WORK`` splits would have to be examined.
    """
    if any(not g.isdigit() for g in groups) or not groups:
        return []
    if sum(len(g) for g in groups) == n:  # one digit a cell: the only split ("0000000")
        only = tuple(int(d) for g in groups for d in g)
        return [only] if accept is None or accept(only) else []
    out: list[Split] = []
    work = 0
    for alloc in _allocations([len(g) for g in groups], n):
        for combo in _product([list(_parts(g, k)) for g, k in zip(groups, alloc, strict=True)]):
            work += 1
            if work > MAX_WORK:
                raise TooAmbiguous(groups)
            values = tuple(int(x) for part in combo for x in part)
            if accept is None or accept(values):
                out.append(values)
                if len(out) >= MAX_SPLITS:
                    return out
    return out


def _product(options: list[list[tuple[str, ...]]]) -> Iterator[tuple[tuple[str, ...], ...]]:
    if not options:
        yield ()
        return
    for first in options[0]:
        for rest in _product(options[1:]):
            yield (first, *rest)


def agreed(candidates: Sequence[Split]) -> list[int | None]:
    """Per cell, the value every candidate agrees on, else None."""
    if not candidates:
        return []
    out: list[int | None] = []
    for i in range(len(candidates[0])):
        first = candidates[0][i]
        out.append(first if all(c[i] == first for c in candidates) else None)
    return out
