"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "ba567717f5edb5178dc2901516fb0eee0bdd5ffce3be60dc65e503a09d12019d"
