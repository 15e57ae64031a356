"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "6efb272cc26a5a09a4988186971bdcd9b4bd0f567b1aa75fb40ad7bbcd6f4e9e"
