"""Write the built-in styled DOCX base shipped with the package
(``dlo_docs/render/docx/builtin_base.json``), as ``prepare`` makes it with the python-docx
installed, named by the code that makes it (``stored.builtin_key``). Run it after a change to
that code (tests/test_builtin_base.py says when): ``python tools/builtin_base.py``."""

from __future__ import annotations

import sys

from dlo_docs.fsio import atomic_write
from dlo_docs.render.docx import stored
from dlo_docs.render.docx.prepare import prepare


def made() -> bytes:
    """The shipped file's bytes as this code and python-docx make them."""
    name = stored.builtin_key()
    if name is None:
        raise SystemExit("the code that makes the base cannot be read")
    base = prepare(None)
    return stored.dumps(name, base.entries, base.ids, base.usable_mm)


def main() -> int:
    atomic_write(stored.BUILTIN, made())
    print(f"wrote {stored.BUILTIN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
