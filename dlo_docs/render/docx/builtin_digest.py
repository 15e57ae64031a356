"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "dfc0244f2fde7e5a9bfd2532d4c072d29a35803de2cf10a00d8991e4cdd1e743"
