"""``dlo check`` on real regulations of other organisations, imported (``../shared/corpus/``).

Every finding on each imported source was read against the source and judged true (a defect of
the source, which the rule is for) or false (the rule misread correct text). The false ones were
removed by fixing the rule's mechanism, not by naming the corpus's words:

- DLO102 on "ЖК", "АЖ" defined inline by "(ары қарай – ЖК және АЖ басқармасы)": "ары қарай",
  the spoken form of "әрі қарай", is an inline definition too;
- DLO102 on "КАЗГЮУ" in «Университет КАЗГЮУ имени М.С. Нарикбаева»: part of a name in quotes;
- DLO101 on the Kazakh clause "the structure and staff limit are approved by law", which the import
  had marked as stating the document's approval: only a clause naming the document states it;
- DLO101 on "Должностная инструкция утверждается Председателем Правления": the import set
  ``approval.form: order``, which the text does not say (now ``signature``, reported);
- DLO107 on functions that share their object but not their action ("утверждение маршрутов …" /
  "ведение реестра маршрутов …", "… маршруттарын келісу" / "… тізілімін жүргізу"), and on two
  clauses alike only by the position's title and "приказом Председателя Правления MNU";
- DLO106 on "закрепленным за ним имуществом и имуществом, приобретенным за счет …": the repeat is
  qualified by the participle after the comma.

Findings name elements as the document numbers them: the MNU instruction numbers its clauses
within chapters, so its findings say "clause 4.1 item 1" and "clause 8.1.4" (a sub-clause), the
numbers a reader finds in the source, not the running clause 9 or "clause 17 item 4".

What remains is exactly the true findings below, for the .txt, the LibreOffice DOCX and the DOCX
with Word numbering alike: no false positive on any of the nine files.
"""

from __future__ import annotations

import json

import pytest
from test_import_corpus import CORPUS, FORMATS, SOURCES, Source

from dlo_docs.lint import duplicates
from dlo_docs.lint.repetition import repeats
from dlo_docs.lint.view import label
from dlo_docs.numbering import Numbered

# (code, a part of the message) of every true finding, per source, with the reason it is true
TRUE: dict[str, list[tuple[str, str]]] = {
    "jambyl-uptad-ereje.kk": [
        # the source types clause 13 as "13. 13. ЖК және АЖ басқармасына …"
        ("DLO115", "typed number '13.' (clause 13)"),
        # "облысішілік (ауданаралық,қалааралық)": no space after the comma
        ("DLO113", "no space after ',' (clause 16 item 11)"),
        # "ЖТ және АД басқармасының құзыретіне …": a misspelling of its own "ЖК және АЖ"
        ("DLO102", "abbreviation ЖТ (clause 16 item 15)"),
        ("DLO102", "abbreviation АД (clause 16 item 15)"),
        # items 3 and 20: "… бюджеттердің қаражатын тиімді пайдаланылуын қамтамасыз ету", twice
        ("DLO107", "clause 16 item 20 nearly repeats clause 16 item 3"),
        # "құжатайналымы,бюджеттік жоспарлау": no space after the comma
        ("DLO113", "no space after ',' (clause 16 item 41)"),
        # Kazakh words typed with a Latin i for і (the same in print; search misses them)
        ("DLO116", "'жергiлiктi' is typed with Latin letters"),
        ("DLO116", "'мемлекеттiк' is typed with Latin letters"),
        ("DLO116", "'өзi' is typed with Latin letters"),
        ("DLO116", "'өзiн' is typed with Latin letters"),
        (
            "DLO116",
            "'өкiлеттiктердi' is typed with Latin letters among the Cyrillic ones: i (clause 17 item 10)",
        ),
        # approved by order of its head, whose title the import cannot put in the genitive
        ("DLO120", "position 'basshy' no kk title in the genitive"),
        # the source has no code: the import leaves it to write, with the kind's prefix
        ("DLO114", "the code is left to write: [[БЕ ?]]"),
    ],
    "jambyl-uptad-polozhenie.ru": [
        # items 3 and 20: "в соответствии с законодательствами обеспечение эффективного
        # использования республиканских и (или) бюджетных средств", word for word
        ("DLO107", "clause 16 item 20 nearly repeats clause 16 item 3 (100% similar"),
        ("DLO120", "position 'rukovoditel' no ru title in the genitive"),
        ("DLO114", "the code is left to write: [[ПП ?]]"),  # no code either
    ],
    "mnu-research-assistant.ru": [
        # its chapters: scope, abbreviations, general provisions, duties, rights,
        # responsibility, changes, agreement: none for these three parts of a job instruction
        # (the qualification requirements are clause 3.2 of "Общие положения")
        ("DLO110", "no chapter or paragraph 'normative references'"),
        ("DLO110", "no chapter or paragraph 'qualification requirements'"),
        ("DLO110", "no chapter or paragraph 'relationships'"),
        # "МНиВО РК – …" and "ДИ – Должностная инструкция" are listed and never used
        ("DLO104", "abbreviation МНиВО is defined (clause 2.1.1) but never used"),
        ("DLO104", "abbreviation ДИ is defined (clause 2.1.4) but never used"),
        # "УПО" is listed, then defined again in 8.1.4 "(УПО)", and used only on its own sheet
        ("DLO104", "abbreviation УПО is defined (clause 2.1.5) but never used"),
        ("DLO104", "abbreviation УПО is defined again (clause 8.1.4); clause 2.1.5 defines it"),
        # "ІТ-компетенциями": "IT" typed with the Cyrillic І and Т, defined nowhere
        ("DLO102", "abbreviation ІТ (clause 3.2)"),
        # "НЭБ" and "НПО" are used and defined nowhere
        ("DLO102", "abbreviation НЭБ (clause 4.1 item 1)"),
        ("DLO102", "abbreviation НПО (clause 4.1 item 2)"),
        ("DLO114", "the code is left to write: [[ДИ ?]]"),  # no code either
        # the text names no city (the Jambyl ones do: "город Тараз", proposed by the import)
        ("DLO122", "no ru city"),
    ],
}
CASES = [pytest.param(s, f, id=f"{s.stem}.{f}") for s in SOURCES for f in FORMATS]


