"""Rendering refuses cleanly: missing languages, invalid input; and HTML escapes everything."""

from __future__ import annotations

from test_check import MINIMAL, write


def test_missing_language_is_a_usage_error(project, dlo):
    result = dlo("render", "dlo-head", "--lang", "ru", cwd=project)
    assert result.code == 2
    assert "regulation 'dlo-head' has no 'ru' version" in result.err
    assert not (project / "build").exists()


def test_missing_translation_names_every_place_and_writes_nothing(project, dlo):
    bilingual = MINIMAL.replace("languages: [kk]", "languages: [kk, ru]").replace(
        "title: Тест", "title: {kk: Тест, ru: Тест}"
    )
    write(project, bilingual)
    result = dlo("render", "t", "--lang", "ru", cwd=project)
    assert result.code == 1
    assert "regulations/t/regulation.yaml:16:10: error DLO030: no ru text here" in result.err
    assert "regulations/t/regulation.yaml:19:11: error DLO030: no ru text here" in result.err
    assert not (project / "build").exists(), "nothing is written when any output cannot be built"


def test_invalid_regulation_is_left_out_and_fails_the_render(project, dlo):
    write(project, MINIMAL.replace("unit: dlo", "unit: nowhere"))
    result = dlo("render", cwd=project)
    assert result.code == 1
    assert "regulations/t/regulation.yaml:6:7: error DLO020" in result.err
    assert not list((project / "build").glob("t.*")), "nothing of the invalid one is written"
    assert (project / "build" / "dlo-head.kk.docx").is_file(), "the valid one is rendered"
    result = dlo("render", "t", cwd=project)
    assert result.code == 1 and not list((project / "build").glob("t.*"))


def test_unknown_regulation_id(project, dlo):
    result = dlo("render", "no-such", cwd=project)
    assert result.code == 2 and "unknown regulation 'no-such'" in result.err
    result = dlo("render", "../../etc", cwd=project)
    assert result.code == 2 and "not a valid regulation id" in result.err


def test_out_folder_may_be_any_folder_the_user_can_write(project, dlo, tmp_path):
    result = dlo("render", "--format", "html", "--out", tmp_path / "elsewhere", cwd=project)
    assert result.code == 0, result.err
    assert (tmp_path / "elsewhere" / "dlo-head.kk.html").is_file()
    assert not (project / "build").exists()


def test_html_escapes_markup_from_yaml(project, dlo):
    write(
        project,
        MINIMAL.replace("text: Мәтін.", "text: '<script>alert(1)</script> & <b>x</b>'").replace(
            "title: Бір", "title: '\"><img src=x onerror=alert(1)>'"
        ),
    )
    assert dlo("render", "t", "--format", "html", cwd=project).code == 0
    html = (project / "build" / "t.kk.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in html


def test_bilingual_regulation_renders_both_languages(project, dlo):
    bilingual = (
        MINIMAL.replace("languages: [kk]", "languages: [kk, ru]")
        .replace("title: Тест", "title: {kk: Тест, ru: Тестовая}")
        .replace("title: Бір", "title: {kk: Бір, ru: Один}")
        .replace("text: Мәтін.", "text: {kk: Мәтін., ru: Текст.}")
    )
    write(project, bilingual)
    assert dlo("render", "t", "--format", "html", cwd=project).code == 0
    ru = (project / "build" / "t.ru.html").read_text(encoding="utf-8")
    kk = (project / "build" / "t.kk.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in ru and "Глава 1. Один" in ru and "1.</a> Текст." in ru
    assert '<html lang="kk">' in kk and "1 тарау. Бір" in kk
