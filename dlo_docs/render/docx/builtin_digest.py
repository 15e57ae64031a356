"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "3a2dac42baadcb7037c9706c9b8ab29c7db57bc99f20d578b82610c743fbb019"
