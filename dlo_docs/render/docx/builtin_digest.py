"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "4e9b8b97b4f7c512cfc130c25f99ac73b07c521ad98720d1ccf04afd20cdc949"
