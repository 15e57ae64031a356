"""Write the built-in styled DOCX base shipped with the package
(``dlo_docs/render/docx/builtin_base.json``), as ``prepare`` makes it with the python-docx
installed, named by the code that makes it (``stored.builtin_key``), and the SHA-256 of its
bytes (``dlo_docs/render/docx/builtin_digest.py``), which the package checks before using it.
Run it after a change to that code (tests/test_builtin_base.py says when):
``python tools/builtin_base.py``."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

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


DIGEST = Path(stored.__file__).with_name("builtin_digest.py")


def digest_module(data: bytes) -> bytes:
    """The module that names the SHA-256 of the shipped file's bytes ``data``."""
    return (
        '"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:\n'
        "the shipped base is used only when its bytes are exactly these (``stored.builtin``).\n"
        '"""\n\n'
        f'SHA256 = "{hashlib.sha256(data).hexdigest()}"\n'
    ).encode("ascii")


def main() -> int:
    data = made()
    atomic_write(stored.BUILTIN, data)
    atomic_write(DIGEST, digest_module(data))
    print(f"wrote {stored.BUILTIN} and {DIGEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
