"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "6ba6d9935052db70e1c240972604d5891d0bc9f7df1413ab07cb77d3ab191323"
