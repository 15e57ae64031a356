"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "bdf01ecaa669da197ef990b18e3aebefce7d84a8d75a00c24f19716d0842acb1"
