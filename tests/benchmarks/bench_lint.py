"""Lint benchmarks: prints figures, asserts nothing. Run: .venv/bin/python tests/benchmarks/bench_lint.py

Medians of several in-process runs: every rule on the seed, each rule alone, and all rules on a
synthetic document ten times the seed's size (its chapters repeated with fresh ids).
"""

from __future__ import annotations

import copy
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    from dlo_docs import lint, load
    from dlo_docs.model import Regulation
    from dlo_docs.project import Document, Project

    project = Project(ROOT)
    loaded = project.load(["dlo-head"])
    document = loaded.documents["dlo-head"]
    registry = loaded.registry
    print(f"seed: {sum(1 for _ in document.source.text.splitlines())} lines")
    print(
        f"{'all rules, seed':40s} {median_ms(lambda: lint.check_document(document, registry), runs=9):8.1f} ms"
    )
    for rule in lint.rules():
        ms = median_ms(
            lambda rule=rule: lint.check_document(document, registry, [rule.code]), runs=9
        )
        print(f"{rule.code + ' ' + rule.name:40s} {ms:8.1f} ms")

    data = load.plain(document.source.data)
    chapters = []
    for copy_no in range(10):
        for chapter in data["chapters"]:
            chapters.append(_renamed(copy.deepcopy(chapter), f"-{copy_no}"))
    data["chapters"] = chapters
    text = load.dumps(data)
    source, problems = load.parse(text.encode("utf-8"), "big.yaml")
    model, problems = load.validate(Regulation, source)
    big = Document(model, source, Path("big.yaml"))
    clauses = sum(1 for _ in model.clauses())
    ms = median_ms(lambda: lint.check_document(big, registry), runs=3)
    print(f"{f'all rules, 10x seed ({clauses} clauses)':40s} {ms:8.1f} ms")


def _renamed(node, suffix: str):
    if isinstance(node, dict):
        return {k: (v + suffix if k == "id" else _renamed(v, suffix)) for k, v in node.items()}
    if isinstance(node, list):
        return [_renamed(v, suffix) for v in node]
    return node


if __name__ == "__main__":
    main()
