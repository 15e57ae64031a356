"""The SHA-256 of ``builtin_base.json``, written with it by ``tools/builtin_base.py``:
the shipped base is used only when its bytes are exactly these (``stored.builtin``).
"""

SHA256 = "338f89d36a8bc93c9f24757e7c311517f6adb79e22254d8e01db741924adc6f8"
