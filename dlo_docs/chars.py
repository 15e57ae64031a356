"""The characters a text of dlo's may not hold: the one definition the label sets' check, the
lint (DLO118) and the terminal output share (a DOCX writer drops what XML forbids:
``render.docx.ooxml.DROPPED``; the YAML writer escapes what YAML cannot print).

``CONTROL``: C0 but tab and line feed, DEL, C1, and the two non-characters U+FFFE and U+FFFF;
``FORMAT``: the format characters (Unicode category Cf), which print as nothing; ``BIDI``: the
bidirectional controls (format characters too); ``SEPARATORS``: the line and paragraph
separators; ``NOT_IN_LABELS``: a character a label may not hold (its repertoire is a whitelist:
no letter that prints as nothing, as the Hangul fillers, passes). The five are patterns as text,
which ``re`` compiles where first used (``re.search(chars.BIDI, text)``): a render needs none
of them, and their classes of characters took ~2 % of one render's start-up to compile.

And the letters two scripts draw the same (``LOOKALIKES``): a Latin one in a Cyrillic word
(DLO116), a Cyrillic one in an id, a key or a role, which must be Latin (``lookalike``); the
letters drawn like a digit (``DIGIT_LOOKALIKES``, ``drawn_digit``), which print a number without
a digit ("№ ІО" for № 10, "2О2б" for 2026).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .i18n import Msg

CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]"
# the format characters (Unicode category Cf: the soft hyphen, the zero-width space and joiners,
# the word joiner, the invisible operators, the byte order mark, the bidirectional controls, the
# tags ...), Unicode 15's (a test checks them against the running Python's): none prints, so a
# text holding one is not what it looks like to a search or a check (a "[[" a zero-width space
# splits is no "[[" to a pattern); a Kazakh or Russian text needs none
FORMAT = (
    "[\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# characters that print as nothing though Unicode does not class them as format characters: the
# default-ignorable fillers and selectors (the combining grapheme joiner, the Hangul fillers, the
# Khmer inherent vowels, the Mongolian and the other variation selectors) and the blank braille
# pattern: "45-НҚ\u3164" prints as "45-НҚ"; a Kazakh or Russian text needs none
BLANK = (
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)
# every character that prints as nothing: a format character or a blank one
INVISIBLE = f"[{FORMAT[1:-1]}{BLANK[1:-1]}]"
# what no text may hold unseen: a control character or one that prints as nothing (a tab and a
# line break are a text's own layout: not among them)
HIDDEN = f"{CONTROL}|{INVISIBLE}"
# the bidirectional controls (marks, embeddings, overrides, isolates): each reorders or
# redirects the characters around it, so that what is printed is not the text in its order
BIDI = "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
# the line and paragraph separators (U+2028, U+2029): each breaks the line a text prints (Word
# breaks a run's line at it) where its file shows no line break; the other characters that do,
# the vertical tab, the form feed and U+0085, are ``CONTROL``
SEPARATORS = "[\u2028\u2029]"
# what a terminal starts a new line at (str.splitlines), with the spaces around it
LINE_BREAK = r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*"


def one_line(text: str) -> str:
    """``text`` on one line: a line break it carries (a reader's name, remarks, a file's name:
    a journal forged with its hashes recomputed verifies intact) is a space, so it never starts
    a line of its own that reads as another event, field or problem."""
    return re.sub(LINE_BREAK, " ", text)


def visible(text: str) -> str:
    """``text`` as a terminal gets it: without a control character (an escape sequence that
    retitles the window or hides the line) and with each format character written as its code,
    ``<U+202E>`` (a direction override would print "45-НҚ" for the "45-ҚН" a forged journal
    holds, a zero-width space print nothing where it is): what a file holds is shown as it is,
    never acted on. Tabs and line breaks are kept (``one_line`` puts a text on one line)."""
    text = re.sub(CONTROL, "", text)
    return re.sub(INVISIBLE, lambda m: f"<U+{ord(m.group()):04X}>", text)


def named(ch: str) -> Msg:
    """A control character or one that prints as nothing (``INVISIBLE``), as a message names it:
    its code, and the name Unicode gives it."""
    if re.fullmatch(CONTROL, ch):
        return Msg("a control character (U+{code:04X})", code=ord(ch))
    name = unicodedata.name(ch, "FORMAT CHARACTER")
    if re.fullmatch(FORMAT, ch):
        return Msg("an invisible format character (U+{code:04X} {name})", code=ord(ch), name=name)
    return Msg("a character that prints nothing (U+{code:04X} {name})", code=ord(ch), name=name)


def json_visible(dumped: str) -> str:
    """JSON text ``dumped`` (``ensure_ascii=False``) with each control and format character
    escaped (``\\u202e``): the same data, read back as it was, and nothing a terminal or a
    viewer acts on (JSON escapes the C0 controls only, not the C1 ones nor a direction
    override)."""
    import json

    return re.sub(HIDDEN, lambda m: json.dumps(m.group())[1:-1], dumped)


# what a label may hold (``label_text``): the letters of the Kazakh and Russian Cyrillic
# alphabets and of the Latin one (codes), ASCII digits, the space and the no-break space, the
# line break, and ordinary punctuation with what the bundled label sets use (· in the running
# header, → between two editions, the braces of a placeholder). No other letter (Latin Extended
# ƻ, Lisu ꓳ, the letters that print as nothing), no zero-width, joiner or soft hyphen, no
# superscript, circled, full-width or other form of a digit or a mark
KAZAKH_RUSSIAN = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
LABEL_PUNCTUATION = ".,;:!?-()/'\"«»„“”–—…№%+*_·→"
NOT_IN_LABELS = rf"[^{KAZAKH_RUSSIAN}A-Za-z0-9 \u00a0\n{re.escape(LABEL_PUNCTUATION)}{{}}]"

# each letter (and the bar) drawn like a digit, and that digit: of the labels' alphabets, О o,
# І I l, З з, Ч ч (4), б b (6); and of others (Greek, Armenian, Latin Extended: a choice of
# Unicode's confusables of the digits), which a label may not hold but another text may. The
# capitals, the l and the bars pass for a digit among letters; the small letters
# (``DIGIT_LOOKALIKES_SMALL``) only beside a digit: alone they are words or letters of words
# (о, об, оз, ч.)
DIGIT_LOOKALIKES = {
    **dict.fromkeys("OОΟՕoоοօ", "0"),
    **dict.fromkeys("IІΙӀӏlǀ|", "1"),
    **dict.fromkeys("Ƨƨ", "2"),
    **dict.fromkeys("ЗӠƷȜзӡʒȝ", "3"),
    **dict.fromkeys("Чч", "4"),
    **dict.fromkeys("Ƽƽ", "5"),
    **dict.fromkeys("Ꮾбb", "6"),
    **dict.fromkeys("Ȣȣ", "8"),
    **dict.fromkeys("Ꝯꝯ", "9"),
}
DIGIT_LOOKALIKES_SMALL = frozenset("oоοօƨзӡʒȝчƽбbȣꝯ")


@functools.cache  # a text asks for each of its characters
def drawn_digit(ch: str) -> tuple[str, bool] | None:
    """The digit the character ``ch`` is drawn like, and whether it is a small letter, if it is
    one of ``DIGIT_LOOKALIKES`` (as its compatibility form: a full-width Ｏ, a mathematical 𝐈
    are O and I)."""
    form = ch if ch in DIGIT_LOOKALIKES else unicodedata.normalize("NFKC", ch)
    digit = DIGIT_LOOKALIKES.get(form)
    return None if digit is None else (digit, form in DIGIT_LOOKALIKES_SMALL)


# each Latin letter drawn like a Cyrillic one (і, һ and the Russian lookalikes), and that letter
LOOKALIKES = dict(zip("aceiopxyhABCEHIKMOPTXY", "асеіорхуһАВСЕНІКМОРТХУ", strict=True))
_LATIN_OF = {cyrillic: latin for latin, cyrillic in LOOKALIKES.items()}


@dataclass(frozen=True)
class Lookalike:
    """The first Cyrillic letter of a name that must be Latin, drawn like a Latin one."""

    name: str
    index: int  # where it is in the name, from 0
    letter: str

    @property
    def latin(self) -> str:
        return _LATIN_OF[self.letter]

    @property
    def fixed(self) -> str:
        """The name with each such letter typed in Latin."""
        return "".join(_LATIN_OF.get(ch, ch) for ch in self.name)

    def at_column(self, col: int) -> Msg:
        """What is wrong with the name, the letter at column ``col`` of its file."""
        return Msg(
            "{name} has a Cyrillic {letter} ({code}) at column {col} where a Latin {latin} is "
            "expected",
            **self._fields(),
            col=col,
        )

    def after(self, message: Msg, col: int | None = None) -> Msg:
        """``message`` (an unknown key, role ...) followed by what is wrong with the name: the
        letter at column ``col`` of its file, or (typed on the command line) at its place."""
        if col is not None:
            return Msg(
                "{message}: it has a Cyrillic {letter} ({code}) at column {col} where a Latin "
                "{latin} is expected",
                message=message,
                **self._fields(),
                col=col,
            )
        return Msg(
            "{message}: it has a Cyrillic {letter} ({code}) at character {n} where a Latin "
            "{latin} is expected",
            message=message,
            **self._fields(),
            n=self.index + 1,
        )

    def hint(self) -> Msg:
        return Msg("type it in Latin letters: {fixed}", fixed=repr(self.fixed))

    def _fields(self) -> dict[str, str]:
        return {
            "name": repr(self.name),
            "letter": repr(self.letter),
            "code": f"U+{ord(self.letter):04X}",
            "latin": repr(self.latin),
        }


def lookalike(name: object) -> Lookalike | None:
    """The first Cyrillic letter of ``name`` that looks like a Latin one, if it has one and is
    otherwise a Latin id: a name with a space, or with a letter beyond ASCII that looks like no
    Latin one ("Проректор по …", a title typed where an id goes), is no id with a stray letter."""
    if not isinstance(name, str) or any(
        ch.isspace() or (ch > "\x7f" and ch not in _LATIN_OF) for ch in name
    ):
        return None
    index = next((i for i, ch in enumerate(name) if ch in _LATIN_OF), None)
    return None if index is None else Lookalike(name, index, name[index])


def unknown(name: str | None, message: Msg, hint: Msg | None = None) -> tuple[Msg, Msg | None]:
    """The message and hint that refuse ``name``, an id typed on the command line that names
    nothing: as given, or, when it has a Cyrillic letter drawn like a Latin one, naming that
    letter and spelling the name in Latin (the list of ids the hint gives would show a name
    that looks the same)."""
    found = lookalike(name)
    if found is None:
        return message, hint
    return found.after(message), found.hint()
