"""Compile the reader's hot modules with mypyc (see ``gongkai.native``).

python -m gongkai.build_native build [--force]   compile, unless the build is current
                                                 (exit status 3: nothing to compile with)
python -m gongkai.build_native status            whether the compiled modules are in use
python -m gongkai.build_native clean             remove them
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gongkai.native import (
    COMPILED,
    GROUP,
    PACKAGE,
    ROOT,
    STAMP,
    built,
    current,
    digest,
    extension,
    source,
)

CANNOT_BUILD = 3  # the exit status of ``build`` where nothing can be compiled (see can_build)


def clean() -> None:
    for module in COMPILED:
        extension(module).unlink(missing_ok=True)
    for path in (PACKAGE / "reader").glob("_native__mypyc*"):
        path.unlink()
    STAMP.unlink(missing_ok=True)


def build(force: bool = False) -> bool:
    """Compile ``COMPILED`` in place (unless the build is current); whether it was built."""
    if current() and not force:
        return False
    # (Imported here: mypy and setuptools are needed to build, never to read.)
    from mypyc.build import mypycify
    from setuptools import Distribution  # type: ignore[import-untyped]

    clean()
    here = os.getcwd()
    os.chdir(ROOT)  # (mypyc names the modules by their paths from here)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # Settings of its own, not the project's strict checking (``scripts/test`` does that):
            # those load the Django plugin and want the stubs of lxml and others, which only the
            # development set-up installs. (Compiling needs the types, not the checks: the
            # modules compiled call those libraries through the reader's own typed functions.)
            config = Path(tmp) / "mypy.ini"
            config.write_text("[mypy]\npython_version = 3.11\nignore_missing_imports = True\n")
            paths = [str(source(module).relative_to(ROOT)) for module in COMPILED]
            options = ["--config-file", str(config)]
            extensions = mypycify(
                [*options, *paths], opt_level="3", group_name=GROUP, target_dir=tmp
            )
            dist = Distribution({"name": "gongkai-native", "ext_modules": extensions})
            command: Any = dist.get_command_obj("build_ext")
            command.inplace = True
            command.build_temp = os.path.join(tmp, "temp")
            command.build_lib = os.path.join(tmp, "lib")
            dist.run_command("build_ext")
    finally:
        os.chdir(here)
    STAMP.write_text(json.dumps({"digest": digest()}) + "\n", encoding="utf-8")
    return True


def can_build() -> str | None:
    """Why nothing can be compiled here (no compiler, no Python headers), or None."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"找不到 C 编译器（{compiler}）"
    include = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not include.exists():
        return f"找不到 Python 头文件（{include}）"
    try:
        import mypyc  # noqa: F401
    except ImportError:
        return "未安装 mypy（其中的 mypyc 用于编译）"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "status"
    if command == "build":
        reason = None if current() and "--force" not in args else can_build()
        if reason is not None:
            print(f"未编译读取模块：{reason}。读取照常进行，只是较慢。", file=sys.stderr)
            return CANNOT_BUILD
        if build(force="--force" in args):
            print(f"已编译读取模块（{len(COMPILED)} 个）。")
        else:
            print("读取模块的编译版本已是最新。")
        return 0
    if command == "clean":
        clean()
        print("已删除读取模块的编译版本。")
        return 0
    if command == "status":
        if not built():
            print("读取模块未编译：以纯 Python 运行。")
        elif not current():
            print(
                "读取模块的编译版本与源代码不一致，已改用源代码：请运行 "
                f"{sys.executable} -m gongkai.build_native build"
            )
        else:
            print("读取模块已编译，且与源代码一致。")
        return 0
    print("用法：python -m gongkai.build_native build [--force] | status | clean", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
