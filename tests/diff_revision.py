"""The scripted revision the diff tests compare against the seed (helper for tests/test_diff*.py).

Edition 1 is the bundled regulation (the seed, encoded). Edition 2 changes it so:

- a duty reworded: item 10.3 (``duties.3``), with the drafter's note;
- an item deleted: item 10.12 (``duties.12``);
- a right added: ``rights.14``, inserted as the new item 11.6;
- a clause moved between paragraphs: clause 13 (``liability``) leaves "Жауапкершілік" for the end
  of "Өзара қарым-қатынас" and becomes clause 14;
- a chapter title edited: chapter 6 (``changes``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from conftest import on_day

from dlo_docs import load
from dlo_docs.model import Regulation

REPO = Path(__file__).resolve().parent.parent
REGULATION = REPO / "regulations" / "dlo-head" / "regulation.yaml"

DUTY_3_NEW = (
    "электрондық және қашықтықтан оқыту процесі мәселелері бойынша ПОҚ пен университет білім "
    "алушыларын ақпараттық, әдістемелік және техникалық қамтамасыз етуді үйлестіруге;"
)
DUTY_3_NOTE = "Білім туралы заңның терминологиясына сәйкестендірілді."
RIGHT_NEW = "қашықтықтан оқыту бойынша халықаралық жобаларға қатысуға;"
CHAPTER_6_NEW = "Өзгерістер мен толықтырулар енгізу тәртібі"
REASON = "ҚП 082-2022 бойынша жоспарлы қайта қарау"

# (what, id, old number, new number) in document order: the answer the tests expect
EXPECTED = [
    ("changed", "duties.3", "10.3", "10.3"),
    ("removed", "duties.12", "10.12", None),
    ("added", "rights.14", None, "11.6"),
    ("moved", "liability", "13", "14"),
    ("changed", "changes", "ch6", "ch6"),
]


def seed_data() -> dict[str, Any]:
    source, problems = load.read(REGULATION, "regulation.yaml")
    assert source is not None and not problems, problems
    return load.plain(source.data)


def find(data: dict, element_id: str) -> dict:
    """The element with ``element_id`` anywhere in the data."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("id") == element_id:
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise KeyError(element_id)


def revise(data: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(data)
    new["edition"] = data.get("edition", 1) + 1
    duties = find(new, "duties")["items"]
    duty3 = next(i for i in duties if i["id"] == "duties.3")
    duty3["text"], duty3["note"] = DUTY_3_NEW, DUTY_3_NOTE
    duties[:] = [i for i in duties if i["id"] != "duties.12"]
    rights = find(new, "rights")["items"]
    rights.insert(5, {"id": "rights.14", "text": RIGHT_NEW})
    responsibility = find(new, "responsibility-section")["clauses"]
    liability = next(c for c in responsibility if c["id"] == "liability")
    responsibility.remove(liability)
    find(new, "relationships-section")["clauses"].append(liability)
    find(new, "changes")["title"] = CHAPTER_6_NEW
    return new


def editions() -> tuple[Regulation, Regulation]:
    data = seed_data()
    return Regulation.model_validate(data), Regulation.model_validate(revise(data))


def write_project(root: Path) -> None:
    """Freeze the seed as edition 1 of the project at ``root`` and make the revision its draft."""
    data = seed_data()
    folder = root / "regulations" / "dlo-head"
    (folder / "editions").mkdir(parents=True, exist_ok=True)
    (folder / "editions" / "1.yaml").write_text(load.dumps(data), encoding="utf-8")
    (folder / "regulation.yaml").write_text(load.dumps(revise(data)), encoding="utf-8")


def bilingual(data: dict[str, Any]) -> dict[str, Any]:
    """The data with a Russian version of every text ("(ru) " + the Kazakh one)."""
    data = copy.deepcopy(data)
    data["languages"] = ["kk", "ru"]

    def both(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "title"):
                value = node.get(key)
                if isinstance(value, str):
                    node[key] = {"kk": value, "ru": f"(ru) {value}"}
                elif isinstance(value, dict):
                    node[key] = {"kk": value["kk"], "ru": f"(ru) {value['kk']}"}
            for value in node.values():
                both(value)
        elif isinstance(node, list):
            for value in node:
                both(value)

    both(data)
    return data


def checked_bilingual() -> dict[str, Any]:
    """The seed with a Russian text that passes ``dlo check``: the clause on approval says, in
    Russian too, that the instruction is approved by order."""
    data = bilingual(seed_data())
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, dict) and "бұйрығымен" in text.get("kk", ""):
                text["ru"] += " Утверждается приказом Председателя Правления – Ректора."
            stack += node.values()
        elif isinstance(node, list):
            stack += node
    return data


def open_revision(dlo, project: Path, reason: str) -> None:
    """Through the real workflow: approve the seed as edition 1, open a revision by the head of
    HR with ``reason``, and make the draft the scripted revision (``revise``)."""
    for args in (
        ["submit", "dlo-head"],
        *(
            ["agree", "dlo-head", "--as", role]
            for role in ("vp-academic", "legal-head", "hr-head", "docs-head")
        ),
        ["approve", "dlo-head", "--order", "15-н", "--date", "2024-05-02"],
        ["revise", "dlo-head", "--by", "hr-head", "--reason", reason],
    ):
        with on_day("2024-05-02" if args[0] != "revise" else "2024-06-01"):
            result = dlo(*args, cwd=project)
        assert result.code == 0, (args, result.err)
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    source, _ = load.read(path, "regulation.yaml")
    draft = revise(load.plain(source.data))
    draft["edition"] = load.plain(source.data)["edition"]
    path.write_text(load.dumps(draft), encoding="utf-8")
