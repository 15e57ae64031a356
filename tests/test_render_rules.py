"""Rendering refuses cleanly: missing languages, invalid input; and HTML escapes everything."""

from __future__ import annotations

import re
from pathlib import Path

from test_check import MINIMAL, write


def test_missing_language_is_an_error_at_its_languages(project, dlo):
    result = dlo("render", "dlo-head", "--lang", "ru", cwd=project)
    assert result.code == 1
    assert (
        "regulations/dlo-head/regulation.yaml:14:12: error DLO030: "
        "regulation 'dlo-head' has no 'ru' version (it has: kk)"
    ) in result.err
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
    assert (project / "build" / "dlo-head.kk.draft.docx").is_file(), "the valid one is rendered"
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
    assert (tmp_path / "elsewhere" / "dlo-head.kk.draft.html").is_file()
    assert not (project / "build").exists()


def test_html_escapes_markup_from_yaml(project, dlo):
    write(
        project,
        MINIMAL.replace("text: Мәтін.", "text: '<script>alert(1)</script> & <b>x</b>'").replace(
            "title: Бір", "title: '\"><img src=x onerror=alert(1)>'"
        ),
    )
    assert dlo("render", "t", "--format", "html", cwd=project).code == 0
    html = (project / "build" / "t.kk.draft.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;" in html
    # and were the escaping ever to fail, the page runs no script, loads nothing and posts
    # nowhere: it carries a policy of its own, as the site's pages do (it had none)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert policy is not None and "default-src 'none'" in policy[1].split("; ")
    assert "script-src" not in policy[1] and "form-action 'none'" in policy[1]


def test_bilingual_regulation_renders_both_languages(project, dlo):
    bilingual = (
        MINIMAL.replace("languages: [kk]", "languages: [kk, ru]")
        .replace("title: Тест", "title: {kk: Тест, ru: Тестовая}")
        .replace("title: Бір", "title: {kk: Бір, ru: Один}")
        .replace("text: Мәтін.", "text: {kk: Мәтін., ru: Текст.}")
    )
    write(project, bilingual)
    assert dlo("render", "t", "--format", "html", cwd=project).code == 0
    ru = (project / "build" / "t.ru.draft.html").read_text(encoding="utf-8")
    kk = (project / "build" / "t.kk.draft.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in ru and "Глава 1. Один" in ru and "1.</a> Текст." in ru
    assert '<html lang="kk">' in kk and "1 тарау. Бір" in kk


def test_a_template_is_compiled_once_per_source_and_its_errors_name_the_projects_file(
    tmp_path, dlo, monkeypatch
):
    """Two projects' identical copies of the HTML template are compiled once in a process; an
    edited copy is compiled anew and renders its own text; an error raised from code compiled
    for another project's copy names this project's file and line."""
    from conftest import _bundled_copy

    from dlo_docs.render import html

    compiled: list[str] = []
    real = html.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        compiled.append(str(filename))
        return real(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(html.Environment, "compile", counting)
    monkeypatch.setattr(html, "_COMPILED", html._Compiled())
    html._environment.cache_clear()
    template = Path("templates/html/regulation.html.j2")
    first, second, edited = (_bundled_copy(tmp_path / n) for n in ("a", "b", "c"))
    text = (first / template).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[1] = "<!-- EDITED COPY -->" + lines[1]
    (edited / template).write_text("".join(lines), encoding="utf-8")

    def render(root: Path):
        return dlo("--root", root, "render", "--format", "html", "--draft", "--out", root / "out")

    assert render(first).code == 0
    assert [f for f in compiled if f.endswith(template.name)] == [str(first / template)]
    assert render(second).code == 0
    assert [f for f in compiled if f.endswith(template.name)] == [str(first / template)]
    out = (second / "out" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert out == (first / "out" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert render(edited).code == 0
    assert compiled.count(str(edited / template)) == 1
    assert "<!-- EDITED COPY -->" in (edited / "out" / "dlo-head.kk.draft.html").read_text("utf-8")
    # code compiled for the first copy, failing in the second project: its file, its line
    (second / "templates/html/regulation.html.j2").write_text(text, encoding="utf-8")
    html._environment.cache_clear()
    monkeypatch.setattr(html, "_COMPILED", html._Compiled())
    assert render(first).code == 0
    broken = text.replace("{{", "{{ no_such_value ~", 1)
    line = text[: text.index("{{")].count("\n") + 1
    (second / template).write_text(broken, encoding="utf-8")
    (first / template).write_text(broken, encoding="utf-8")
    assert render(first).code == 1
    n = len(compiled)
    result = render(second)
    assert len(compiled) == n, "the second project's copy was compiled again"
    assert f"{template.as_posix()}:{line}:1: error DLO304" in result.err
    assert "templates/html/regulation.html.j2" in result.err and str(first) not in result.err
