"""A project's own label set (``templates/labels/<lang>.yaml``): reworded labels are used, a
label of the wrong shape is an error at its place in the file before anything is written,
and a label the set lacks is the bundled one."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from dlo_docs import label_check, label_text, load
from dlo_docs import labels as labels_mod
from dlo_docs.chars import visible

LABELS = Path("templates") / "labels" / "kk.yaml"
HEADER = '  header: "{kind} {code} · {edition}"'
ORDER = '  approved_by_order: "{date} ж. № {number} бұйрығымен"'
NOTE = '  draft_note: "Жоба: бекітілмеген, қолданысқа енгізілмеген"'
# a draft's DOCX (the edition in force's is dlo-head.kk.docx): every render of the `project`
# fixture's dlo-head, and a --draft one of `in_force`'s
HEAD_DRAFT = "dlo-head.kk.draft.docx"


def edit(project: Path, old: str, new: str) -> str:
    """Replace the one line ``old`` of the project's Kazakh label set; the file's path as the
    errors show it."""
    path = project / LABELS
    text = path.read_text(encoding="utf-8")
    assert text.count(old + "\n") == 1, old
    path.write_text(text.replace(old + "\n", new + "\n"), encoding="utf-8")
    return LABELS.as_posix()  # as the project's other files: from the project's folder


def where(project: Path, needle: str) -> tuple[int, int]:
    """Line and column (from 1) of ``needle`` in the label set, as an editor shows them."""
    for n, line in enumerate((project / LABELS).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n, line.index(needle) + 1
    raise AssertionError(needle)


def refused_at(project: Path, dlo, at: str, words: str) -> None:
    """``dlo check`` and ``dlo render`` each say, on a line starting with ``at`` (the label's
    file:line:col and code), ``words``; the render writes nothing."""

    def said(out: str) -> bool:
        return any(line.startswith(at) and words in line for line in out.splitlines())

    check = dlo("check", cwd=project)
    assert check.code == 1 and said(check.out), check.out
    result = dlo("render", "dlo-head", "--format", "docx", "--format", "html", cwd=project)
    assert result.code == 1 and said(result.err), result.err
    assert "Traceback" not in result.err
    assert not (project / "build").exists()  # nothing written


RUN = re.compile(r"<w:t[^>]*>([^<]*)</w:t>|<w:noBreakHyphen/>")


def docx_text(path: Path) -> str:
    """The text of every part, a no-break hyphen as "-", a no-break space as " "."""
    with zipfile.ZipFile(path) as package:
        parts = [
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        ]
    text = "".join(
        m.group(1) if m.group(1) is not None else "-" for m in RUN.finditer("".join(parts))
    )
    return text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("line", "needle", "code", "words"),
    [
        ('  header: "{kind} {cod} · {edition}"', "{cod}", "DLO013", "{cod} is not one of"),
        ('  header: "{kind} {} · {edition}"', "{}", "DLO013", "{} is not one of"),
        ('  header: "{kind} {code!r} · {edition}"', "{code!r}", "DLO013", "{code!r} is not"),
        ('  header: "{kind:>9} {code} · {edition}"', "{kind:>9}", "DLO013", "{kind:>9} is not"),
        ('  header: "{code.__class__}"', "{code.__class__}", "DLO013", "is not one of"),
        (
            '  header: "{kind} {code} } {edition}"',
            "} {edition}",
            "DLO013",
            "a brace that is not one of its placeholders",
        ),
        ('  header: "{{cod}} {code}"', "{{cod}}", "DLO013", "a brace that is not one"),
        ('  header: "{kind}\\x01{code}"', "\\x01", "DLO013", "U+0001 is a control character"),
        ("  header: 5", "5", "DLO010", "must be a text"),
        ("  header: [a, b]", "[a, b]", "DLO010", "must be a text"),
        ("  heder: x", "heder", "DLO011", "unknown label form.heder"),
    ],
)
def test_a_label_of_the_wrong_shape_is_an_error_at_its_place(
    project, dlo, line, needle, code, words
):
    shown = edit(project, HEADER, line)
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1, result.err
    row, col = where(project, needle)
    assert f"{shown}:{row}:{col}: error {code}: label" in result.err or (
        code == "DLO011" and f"{shown}:{row}:{col}: error {code}: unknown label" in result.err
    )
    assert words in result.err and "Traceback" not in result.err and "internal" not in result.err
    assert not (project / "build").exists()  # nothing half-written


def test_every_command_that_prints_labels_refuses_such_a_set(in_force, dlo):
    edit(in_force, '  edition: "{n}-басылым"', '  edition: "{number}-басылым"')
    for args in (
        ("render", "dlo-head", "--format", "html"),
        ("site", "build", "--no-pdf"),
        ("diff", "dlo-head", "--from", "1", "--to", "draft", "--format", "html"),
        ("sheet", "agreement", "dlo-head"),
    ):
        result = dlo(*args, cwd=in_force)
        assert result.code == 1, (args, result.err)
        assert "DLO013: label diff.edition: {number} is not one of its placeholders" in result.err
        assert "its placeholders: {n}" in result.err and "Traceback" not in result.err
    assert not (in_force / "public").exists() and not (in_force / "build").exists()


def test_column_headings_keep_their_count(project, dlo):
    edit(
        project,
        '    columns: ["№", Лауазымы, Т.А.Ә., Қолы, Күні, Ескертпелер]',
        '    columns: ["№", А]',
    )
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1
    assert "label sheet.agreement.columns names 2 column(s); the table has 6" in result.err


def test_a_reworded_label_is_printed(project, dlo):
    edit(project, HEADER, '  header: "{code} — {edition} ({kind})"')
    assert dlo("render", "dlo-head", "--format", "docx", cwd=project).code == 0
    text = docx_text(project / "build" / HEAD_DRAFT)
    assert "ЛН ҮББИ 01-2024 — 1-басылым (Лауазымдық нұсқаулық)" in text.replace(
        "\u00a0", " "
    ).replace("\u2011", "-")


def test_labels_the_set_lacks_are_the_bundled_ones(project, dlo):
    path = project / LABELS
    text = path.read_text(encoding="utf-8")
    assert "# the official forms" in text
    path.write_text(text.split("# the official forms")[0], encoding="utf-8")  # no form:, sheet:
    words = labels_mod.labels("kk", project / "templates")
    assert words["form"] == labels_mod.labels("kk")["form"]
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    assert labels_mod.labels("kk")["sheet"]["agreement"]["title"] in docx_text(
        project / "build" / HEAD_DRAFT
    )


def test_an_older_set_without_the_paragraph_names_gets_the_bundled_ones(project):
    path = project / "templates" / "labels" / "ru.yaml"
    text = path.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("indent")]
    assert len(kept) == len(text.splitlines()) - 2
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    words = labels_mod.labels("ru", project / "templates")
    assert (
        words["diff"]["element"]["indent"] == labels_mod.labels("ru")["diff"]["element"]["indent"]
    )
    assert (
        words["diff"]["element"]["clause"] == labels_mod.labels("ru")["diff"]["element"]["clause"]
    )


def test_completed_keeps_the_projects_words_and_fills_the_rest():
    reference = {"a": "A", "g": {"x": "X", "y": "Y"}, "l": ["1", "2"]}
    words = {"g": {"y": "y!"}, "l": ["one", "two"]}
    assert label_check.completed(words, reference) == {
        "a": "A",
        "g": {"x": "X", "y": "y!"},
        "l": ["one", "two"],
    }
    assert reference == {"a": "A", "g": {"x": "X", "y": "Y"}, "l": ["1", "2"]}  # untouched


def test_the_bundled_sets_have_the_same_labels_and_placeholders():
    """Each bundled set checked against the other language's: the same labels, the same
    placeholders in each (only the notice of a text in the other language differs, the word
    for a draft, which the draft's mark and note must say, and the words by which a title
    names its kind, which are the language's grammar)."""
    for lang, other in (("kk", "ru"), ("ru", "kk")):
        path = labels_mod.BUNDLED / "labels" / f"{lang}.yaml"
        source, _ = load.parse(path.read_bytes(), path.as_posix())
        words = labels_mod.labels(lang)
        found = label_check.problems(
            words, labels_mod.labels(other), lambda source=source: source, lang
        )
        draft = labels_mod.labels(other)["form"]["draft_mark"]
        grammar = "is not wording but how a title is read: a project's set may not change it"
        assert [p.message for p in found] == [
            f"label kind_named.job_instruction {grammar}",
            f"label kind_named.unit_regulation {grammar}",
            "label approval_form_words.order is not wording but how the clause stating approval "
            "is read: a project's set may not change it",
            f"label form.draft_mark does not say {draft}: a draft's pages must say they are a "
            "draft",
            "label form.draft_note does not say the text is a draft: it must hold a word "
            f"beginning with {draft.capitalize()}",
            f"unknown label site.only_in.{other}",
        ]


def placeholderless(words: dict, loc: tuple = ()) -> list[tuple]:
    """Where the bundled set has a text without placeholders."""
    found = []
    for key, value in words.items():
        if isinstance(value, dict):
            found += placeholderless(value, (*loc, key))
        elif isinstance(value, str) and not label_text.placeholders(value):
            found.append((*loc, key))
    return found


def test_a_label_without_placeholders_prints_braces_as_written(in_force, dlo):
    """Braces in every label that has no placeholders: each output prints them as typed, none
    fails (an output that filled such a label by str.format would)."""
    from dlo_docs import load

    path = in_force / LABELS
    bundled = labels_mod.labels("kk")
    data = load.plain(load.parse(path.read_bytes(), "kk.yaml")[0].data)
    for loc in placeholderless(bundled):
        node = data
        for part in loc[:-1]:
            node = node[part]
        node[loc[-1]] = node[loc[-1]] + " {x} {{y}} }"
    path.write_text(load.dumps(data), encoding="utf-8")
    assert labels_mod.labels("kk", in_force / "templates")["form"]["draft_mark"].endswith("{{y}} }")
    for args in (
        ("check",),
        ("render", "dlo-head", "--draft", "--format", "docx", "--format", "html"),
        ("site", "build", "--no-pdf"),
        ("diff", "dlo-head", "--from", "1", "--to", "draft", "--format", "table"),
        ("diff", "dlo-head", "--from", "1", "--to", "draft", "--format", "html"),
        ("sheet", "changes", "dlo-head"),
        ("list", "--format", "xlsx", "--out", "list.xlsx"),
    ):
        result = dlo(*args, cwd=in_force)
        assert result.code == 0, (args, result.err)
    assert "ЖОБА {x} {{y}} }" in docx_text(in_force / "build" / HEAD_DRAFT)


def test_check_reports_a_broken_label_set_and_checks_on(project, dlo):
    """``dlo check`` reports a label set the outputs would refuse, in its own listing (as
    JSON too), and still lints every regulation; the Russian set of a project whose
    regulations are all Kazakh is checked too (the site prints both)."""
    clean = dlo("check", cwd=project)
    warnings = [line for line in clean.out.splitlines() if " warning DLO" in line]
    assert clean.code == 0 and warnings
    shown = edit(project, HEADER, '  header: "{kind} {cod} · {edition}"')
    ru = project / "templates" / "labels" / "ru.yaml"
    text = ru.read_text(encoding="utf-8")
    assert text.count('  page_of: "Стр. {page} из {pages}"') == 1
    ru.write_text(text.replace("Стр. {page} из {pages}", "Стр. {pag} из {pages}"), "utf-8")
    result = dlo("check", cwd=project)
    assert result.code == 1
    row, col = where(project, "{cod}")
    assert f"{shown}:{row}:{col}: error DLO013: label form.header: {{cod}}" in result.out
    assert "ru.yaml:" in result.out and "label form.page_of: {pag}" in result.out
    assert all(w in result.out for w in warnings)  # the lint still ran
    as_json = dlo("check", "--format", "json", cwd=project)
    assert '"code": "DLO013"' in as_json.out and "{cod}" in as_json.out


def test_positions_of_empty_labels_and_keys_that_are_not_text(project, dlo):
    shown = edit(project, HEADER, "  header:\n  5: x")
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1
    row, _ = where(project, "  header:")
    assert f"{shown}:{row}:3: error DLO010: label form.header must be a text" in result.err
    assert f"{shown}:{row + 1}:3: error DLO011: unknown label form.5" in result.err


def test_a_column_heading_is_named_by_its_number(project, dlo):
    line = '    columns: ["№", Лауазымы, Т.А.Ә., Қолы, Күні, Ескертпелер]'
    edit(
        project, line, '    columns: ["№", Лауазымы, Т.А.Ә., "Қолы {x}", Күні, "Ескерт\\x07пелер"]'
    )
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1
    assert "label sheet.agreement.columns #6: U+0007 is a control character" in result.err


def test_a_set_that_is_not_a_mapping(project, dlo):
    (project / LABELS).write_text("- a\n- b\n", encoding="utf-8")
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1
    assert "kk.yaml:1:1: error DLO010: the label set must be a mapping of labels" in result.err


def test_a_project_keeps_only_the_template_files_it_changes(in_force, dlo):
    """A project whose templates/ holds only its Kazakh label set and its own style sheet: the
    Russian set, the pages and the script are the bundled ones."""
    templates = in_force / "templates"
    own_css = "/* the university's own style */\n"
    for folder in ("html", "site", "new"):
        shutil.rmtree(templates / folder)
    (templates / "labels" / "ru.yaml").unlink()
    (templates / "site" / "static").mkdir(parents=True)
    (templates / "site" / "static" / "site.css").write_text(own_css, encoding="utf-8")
    edit(in_force, HEADER, '  header: "{code} — {edition}"')
    for args in (
        ("render", "dlo-head", "--format", "html", "--format", "docx"),
        ("site", "build", "--no-pdf"),
    ):
        result = dlo(*args, cwd=in_force)
        assert result.code == 0, (args, result.err)
    assert labels_mod.labels("ru", templates) is labels_mod.labels("ru")
    assert (in_force / "public" / "static" / "site.css").read_text(encoding="utf-8") == own_css
    bundled_js = labels_mod.BUNDLED / "site" / "static" / "search.js"
    assert (in_force / "public" / "static" / "search.js").read_bytes() == bundled_js.read_bytes()
    assert "ЛН ҮББИ 01-2024 — 1-басылым" in docx_text(in_force / "build" / "dlo-head.kk.docx")


def test_a_label_set_linked_to_itself_is_refused(project, dlo):
    (project / LABELS).unlink()
    (project / LABELS).symlink_to("kk.yaml")
    result = dlo("check", cwd=project)
    assert result.code == 1
    assert (
        "templates/labels/kk.yaml:1:1: error DLO009: the file is a symbolic link that leads back to itself"
        in result.out
    )
    assert "internal error" not in result.err


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("  order: []", "label approval_form_words.order lists nothing"),
        ('  order: [бұйрығ, ""]', "approval_form_words.order #2: an empty entry"),
    ],
)
def test_a_list_of_words_is_not_empty(project, dlo, line, words):
    edit(project, "  order: [бұйрығ, бұйрық]", line)
    result = dlo("check", cwd=project)
    assert result.code == 1 and words in result.out, result.out


