"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "a0e485897f446dd03a82dc69c958ab245510dcbce3375953051c584de38e2d1f"
