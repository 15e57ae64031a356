"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "cc72590a41d8ca70b822e51fa00bab6582b23263e6614ee358193758d3d21080"
