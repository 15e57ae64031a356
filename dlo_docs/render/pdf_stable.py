"""The same document, the same PDF bytes: what LibreOffice stamps with the time of the run is set
from the document instead.

LibreOffice writes the time of the conversion into the document information (``/CreationDate``),
the XMP metadata (``xmp:CreateDate`` and its kin) and the header of the embedded ICC colour
profile, and a file identifier that differs per run (``/ID``, ``/DocChecksum``). ``stabilize``
sets the times to ``when`` (the DOCX's own date, see ``render.docx``) and the identifier to a hash
of the content, keeping every other byte as it was.

The file is edited, not rewritten: each change is a byte range replaced, the one compressed
stream touched (the ICC profile) is recompressed and its length updated, and the offsets of the
cross-reference table are shifted to match. A file of another shape than LibreOffice's (no
classic cross-reference table) is returned unchanged.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

_INFO_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
_XMP_DATE = re.compile(rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>([^<]*)</xmp:\1>")
_STREAM_START = re.compile(rb">>\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+0\s+R)?")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
_STARTXREF = re.compile(rb"startxref\s*(\d+)\s*%%EOF\s*$")
# an in-use entry of the table: its offset (10 digits) after a line end (an entry ends in " \n",
# "\r\n" or " \r"), "ggggg n" after it
_IN_USE = re.compile(rb"(?<=[\r\n])(\d{10})(?= \d{5} n)")


class _Unexpected(Exception):
    pass


@dataclass(order=True)
class _Edit:
    start: int
    end: int
    new: bytes


def _icc_edits(pdf: bytes, when: dt.datetime) -> list[_Edit]:
    """The ICC profile's creation time (header bytes 24..35), recompressed, with its length."""
    edits = []
    t = when.astimezone(dt.UTC)
    stamp = struct.pack(">6H", t.year, t.month, t.day, t.hour, t.minute, t.second)
    for match in _STREAM_START.finditer(pdf):
        head_at = pdf.rfind(b" 0 obj", max(0, match.start() - 400), match.start())
        if head_at < 0:
            continue
        head_at += len(b" 0 obj")
        head = pdf[head_at : match.start()]
        if b"/N " not in head or b"/FlateDecode" not in head or b"/Type" in head:
            continue
        length = _LENGTH.search(head)
        if length is None:
            continue
        if length.group(2):  # indirect: "/Length 738 0 R"
            ref = re.search(rb"\n" + length.group(1) + rb" 0 obj\s*(\d+)\s*endobj", pdf)
            if ref is None:
                raise _Unexpected("the length of a stream is not found")
            size, at = int(ref.group(1)), (ref.start(1), ref.end(1))
        else:
            size = int(length.group(1))
            at = (head_at + length.start(1), head_at + length.end(1))
        start = match.end()
        try:
            data = zlib.decompress(pdf[start : start + size])
        except zlib.error:
            continue
        if len(data) < 128 or data[36:40] != b"acsp":
            continue
        packed = zlib.compress(data[:24] + stamp + data[36:], 9)
        edits += [_Edit(start, start + size, packed), _Edit(*at, str(len(packed)).encode())]
    return edits


def _date_edits(pdf: bytes, when: dt.datetime) -> list[_Edit]:
    utc = when.astimezone(dt.UTC)
    info = utc.strftime("D:%Y%m%d%H%M%SZ").encode()
    xmp = utc.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    edits = [_Edit(m.start(2), m.end(2), info) for m in _INFO_DATE.finditer(pdf)]
    for m in _XMP_DATE.finditer(pdf):  # inside the metadata stream: kept at the same length
        if len(m.group(2)) != len(xmp):
            raise _Unexpected("an XMP date of another form")
        edits.append(_Edit(m.start(2), m.end(2), xmp))
    return edits


def _apply(pdf: bytes, edits: list[_Edit]) -> tuple[bytes, list[_Edit]]:
    out, last = [], 0
    for edit in sorted(edits):
        if edit.start < last:
            raise _Unexpected("overlapping edits")
        out += [pdf[last : edit.start], edit.new]
        last = edit.end
    out.append(pdf[last:])
    return b"".join(out), sorted(edits)


def _shifter(edits: list[_Edit]) -> Callable[[int], int]:
    """An offset of the file before ``edits`` (in order, none overlapping) -> after them: a
    binary search over the edits' ends (a PDF has over a thousand offsets to shift)."""
    ends = [e.end for e in edits]
    moved = list(itertools.accumulate(len(e.new) - (e.end - e.start) for e in edits))

    def shift(offset: int) -> int:
        before = bisect.bisect_right(ends, offset)  # the edits that end at or before it
        return offset + (moved[before - 1] if before else 0)

    return shift


def _relocate(pdf: bytes, old: bytes, edits: list[_Edit]) -> bytes:
    """The cross-reference table and ``startxref`` of ``pdf`` (edited from ``old``) shifted: the
    table's in-use offsets split out at C speed and replaced (~1,400 a document)."""
    start = _STARTXREF.search(old)
    if start is None or not old[int(start.group(1)) :].startswith(b"xref"):
        raise _Unexpected("no classic cross-reference table")
    xref_old = int(start.group(1))
    shift = _shifter(edits)
    xref_new = shift(xref_old)
    if not pdf[xref_new:].startswith(b"xref"):
        raise _Unexpected("the cross-reference table moved unexpectedly")
    trailer = pdf.find(b"trailer", xref_new)
    if trailer < 0:
        raise _Unexpected("no trailer after the cross-reference table")
    parts = _IN_USE.split(pdf[xref_new:trailer])  # text, offset, text, offset, ..., text
    moving = [e.end for e in edits if len(e.new) != e.end - e.start]
    still = b"%010d" % moving[0] if moving else b"9" * 11  # offsets below it do not move
    parts[1::2] = [o if o < still else b"%010d" % shift(int(o)) for o in parts[1::2]]
    tail = _STARTXREF.sub(lambda m: b"startxref\n%d\n%%%%EOF\n" % xref_new, pdf[trailer:])
    return pdf[:xref_new] + b"".join(parts) + tail


def stabilize(pdf: bytes, when: dt.datetime) -> bytes:
    """``pdf`` with every time set to ``when`` and its identifier derived from its content."""
    try:
        edited, edits = _apply(pdf, _date_edits(pdf, when) + _icc_edits(pdf, when))
        edited = _relocate(edited, pdf, edits)
    except (_Unexpected, ValueError):
        return pdf
    ids = [(m.start(g), m.end(g)) for m in _ID.finditer(edited) for g in (1, 2)]
    ids += [(m.start(1), m.end(1)) for m in _CHECKSUM.finditer(edited)]
    blank = bytearray(edited)
    for a, b in ids:
        blank[a:b] = b"0" * (b - a)
    digest = hashlib.md5(bytes(blank), usedforsecurity=False).hexdigest().upper().encode()
    for a, b in ids:
        blank[a:b] = (digest * 2)[: b - a]
    return bytes(blank)
