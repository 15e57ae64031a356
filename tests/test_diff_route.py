"""A comparison shows what the data fixes beside the text: the unit and position a regulation is
for, who approves it and how, who agrees to its next revision and in what order, who may open one.
An approver agrees to these too; an edition that changed only them was called 'no changes'."""

from __future__ import annotations

import copy
import io

from diff_revision import bilingual, seed_data
from docx import Document
from test_diff_table import _Rows, cells

from dlo_docs import comparison as diff_api
from dlo_docs import load
from dlo_docs.project import Project

APPROVERS_OLD = (
    "Академиялық мәселелер жөніндегі проректор; Құқықтық қамтамасыз ету және мемлекеттік сатып "
    "алу бөлімінің бастығы; Персоналды басқару бөлімінің бастығы; Құжаттамалық қамтамасыз ету "
    "бөлімінің бастығы (кезекпен)"
)


def _draft(project, edit, base=lambda data: data) -> Project:
    """The project with the seed (as ``base`` makes it) frozen as edition 1 and, as the draft of
    edition 2, the same changed by ``edit`` (its text untouched)."""
    data = base(seed_data())
    folder = project / "regulations" / "dlo-head"
    (folder / "editions").mkdir(parents=True, exist_ok=True)
    (folder / "editions" / "1.yaml").write_text(load.dumps(data), encoding="utf-8")
    new = copy.deepcopy(data)
    new["edition"] = 2
    edit(new)
    (folder / "regulation.yaml").write_text(load.dumps(new), encoding="utf-8")
    return Project(project)


# after a changed approving official or route: the change is the next edition's
NEXT_KK = (
    "(келесі басылымды келісу мен бекітуге; бұл басылымды бұрынғы лауазымды тұлғалар келіседі "
    "және бекітеді)"
)


def _route(new: dict) -> None:
    new["agreement"] = {"route": "parallel", "approvers": ["hr-head", "legal-head"]}
    new["approval"] = {"by": "vp-academic", "form": "signature"}
    new["change_initiators"] = ["dlo-head"]


def _table_rows(prepared) -> list[list[str]]:
    return cells(Document(io.BytesIO(diff_api.output(prepared, "table"))))[1:]


def test_a_changed_route_is_a_row_of_the_table_each(project):
    rows = _table_rows(diff_api.prepare(_draft(project, _route), "dlo-head", 1))
    assert [r[1:4] for r in rows] == [
        [
            "Бекітетін лауазымды тұлға",
            "Басқарма Төрағасы – Ректор (бұйрықпен)",
            "Академиялық мәселелер жөніндегі проректор (өз қолымен) " + NEXT_KK,
        ],
        [
            "Келісетін лауазымды тұлғалар",
            APPROVERS_OLD,
            "Персоналды басқару бөлімінің бастығы; Құқықтық қамтамасыз ету және мемлекеттік "
            "сатып алу бөлімінің бастығы (бір мезгілде) " + NEXT_KK,
        ],
        [
            "Өзгерістер енгізуге бастамашы лауазымды тұлғалар",
            "Қашықтықтан оқыту бөлімінің бастығы; Персоналды басқару бөлімінің бастығы; "
            "Академиялық мәселелер жөніндегі проректор",
            "Қашықтықтан оқыту бөлімінің бастығы",
        ],
    ]


def test_the_terminal_and_the_page_say_it_too(project):
    prepared = diff_api.prepare(_draft(project, _route), "dlo-head", 1)
    text = diff_api.output(prepared, "text").decode()
    assert "no changes" not in text
    assert "1. approving official: changed" in text
    assert "{+Академиялық мәселелер жөніндегі проректор (өз қолымен) " + NEXT_KK + "+}" in text
    parser = _Rows()
    parser.feed(diff_api.output(prepared, "html").decode())
    assert [r["cells"][1] for r in parser.rows] == [
        "Бекітетін лауазымды тұлға",
        "Келісетін лауазымды тұлғалар",
        "Өзгерістер енгізуге бастамашы лауазымды тұлғалар",
    ]


