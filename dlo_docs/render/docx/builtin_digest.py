"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "24359f3c30a2f7cd5c26a6333607c355aa1a0a7532833af2f7a7e4074b1e8f30"
