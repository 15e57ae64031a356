"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "094e371c88fa21d5f89ec46028638c0cccb0a267ba8790270e6a6f66908dedce"
