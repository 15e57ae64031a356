"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "13c828948c09b8e7ae60f0d334ff0beede085fe81179b6f6d222f402b49cee20"
