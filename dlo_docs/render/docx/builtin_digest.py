"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "4517d64a474a179b883455ab30ad3b923c5f93ebe7a89a207deec818cfc9da21"