def test_a_label_set_linked_out_of_the_project_is_refused(project, dlo, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((project / LABELS).read_text(encoding="utf-8"), encoding="utf-8")
    (project / LABELS).unlink()
    (project / LABELS).symlink_to(outside)
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 1 and "DLO009" in result.err, result.err
    assert not (project / "build").exists()


def test_a_control_character_in_the_text_is_dropped_by_every_docx(in_force, dlo):
    """A double-quoted escape can write a control character into a regulation's text: no
    DOCX can hold it, and each writer drops it (the comparison table and the translator's
    table failed on it)."""
    path = in_force / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  title: Қолдану саласы\n") == 1
    path.write_text(
        text.replace("  title: Қолдану саласы\n", '  title: "Қолдану\\x01 саласы"\n'), "utf-8"
    )
    for args in (
        ("diff", "dlo-head", "--from", "1", "--to", "draft", "--format", "table"),
        ("diff", "dlo-head", "--from", "1", "--to", "draft", "--format", "redline"),
        ("translate", "dlo-head", "--to", "ru", "--out", "t.docx"),
        ("render", "dlo-head", "--draft", "--format", "docx"),
        ("translate", "dlo-head", "--from", "t.docx"),
    ):
        result = dlo(*args, cwd=in_force)
        assert result.code == 0, (args, result.err)
        assert "refused" not in result.out or " 0 refused" in result.out, result.out
    table = next((in_force / "build").glob("dlo-head.kk.table-*.docx"))
    assert "Қолдану саласы" in docx_text(table)


def test_a_control_character_in_the_registry_is_dropped_by_the_register(in_force, dlo):
    path = in_force / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    ru: Отдел дистанционного обучения\n") == 1
    path.write_text(
        text.replace(
            "    ru: Отдел дистанционного обучения\n",
            '    ru: "Отдел\\x01 дистанционного обучения"\n',
        ),
        "utf-8",
    )
    text = path.read_text(encoding="utf-8")
    assert '"Отдел\\x01 дистанционного обучения"' in text
    for lang in ("kk", "ru"):
        result = dlo(
            "list", "--format", "xlsx", "--lang", lang, "--out", f"list.{lang}.xlsx", cwd=in_force
        )
        assert result.code == 0, result.err


@pytest.mark.parametrize(
    ("old", "line", "needle", "words"),
    [
        (HEADER, '  header: "{kind} {code}\\L{edition}"', "\\L", "form.header: U+2028"),
        ("  draft_mark: ЖОБА", '  draft_mark: "ЖОБА\\P"', "\\P", "form.draft_mark: U+2029"),
        (
            "    title: Келісім парағы",
            '    title: "Келісім\\u2028парағы"',
            "\\u2028",
            "sheet.agreement.title: U+2028",
        ),
        (
            '    columns: ["№", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
            '    columns: ["№", "Т.А.Ә.\\u2029", Лауазымы, Танысқан күні, Қолы]',
            "\\u2029",
            "sheet.acquaintance.columns #2: U+2029",
        ),
    ],
)
def test_a_line_or_paragraph_separator_in_a_label_is_refused(
    project, dlo, old, line, needle, words
):
    """U+2028 and U+2029 break the printed line where the file shows none (the DOCX writer put
    them into the run as typed, where Word breaks the line): refused in every label, at the
    character, as a control character is (the vertical tab, form feed and U+0085 are ones)."""
    shown = edit(project, old, line)
    row, col = where(project, needle)
    message = f"{shown}:{row}:{col}: error DLO013: label {words} is a line or paragraph separator"
    check = dlo("check", cwd=project)
    assert check.code == 1 and message in check.out, check.out
    result = dlo("render", "dlo-head", "--draft", "--format", "docx", cwd=project)
    assert result.code == 1 and message in result.err, result.err
    assert "write \\n" in result.err and "Traceback" not in result.err
    assert not (project / "build").exists()  # nothing written


def test_a_line_break_typed_into_a_label_is_refused_as_a_control_character(project, dlo):
    """The other characters that break a line inside a run — a vertical tab, a form feed,
    U+0085 — are control characters: refused as such, and U+2028 typed as it is, not escaped,
    as a separator (the file's lines are its line feeds)."""
    for escape, code in (("\\v", "U+000B"), ("\\f", "U+000C"), ("\\N", "U+0085")):
        edit(project, HEADER, f'  header: "{{kind}} {{code}}{escape}{{edition}}"')
        result = dlo("check", cwd=project)
        assert f"label form.header: {code} is a control character" in result.out, result.out
        edit(project, f'  header: "{{kind}} {{code}}{escape}{{edition}}"', HEADER)
    path = project / LABELS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(HEADER, '  header: "{kind} {code}\u2028{edition}"'), "utf-8")
    lines = path.read_text(encoding="utf-8").split("\n")
    row = next(n for n, line in enumerate(lines, 1) if "\u2028" in line)
    col = lines[row - 1].index("\u2028") + 1
    result = dlo("check", cwd=project)
    assert result.code == 1
    assert f"{LABELS.as_posix()}:{row}:{col}: error DLO013: label form.header: U+2028" in result.out


