"""Benchmarks of the comparison of editions: prints figures, asserts nothing.

Run: .venv/bin/python tests/benchmarks/bench_diff.py

Each figure is the median of several runs, in-process (imports excluded): on the seed with the
scripted revision of tests/diff_revision.py, and on a synthetic regulation 30 times the seed's
size (750 clauses, 6000 items) with 5% of texts reworded, 2% removed, 2% added and 1% moved.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import sys
from pathlib import Path

from timing import median_ms

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))


def synthetic(seed_texts: list[str], rng: random.Random) -> dict:
    data = __import__("diff_revision").seed_data()
    chapters = []
    for c in range(30):
        paragraphs = []
        for p in range(5):
            clauses = []
            for k in range(5):
                cid = f"c{c}-{p}-{k}"
                items = [{"id": f"{cid}.{i}", "text": rng.choice(seed_texts)} for i in range(8)]
                clauses.append({"id": cid, "text": rng.choice(seed_texts), "items": items})
            paragraphs.append(
                {"id": f"p{c}-{p}", "title": f"Параграф тақырыбы {p}", "clauses": clauses}
            )
        chapters.append({"id": f"ch{c}", "title": f"Тарау тақырыбы {c}", "paragraphs": paragraphs})
    data["chapters"] = chapters
    return data


def revise_synthetic(data: dict, rng: random.Random) -> dict:
    new = copy.deepcopy(data)
    clause_lists = [p["clauses"] for ch in new["chapters"] for p in ch["paragraphs"]]
    for clauses in clause_lists:
        for clause in clauses:
            items = clause["items"]
            for item in list(items):
                roll = rng.random()
                if roll < 0.05:
                    words = item["text"].split()
                    words[rng.randrange(len(words))] = "өзгертілген"
                    item["text"] = " ".join(words)
                elif roll < 0.07:
                    items.remove(item)
                elif roll < 0.09:
                    items.insert(
                        items.index(item), {"id": item["id"] + "-new", "text": "жаңа тармақша;"}
                    )
    for _ in range(7):  # about 1% of the clauses move to another paragraph
        source, target = rng.sample(clause_lists, 2)
        if len(source) > 1:
            target.append(source.pop(rng.randrange(len(source))))
    return new


def main() -> None:
    from diff_revision import editions

    from dlo_docs.diff import words
    from dlo_docs.diff.align import compare, places
    from dlo_docs.labels import labels
    from dlo_docs.model import Regulation
    from dlo_docs.render import docx_diff

    kk = labels("kk")
    old, new = editions()
    c = compare(old, new, kk)

    def table(comparison):
        return docx_diff.table(
            comparison, kk, kind="ЛН", code="ЛН 01", old_label="1", new_label="2"
        )

    def redline(comparison):
        return docx_diff.redline(
            comparison,
            title_old="a",
            title_new="b",
            author="x",
            date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        )

    rng = random.Random(1)
    texts = [p.text for p in places(old, "kk", kk)]
    big_old_data = synthetic(texts, rng)
    big_old = Regulation.model_validate(big_old_data)
    big_new = Regulation.model_validate(revise_synthetic(big_old_data, rng))
    big = compare(big_old, big_new, kk)
    long_old = " ".join(texts)
    long_new = long_old.replace("қашықтықтан", "электрондық", 20)
    # one clause of 2,000 of the seed's words, every 50th replaced: the long path of words.diff
    clause_words = " ".join(texts).split()[:2_000]
    clause_old = " ".join(clause_words)
    clause_new = " ".join(w if i % 50 else "өзгертілді" for i, w in enumerate(clause_words))

    figures = {
        "compare, seed (5 changes)": median_ms(lambda: compare(old, new, kk), runs=7),
        "comparison table DOCX, seed": median_ms(lambda: table(c), runs=7),
        "redline DOCX, seed": median_ms(lambda: redline(c), runs=7),
        f"word diff of the whole seed text ({len(long_old)} chars, 20 words changed)": median_ms(
            lambda: words.diff(long_old, long_new), runs=7
        ),
        "word diff of one clause of 2,000 words, every 50th changed": median_ms(
            lambda: words.diff(clause_old, clause_new), runs=3
        ),
        f"compare, synthetic ({sum(1 for _ in places(big_old, 'kk', kk))} elements, {len(big.changes)} changes)": median_ms(
            lambda: compare(big_old, big_new, kk), runs=3
        ),
        "comparison table DOCX, synthetic": median_ms(lambda: table(big), runs=3),
        "redline DOCX, synthetic": median_ms(lambda: redline(big), runs=3),
    }
    width = max(map(len, figures))
    for name, ms in figures.items():
        print(f"{name:<{width}}  {ms:9.1f} ms")


if __name__ == "__main__":
    main()
