"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "48acb45ca729f1c2996c67ec700f5456a46865d3f2d61c681d7b9c81d3bafb88"
