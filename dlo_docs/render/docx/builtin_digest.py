"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "0e67af063710860469f337947c5c11b694c411e1adb4441d707fb001560592f4"
