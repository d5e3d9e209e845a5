"""Reader throughput over the corpus, next to a bare pass over the same text.

    .venv/bin/python bench/bench_read.py [--seconds S] [--write docs/benchmarks.md]

Reports per second on one core (one process), for plain text reports, for full web pages
(100–350 KB) and for the published PDF. The bare pass is what any reader must at least do:
OpenCC conversion, splitting on whitespace and pipes, scanning for digit runs; it is measured in
rounds alternating with the reader's, and each rate is the median of its rounds, so that the
ratio does not depend on the machine's speed drifting between two long measurements.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _docs import write_section

from gongkai import native
from gongkai.checks import check
from gongkai.reader.api import read
from gongkai.reader.normalize import to_simplified

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TEXTS = sorted((FIXTURES / "corpus").glob("*.txt")) + sorted((FIXTURES / "seeds").glob("*.txt"))
PAGES = sorted((FIXTURES / "corpus").glob("*.html"))
PDFS = sorted((FIXTURES / "corpus").glob("*.pdf"))
_SPLIT = re.compile(r"[|\s]+")
_DIGITS = re.compile(r"\d+")


def bare_pass(data: bytes) -> int:
    text = to_simplified(data.decode("utf-8", "replace"))
    pieces = _SPLIT.split(text)
    return len(pieces) + sum(1 for _ in _DIGITS.finditer(text))


def rate(fn: Callable[[bytes], object], inputs: list[bytes], seconds: float) -> float:
    """Inputs handled per second, looping over ``inputs`` for about ``seconds``."""
    for data in inputs:  # warm up caches (OpenCC, lexicon, regexes)
        fn(data)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for data in inputs:
            fn(data)
        done += len(inputs)
    return done / (time.perf_counter() - start)


def paired_rates(
    fn: Callable[[bytes], object],
    bare: Callable[[bytes], object],
    inputs: list[bytes],
    seconds: float,
) -> tuple[float, float]:
    """Rates of ``fn`` and ``bare`` measured in alternating short rounds, as medians: a
    machine's speed drifts over seconds, and the ratio of two rates is what is compared."""
    ours: list[float] = []
    theirs: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(ours) < 5:
        ours.append(rate(fn, inputs, 0.2))
        theirs.append(rate(bare, inputs, 0.2))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--write", type=Path, default=None)
    parser.add_argument("--text-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Group by what the reader detects: 001.txt and 006.txt are web pages saved as .txt.
    kinds = {p: read(p).input.kind for p in TEXTS}
    texts = [p.read_bytes() for p in TEXTS if kinds[p] == "text"]
    if args.text_only:  # (the plain-Python run, in a process of its own: see below)
        print(json.dumps(paired_rates(lambda d: read(d), bare_pass, texts, 2 * args.seconds)))
        return
    fragments = [p.read_bytes() for p in TEXTS if kinds[p] == "html"]
    pages = [p.read_bytes() for p in PAGES]
    pdfs = [p.read_bytes() for p in PDFS]
    text, text_bare = paired_rates(lambda d: read(d), bare_pass, texts, 2 * args.seconds)
    html, html_bare = paired_rates(lambda d: read(d), bare_pass, pages, 2 * args.seconds)
    results = {
        "text": text,
        "text_check": rate(lambda d: check(read(d)), texts, args.seconds),
        "text_bare": text_bare,
        "html": html,
        "fragments": rate(lambda d: read(d), fragments, args.seconds),
        "html_bare": html_bare,
        "pdf": rate(lambda d: read(d), pdfs, args.seconds),
    }
    compiled = native.in_use()
    if compiled:  # the same text reports read by the sources, not the compiled modules
        run = [sys.executable, __file__, "--text-only", "--seconds", str(args.seconds)]
        pure = subprocess.run(
            run, env={**os.environ, native.PURE_VARIABLE: "1"}, capture_output=True, check=True
        )
        results["text_pure"], results["text_pure_bare"] = json.loads(pure.stdout)
    sizes = [len(p) // 1024 for p in pages]
    lines = [
        f"## Reader throughput — {datetime.date.today().isoformat()}",
        "",
        f"Machine: `{platform.platform()}`, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; one process (per core). "
        "Command: `.venv/bin/python bench/bench_read.py`. "
        + (
            "Reader compiled with mypyc (`gongkai.native`, built by `scripts/setup`)."
            if compiled
            else "Reader not compiled (plain Python)."
        ),
        "",
        "| input | reports/s per core | bare pass/s | read ÷ bare |",
        "|---|---|---|---|",
        f"| text reports ({len(texts)} files) | {results['text']:.0f} "
        f"| {results['text_bare']:.0f} | {results['text_bare'] / results['text']:.1f}× slower |",
        *(
            [
                f"| text reports, plain Python (`GONGKAI_PURE=1`) | {results['text_pure']:.0f} "
                f"| {results['text_pure_bare']:.0f} "
                f"| {results['text_pure_bare'] / results['text_pure']:.1f}× slower |"
            ]
            if compiled
            else []
        ),
        f"| text reports, read + check | {results['text_check']:.0f} | – | – |",
        f"| web-page fragments saved as text ({len(fragments)} files) "
        f"| {results['fragments']:.0f} | – | – |",
        f"| full web pages ({len(pages)} files, {min(sizes)}–{max(sizes)} KB) "
        f"| {results['html']:.0f} | {results['html_bare']:.0f} "
        f"| {results['html_bare'] / results['html']:.1f}× slower |",
        f"| published PDF ({len(pdfs)} file, 6 pages) | {results['pdf']:.1f} | – | – |",
        "",
        "Targets (issues): ≥ 300 text reports/s per core within 5× of the bare pass; "
        "≥ 100 pages/s per core on full web pages; read + check ≥ 300 reports/s per core.",
        "",
    ]
    print("\n".join(lines))
    if args.write:
        write_section(args.write, "## Reader throughput", lines)


if __name__ == "__main__":
    main()
