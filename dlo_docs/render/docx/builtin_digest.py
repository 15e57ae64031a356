"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "ce34317a0c73cdb3f2f871ae8307f954f5d07f1911a5e2f22513b7d691f87a21"
