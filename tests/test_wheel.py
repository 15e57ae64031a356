"""The installable package: the wheel carries the templates and label sets, so `dlo render` works
from an installation without the source tree; a project's own templates/ still comes first."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

from dlo_docs import validator

REPO = Path(__file__).resolve().parent.parent


PROBE_BASE = (
    "from dlo_docs.render.docx import stored; print(stored.BUILTIN, stored.builtin() is not None)"
)
PROBE_VALIDATOR = "from dlo_docs import validator; print(validator.COMPILED, validator.available())"


def _packages_in_tree() -> set[str]:
    """Every folder of dlo_docs/ that holds Python modules, as a dotted package name."""
    found = set()
    for path in (REPO / "dlo_docs").rglob("*.py"):
        if "__pycache__" not in path.parts:
            found.add(".".join(path.parent.relative_to(REPO).parts))
    return found


def test_the_wheel_lists_every_package_of_the_tree():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    assert listed == _packages_in_tree() | {"dlo_docs.templates"}


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow  # builds a wheel and a virtual environment
def test_an_installed_wheel_renders_with_its_own_templates_or_the_projects(project, tmp_path):
    # build from a copy, so the tree gets no build/ folder
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("dlo_docs", "templates"):
        shutil.copytree(REPO / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", dist, source, cwd=tmp_path)  # fmt: skip
    [wheel] = dist.glob("dlo_docs-*.whl")
    # a fresh environment: the wheel installed in it, the dependencies borrowed from ours
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).strip()
    )
    _run(sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile",
         "--target", site, wheel, cwd=tmp_path)  # fmt: skip
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = _run(python, "-c", "import dlo_docs.labels as l; print(l.BUNDLED)", cwd=tmp_path)
    assert Path(where.strip()) == site / "dlo_docs" / "templates"

    dlo = (python, "-c", "from dlo_docs.entry import run; run()")
    # the compiled message catalogues travel in the wheel: the command line speaks Russian
    mo = site / "dlo_docs" / "locale" / "ru" / "LC_MESSAGES" / "dlo.mo"
    assert (
        mo.is_file() and (site / "dlo_docs" / "locale" / "kk" / "LC_MESSAGES" / "dlo.mo").is_file()
    )
    assert "Использование:" in _run(*dlo, "--lang-ui", "ru", "--help", cwd=tmp_path, env=env)
    # and so does the built-in styled base, current for the code installed with it
    found = _run(python, "-c", PROBE_BASE, cwd=tmp_path, env=env)
    assert found.split() == [
        str(site / "dlo_docs" / "render" / "docx" / "builtin_base.json"),
        "True",
    ]
    # and so does the models' compiled schema: a first render validates without pydantic (with
    # the pydantic it was made for: another one validates with the models, see test_validator)
    found = _run(python, "-c", PROBE_VALIDATOR, cwd=tmp_path, env=env)
    made_for_it = validator.available()
    assert found.split() == [str(site / "dlo_docs" / "validator.json"), str(made_for_it)]
    shutil.rmtree(project / "templates")  # the project has none: the wheel's are used
    _run(*dlo, "render", "dlo-head", "--format", "docx", "--format", "html", cwd=project, env=env)
    html = (project / "build" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert (project / "build" / "dlo-head.kk.draft.docx").stat().st_size > 0
    assert "1 тарау." in html

    # the project's own templates/ (here: the bundled ones with another chapter label) come first
    shutil.copytree(REPO / "templates", project / "templates")
    kk = project / "templates" / "labels" / "kk.yaml"
    text = kk.read_text(encoding="utf-8")
    assert 'chapter: "{n} тарау. {title}"' in text
    kk.write_text(text.replace("{n} тарау.", "{n}-ТАРАУ."), encoding="utf-8")
    _run(*dlo, "render", "dlo-head", "--format", "html", cwd=project, env=env)
    html = (project / "build" / "dlo-head.kk.draft.html").read_text(encoding="utf-8")
    assert "1-ТАРАУ." in html and "1 тарау." not in html
