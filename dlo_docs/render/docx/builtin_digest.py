"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "4d9422ff698f9835ce14d50c81c8efbfe5236071dc2cb607ac9f7964742db5c9"
