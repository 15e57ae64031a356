"""The Windows code page a Kazakh or Russian text that is not UTF-8 was saved in (Notepad's
"ANSI" on a Russian or Kazakh Windows): Windows-1251 (Cyrillic), or KZ-1048 (Kazakh), which has
the Kazakh letters where Windows-1251 has Serbian, Macedonian and Ukrainian ones.

- ``KZ1048_TELL``: the letters Windows-1251 reads where KZ-1048 has Kazakh ones (ј for ә, ќ for
  қ, є for ғ, ѕ for ң, …), letters of no Kazakh or Russian text;
- ``windows_text(raw) -> tuple[str, str] | None``: the code page ("cp1251" or "kz1048") that
  reads ``raw`` as Cyrillic text, and that text; None when neither does;
- ``mostly_utf8(raw) -> bool``: ``raw`` is UTF-8 but for a few stray bytes (no code page's text);
- ``save_as_utf8(raw) -> Msg``: the hint for a file dlo reads as UTF-8 only (a regulation, the
  registry) that is not: save it as UTF-8, and how, when it is text in the encoding Notepad
  calls "Unicode" (UTF-16) or "ANSI" (a Windows code page); where it is UTF-8 but for a stray
  byte, to type the character at the place the message names again; where the code page lost
  the Kazakh letters (saved as "?"), to take the file back, not to save it again.
"""

from __future__ import annotations

import re

from .i18n import Msg

KZ1048_TELL = re.compile("[ЌЋќћЎўЈҐЄЇґєјЅѕї]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{3}")


def windows_text(raw: bytes) -> tuple[str, str] | None:
    """("cp1251" or "kz1048", the text) when ``raw`` reads as Cyrillic text in that code page
    (three letters in a row at least; KZ-1048 when Windows-1251 reads three of ``KZ1048_TELL``),
    else None."""
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:  # 0x98, the one byte Windows-1251 leaves undefined
        return None
    codec = "cp1251"
    if len(KZ1048_TELL.findall(text)) >= 3:
        codec, text = "kz1048", raw.decode("kz1048")
    return (codec, text) if _CYRILLIC.search(text) else None


def mostly_utf8(raw: bytes) -> bool:
    """Whether ``raw``, not UTF-8, is UTF-8 but for a few stray bytes: more of its letters
    beyond ASCII read as UTF-8 than bytes do not. Read in a Windows code page, UTF-8's
    Cyrillic letters are pairs of Cyrillic letters and signs ("и" reads "Рё", "н" "РЅ"): such a
    file is no Windows-1251 or KZ-1048 text, and saved as UTF-8 in that reading its text is lost;
    a Windows code page's Cyrillic text, read as UTF-8, is nearly all stray bytes."""
    text = raw.decode("utf-8", "replace")
    stray = text.count("\ufffd")
    return sum(1 for c in text if c > "\x7f") - stray > stray


# a "?" a letter follows: a letter the code page could not hold, saved as "?" (Kazakh in
# Windows-1251); a question mark is followed by a space or the end of a line
_LOST = re.compile(r"\?[А-Яа-яЁёІі]")
_PAGES = {"cp1251": Msg("Windows-1251 (Cyrillic)"), "kz1048": Msg("KZ-1048 (Kazakh)")}


def save_as_utf8(raw: bytes) -> Msg:
    """The hint for ``raw``, a file that is not UTF-8 (see the module's docstring)."""
    how = Msg("in Notepad: File → Save As → Encoding: UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Msg('the file is UTF-16 (Notepad\'s "Unicode"): save it as UTF-8 ({how})', how=how)
    if mostly_utf8(raw):
        return Msg(
            "the rest of the file is UTF-8: type the character at this place again (a text "
            "pasted from a file in another encoding can bring a stray byte)"
        )
    found = windows_text(raw)
    if found is None:
        return Msg("save the file as UTF-8")
    if len(_LOST.findall(found[1])) >= 2:  # Windows-1251 has no ә, қ, ң…: saved, they became "?"
        return Msg(
            "the file was saved as {page} text, which has no Kazakh letters: they were saved as "
            '"?" and are lost; take the file back from a copy or from git (git checkout -- '
            "FILE), not saved again this way",
            page=_PAGES[found[0]],
        )
    return Msg(
        'the file reads as {page} text (Notepad\'s "ANSI"): save it as UTF-8 ({how})',
        page=_PAGES[found[0]],
        how=how,
    )
