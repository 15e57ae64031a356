"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "0e14d27e17bf38370e073ca46ff0d4adbd1be20bd1896fca8e023e89362f7518"
