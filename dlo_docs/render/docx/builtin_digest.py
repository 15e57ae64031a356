"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "ae9a111e8f22d1542730bb4a17726ac314076e324d3b8d539a661d63457aa0ae"
