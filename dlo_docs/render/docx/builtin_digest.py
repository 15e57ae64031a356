"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "86172258d428b6dc1cd1c76354108f85e646a7fdc8af0cfd8d194a14a4eb6f14"