def test_in_russian(project):
    def parallel(new: dict) -> None:
        new["agreement"]["route"] = "parallel"

    rows = _table_rows(
        diff_api.prepare(_draft(project, parallel, bilingual), "dlo-head", 1, lang="ru")
    )
    assert [r[1] for r in rows] == ["Согласующие должностные лица"]
    assert rows[0][2].startswith("Проректор по академическим вопросам; ")
    assert rows[0][2].endswith("(последовательно)")
    # the new route is the next edition's: this one's round keeps the edition in force's
    assert rows[0][3].endswith(
        "(параллельно) (для согласования и утверждения следующего издания; это издание "
        "согласуют и утверждают прежние должностные лица)"
    )


def test_the_position_and_unit_and_a_position_the_registry_no_longer_has(project):
    def moved(new: dict) -> None:
        new["unit"] = "rectorate"

    drafted = _draft(project, moved)
    frozen = project / "regulations" / "dlo-head" / "editions" / "1.yaml"
    data = load.plain(load.read(frozen, "1.yaml")[0].data)
    frozen.write_text(load.dumps(dict(data, position="abolished-post")), encoding="utf-8")
    rows = _table_rows(diff_api.prepare(drafted, "dlo-head", 1))
    assert [r[1:4] for r in rows] == [
        ["Бөлімше", "Қашықтықтан оқыту бөлімі", "Ректорат"],
        ["Лауазым", "abolished-post", "Қашықтықтан оқыту бөлімінің бастығы"],
    ]


def test_the_same_route_written_otherwise_is_no_change(project):
    def same(new: dict) -> None:  # the default form and route, now written out
        new["approval"] = {"by": "rector", "form": "order"}
        new["agreement"] = dict(new["agreement"], route="sequential")

    prepared = diff_api.prepare(_draft(project, same), "dlo-head", 1)
    assert not prepared.comparison.changes


def test_the_kind_the_organisation_and_the_sheets_printed(project):
    """The kind printed above the title, the organisation heading every page, and the sheets
    printed after the text are the approvers' to agree to as well."""
    registry = project / "regulations" / "registry.yaml"
    original = registry.read_text(encoding="utf-8")
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "organisations:\n- id: ksu-college\n  name: {kk: ҚӨУ колледжі, ru: Колледж КРУ}\n",
        encoding="utf-8",
    )
    # the unit, and so its head's position, moved to the college: a regulation is its unit's
    # and its position's organisation's (DLO024)
    text = registry.read_text(encoding="utf-8")
    assert text.count("- id: dlo\n  name:") == 1
    registry.write_text(
        text.replace("- id: dlo\n  name:", "- id: dlo\n  organisation: ksu-college\n  name:"),
        encoding="utf-8",
    )

    def other(new: dict) -> None:
        new["organisation"] = "ksu-college"
        new["sheets"] = {"agreement": False, "acquaintance": False}

    rows = _table_rows(diff_api.prepare(_draft(project, other), "dlo-head", 1, lang="kk"))
    assert [r[1:4] for r in rows] == [
        [
            "Ұйым",
            "«Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ",
            "ҚӨУ колледжі",
        ],
        [
            "Құжатқа қоса басылатын парақтар",
            "Келісім парағы; Танысу парағы; Өзгерістерді тіркеу парағы; Мерзімді тексеру парағы",
            "Өзгерістерді тіркеу парағы; Мерзімді тексеру парағы",
        ],
    ]

    registry.write_text(original, encoding="utf-8")  # the unit the university's again

    def kind(new: dict) -> None:
        new["kind"] = "unit_regulation"

    prepared = diff_api.prepare(_draft(project, kind, bilingual), "dlo-head", 1, lang="ru")
    rows = _table_rows(prepared)
    assert [r[1:4] for r in rows] == [
        ["Вид документа", "Должностная инструкция", "Положение о подразделении"]
    ]
    assert "1. kind of document: changed" in diff_api.output(prepared, "text").decode()


def test_the_change_initiators_reordered_or_an_approver_written_twice_is_no_change(project):
    """Who may open a revision is a set; an approver named twice (an edition approved before a
    repeat was refused) agrees once, as the round and the sheet take them: the two sides of such
    a row named the same positions."""

    def twice(data: dict) -> dict:
        data["agreement"]["approvers"].append(data["agreement"]["approvers"][0])
        return data

    def same(new: dict) -> None:
        new["change_initiators"] = list(reversed(new["change_initiators"]))
        new["agreement"]["approvers"] = list(dict.fromkeys(new["agreement"]["approvers"]))

    prepared = diff_api.prepare(_draft(project, same, twice), "dlo-head", 1)
    assert not prepared.comparison.changes
