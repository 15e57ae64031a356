"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "bf1a1e4bd5a802c7b6f311e7e07df9c1faa38f07d6fd7f4a4ee892ec561ac105"