def findings(project, dlo, source: Source, fmt: str) -> list[tuple[str, str]]:
    path = CORPUS / f"{source.stem}.{fmt}"
    result = dlo("import", path, "--id", "corpus", "--update-registry", cwd=project)
    assert result.code == 0, result.err
    check = dlo("check", "regulations/corpus/regulation.yaml", "--format", "json", cwd=project)
    return [(p["code"], p["message"]) for p in json.loads(check.out)["problems"]]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")
@pytest.mark.parametrize(("source", "fmt"), CASES)
def test_the_findings_on_an_imported_source_are_its_true_ones(project, dlo, source, fmt):
    found = findings(project, dlo, source, fmt)
    want = TRUE[source.stem]
    # every known true finding is there, each once
    for code, part in want:
        hits = [m for c, m in found if c == code and part in m]
        assert len(hits) == 1, f"{code} {part!r} not found once in {found}"
    # and nothing else: no false positive
    false_positives = [
        (c, m) for c, m in found if not any(c == code and part in m for code, part in want)
    ]
    assert false_positives == []
    assert len(found) == len(want)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # qualified by a participle or "который" after the comma: two different things
        ("закрепленным за ним имуществом и имуществом, приобретенным за счет средств", []),
        ("право и право, которое дано", []),
        ("бекітілген мүлікпен және мүлікпен, сатып алынған", []),
        # still a repetition: nothing after the comma qualifies it
        ("право и право, и обязанность", ["право"]),
        ("сайлануға және сайлануға, сондай-ақ", ["сайлануға"]),
        ("имуществом и имуществом.", ["имуществом"]),
    ],
)
def test_a_repeat_qualified_after_a_comma(text, found):
    assert [text[offset:end] for _, offset, end in repeats(text)] == found


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("утверждение маршрутов, расписаний движения", "ru", "утвер"),
        ("ведение реестра маршрутов регулярных перевозок", "ru", "веден"),
        ("выдача разрешения на размещение рекламы", "ru", "выдач"),
        ("в соответствии с законодательством обеспечение эффективного", "ru", "обесп"),
        ("осуществлять контроль за исполнением", "ru", "осуще"),
        ("разработка нормативных правовых актов", "ru", "разра"),
        ("маршруттарын және жүру кестелерін келісу;", "kk", "келіс"),
        ("маршруттарының тізілімін жүргізу;", "kk", "жүргі"),
        ("вести реестр маршрутов", "ru", "вести"),
        ("в области безопасности обеспечение контроля", "ru", "обесп"),
        ("Конституцию Республики Казахстан;", "ru", None),  # no action to tell
        ("ответственность за сохранность документов", "ru", None),  # nouns in -ость are none
    ],
)
def test_the_action_an_item_names(text, lang, act):
    assert duplicates.action(text, lang) == act


def test_labels_follow_the_documents_numbering():
    by_chapter = {9: ("4.1", "dashed"), 17: ("8.1", "subclauses"), 3: ("3", "numbered")}
    clause = Numbered("clause", None, 9, 9, (), 4, 1)
    dash = Numbered("item", None, 2, 9, (2,), 4)
    sub = Numbered("item", None, 4, 17, (4,), 8)
    nested = Numbered("item", None, 1, 17, (4, 1), 8)
    plain = Numbered("item", None, 2, 3, (2,), 1)
    assert [str(label(n, by_chapter)) for n in (clause, dash, sub, nested, plain)] == [
        "clause 4.1",
        "clause 4.1 item 2",
        "clause 8.1.4",
        "clause 8.1.4 item 1",  # printed "а)" inside sub-clause "8.1.4.": named after it
        "clause 3 item 2",
    ]
    # without the document's numbers: the running clause number, as before
    assert str(label(sub)) == "clause 17 item 4"


def test_a_name_is_taken_out_whole_only():
    names = [duplicates.stem_list("Research Assistant (Ассистент исследователя)")]
    found = duplicates.stem_list("Research Assistant (Ассистент исследователя) подчиняется Декану")
    assert duplicates.without_names(found, names) == ["подчи", "декан"]
    # a part of the title is not the title: "Ассистент" alone stays a word of the entry
    part = duplicates.stem_list("Ассистент подчиняется Декану")
    assert duplicates.without_names(part, names) == part
