"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "7faafb6ab3cb708927b49c0cc4f994af33c5004b003dc8e81e732f887ebeef99"
