"""PAdES signatures of PDF documents with pyHanko: the only module that imports it.

``sign`` adds a visible signature field (a box with the signer, the certificate serial and the
time, in the document's language) on the title page and signs the whole file as an incremental
update, so the PDF/A made by LibreOffice is kept byte for byte before the signature. ``check``
validates every signature of a PDF against the trusted CA certificates, offline.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import subprocess
import warnings
from dataclasses import dataclass
from functools import lru_cache

from asn1crypto import keys as akeys
from asn1crypto import x509 as ax509

with warnings.catch_warnings():
    # cryptography 51 deprecates DSA, whose key class pyHanko imports: every command that signs
    # or verifies a PDF printed that warning. dlo neither signs nor accepts a DSA signature
    # (signing/cms.py verifies RSA and ECDSA only), so it is not the user's to see.
    warnings.filterwarnings("ignore", message="DSA is deprecated", category=UserWarning)
    from pyhanko import stamp
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..errors import DloError, Location, error
from ..i18n import Msg

FIELD = "dlo-approval"
FONT_FAMILY = (
    "Liberation Serif"  # the forms' font (Times New Roman's metric twin) has Kazakh letters
)
FONT_SIZE = 9
# the title page's approval block is in the right half of the page, under the organisation's
# name; the field goes just below it (PDF points from the bottom left of an A4 page): where the
# block's last line is found in the page (``box_under_approval``), else at BOX
BOX = (340, 560, 565, 625)
# the approval block's paragraphs as LibreOffice tags them in the PDF/A: the marked content of
# the styles "DLO Approval Heading" and "DLO Approval", each line placed by a Td operator
_APPROVAL = re.compile(rb"/DLO#20Approval\S*\s*<<[^>]*>>\s*BDC(.*?)EMC", re.S)
_PLACED = re.compile(rb"(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+Td")
BELOW = 15  # points from the block's last baseline to the box: its descenders and a gap

logging.getLogger("fontTools").setLevel(logging.ERROR)  # "FFTM NOT subset" on every stamp
# pyHanko logs, with its traceback, each signature it cannot validate (an untrusted CA, an
# expired certificate): `dlo verify-pdf` reports each of those itself, as DLO909 at its file
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class _Glyphs(GlyphAccumulator):
    """pyHanko writes a TrueType font's widths in font units; PDF wants thousandths of an em.
    Shaping at 1000 units per em makes the widths, adjustments and advances agree for any font
    (Liberation Serif has 2048)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._font_units = self.units_per_em
        self.units_per_em = 1000
        self.hb_font.scale = (1000, 1000)

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        if glyph_id not in self._glyphs:
            cid, width = super()._get_cid_and_width(glyph_id)
            self._glyphs[glyph_id] = (cid, round(width * 1000 / self._font_units))
        return self._glyphs[glyph_id]


class _Font(GlyphAccumulatorFactory):
    """Reads the font file once and closes it (pyHanko's factory leaves it open)."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return _Glyphs(
            writer=writer,
            font_handle=io.BytesIO(_font_bytes(self.font_file)),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


@lru_cache(maxsize=2)
def _font_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def font_file() -> str:
    """The stamp's font, found by fontconfig; DLO909 when it is not installed."""
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", FONT_FAMILY], capture_output=True, text=True, timeout=20
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if not found.lower().endswith((".ttf", ".otf")) or "liberation" not in found.lower():
        raise DloError(
            error(
                Location("dlo"),
                "DLO909",
                Msg(
                    "the font {FONT_FAMILY} for the signature's stamp is not installed",
                    FONT_FAMILY=FONT_FAMILY,
                ),
                Msg("apt-get install fonts-liberation2 fontconfig"),
            )
        )
    return found


def sign(
    pdf: bytes,
    key_der: bytes,
    cert_der: bytes,
    chain_der: list[bytes],
    lines: list[str],
    reason: str,
    location: str,
    box: tuple[int, int, int, int] | None = None,
) -> bytes:
    """``pdf`` with a PAdES signature (SHA-256) in a visible field on the first page (``box``,
    default under its approval block: ``box_under_approval``)."""
    cert = ax509.Certificate.load(cert_der)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=akeys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [ax509.Certificate.load(c) for c in chain_der]
        ),
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    except Exception as exc:  # pyHanko raises its own errors and ValueError on a broken PDF
        raise DloError(
            error(
                Location("dlo"), "DLO909", Msg("the PDF cannot be read for signing: {exc}", exc=exc)
            )
        ) from None
    box = box or box_under_approval(writer.prev)
    fields.append_signature_field(
        writer, fields.SigFieldSpec(sig_field_name=FIELD, on_page=0, box=box)
    )
    text = "\n".join(line.replace("%", "%%") for line in lines)
    style = stamp.TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(
            font=_Font(font_file(), font_size=FONT_SIZE), font_size=FONT_SIZE
        ),
        border_width=1,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
    )
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=signer, stamp_style=style).sign_pdf(writer, output=out)
    return out.getvalue()


