"""Who initiates changes (``change_initiators``) is who writes the memo or the proposal a change
is made on, as the clause on changes names it ("по служебной записке начальника …", "… бастығының
қызметтік жазбасы бойынша"), not the official whose order makes the change; a clause naming none
leaves the assumption (the position itself) to be confirmed, as before."""

from __future__ import annotations

import pytest
from conftest import SEED
from test_import_corpus import CORPUS
from test_import_structure import _their_text, registry_of
from test_import_support import load_model

from dlo_docs.mentions import initiating_part


def _seed_with(project, clause_15: str, number: str = "15"):
    """The seed with its clause ``number`` (the whole line) replaced by ``clause_15``."""
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    [at] = [i for i, line in enumerate(lines) if line.startswith(f"{number}. ")]
    lines[at] = clause_15 + "\n"
    source = project / "seed-memo.kk.txt"
    source.write_text("".join(lines), encoding="utf-8")
    return source


def test_the_writer_of_the_memo_initiates_the_change_not_the_rector(project, dlo):
    source = _seed_with(
        project,
        "15. Осы Ережеге өзгерістер Басқарма Төрағасы – Ректордың бұйрығымен, персоналды басқару "
        "бөлімінің бастығының қызметтік жазбасы бойынша енгізіледі",
    )
    result = dlo("import", source, "--id", "memo", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "memo").change_initiators == ["hr-head"]
    assert "no clause names who initiates changes" not in result.out + result.err


def test_a_russian_clause_listing_its_bases_below_it(project, dlo):
    """The basis in an item below the clause ("вносятся на основании: 1) приказа … по служебной
    записке …"), as MNU's job instruction words it."""
    source = project / "memo.ru.txt"
    source.write_text(
        "Должностная инструкция начальника отдела дистанционного обучения\n"
        "1. Общие положения\n"
        "1.1. Настоящая инструкция определяет обязанности начальника отдела дистанционного "
        "обучения.\n"
        "1.2. Начальник отдела дистанционного обучения подчиняется проректору по академическим "
        "вопросам.\n"
        "2. Изменения\n"
        "2.1. Изменения в настоящую инструкцию вносятся на основании:\n"
        "2.1.1. приказа Председателя Правления – Ректора по служебной записке начальника отдела "
        "управления персоналом, согласованной с проректором по академическим вопросам.\n",
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "memo-ru", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "memo-ru").change_initiators == ["hr-head"]


def test_the_part_that_names_the_initiator():
    memo = "вносятся приказом Ректора по служебной записке декана, с визой"
    assert initiating_part(memo) == "декана"
    assert initiating_part("по представлению заведующего кафедрой; приказом") == (
        "заведующего кафедрой"
    )
    # the official whose order makes the change, or to whom the memo is addressed, is not its
    # writer
    assert initiating_part("Ректордың бұйрығымен ПББ бастығының қызметтік жазбасы бойынша") == (
        "ПББ бастығының"
    )
    assert initiating_part("на основании служебной записки начальника ОУП приказом Ректора") == (
        "начальника ОУП"
    )
    assert initiating_part("по служебной записке декана на имя Ректора") == "декана"
    assert initiating_part("по служебной записке, подписанной начальником ОУП") == ""
    assert initiating_part("по докладной записке начальника ОУП") == "начальника ОУП"
    # Kazakh: to whom it is addressed, with whom agreed; "бойынша" inside a title is kept
    assert initiating_part("Ректордың атына ПББ бастығының қызметтік жазбасы бойынша") == (
        "ПББ бастығының"
    )
    assert initiating_part("Ректормен келісілген ПББ бастығының қызметтік жазбасы бойынша") == (
        "ПББ бастығының"
    )
    assert initiating_part("Оқу ісі бойынша проректордың қызметтік жазбасы бойынша") == (
        "Оқу ісі бойынша проректордың"
    )
    # what follows the writer: sent for agreement, agreed, by whose instruction
    assert initiating_part("по служебной записке начальника ОУП по согласованию с проректором") == (
        "начальника ОУП"
    )
    assert (
        initiating_part(
            "с пояснительной запиской направляется на согласование начальнику юридического отдела"
        )
        == ""
    )
    title = "начальника отдела по согласованию учебных программ"  # a title holding the word
    assert initiating_part(f"по служебной записке {title}") == title
    assert initiating_part(
        "проректордың тапсырмасына сәйкес ПББ бастығының қызметтік жазбасы бойынша"
    ) == ("ПББ бастығының")
    # an initiative named too, or no memo: the whole clause, as before
    both = "по инициативе начальника ОУП, по служебной записке проректора"
    assert initiating_part(both) == both
    said = "өзгерістер ПББ бастығының бастамасы бойынша енгізіледі"
    assert initiating_part(said) == said


