"""The shape of the code: imports go down the layers of tools/import_graph.py, no package uses
another's private names, and docs/architecture.md shows the import graph as it is."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "dlo_docs"


def _tool():
    name = "dlo_tools_import_graph"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "tools" / "import_graph.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


graph = _tool()


def test_every_module_imports_only_its_layer_or_below():
    assert graph.layer_violations(PACKAGE) == []


def test_no_module_uses_another_packages_private_names():
    assert graph.private_uses(PACKAGE) == []


def test_the_graph_sees_every_kind_of_import():
    """The checks rest on the graph: a function-level import, a lazy module and a TYPE_CHECKING
    import of the real package are all in it."""
    edges = {(i.source, i.target) for i in graph.imports(PACKAGE)}
    assert ("dlo_docs.cli.core", "dlo_docs.api") in edges  # lazy.module("dlo_docs.api")
    assert ("dlo_docs.cli.workflow", "dlo_docs.workflow") in edges
    assert ("dlo_docs.workflow.guards", "dlo_docs.lint") in edges
    assert len(edges) > 300


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "dlo_docs"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_an_import_from_a_layer_above_is_reported(tmp_path):
    root = _package(
        tmp_path,
        {
            "errors.py": """
                from . import lazy
                api = lazy.module("dlo_docs.api")
                def late():
                    from .workflow import journal
            """,
            "lazy.py": "",
            "api.py": "from .errors import late\n",
            "workflow/__init__.py": "",
            "workflow/journal.py": "from ..cli import main\n",
            "cli.py": "main = 1\n",
            "gadget.py": "",
        },
    )
    problems = "\n".join(graph.layer_violations(root))
    assert "errors.py:3: dlo_docs.errors (layer base) imports dlo_docs.api (layer api" in problems
    assert "errors.py:5: dlo_docs.errors (layer base) imports dlo_docs.workflow.journal" in problems
    assert (
        "journal.py:1: dlo_docs.workflow.journal (layer workflow) imports dlo_docs.cli" in problems
    )
    assert "dlo_docs.gadget is in no layer" in problems
    assert "dlo_docs.api (layer api) imports dlo_docs.errors" not in problems  # downwards is fine
    assert len(graph.layer_violations(root)) == 4


def test_a_private_name_of_another_package_is_reported(tmp_path):
    root = _package(
        tmp_path,
        {
            "mentions.py": "_WORD = 1\n",
            "workflow/__init__.py": "",
            "workflow/journal.py": "_chain = 1\n",
            "workflow/state.py": "from .journal import _chain\n",  # its own package: allowed
            "importer/__init__.py": "",
            "importer/facts.py": """
                from ..mentions import _WORD
                from ..workflow import journal
                from ..i18n import _
                def f():
                    return journal._chain
            """,
            "importer/_hidden.py": "",
            "importer/route.py": "from . import _hidden\n",
            "i18n.py": "def _(s): return s\n",
        },
    )
    problems = graph.private_uses(root)
    text = "\n".join(problems)
    assert "facts.py:2: imports _WORD, private to dlo_docs.mentions" in text
    assert "facts.py:6: uses _chain, private to dlo_docs.workflow.journal" in text
    assert "route.py:1: imports the private module dlo_docs.importer._hidden" in text
    assert len(problems) == 3  # gettext's _ and a package's own private names are not reported


def test_the_architecture_document_shows_the_graph_as_it_is():
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert graph.mermaid(PACKAGE) in doc, "run: python tools/import_graph.py --write"
    assert "docs/architecture.md" in (REPO / "README.md").read_text(encoding="utf-8")
