"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "1cfec5b2f91b1be5dc07a28f1d950c0dd4649c25ffb9352cb885a20ab7b42eb4"