@pytest.mark.parametrize(
    ("number", "clause"),
    [
        ("7", "7. Бөлім бастығы ақпараттық жүйедегі өзгерістер туралы жазбаша ақпарат дайындайды."),
        (
            "7",
            "7. Бөлім бастығы бөлім қызметкерлерінің лауазымдық нұсқаулықтарына өзгерістер енгізу "
            "туралы ұсыныстарды ҮББИ директорына береді.",
        ),
    ],
    ids=["written", "proposals"],
)
def test_a_duty_about_memos_or_written_changes_is_not_the_clause_on_changes(
    project, dlo, number, clause
):
    """A clause about written changes ("жазбаша" is no memo), or proposing changes to other
    instructions, is no clause on changes to this one (the chapter on changes holds that): the
    seed's clause on changes still states who initiates them."""
    source = _seed_with(project, clause, number)
    result = dlo("import", source, "--id", "duty", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "duty").change_initiators == ["dlo-head", "hr-head", "vp-academic"]


def test_a_clause_on_changes_that_does_not_name_the_document(project, dlo):
    source = _seed_with(
        project, "15. Өзгерістер ПББ бастығының қызметтік жазбасы бойынша енгізіледі"
    )
    assert dlo("import", source, "--id", "bare", cwd=project).code == 0
    assert load_model(project, "bare").change_initiators == ["hr-head"]


def test_a_proposal_in_kazakh_and_a_clause_naming_no_known_writer(project, dlo):
    """ "… ұсынысы бойынша" names its writer as a memo does; a clause on changes whose memo's
    writer the registry does not know states no fact: it is left unmarked (no false DLO101 in
    dlo check), and the assumption is reported."""
    source = _seed_with(
        project, "15. Осы Ережеге өзгерістер ПББ бастығының ұсынысы бойынша енгізіледі"
    )
    assert dlo("import", source, "--id", "proposal", cwd=project).code == 0
    assert load_model(project, "proposal").change_initiators == ["hr-head"]
    source = _seed_with(
        project, "15. Осы Ережеге өзгерістер деканның қызметтік жазбасы бойынша енгізіледі"
    )
    result = dlo("import", source, "--id", "unknown", cwd=project)
    assert result.code == 0, result.err
    assert "no clause names who initiates changes" in result.out + result.err
    written = (project / "regulations" / "unknown" / "regulation.yaml").read_text("utf-8")
    assert "states: change_initiators" not in written
    check = dlo("check", "regulations/unknown", cwd=project)
    assert not [line for line in check.out.splitlines() if "DLO101: clause 15" in line], check.out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus of real regulations is not beside")
