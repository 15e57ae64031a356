"""A source file, whatever its format, as lines for structure recognition."""

from __future__ import annotations

from pathlib import Path

from .. import inputs
from ..errors import DloError, Location, error, os_reason
from ..i18n import Msg
from ..yaml_limits import MAX_SCALAR
from .package import OLE_MAGIC
from .source import MAX_PARAGRAPHS, NOT_READABLE, Read, fail, read_text, too_long
from .wordml import read_docx


def _refuse_other_formats(raw: bytes, display: str) -> None:
    """A PDF or an RTF document, whatever its name, is named as such (read as text, an RTF's
    control words would become clauses)."""
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        raise fail(
            display,
            NOT_READABLE,
            Msg("this is a PDF, not a .docx or a text file"),
            Msg(
                "open it in Word (which converts a PDF into an editable document), check the "
                "text and save it as .docx; or copy its text into a UTF-8 .txt"
            ),
        )
    if head.startswith(b"{\\rtf"):
        raise fail(
            display,
            NOT_READABLE,
            Msg("this is an RTF document, not a .docx or a text file"),
            Msg("open it in Word or LibreOffice and save it as .docx"),
        )


def read_source(path: Path, display: str) -> Read:
    """A .docx or .txt file as lines; anything unreadable is a DloError naming the file."""
    try:
        raw = inputs.read_bytes(path, limit=inputs.MAX_IMPORT_BYTES)
    except FileNotFoundError:
        raise fail(display, NOT_READABLE, Msg("the file does not exist")) from None
    except IsADirectoryError:
        raise fail(display, NOT_READABLE, Msg("this is a folder, not a file")) from None
    except inputs.InputRefused as exc:
        raise fail(display, NOT_READABLE, exc.reason, exc.hint) from None
    except OSError as exc:
        raise fail(
            display, NOT_READABLE, Msg("cannot read the file: {strerror}", strerror=os_reason(exc))
        ) from None
    _refuse_other_formats(raw, display)
    suffix = Path(path).suffix.lower()
    if (
        suffix in (".docx", ".docm", ".dotx", ".doc")
        or raw.startswith(b"PK\x03\x04")
        or raw.startswith(OLE_MAGIC)
    ):
        read = read_docx(raw, display)
    else:
        read = read_text(raw, display)
    if len(read.lines) > MAX_PARAGRAPHS:  # (a DOCX's are counted as it is read: ``package``)
        raise too_long(display, len(read.lines))
    _refuse_long_lines(read, display)
    return read


def _refuse_long_lines(read: Read, display: str) -> None:
    """A line longer than a value of regulation.yaml may be (``MAX_SCALAR``) is refused at once:
    it could never be written, and recognising the structure of a few such lines of a 20 MB
    text took minutes and gigabytes before the written file was refused."""
    for line in read.lines:
        if len(line.text) > MAX_SCALAR:
            raise DloError(
                error(
                    Location(display, line.where),
                    NOT_READABLE,
                    Msg(
                        "a paragraph of {n} characters, more than the {limit} a clause may have",
                        n=len(line.text),
                        limit=MAX_SCALAR,
                    ),
                    Msg("split it, or check that it is the file you meant"),
                )
            )
