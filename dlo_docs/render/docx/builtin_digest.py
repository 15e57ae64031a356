"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "8455a5562a77524355861e24ac0224bc451eb1d42c261816af4106af7a75d39f"
