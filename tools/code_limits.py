"""The size limits of the code of dlo_docs: no module over 400 lines, no function over 60 lines,
no function of a complexity over 10 (McCabe, measured by ruff's C901 with the project's other
settings left out, so a per-file ignore cannot hide a function).

    python tools/code_limits.py     # every module and function over a limit (exit 1 when any)

``tests/test_architecture.py`` runs the same checks over ``dlo_docs/``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dlo_docs"

MODULE_LINES = 400
FUNCTION_LINES = 60
COMPLEXITY = 10


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    name: str  # the module's dotted name, or module:function (a nested one as outer.inner)
    what: str  # "lines" or "complexity"
    value: int
    limit: int

    def __str__(self) -> str:
        unit = "lines" if self.what == "lines" else "of complexity"
        path = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{path}:{self.line}: {self.name} is {self.value} {unit} (limit {self.limit})"


def _sources(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _functions(tree: ast.AST, prefix: str = ""):
    """Every function of the tree with its qualified name (``Class.method``, ``outer.inner``)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}{node.name}", node
            yield from _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        else:
            yield from _functions(node, prefix)


def long_modules(package: Path = PACKAGE, limit: int = MODULE_LINES) -> list[Finding]:
    found = []
    for path in _sources(package):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > limit:
            found.append(Finding(path, 1, _module_name(package, path), "lines", count, limit))
    return found


def long_functions(package: Path = PACKAGE, limit: int = FUNCTION_LINES) -> list[Finding]:
    """Functions longer than ``limit`` lines, from ``def`` to their last line (decorators apart)."""
    found = []
    for path in _sources(package):
        module = _module_name(package, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for name, node in _functions(tree):
            count = (node.end_lineno or node.lineno) - node.lineno + 1
            if count > limit:
                found.append(Finding(path, node.lineno, f"{module}:{name}", "lines", count, limit))
    return found


def complex_functions(package: Path = PACKAGE, limit: int = COMPLEXITY) -> list[Finding]:
    """Functions of a McCabe complexity over ``limit``, as ruff's C901 counts it."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--ignore-noqa",
            "--no-cache",
            "--select",
            "C901",
        ]
        + ["--config", f"lint.mccabe.max-complexity={limit}", "--output-format", "json"]
        + ["--exit-zero", str(package)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ruff did not run (install the test extra): {result.stderr.strip()}")
    found = []
    for item in json.loads(result.stdout):
        path = Path(item["filename"])
        line = item["location"]["row"]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        name = next(n for n, node in _functions(tree) if node.lineno == line)
        value = int(item["message"].rsplit("(", 1)[1].split(" ", 1)[0])
        module = _module_name(package, path)
        found.append(Finding(path, line, f"{module}:{name}", "complexity", value, limit))
    return found


def findings(package: Path = PACKAGE) -> list[Finding]:
    return long_modules(package) + long_functions(package) + complex_functions(package)


def main() -> int:
    if sys.argv[1:]:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    found = findings()
    for item in found:
        print(item)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