def box_under_approval(reader: PdfFileReader) -> tuple[int, int, int, int]:
    """The signature's box just under the title page's approval block, wherever its lines end:
    an approval that takes a line less moves the title up, and a box at a fixed place was
    drawn over the title. BOX when the page has no tagged approval block (not dlo's PDF)."""
    try:
        page = reader.root["/Pages"]
        while page.get("/Type") == "/Pages":
            page = page["/Kids"][0]
        contents = page["/Contents"]
        streams = (
            [contents[i] for i in range(len(contents))]
            if isinstance(contents, list)
            else [contents]
        )
        data = b"\n".join(stream.data for stream in streams)
    except Exception:  # a page pyHanko reads otherwise: the fixed place
        return BOX
    lines = [float(m[2]) for block in _APPROVAL.findall(data) for m in _PLACED.finditer(block)]
    if not lines:
        return BOX
    top = round(min(lines)) - BELOW
    height = BOX[3] - BOX[1]
    return (BOX[0], top - height, BOX[2], top)


@dataclass(frozen=True)
class PdfSignature:
    field: str
    signer: str  # the certificate's subject
    serial: str
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the signature verifies
    trusted: bool  # the certificate chains to a trusted CA
    entire: bool  # it covers the whole file (nothing was added after it)
    signing_time: dt.datetime | None
    fingerprint: str = ""  # sha256 of the signer's certificate, as the registry's are compared
    # the registry positions whose holders' certificate it is (None: not asked of a registry)
    positions: tuple[str, ...] | None = None
    # what the PDF names in its keywords: the regulation, and the edition it shows (dlo writes
    # them there: ``records.Shown``)
    document: str = ""
    certificate: bytes = b""  # the signer's certificate (DER)
    # why the signer is not the approver of the edition the PDF shows, by the project's journal
    # and registry (empty: they are, or it was not asked)
    refusals: tuple[str, ...] = ()
    # what a signature of the registry's was checked against, as said beside "valid" (the
    # approved edition its signer approved, or that the PDF names none of the project's)
    scope: str = ""

    @property
    def _signed(self) -> bool:
        """Intact, valid and trusted: a signature whose signer is worth asking about."""
        return self.intact and self.valid and self.trusted

    @property
    def ok(self) -> bool:
        return self._signed and self.entire and self.positions != () and not self.refusals

    def failures(self) -> list[str]:
        failed: list[str] = []
        if not self.intact:
            failed.append(Msg("the document was changed after it was signed"))
        elif not self.valid:
            failed.append(Msg("the signature does not verify"))
        elif not self.trusted:  # checked only for an intact, valid signature
            failed.append(Msg("the certificate does not chain to a trusted CA"))
        if self.intact and not self.entire:
            failed.append(Msg("content was added after the signature"))
        if self._signed and self.positions == ():
            failed.append(
                Msg(
                    "the signer's certificate is not the certificate of any official of the registry"
                )
            )
        elif self._signed:
            failed += self.refusals
        return failed


def _keywords(reader: PdfFileReader) -> str:
    """The PDF's keywords (document information), where dlo's PDFs name their regulation."""
    try:
        info = reader.trailer_view["/Info"].get_object()
        return str(info.get("/Keywords") or "").strip()
    except Exception:  # no or a broken information dictionary: names nothing
        return ""


def _damaged(display: str) -> DloError:
    return DloError(
        error(
            Location(display),
            "DLO909",
            Msg("a signature in the PDF cannot be read: its data is damaged"),
            Msg("the file was changed after it was signed; ask for the original"),
        )
    )


def check(pdf: bytes, anchors_der: list[bytes], display: str = "dlo") -> list[PdfSignature]:
    """Every signature of ``pdf``, validated against the trusted CA certificates (no network).
    DLO909 at ``display`` (the file's name) when the PDF or a signature in it cannot be read."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:  # a broken or hostile file: pyHanko's own errors, ValueError, ...
        raise DloError(
            error(Location(display), "DLO909", Msg("the PDF cannot be read: {exc}", exc=exc))
        ) from None
    try:
        embedded = list(reader.embedded_signatures)
    except Exception:  # a damaged /Contents: asn1crypto's and pyHanko's errors of every kind
        raise _damaged(display) from None
    roots = [ax509.Certificate.load(c) for c in anchors_der]
    found = []
    for sig in embedded:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = validate_pdf_signature(sig, context)
        except Exception:  # a hostile signature pyHanko cannot take apart
            raise _damaged(display) from None
        cert = status.signing_cert
        found.append(
            PdfSignature(
                field=sig.field_name,
                signer=cert.subject.human_friendly,
                serial=format(cert.serial_number, "X"),
                intact=bool(status.intact),
                valid=bool(status.valid),
                trusted=bool(status.trusted),
                entire=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                signing_time=sig.self_reported_timestamp,
                fingerprint=cert.sha256.hex(),
                document=_keywords(reader),
                certificate=cert.dump(),
            )
        )
    return found