def test_check_of_a_label_set_by_its_path(project, dlo):
    """``dlo check templates/labels/kk.yaml`` checks the label set, not as a regulation."""
    assert dlo("check", LABELS.as_posix(), cwd=project).code == 0
    edit(project, HEADER, '  header: "{kind} {cod} · {edition}"')
    result = dlo("check", LABELS.as_posix(), cwd=project)
    assert result.code == 1 and "DLO013: label form.header: {cod}" in result.out
    assert "DLO012" not in result.out


def test_an_imported_long_text_with_a_control_character_is_written_and_found(project, dlo):
    """A text file whose long clause holds a control character: imported (it was a YAML error:
    a folded block cannot hold one), and DLO118 finds it in the imported regulation."""
    source = project / "cc.kk.txt"
    long = "Бөлім бастығы " + "оқу үдерісін ұйымдастырады және бақылайды, " * 4 + "есеп\x01 береді."
    source.write_text(f"1 тарау. Жалпы ережелер\n1. {long}\n", encoding="utf-8")
    result = dlo("import", source, "--id", "cc", "--position", "dlo-head", cwd=project)
    assert result.code == 0, result.err
    check = dlo("check", "regulations/cc", cwd=project)
    assert "DLO118: a control character (U+0001)" in check.out


def test_a_control_character_typed_into_the_file_is_placed(project, dlo):
    """A raw control character no YAML text holds: DLO001 at its line and column (was 1:1)."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if "Қолдану саласы" in line)
    col = lines[n].index("саласы")
    lines[n] = lines[n][:col] + "\x01" + lines[n][col:]
    path.write_text("".join(lines), encoding="utf-8")
    result = dlo("check", cwd=project)
    assert f"regulations/dlo-head/regulation.yaml:{n + 1}:{col + 1}: error DLO001" in result.out


def test_dlo_diff_prints_no_control_character(in_force, dlo, monkeypatch):
    monkeypatch.setenv("DLO_CLERK", "docs-head")
    assert dlo("revise", "dlo-head", "--by", "dlo-head", "--reason", "r", cwd=in_force).code == 0
    path = in_force / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("  title: Қолдану саласы\n") == 1
    path.write_text(
        text.replace("  title: Қолдану саласы\n", '  title: "Қолдану\\x1b]0;T\\x07 саласы"\n'),
        "utf-8",
    )
    result = dlo("diff", "dlo-head", cwd=in_force)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out and "]0;T" in result.out


def test_check_reads_the_registry_for_control_characters(project, dlo):
    """The registry's titles and names are printed on every document: a control character in
    one is DLO118 at it (every output dropped it silently)."""
    path = project / "regulations" / "registry.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    ru: Начальник отдела управления персоналом\n"
    assert text.count(old) == 1
    path.write_text(
        text.replace(old, '    ru: "Начальник отдела\\x01 управления персоналом"\n'), "utf-8"
    )
    n = next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if "\\x01" in line)
    result = dlo("check", cwd=project)
    assert result.code == 1
    assert (
        f"regulations/registry.yaml:{n}:26: error DLO118: a control character (U+0001)"
        in result.out
    )


def test_a_direction_override_in_a_registry_name_reaches_no_output(project, dlo):
    """A direction override in a name of the registry (the organisation's, which every form's
    running header prints) is DLO118 to dlo check, but a render printed it: the DOCX, and the
    page, showed "КЕАҚ «...»" reversed from the override on ("\u202egnp.exe" reads "exe.png").
    Every output drops the bidirectional controls, as it drops what XML cannot hold; the name's
    letters stay."""
    path = project / "regulations" / "registry.yaml"
    old = "    kk: «Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университеті» КЕАҚ\n"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    new = (
        '    kk: "«Ахмет Байтұрсынұлы атындағы\\u202e Қостанай өңірлік университеті» КЕАҚ\\u202c"\n'
    )
    path.write_text(text.replace(old, new), "utf-8")
    assert "DLO118" in dlo("check", cwd=project).out
    result = dlo(
        "render", "dlo-head", "--draft", "--format", "docx", "--format", "html", cwd=project
    )
    assert result.code == 0, result.out + result.err
    build = project / "build"
    with zipfile.ZipFile(build / "dlo-head.kk.draft.docx") as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    page = (build / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    for output in (xml, page):
        assert "\u202e" not in output and "\u202c" not in output
        assert "атындағы Қостанай өңірлік университеті» КЕАҚ" in output


# -- labels that print the journal's record, its blanks on a draft, and the draft's mark --------


@pytest.mark.parametrize(
    ("old", "line", "needle", "words"),
    [
        (
            "  draft_mark: ЖОБА",
            '  draft_mark: " "',
            '" "',
            "label form.draft_mark does not say ЖОБА: a draft's pages must say they are a draft",
        ),
        (
            "  removed: алынып тасталды; алдыңғы басылымдағы нөмірі",
            '  removed: "()"',
            '"()"',
            "label form.removed is blank: it marks what the text is",
        ),
        (
            '  approved_by_order: "{date} ж. № {number} бұйрығымен"',
            '  approved_by_order: "{date} ж. № 999-ЖАЛҒАН бұйрығымен"',
            '"{date} ж. № 999',
            "label form.approved_by_order prints the journal's record: it lacks {number}",
        ),
        (
            '  approved_by_order: "{date} ж. № {number} бұйрығымен"',
            '  approved_by_order: "{date} ж. № {number}, 01.01.2020 ж. № 999 бұйрығымен"',
            "01.01.2020",
            "label form.approved_by_order: 01.01.2020 is a date or an order's number of its own",
        ),
        (
            '  blank_order: "20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
            '  blank_order: "26.11.2026 ж. № 12 бұйрығымен"',
            "26.11",
            "label form.blank_order: 26.11.2026 is a date or an order's number of its own",
        ),
        (
            '  blank_order_of: "{official}\\n20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
            '  blank_order_of: "{official}\\n20___ ж. «___» ____________\\n№ ______ бұйрығымен 20"',
            "|бұйрығымен 20",
            "label form.blank_order_of: бұйрығымен 20 is a date or an order's number of its own",
        ),
        (  # the bundled "20___" is a year to fill in, not a number a label may print alone
            '  blank_order: "20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
            '  blank_order: "____ ж. «___» ____________\\n№ 20 бұйрығымен"',
            "№ 20",
            "label form.blank_order: № 20 is a date or an order's number of its own",
        ),
        (  # nor "20_": the blank is part of it
            '  blank_order_of: "{official}\\n20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
            '  blank_order_of: "{official}\\n____ ж. «20_» ____________\\n№ ______ бұйрығымен"',
            "«|20_",
            "label form.blank_order_of: 20 is a number of its own",
        ),
        (  # a mark of what the text is prints no number: the draft's note, beside its mark
            '  draft_note: "Жоба: бекітілмеген, қолданысқа енгізілмеген"',
            '  draft_note: "Жоба: 03.06.2024 ж. № 45-НҚ бұйрығымен бекітілген"',
            "Жоба: |03",
            "label form.draft_note: 03.06.2024 is a date or an order's number of its own",
        ),
        (  # the running header, on every page of every edition: no date or order of its own
            '  header: "{kind} {code} · {edition}"',
            '  header: "{kind} {code} · {edition} · 03.06.2024 ж. № 45-НҚ бұйрығымен"',
            "· |03.06",
            "label form.header: 03.06.2024 is a date or an order's number of its own",
        ),
        (  # a sheet is an official form too: its title prints no order of its own
            "    title: Келісім парағы",
            '    title: "Келісім парағы 03.06.2024 ж. № 45"',
            "парағы |03",
            "label sheet.agreement.title: 03.06.2024 is a date or an order's number of its own",
        ),
        (  # nor a column's heading, in letters drawn like digits
            '    columns: ["№", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
            '    columns: ["№ ІО", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
            '["|№ ІО"',
            "label sheet.acquaintance.columns #1: № ІО reads as № 10",
        ),
        (  # a right-to-left override prints the order's number reversed: ҚН-21 for 12-НҚ
            '  approved_by_order: "{date} ж. № {number} бұйрығымен"',
            '  approved_by_order: "{date} ж. № \u202e{number}\u202c бұйрығымен"',
            "№ |\u202e",
            "label form.approved_by_order: U+202E is a bidirectional control character",
        ),
        (  # the approval block's heading: of a kind of document, by order, by signature
            "    job_instruction: БЕКІТІЛДІ",
            '    job_instruction: " "',
            '" "',
            "label form.approved_kind.job_instruction is blank: it heads the title page's",
        ),
        (
            "    job_instruction: БЕКІТІЛДІ",
            '    job_instruction: "БЕКІТІЛДІ 26.11.2026 ж. № 12"',
            "26.11",
            "label form.approved_kind.job_instruction: 26.11.2026 is a date or an order's number of its own",
        ),
        (
            "  approved: БЕКІТІЛДІ",
            "  approved: БЕКІТІЛДІ № 12",
            "№ 12",
            "label form.approved: № 12 is a date or an order's number of its own",
        ),
        (
            "  approve: БЕКІТЕМІН",
            '  approve: "—"',
            '"—"',
            "label form.approve is blank: it heads the title page's approval block",
        ),
        # a number typed in letters drawn like digits (Cyrillic О and І, Latin l and O, З, б):
        # printed, it reads as the number, and is held to the same rules
        (  # the running header: "№ 10" on every page, in Cyrillic І and О
            '  header: "{kind} {code} · {edition}"',
            '  header: "{kind} {code} · {edition} · № ІО бұйрығымен"',
            "№ ІО",
            "label form.header: № ІО reads as № 10 (letters drawn like digits)",
        ),
        (  # a date, its month a word of two small letters joined to the day and the year
            '  header: "{kind} {code} · {edition}"',
            '  header: "{kind} {code} · {edition} · Зl.Об.2О2б ж."',
            "Зl.Об",
            "label form.header: Зl.Об.2О2б reads as 31.06.2026 (letters drawn like digits)",
        ),
        (  # the draft's note: a year, Cyrillic О for 0 and б for 6 beside digits
            '  draft_note: "Жоба: бекітілмеген, қолданысқа енгізілмеген"',
            '  draft_note: "Жоба: 2О2б ж. бекітілген"',
            "2О2б",
            "label form.draft_note: 2О2б reads as 2026 (letters drawn like digits)",
        ),
        (  # a draft's blank for the order: Latin l and O
            '  blank_order: "20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
            '  blank_order: "20___ ж. «___» ____________\\n№ lO бұйрығымен"',
            "№ lO",
            "label form.blank_order: № lO reads as № 10 (letters drawn like digits)",
        ),
        (  # one letter after "№": Cyrillic З for 3
            "  approved: БЕКІТІЛДІ",
            "  approved: БЕКІТІЛДІ № З",
            "№ З",
            "label form.approved: № З reads as № 3 (letters drawn like digits)",
        ),
        (  # a Roman numeral typed in Cyrillic І prints as one: a number on the draft's pages
            "  draft_mark: ЖОБА",
            "  draft_mark: ЖОБА ІІ",
            "ЖОБА |ІІ",
            "label form.draft_mark: ІІ reads as 11 (letters drawn like digits)",
        ),
    ],
)
def test_a_label_cannot_fake_an_approval_or_drop_the_draft_mark(
    project, dlo, old, line, needle, words
):
    """A project's own words for the approval block: a draft keeps its mark and blank lines,
    never a date or number; an approved edition prints its order as the journal records it."""
    shown = edit(project, old, line)
    row, col = where(project, needle.replace("|", ""))
    col += max(needle.find("|"), 0)  # "|": where in the needle the problem is
    check = dlo("check", cwd=project)
    assert check.code == 1
    assert f"{shown}:{row}:{col}: error DLO013: {words}" in check.out, check.out
    result = dlo("render", "dlo-head", "--format", "docx", "--format", "html", cwd=project)
    assert result.code == 1 and f"{shown}:{row}:{col}: error DLO013: {words}" in result.err
    assert "Traceback" not in result.err
    assert not (project / "build").exists()  # nothing written


# -- the draft's mark and note say it is a draft; the other marks and headings say something ---


@pytest.mark.parametrize(
    ("old", "line", "needle", "words"),
    [
        (
            "  draft_mark: ЖОБА",
            "  draft_mark: Д",
            "draft_mark: |Д",
            "form.draft_mark does not say ЖОБА",
        ),
        (
            "  draft_mark: ЖОБА",
            "  draft_mark: БЕКІТІЛДІ",
            "draft_mark: |БЕКІТІЛДІ",
            "form.draft_mark does not say ЖОБА",
        ),
        (
            "  draft_mark: ЖОБА",
            "  draft_mark: ЖОБАСЫЗ",
            "ЖОБАСЫЗ",
            "form.draft_mark does not say ЖОБА",
        ),
        (
            "  draft_mark: ЖОБА",
            "  draft_mark: ЖOБA",
            "ЖOБA",
            "form.draft_mark does not say ЖОБА",
        ),  # Latin O, A
        (
            "  draft_mark: ЖОБА",
            '  draft_mark: "\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\nЖОБА"',
            'draft_mark: |"',
            "form.draft_mark prints '\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n' before ЖОБА: "
            "the word would be pushed off the head of every page of a draft",
        ),  # line breaks: the mark's paragraph grows past the page's head, ЖОБА on no page
        (
            "  draft_mark: ЖОБА",
            "  draft_mark: " + "_" * 300 + " ЖОБА",
            "draft_mark: |___",
            "form.draft_mark prints '" + "_" * 300 + " ' before ЖОБА",
        ),
        (
            NOTE,
            '  draft_note: "Бекітілмеген, қолданысқа енгізілмеген"',
            '"Бекітілмеген',
            "form.draft_note does not say the text is a draft: it must hold a word beginning "
            "with Жоба",
        ),
        (
            "  paper: Түпнұсқасы қағаз түрінде",
            "  paper: Т",
            "paper: |Т",
            "form.paper is blank: it marks what the text is",
        ),
        (
            "  corrected: түзетілді",
            '  corrected: "*"',
            '"*"',
            "form.corrected is blank: it marks what the text is",
        ),
        (
            "  approved: БЕКІТІЛДІ",
            "  approved: Б.",
            "approved: |Б.",
            "form.approved is blank: it heads the title page's approval block",
        ),
    ],
)
def test_a_draft_says_it_is_one_and_a_mark_says_a_word(project, dlo, old, line, needle, words):
    """The draft's mark begins with the bundled mark's word as a word of its own (line breaks or
    text before it pushed it off every page: the PDF printed no ЖОБА), the draft's note holds a
    word beginning with it; the other marks and the approval block's headings a word of two
    letters or more: a letter alone passed, and a mark reading БЕКІТІЛДІ."""
    shown = edit(project, old, line)
    row, col = where(project, needle.replace("|", ""))
    col += max(needle.find("|"), 0)
    check = dlo("check", cwd=project)
    assert check.code == 1
    assert f"{shown}:{row}:{col}: error DLO013: label {words}" in check.out, check.out
    result = dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project)
    assert result.code == 1 and f"{shown}:{row}:{col}: error DLO013: " in result.err
    assert not (project / "build").exists()  # nothing written


def test_a_draft_mark_and_note_in_other_words_pass(project, dlo):
    """The draft's word in small letters, with other words beside it, and a note that says it
    in another form of the word, are printed."""
    edit(project, "  draft_mark: ЖОБА", "  draft_mark: «Жоба» (талқылау үшін)")
    edit(project, NOTE, '  draft_note: "Құжат жобасы: әлі бекітілмеген"')
    edit(project, "  paper: Түпнұсқасы қағаз түрінде", "  paper: Қағаз түпнұсқа")
    assert dlo("check", cwd=project).code == 0
    result = dlo("render", "dlo-head", "--format", "docx", "--draft", cwd=project)
    assert result.code == 0, result.err
    text = docx_text(project / "build" / HEAD_DRAFT)
    assert "«Жоба» (талқылау үшін)" in text


# -- the grammar of a label set: how a title names its kind --------------------------------------


def test_the_phrases_naming_a_kind_are_not_a_projects_to_change(project, dlo):
    """``kind_named`` decides which titles print without the kind's heading: a project's set
    that changes it ("[н]": every title with a word in н… would lose the heading) is refused;
    one that leaves it out reads titles as the bundled set does."""
    shown = edit(project, '  job_instruction: ["… лауазымды нұсқаулы"]', "  job_instruction: [н]")
    row, col = where(project, "[н]")
    check = dlo("check", cwd=project)
    assert check.code == 1
    assert (
        f"{shown}:{row}:{col}: error DLO013: label kind_named.job_instruction is not wording but "
        "how a title is read" in check.out
    ), check.out
    assert "… лауазымды нұсқаулы" in check.out  # the hint: the bundled phrases
    result = dlo("render", "dlo-head", "--format", "docx", "--format", "html", cwd=project)
    assert result.code == 1 and f"{shown}:{row}:{col}: error DLO013: " in result.err
    assert not (project / "build").exists()  # nothing written
    edit(project, "  job_instruction: [н]", '  job_instruction: ["… лауазымды нұсқаулы"]')
    edit(project, '  unit_regulation: ["… ереже"]', "")
    assert dlo("check", cwd=project).code == 0
    words = labels_mod.labels("kk", project / "templates")
    assert words["kind_named"] == labels_mod.labels("kk")["kind_named"]


# -- the characters a label may hold: the organisation's words, a whitelist ----------------------


@pytest.mark.parametrize(
    ("old", "line", "char"),
    [
        # letters of other alphabets drawn like digits: Latin Extended, Lisu
        (ORDER, '  approved_by_order: "{date} ж. № {number}ƻ бұйрығымен"', "ƻ"),
        (HEADER, '  header: "{kind} {code} · {edition} · № Ɩ5"', "Ɩ"),
        (NOTE, '  draft_note: "Жоба: Ƽ бекітілмеген"', "Ƽ"),
        ("  draft_mark: ЖОБА", "  draft_mark: ЖОБА Ƨ", "Ƨ"),
        ("    title: Келісім парағы", '    title: "Келісім парағы № ꓲꓳ"', "ꓲ"),
        # letters that print as nothing or as a tick: a draft mark that says nothing
        ("  draft_mark: ЖОБА", '  draft_mark: "\ua8f2"', "\ua8f2"),
        ("  draft_mark: ЖОБА", "  draft_mark: ꞌ", "ꞌ"),
        ("  draft_mark: ЖОБА", '  draft_mark: "\u02bc"', "\u02bc"),
        ("  draft_mark: ЖОБА", '  draft_mark: "\u3164"', "\u3164"),
        # zero-width, joining and soft-hyphen characters
        ("  draft_mark: ЖОБА", '  draft_mark: "Ж\u200bОБА"', "\u200b"),
        ("  draft_mark: ЖОБА", "  draft_mark: ЖО\u034fБА", "\u034f"),
        (NOTE, '  draft_note: "Жоба: бекі\\u00adтілмеген"', "\\u00ad"),  # as an escape
        # other forms of digits and marks: superscripts, circled, full-width, the ordinal º
        (ORDER, '  approved_by_order: "{date} ж. № {number}⁴⁵ бұйрығымен"', "⁴"),
        (
            '    columns: ["№", Лауазымы, Т.А.Ә., Қолы, Күні, Ескертпелер]',
            '    columns: ["№ ④", Лауазымы, Т.А.Ә., Қолы, Күні, Ескертпелер]',
            "④",
        ),
        (HEADER, '  header: "{kind} {code} · {edition} · 03．06．2024"', "．"),
        ("    title: Келісім парағы", '    title: "Келісім парағы Nº 45"', "º"),
        ("  approved: БЕКІТІЛДІ", '  approved: "БЕКІТІЛДІ\t"', "\t"),
    ],
)
def test_a_label_holds_only_letters_digits_and_common_punctuation(project, dlo, old, line, char):
    """A character outside the labels' repertoire (letters of the Kazakh, Russian and Latin
    alphabets, digits, common punctuation) is refused at it, by check and by render, whatever
    the label: each of these passed the label checks, printing a number or a word they did not
    read as printed."""
    shown = edit(project, old, line)
    row, col = where(project, char)
    printed = char.encode().decode("unicode_escape") if char.startswith("\\") else char
    # as a terminal is shown it: a character that prints as nothing by its code (chars.visible)
    message = f"U+{ord(printed):04X} {visible(repr(printed))} is not a character labels may hold"
    refused_at(project, dlo, f"{shown}:{row}:{col}: error DLO013: label ", message)


def test_the_words_stating_the_form_of_approval_are_not_a_projects_to_change(project, dlo):
    """``approval_form_words`` are how DLO101 reads the clause stating approval: a project's set
    that changed them ("[zzz]") let a regulation approved by the official's signature say that
    an order approves it, dlo check clean, the title page printing БЕКІТЕМІН over a text naming
    an order; now the set is refused at the value."""
    shown = edit(project, "  order: [бұйрығ, бұйрық]", "  order: [zzz]")
    row, col = where(project, "[zzz]")
    refused_at(
        project,
        dlo,
        f"{shown}:{row}:{col}: error DLO013: ",
        "label approval_form_words.order is not wording but how the clause stating approval is "
        "read",
    )


def test_letters_drawn_like_digits_are_a_number_only_in_a_word_made_like_one(project, dlo):
    """A word made only of digits and letters drawn like them reads as a number when it holds a
    digit, has two characters or more none of them a small letter, or follows "№"; a word of
    the language is none: a preposition (о, об), a word with another letter (Іс, Із)."""
    path = project / RU_LABELS
    text = path.read_text(encoding="utf-8")
    old = '  draft_note: "Проект: не утвержден, в действие не введен"\n'
    assert text.count(old) == 1

    def read(note: str) -> list[str]:
        path.write_text(text.replace(old, f'  draft_note: "{note}"\n'), encoding="utf-8")
        return [p.message for p in labels_mod.problems(project / "templates", ["ru"])]

    for words in (
        "Проект об отделе, о нём",
        "Проект. Об отделе",
        "Проект: Іс, Із, оз, ч",
        "ПРОЕКТ (IV, XII)",
    ):
        assert read(words) == [], words
    for note, number, digits in (
        ("Проект 1О", "1О", "10"),  # beside a digit
        ("Проект Об.01", "Об.01", "06.01"),  # joined to a number: a day and a month
        ("Проект ОІ", "ОІ", "01"),  # two capitals
        ("Проект № о", "№ о", "№ 0"),  # after "№": an order's number
        ("Проект 2Ч", "2Ч", "24"),  # Ч drawn like a 4
        ("Проект ЧО", "ЧО", "40"),
    ):
        [message] = read(note)
        said = f"label form.draft_note: {number} reads as {digits} (letters drawn like digits): a "
        assert message.startswith(said) and "of its own, which the label would print" in message


# -- a label read as printed: its placeholders filled, its numbers those of the bundled text ----

CITY_YEAR = '  city_year: "{city} {year} ж."'
TITLE = "    title: Келісім парағы"
DATED = "is a date or an order's number of its own"


@pytest.mark.parametrize(
    ("old", "line", "needle", "words"),
    [
        # digits or letters drawn like digits beside a placeholder make the journal's number
        # another: № 450 for order 45, 4545, 45-1, 454; a clause 11, 12 ... for 1, 2 ...
        (
            ORDER,
            '  approved_by_order: "{date} ж. № {number}О бұйрығымен"',
            "{number}О",
            "label form.approved_by_order: {number}О reads as 70 when {number} is 7",
        ),
        (
            ORDER,
            '  approved_by_order: "{date} ж. № {number}{number} бұйрығымен"',
            "{number}|{number}",
            "label form.approved_by_order: {number} is written more often than in the bundled "
            "text (1)",
        ),
        (
            ORDER,
            '  approved_by_order: "{date} ж. № {number}-І бұйрығымен"',
            "{number}-|І",
            "label form.approved_by_order: І reads as 1 (letters drawn like digits)",
        ),
        (
            ORDER,
            '  approved_by_order: "{date} ж. № {number}Ч бұйрығымен"',
            "{number}Ч",
            "label form.approved_by_order: {number}Ч reads as 74 when {number} is 7",
        ),
        ('clause: "{n}."', 'clause: "1{n}."', "1{n}", "label clause: 1{n} reads as 17 when {n}"),
        ('item: "{n})"', 'item: "{n}.1)"', "{n}.|1", "label item: 1 is a number of its own"),
        ('clause: "{n}."', 'clause: "Тармақ."', '"Тармақ', "label clause lacks {n}, which the"),
        # a day, a month or a year beside a placeholder: a date of the label's own
        (
            CITY_YEAR,
            '  city_year: "{city} 01.06.{year} ж."',
            "01.06",
            "label form.city_year: 01.06.{year}, read with its placeholders filled in "
            "(01.06.2007), " + DATED,
        ),
        (
            CITY_YEAR,
            '  city_year: "{city} маусым {year} ж."',
            "маусым",
            "label form.city_year: маусым {year}, read with its placeholders filled in (маусым "
            "2007), " + DATED,
        ),
        (HEADER, '  header: "{kind} {code} · {edition} · 2026 ж."', "2026", "form.header: 2026 "),
        # a date or an order's number in any written form, in a label without placeholders
        (TITLE, "    title: Келісім парағы 26-11-2026", "26-11", "26-11-2026 " + DATED),
        (TITLE, "    title: Келісім парағы 26 11 2026", "26 11", "26 11 2026 " + DATED),
        (TITLE, "    title: Келісім парағы 26.XI.2026", "26.XI", "26.XI.2026 " + DATED),
        (TITLE, "    title: Келісім парағы 03 маусым 2024 ж.", "03", "03 маусым 2024 " + DATED),
        (TITLE, "    title: Келісім парағы 3 июня 2024 г.", "3 июня", "3 июня 2024 " + DATED),
        (TITLE, "    title: Келісім парағы 2026 жылғы", "2026", "2026 " + DATED),
        (TITLE, "    title: Келісім парағы, маусымның 3-і", "маусымның", "маусымның 3 " + DATED),
        (TITLE, "    title: Келісім парағы Nо 45", "Nо", "Nо 45 " + DATED),  # Cyrillic о
        # an order's number without №, next to the word for an order or a number
        (
            TITLE,
            "    title: Келісім парағы (45-НҚ бұйрығымен бекітілген)",
            "45-НҚ",
            "45-НҚ бұйрығымен " + DATED,
        ),
        (
            TITLE,
            "    title: Келісім парағы, бұйрық ЧО",
            ", |бұйрық ЧО",
            "бұйрық ЧО reads as бұйрық 40",
        ),
        (TITLE, "    title: Лист согласования, приказ номер 45", "номер", "номер 45 " + DATED),
        # an English month's short form without its full stop, a year's word after a hyphen
        (TITLE, "    title: Келісім парағы, Nov 26, 2026", "Nov", "Nov 26 " + DATED),
        (TITLE, "    title: Келісім парағы 2026-жылы", "2026", "2026 " + DATED),
        (
            '    columns: ["№", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
            '    columns: ["№ Ч5", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
            "№ Ч5",
            "label sheet.acquaintance.columns #1: № Ч5 reads as № 45 (letters drawn like digits)",
        ),
        (  # a draft's blank that prints a month
            '  date_line: "«___» ____________ 20___ ж."',
            '  date_line: "«___» маусым 20___ ж."',
            "«|___» маусым",
            "label form.date_line: ___» маусым " + DATED,
        ),
    ],
)
def test_a_label_read_with_its_placeholders_filled_prints_no_number_of_its_own(
    project, dlo, old, line, needle, words
):
    """A label is read as printed, each placeholder filled with a sample of its kind: its
    numbers must be its bundled text's (each placeholder kept, none written more often, nothing
    joined to one), and no label writes a date or an order's number of its own in any form."""
    shown = edit(project, old, line)
    row, col = where(project, needle.replace("|", ""))
    col += max(needle.find("|"), 0)
    refused_at(project, dlo, f"{shown}:{row}:{col}: error DLO013: ", words)


