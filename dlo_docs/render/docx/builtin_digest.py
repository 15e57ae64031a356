"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "0caab8620f79b0b63d9e46cec17f544e0a59124a8b29918bf5e0015c5b84a291"
