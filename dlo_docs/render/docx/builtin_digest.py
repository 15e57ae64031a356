"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "238e9a570dec9e7bec7049321e2ab3f3aa382d49fe1a28db77974911daf7dd5d"
