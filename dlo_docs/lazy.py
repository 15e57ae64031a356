"""Modules imported when first used, so that each command imports only what it needs: ``dlo
--version``, ``dlo --help`` and ``dlo status`` import no renderer and no python-docx.

``api = lazy.module("dlo_docs.api")`` at the top of a command module names the module for the
reader as an import would; the import happens at the first ``api.something``.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Lazy(ModuleType):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_lazy_name"] = name

    def __getattr__(self, attr: str) -> Any:
        real = importlib.import_module(self.__dict__["_lazy_name"])
        return getattr(real, attr)


def module(name: str) -> Any:
    """The module ``name``, imported at the first use of one of its attributes."""
    return _Lazy(name)