@pytest.mark.parametrize("fmt", ["txt", "lo.docx", "pandoc.docx"])
def test_mnus_instruction_is_changed_on_the_memo_of_its_dshr_director(project, dlo, fmt):
    """MNU's 7.2: "Изменения … вносятся на основании: 7.2.1. приказа Председателя Правления MNU
    по служебной записке директора DSHR, согласованной с Провостом" (the corpus README). The
    director of DSHR, proposed from the agreement sheet's clause, initiates changes; the import
    says so to be confirmed, and the lint finds the clause and the data agreeing."""
    source = CORPUS / f"mnu-research-assistant.ru.{fmt}"
    result = dlo("import", source, "--id", "mnu", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    model = load_model(project, "mnu")
    titles = {p.id: p.title.get("ru") for p in registry_of(project).positions}
    assert [titles[p] for p in model.change_initiators] == ["Директор DSHR"]
    assert "change_initiators proposed from the text" in result.err
    check = dlo("check", "regulations/mnu", cwd=project)
    assert "DLO101" not in check.out + check.err, check.out


def test_another_organisations_memo_writer_not_proposed_states_no_fact(project, dlo, tmp_path):
    """The memo's writer is none of the positions proposed from the text: the clause is left
    unmarked (no false DLO101) and the assumption is reported."""
    source = _their_text(tmp_path)
    text = source.read_text(encoding="utf-8").replace(
        "3.3. Ассистент несет",
        "3.3. Изменения в настоящую инструкцию вносятся по служебной записке декана школы.\n"
        "3.4. Ассистент несет",
    )
    source.write_text(text, encoding="utf-8")
    result = dlo("import", source, "--id", "theirs", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    assert "change_initiators set to" in result.err
    written = (project / "regulations" / "theirs" / "regulation.yaml").read_text("utf-8")
    assert "states: change_initiators" not in written
    check = dlo("check", "regulations/theirs", cwd=project)
    assert "DLO101: clause 3.3" not in check.out + check.err, check.out


@pytest.mark.parametrize(
    ("text", "initiators"),
    [
        (  # under a final chapter, naming this document
            "1. Общие положения\n1.1. Настоящая инструкция определяет обязанности.\n"
            "2. Заключительные положения\n2.1. Изменения в настоящую инструкцию вносятся по "
            "служебной записке начальника отдела управления персоналом.\n",
            ["hr-head"],
        ),
        (  # under a paragraph on changes of another chapter
            "1. Общие положения\n1.1. Настоящая инструкция определяет обязанности.\n"
            "2. Заключительные положения\nПараграф 1. Порядок внесения изменений\n"
            "2.1. Изменения вносятся по служебной записке начальника отдела управления "
            "персоналом.\n",
            ["hr-head"],
        ),
        (  # the staff's instructions first, then this one's
            "1. Общие положения\n1.1. Настоящая инструкция определяет обязанности.\n"
            "2. Изменения\n2.1. Изменения в должностные инструкции работников отдела вносятся по "
            "служебной записке начальника отдела дистанционного обучения.\n2.2. Изменения в "
            "настоящую инструкцию вносятся по инициативе начальника отдела управления "
            "персоналом.\n",
            ["hr-head"],
        ),
    ],
    ids=["final-chapter", "paragraph", "staff"],
)
def test_where_the_clause_on_changes_stands(project, dlo, text, initiators):
    source = project / "where.ru.txt"
    source.write_text(
        "Должностная инструкция начальника отдела дистанционного обучения\n" + text,
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "where", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "where").change_initiators == initiators


RU_DUTIES = (
    "1. Общие положения\n1.1. Настоящая инструкция определяет обязанности.\n"
    "2. Обязанности\n2.1. {duty}\n"
    "3. Порядок внесения изменений\n3.1. Изменения в настоящую инструкцию вносятся по "
    "инициативе начальника отдела управления персоналом.\n"
)


@pytest.mark.parametrize(
    "duty",
    [
        "Вносит изменения в данные АИС «Платонус» по служебным запискам деканов.",
        "Готовит служебные записки об изменениях учебных планов в пределах полномочий, "
        "установленных настоящей инструкцией.",
        "Вносит представления об изменениях в настоящую инструкцию.",
    ],
    ids=["data", "within-this-instruction", "proposes"],
)
def test_a_duty_naming_memos_and_changes_does_not_hide_the_clause_on_changes(project, dlo, duty):
    """A clause naming an initiative is the clause on changes; one on a memo only stands in
    when there is none."""
    source = project / "duty.ru.txt"
    source.write_text(
        "Должностная инструкция начальника отдела дистанционного обучения\n"
        + RU_DUTIES.format(duty=duty),
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "duty", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "duty").change_initiators == ["hr-head"]


@pytest.mark.parametrize(
    "clause",
    [
        "13. Қашықтықтан оқыту бөлімінің бастығы осы лауазымдық нұсқаулыққа өзгерістер енгізу "
        "туралы ұсыныстар енгізуге құқылы.",
        "13. Бөлім бастығы деректер базасына өзгерістерді осы бөлім қызметкерлерінің қызметтік "
        "жазбалары бойынша енгізеді.",
    ],
    ids=["right-to-propose", "this-unit"],
)
def test_a_kazakh_clause_on_memos_does_not_hide_the_seeds_clause_on_changes(project, dlo, clause):
    source = _seed_with(project, clause, "13")
    assert dlo("import", source, "--id", "kk13", cwd=project).code == 0
    assert load_model(project, "kk13").change_initiators == ["dlo-head", "hr-head", "vp-academic"]


def test_a_clause_under_the_heading_on_changes_may_mention_a_staff_member(project, dlo):
    source = project / "staff.ru.txt"
    source.write_text(
        "Должностная инструкция начальника отдела дистанционного обучения\n"
        "1. Общие положения\n1.1. Настоящая инструкция определяет обязанности.\n"
        "2. Порядок внесения изменений\n2.1. Изменения вносятся по служебной записке начальника "
        "отдела управления персоналом, с ознакомлением работника под подпись.\n",
        encoding="utf-8",
    )
    result = dlo("import", source, "--id", "staff", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    assert load_model(project, "staff").change_initiators == ["hr-head"]