def test_form_codes_number_signs_and_other_wording_pass(project, dlo):
    """What a project rewords legitimately passes and is printed: a form code in a sheet's
    title, "№" as a column heading or in one, the record's placeholders in another order, a
    chapter's number written otherwise."""
    edit(project, TITLE, '    title: "Келісім парағы (Ф-01)"')
    edit(project, "    title: Танысу парағы", "    title: Танысу парағы ҚП 082-2022")
    edit(
        project,
        '    columns: ["№", Т.А.Ә., Лауазымы, Танысқан күні, Қолы]',
        '    columns: [Реттік №, Т.А.Ә., Лауазымы, "Танысқан күні (№, күні)", Қолы]',
    )
    edit(project, ORDER, '  approved_by_order: "№ {number} бұйрықпен ({date} ж.)"')
    edit(project, CITY_YEAR, '  city_year: "{city} қаласы, {year} жыл"')
    edit(project, 'chapter: "{n} тарау. {title}"', 'chapter: "{n}-тарау. {title}"')
    assert dlo("check", cwd=project).code == 0
    result = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert result.code == 0, result.err
    text = docx_text(project / "build" / HEAD_DRAFT)
    for printed in ("Келісім парағы (Ф-01)", "ҚП 082-2022", "Реттік №", "(№, күні)", "1-тарау."):
        assert printed in text, printed


