"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "bf7fda02b58edf57f7ed33323ca95997eb1d0505f2526e98383811bbcaab0caf"
