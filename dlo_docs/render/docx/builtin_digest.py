"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "1ae15267af8b2ab7165a7efaab95165775dc5ea061c869c47006513ce24f37f7"