def test_a_reworded_approval_block_keeping_its_record_and_blanks_is_printed(project, dlo):
    """The rules forbid a record of the label's own, not rewording: the bundled placeholders
    kept, the blank's own "20___" moved (the rector's title in the genitive: blank_order_of)."""
    edit(
        project,
        '  blank_order_of: "{official}\\n20___ ж. «___» ____________\\n№ ______ бұйрығымен"',
        '  blank_order_of: "{official}\\n«___» ____________ 20___ ж. № ______ бұйрығы"',
    )
    edit(
        project,
        '  approved_by_order: "{date} ж. № {number} бұйрығымен"',
        '  approved_by_order: "№ {number} бұйрық ({date} ж.)"',
    )
    edit(project, "  draft_mark: ЖОБА", "  draft_mark: ЖОБА (талқылауға)")
    assert dlo("check", cwd=project).code == 0
    ok = dlo("render", "dlo-head", "--format", "docx", cwd=project)
    assert ok.code == 0, ok.err
    text = docx_text(project / "build" / HEAD_DRAFT)
    assert "ЖОБА (талқылауға)" in text and "«___» ____________ 20___ ж. № ______ бұйрығы" in text


# -- the approval's word for each kind of document --------------------------------------------

RU_LABELS = Path("templates") / "labels" / "ru.yaml"
PER_KIND = "  approved_kind:\n    job_instruction: УТВЕРЖДЕНА\n    unit_regulation: УТВЕРЖДЕНО\n"


