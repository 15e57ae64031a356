"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "e223b3410cb8438f6b4948151db5e0aa996d961e96835c7e7b191e7879acfdd8"
