"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "1f0cc8376fcd2f789ab7ef3eebcdc92c316084f2b863cef1616fe8ec8dd5c2ef"