def ru_set(project: Path, approved: str = "УТВЕРЖДЕНО", more: str = "") -> None:
    """The project's Russian label set as written before the approval had a word for each kind
    (the bundled one without ``approved_kind``), with ``approved`` and ``more`` after it."""
    text = (labels_mod.BUNDLED / "labels" / "ru.yaml").read_text(encoding="utf-8")
    old = "  approved: УТВЕРЖДЕНО\n"
    assert text.count(PER_KIND) == 1 and text.count(old) == 1
    new = f"  approved: {approved}\n{more}"
    (project / RU_LABELS).write_text(text.replace(PER_KIND, "").replace(old, new), "utf-8")


def ru_headings(project: Path, dlo) -> dict[str, str]:
    """The heading of the Russian title page's approval block of the bilingual fixture (a
    draft), as a unit regulation and as a job instruction."""
    from site_support import UNIT, add_unit, replace
    from test_approval_block import title_block

    add_unit(project)
    found = {}
    for kind in ("unit_regulation", "job_instruction"):
        if kind == "job_instruction":
            replace(project, UNIT, "kind: unit_regulation\n", f"kind: {kind}\nposition: dlo-head\n")
        result = dlo("render", UNIT, "--format", "docx", "--lang", "ru", cwd=project)
        assert result.code == 0, result.err
        found[kind] = title_block(project, f"{UNIT}.ru.draft.docx")[0]
    return found


def test_a_set_written_before_the_words_for_each_kind_keeps_working(project, dlo):
    """A set that keeps the bundled ``approved`` takes the bundled word of each kind (a job
    instruction is УТВЕРЖДЕНА); one that rewords it prints its own word for every kind."""
    ru_set(project)
    assert ru_headings(project, dlo) == {
        "unit_regulation": "УТВЕРЖДЕНО",
        "job_instruction": "УТВЕРЖДЕНА",
    }
    ru_set(project, "Утверждено")
    assert ru_headings(project, dlo) == {
        "unit_regulation": "Утверждено",
        "job_instruction": "Утверждено",
    }
    assert labels_mod.problems(project / "templates", ["ru"]) == []


def test_a_set_words_the_approval_for_one_kind(project, dlo):
    """A kind the set words prints its word; a kind it does not, its reworded ``approved``."""
    ru_set(project, "Утверждено", "  approved_kind:\n    job_instruction: Утверждена\n")
    assert ru_headings(project, dlo) == {
        "unit_regulation": "Утверждено",
        "job_instruction": "Утверждена",
    }
