"""``dlo import FILE.docx --onto ID`` with the corpus's real documents (``../shared/corpus/``): the
Jambyl department's regulation is published in Kazakh (ереже) and in Russian (положение), the same
5 chapters, 27 clauses and 69 items; a university bringing it in imports one text and then the
other's Word file onto it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_corpus import CORPUS, SOURCES, Source, counts, imported
from test_import_support import load_model

from dlo_docs.model import Regulation

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not beside the clone")

KK = next(s for s in SOURCES if s.stem == "jambyl-uptad-ereje.kk")
RU = next(s for s in SOURCES if s.stem == "jambyl-uptad-polozhenie.ru")
MNU = next(s for s in SOURCES if s.stem == "mnu-research-assistant.ru")


def texts(model: Regulation, lang: str) -> list[str | None]:
    """Every chapter title, clause and item text of ``model`` in ``lang``, in document order."""
    main = model.main_lang

    def said(text) -> str | None:
        return text.get(lang) if isinstance(text, dict) else text if lang == main else None

    found: list[str | None] = []
    for chapter in model.chapters:
        found.append(said(chapter.title))
        for clause in chapter.clauses:
            found.append(said(clause.text))
            found += [said(item.text) for item in clause.items]
    return found


def regulation_text(project: Path) -> str:
    return (project / "regulations" / "corpus" / "regulation.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "other", "fmt"),
    [(KK, RU, "pandoc.docx"), (KK, RU, "lo.docx"), (RU, KK, "pandoc.docx")],
    ids=["kk+ru.pandoc", "kk+ru.lo", "ru+kk.pandoc"],
)
def test_the_other_language_s_docx_is_put_beside_the_text(
    project, dlo, first: Source, other: Source, fmt: str
):
    """Before, the Russian DOCX imported onto the Kazakh regulation was taken for its Kazakh text:
    all 101 elements were replaced by Russian ones ('0 kept; 101 new'), under languages: [kk],
    and nothing was said of the Kazakh text gone."""
    kept, _ = imported(project, dlo, first, "txt")
    result = dlo("import", CORPUS / f"{other.stem}.{fmt}", "--onto", "corpus", cwd=project)
    assert result.code == 0, result.err
    assert "DLO511" in result.err and f"{other.lang} is added to languages" in result.err
    assert "101 element(s) took the DOCX's text by their place" in result.err
    both = load_model(project, "corpus")
    assert both.languages == [first.lang, other.lang]
    assert counts(both) == counts(kept)
    # the first text as it was, element for element (its ids and source numbers too)
    assert texts(both, first.lang) == texts(kept, first.lang)
    assert [c.id for _, _, c in both.clauses()] == [c.id for _, _, c in kept.clauses()]
    # the other language's text is the other source's, element for element
    alone, _ = _imported_alone(project, dlo, other)
    assert texts(both, other.lang) == texts(alone, other.lang)
    # and its title, the other source's title line, beside the first one's (DLO112 otherwise)
    assert both.title == {first.lang: kept.title[first.lang], other.lang: alone.title[other.lang]}


def _imported_alone(project: Path, dlo, source: Source) -> tuple[Regulation, str]:
    result = dlo(
        "import", CORPUS / f"{source.stem}.txt", "--id", "alone", "--update-registry", cwd=project
    )
    assert result.code == 0, result.err
    return load_model(project, "alone"), result.err


def test_a_docx_in_a_new_language_whose_elements_are_not_the_regulation_s_is_refused(project, dlo):
    """MNU's job instruction in Russian onto the Jambyl regulation in Kazakh: its 8 chapters cannot
    be put beside the regulation's 5; before, they replaced them."""
    imported(project, dlo, KK, "txt")
    before = regulation_text(project)
    result = dlo("import", CORPUS / f"{MNU.stem}.pandoc.docx", "--onto", "corpus", cwd=project)
    assert result.code != 0
    assert "nothing was written" in result.err
    assert "8 chapter(s), 0 paragraph(s), 19 clause(s), 37 item(s) in the DOCX" in result.err
    assert "5 chapter(s), 0 paragraph(s), 27 clause(s), 69 item(s) in the regulation" in result.err
    assert "dlo translate" in result.err
    assert regulation_text(project) == before


def test_an_element_kept_in_the_first_language_alone_is_said_when_the_other_s_docx_drops_it(
    project, dlo
):
    """The Kazakh and Russian regulation, then a clause added in Kazakh alone: the Russian Word
    file imported again has no such clause, and the clause went with its Kazakh text unsaid
    (DLO509 named only texts written as a mapping, not a plain text, the first language's)."""
    imported(project, dlo, KK, "txt")
    ru = CORPUS / f"{RU.stem}.pandoc.docx"
    assert dlo("import", ru, "--onto", "corpus", cwd=project).code == 0
    path = project / "regulations" / "corpus" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    added = "      - id: qosylghan\n        text: Басқарма жыл сайын есеп береді.\n"
    anchor = "  - id: memlekettik-organnyn-missiyasy\n"
    assert text.count(anchor) == 1, "the second chapter's id"
    path.write_text(text.replace(anchor, added + anchor), encoding="utf-8")
    result = dlo("import", ru, "--onto", "corpus", cwd=project)
    assert result.code == 0, result.err
    assert "DLO509" in result.err
    said = next(line for line in result.err.splitlines() if "DLO509" in line)
    assert "'qosylghan'" in said and "its kk text" in said
