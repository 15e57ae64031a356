"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "6d8274bea6576ff2285a9b2c27abe722033f1ac26d50ce932c750aa7cffe4eae"
