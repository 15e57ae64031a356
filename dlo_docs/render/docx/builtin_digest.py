"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "42fba7e97c6e5918427ae18929bc48c6a2e7e43220bb5784b2628360dc1be878"
