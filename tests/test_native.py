"""The reader compiled with mypyc (``gongkai.native``) reads exactly as its sources do, is in
use after set-up, and is never used once its sources have changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai.reader  # noqa: F401  (imports the reader the way every caller does)
from gongkai import native
from gongkai.build_native import can_build

HERE = Path(__file__).parent
ROOT = HERE.parent

# Reads every fixture input and variants of the labelled texts, and prints one line of JSON
# per input: its full record (values, provenance, notes, metadata) or its error.
READ_ALL = r"""
import json, random, sys
sys.path.insert(0, "tests")
from pathlib import Path
from gongkai import native
from gongkai.errors import InputError
from gongkai.layout import layout
from gongkai.reader.api import read
from test_reader_styles import FORMATS, STYLES, render

F = Path("tests/fixtures")
inputs = []
for folder in ("seeds", "corpus", "damaged", "inputs"):
    for p in sorted((F / folder).iterdir()):
        if p.suffix in (".txt", ".html", ".md", ".docx", ".pdf"):
            inputs.append((p.as_posix(), p.read_bytes(), p.name))
for p in sorted((F / "corpus").glob("*.txt")) + sorted((F / "seeds").glob("*.txt")):
    t = p.read_text("utf-8", "replace")
    inputs.append((p.name + ":flat", " ".join(t.split("\n")).encode(), None))
    piped = "\n".join(" | ".join(line.split()) for line in t.split("\n"))
    inputs.append((p.name + ":pipes", piped.encode(), None))
rng = random.Random(7)
for i in range(120):
    fmt = rng.choice(FORMATS)
    values = {}
    for table in layout(fmt).tables:
        for row in table.rows:
            for column in row.columns:
                path = f"{table.key}.{row.key}.{column.key}"
                values[path] = rng.choice([0, 0, rng.randint(0, 99), rng.randint(0, 99999)])
    inputs.append((f"render{i}", render(fmt, values, rng.choice(STYLES)).encode(), None))
print(json.dumps({"compiled": native.in_use()}))
for key, data, name in inputs:
    try:
        record = read(data, name=name).to_dict()
    except InputError as error:
        record = "error: " + str(error)
    print(json.dumps({key: record}, ensure_ascii=False, sort_keys=True))
"""


def _read_all(pure: bool) -> tuple[bool, list[str]]:
    env = {**os.environ, native.PURE_VARIABLE: "1" if pure else "0"}
    done = subprocess.run(
        [sys.executable, "-c", READ_ALL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    first, *records = done.stdout.splitlines()
    return json.loads(first)["compiled"], records


def _pure_requested() -> str | None:
    """Why the reader runs plain Python on purpose (GONGKAI_PURE), or None."""
    return None if os.environ.get(native.PURE_VARIABLE, "") in ("", "0") else "GONGKAI_PURE 已设"


def test_reader_runs_compiled_after_setup() -> None:
    reason = can_build() or _pure_requested()
    if reason is not None:
        pytest.skip(f"nothing compiled here: {reason}")
    assert native.current(), (
        "the compiled reader is missing or older than its sources: "
        f"run {sys.executable} -m gongkai.build_native build"
    )
    assert native.in_use()


def test_compiled_and_pure_reader_read_alike() -> None:
    if not native.current():
        pytest.skip("the reader is not compiled here (see test_reader_runs_compiled_after_setup)")
    compiled, ours = _read_all(pure=False)
    plain, theirs = _read_all(pure=True)
    assert compiled and not plain
    assert len(ours) == len(theirs) > 600
    different = [a[:120] for a, b in zip(ours, theirs, strict=True) if a != b]
    assert not different


def _copy_package(tmp_path: Path) -> Path:
    copy = tmp_path / "gongkai"
    shutil.copytree(ROOT / "gongkai", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _state(path: Path) -> tuple[bool, bool, bool, int | None]:
    """Whether the copy of the package at ``path`` runs compiled, is current and runs an edit
    of its sources, and what it reads of a seed's licensing row."""
    code = (
        "import gongkai.reader, gongkai.native as n, gongkai.reader.tokens as t; "
        "from gongkai.reader.api import read; "
        f"r = read(open({str(HERE / 'fixtures/seeds/000_191d9aaa408da952.txt')!r}, 'rb').read()); "
        "print(n.in_use(), n.current(), hasattr(t, 'EDITED'), "
        "r.active['licensing']['decisions'])"
    )
    env = {**os.environ, "PYTHONPATH": str(path), native.PURE_VARIABLE: "0"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=path, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0] == "True", out[1] == "True", out[2] == "True", json.loads(out[3].lower())


def test_edited_sources_are_run_instead_of_an_older_build(tmp_path: Path) -> None:
    if not native.current():
        pytest.skip("the reader is not compiled here (see test_reader_runs_compiled_after_setup)")
    copy = _copy_package(tmp_path)
    assert _state(tmp_path) == (True, True, False, 419)
    tokens = copy / "reader" / "tokens.py"
    tokens.write_text(tokens.read_text("utf-8") + "\nEDITED = True\n", "utf-8")
    # The copy runs its edited sources (all of them: the compiled modules call each other),
    # and reads as before.
    assert _state(tmp_path) == (False, False, True, 419)


def test_build_command_reports_its_state() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gongkai.build_native", "status"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    expected = "已编译" if native.current() else "未编译" if not native.built() else "不一致"
    assert expected in done.stdout
    wrong = subprocess.run(
        [sys.executable, "-m", "gongkai.build_native", "nonsense"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 2 and "用法" in wrong.stderr
    # Without a compiler, a build says why in one line and exits 3 (scripts/setup prints that
    # line), and leaves what was built alone.
    before = native.current()
    no_compiler = subprocess.run(
        [sys.executable, "-m", "gongkai.build_native", "build", "--force"],
        cwd=ROOT,
        env={**os.environ, "PATH": "/nonexistent"},
        capture_output=True,
        text=True,
    )
    assert no_compiler.returncode == 3
    assert no_compiler.stderr.strip().splitlines()[-1].startswith("未编译读取模块：找不到 C 编译器")
    assert native.current() == before
