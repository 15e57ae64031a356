"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "802cffbfee9b4c4b89361843d31d6b252b1aac4d685012c2cc771e8b7d772e7b"
