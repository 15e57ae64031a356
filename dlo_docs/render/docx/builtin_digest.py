"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "6eed6632211fd1d6f04c020540a6d5cfdaa6cb439a7e4b0ed9f9b78c94d493d6"
