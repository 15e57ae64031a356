"""An option that takes one value, given twice, is refused: click keeps the last one silently,
so ``dlo render --lang kk --lang ru`` rendered Russian only, as if kk had not been asked for."""

from __future__ import annotations


def test_an_option_of_one_value_given_twice_is_refused(project, dlo):
    result = dlo("render", "dlo-head", "--lang", "kk", "--lang", "ru", cwd=project)
    assert result.code == 2, result.out + result.err
    assert "Error: --lang is given twice: it takes one value; give it once" in result.err
    assert "Traceback" not in result.err
    assert not (project / "build").exists()  # nothing rendered
    other = dlo("render", "dlo-head", "--out=a", "--out", "b", cwd=project)
    assert other.code == 2 and "--out is given twice" in other.err, other.err
    said = dlo("--lang-ui", "kk", "render", "dlo-head", "--lang", "kk", "--lang=kk", cwd=project)
    assert said.code == 2 and "--lang екі рет берілген" in said.err, said.err


def test_options_that_repeat_and_values_that_look_like_options_are_taken(project, dlo):
    """--format is given once per format; a value is whatever follows its option, so a folder
    named like an option is an output folder, not a second --lang."""
    result = dlo(
        "render", "dlo-head", "--format", "docx", "--format", "html", "--out", "--lang",
        "--lang", "kk", cwd=project,
    )  # fmt: skip
    assert result.code == 0, result.out + result.err
    assert {p.name for p in (project / "--lang").iterdir()} == {
        "dlo-head.kk.draft.docx",
        "dlo-head.kk.draft.html",
    }


def test_an_option_of_one_value_given_twice_in_its_short_form_is_refused(project, dlo):
    """``-j4`` is ``--jobs 4`` to click: ``-j4 -j2`` (or ``--jobs 1 -j2``) ran with 2 jobs, the
    first silently dropped, where ``-j 4 -j 2`` was refused."""
    for args in (("-j1", "-j2"), ("--jobs", "1", "-j2"), ("-j1", "--jobs=2")):
        result = dlo("check", "dlo-head", *args, cwd=project)
        assert result.code == 2, (args, result.out, result.err)
        assert "is given twice: it takes one value; give it once" in result.err, result.err
    assert dlo("check", "dlo-head", "-j2", cwd=project).code == 0
    assert dlo("check", "dlo-head", "-j", "2", cwd=project).code == 0


def test_an_option_of_dlo_itself_given_after_the_command_says_where_it_goes(project, dlo):
    """``dlo new … --lang-ui ru`` was click's "No such option '--lang-ui'. Did you mean
    '--lang'?": followed, ``--lang ru`` made a regulation in Russian only, where the clerk wanted
    the messages in Russian. The refusal now says the option is dlo's own, to be given before
    the command, in the language asked for; nothing is written."""
    made = ("new", "t1", "--kind", "job_instruction", "--position", "hr-head")
    result = dlo(*made, "--lang-ui", "ru", cwd=project)
    assert result.code == 2, result.out + result.err
    assert "Did you mean" not in result.err and "--lang'" not in result.err, result.err
    assert "--lang-ui — параметр самой команды dlo, а не new" in result.err, result.err
    assert "dlo --lang-ui ru new" in result.err, result.err
    assert not (project / "regulations" / "t1").exists()
    said = dlo("check", "dlo-head", "--lang-ui=kk", cwd=project)
    assert said.code == 2 and "dlo --lang-ui=kk check" in said.err, said.err
    assert "--lang-ui — dlo командасының өз параметрі" in said.err, said.err
    root = dlo("status", "dlo-head", "--root", str(project), cwd=project)
    assert root.code == 2, root.out + root.err
    assert "--root is an option of dlo itself, not of status" in root.err, root.err
    assert f"dlo --root {project} status" in root.err, root.err
    other = dlo("check", "--no-such", cwd=project)
    assert other.code == 2 and "No such option" in other.err, other.err  # click's, as before
