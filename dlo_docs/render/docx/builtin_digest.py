"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "98cb1b7a7481fd4b68560ae912ed369ce898fc67922fe0e0068498137e9e6507"
