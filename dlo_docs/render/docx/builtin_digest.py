"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "84a8b9a9f31041821993ff2ef12e36675896fc75245e75a609aa8c25b13c9a01"
