"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "f2aaffea794d94cd4fe73235d3e0899e9faa1de087df0b1ab1fa6761231f89a5"
