"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "e1ff38301e09233a7ee6db86b0cffc1c6c8eff65044c925eb8edb56dfa04c35d"
