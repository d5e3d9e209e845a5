"""Writing a benchmark's section into docs/benchmarks.md, replacing its previous run."""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, marker: str, lines: list[str]) -> None:
    """Replace the section that starts with ``marker`` (a "## …" heading) by ``lines``."""
    previous = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    if marker in previous:
        head, after = previous.split(marker, 1)
        nxt = after.find("\n## ")
        rest = after[nxt + 1 :] if nxt >= 0 else ""
    else:
        head, rest = previous, ""
    path.write_text(head.rstrip() + "\n\n" + "\n".join(lines) + "\n" + rest, "utf-8")
