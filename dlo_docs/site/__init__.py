"""The intranet site: the working copies of the regulations in
force as a static site, in Kazakh and Russian, with client-side search.

Public interface:

- ``build(project, out=None, *, pdf=True, progress=None) -> Report``: build or update the site
  in ``out`` (default ``<project>/public``); see ``build.py`` for what is written and when.
- ``server(folder, port=8000, log=None)``: an ``http.server`` of the built folder on 127.0.0.1,
  serving it at the path it was built for (``built_for(folder)``, read again as it is rebuilt).

Modules: ``collect`` (what is published, from the workflow), ``views`` (page data and paths),
``pages`` (the HTML pages), ``outputs`` (downloads and comparisons), ``stamps`` (what changed),
``writer`` (the folder and the report),
``search`` (the search index), ``manifest`` (incremental builds), ``leftovers`` (what an
interrupted build left), ``build``, ``serve``.
Templates: ``templates/html/site/*.html.j2``; static files: ``templates/site/static/``.
"""

from __future__ import annotations

from typing import Any

from .build import DEFAULT_OUT, build
from .writer import Report

__all__ = ["build", "Report", "server", "built_for", "DEFAULT_OUT", "DEFAULT_PORT", "HOST"]


def __getattr__(name: str) -> Any:
    """``server``, ``built_for``, ``HOST`` and ``DEFAULT_PORT`` from ``serve``, imported when
    first asked for: a build does not load ``http.server`` (~2 MB)."""
    if name in ("server", "built_for", "HOST", "DEFAULT_PORT"):
        from . import serve

        return getattr(serve, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
