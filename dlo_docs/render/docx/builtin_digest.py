"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "542201b2b95bef0c50b0bcbf1c118bed11abde8b4f99622201a91ee5eba89fd8"
