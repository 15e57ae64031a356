"""Keys and certificates: an official's PKCS#12 file, and the PEM certificates of the registry.

The PKCS#12 password is never a command-line argument: the CLI reads it from the environment
variable ``DLO_KEY_PASSWORD`` or asks for it (``password_from_env``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ..errors import DloError, Location, error, os_reason
from ..i18n import Msg

PASSWORD_ENV = "DLO_KEY_PASSWORD"
MAX_FILE = 1 << 20  # a key or certificate file is a few kilobytes


# attribute names national CAs put in subjects, which RFC 4514 leaves as dotted numbers
_NAMES = {NameOID.SERIAL_NUMBER: "SERIALNUMBER", NameOID.SURNAME: "SN", NameOID.GIVEN_NAME: "G"}


@dataclass(frozen=True)
class CertInfo:
    """What a sheet or a report says about a certificate."""

    fingerprint: str  # sha256 of the DER, lower-case hex
    serial: str  # upper-case hex, as certificate viewers print it
    subject: str  # RFC 4514
    common_name: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime


def info(cert: x509.Certificate) -> CertInfo:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return CertInfo(
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        serial=format(cert.serial_number, "X"),
        subject=cert.subject.rfc4514_string(_NAMES),
        common_name=str(names[0].value) if names else "",
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
    )


def subject_names(cert: x509.Certificate) -> list[str]:
    """The person-name attributes of the subject (common name, surname, given name)."""
    oids = (NameOID.COMMON_NAME, NameOID.SURNAME, NameOID.GIVEN_NAME)
    return [str(a.value) for oid in oids for a in cert.subject.get_attributes_for_oid(oid)]


@dataclass(frozen=True)
class Signer:
    """An official's private key with its certificate (and the CA certificates the file carries)."""

    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)
    source: str = ""

    @property
    def info(self) -> CertInfo:
        return info(self.certificate)


def _read(path: Path, display: str, code: str, what: str) -> bytes:
    try:
        if path.exists() and not path.is_file():  # a folder, a FIFO, a device: never opened
            raise DloError(
                error(
                    Location(display),
                    code,
                    Msg("{what} {display} is not a regular file", what=what, display=display),
                )
            )
        if not path.is_file():
            raise FileNotFoundError
        if path.stat().st_size > MAX_FILE:
            raise DloError(
                error(
                    Location(display),
                    code,
                    Msg("{what} {display} is too large", what=what, display=display),
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DloError(
            error(
                Location(display),
                code,
                Msg("{what} {display} does not exist", what=what, display=display),
            )
        ) from None
    except OSError as exc:
        raise DloError(
            error(
                Location(display),
                code,
                Msg(
                    "cannot read {what} {display}: {strerror}",
                    what=what,
                    display=display,
                    strerror=os_reason(exc),
                ),
            )
        ) from None


def password_from_env() -> bytes | None:
    """The PKCS#12 password from ``DLO_KEY_PASSWORD`` (None when the variable is not set)."""
    value = os.environ.get(PASSWORD_ENV)
    return None if value is None else value.encode("utf-8")


def _looks_like_pkcs12(data: bytes) -> bool:
    """The DER of a PKCS#12 ``PFX`` begins as every one does: a SEQUENCE whose first element is
    the version, INTEGER 3. A wrong password can then be told from a file that is no key file."""
    if len(data) < 5 or data[0] != 0x30:
        return False
    if data[1] <= 0x80:  # the short form of the length, or BER's indefinite length (Java's)
        start = 2
    elif 0x81 <= data[1] <= 0x84:  # the long form: the length in the next 1 to 4 bytes
        start = 2 + (data[1] & 0x7F)
    else:
        return False
    return data[start : start + 3] == b"\x02\x01\x03"


def load_pkcs12(path: Path, password: bytes | None, display: str | None = None) -> Signer:
    """The key and certificate of a PKCS#12 (.p12/.pfx) file; DLO901 when it cannot be opened."""
    display = display or str(path)
    data = _read(path, display, "DLO901", Msg("the key file"))
    if not _looks_like_pkcs12(data):
        raise DloError(
            error(
                Location(display),
                "DLO901",
                Msg("{display} is not a PKCS#12 file (.p12/.pfx)", display=display),
                Msg(
                    "give the key file the certification authority issued, which holds the key "
                    "with its certificate (a certificate alone cannot sign)"
                ),
            )
        )
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError:
        raise DloError(
            error(
                Location(display),
                "DLO901",
                Msg(
                    "cannot open the key file {display}: wrong password (or an encryption "
                    "this system does not support)",
                    display=display,
                ),
                Msg("give the password in {variable} or when asked", variable=PASSWORD_ENV),
            )
        ) from None
    if key is None or cert is None:
        raise DloError(
            error(
                Location(display),
                "DLO901",
                Msg(
                    "the key file {display} holds no private key with its certificate",
                    display=display,
                ),
            )
        )
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise DloError(
            error(
                Location(display),
                "DLO901",
                Msg(
                    "the key in {display} is of a kind dlo cannot sign with (RSA or EC keys only)",
                    display=display,
                ),
            )
        )
    return Signer(key, cert, list(extra or []), display)


def load_certificates(
    path: Path, display: str, where: Location | None = None
) -> list[x509.Certificate]:
    """Every certificate of a PEM file (or one DER certificate); DLO902 when there is none."""
    where = where or Location(display)
    try:
        data = _read(path, display, "DLO902", Msg("the certificate file"))
    except DloError as exc:
        raise DloError(error(where, "DLO902", exc.problems[0].message)) from None
    try:
        if b"-----BEGIN" in data:
            return _readable(x509.load_pem_x509_certificates(data), display, where)
        return _readable([x509.load_der_x509_certificate(data)], display, where)
    except ValueError:
        raise DloError(
            error(
                where,
                "DLO902",
                Msg("{display} is not an X.509 certificate (PEM or DER)", display=display),
                Msg(
                    "export the certificate (not the key) as PEM: openssl pkcs12 -in KEY.p12 -nokeys -clcerts"
                ),
            )
        ) from None


def _readable(
    certs: list[x509.Certificate], display: str, where: Location
) -> list[x509.Certificate]:
    """``certs``, each of whose extensions can be read (``cryptography`` reads them when first
    asked, and a malformed one raised there: an internal error of the check that asked)."""
    for cert in certs:
        try:
            cert.extensions  # noqa: B018
        except ValueError:
            raise DloError(
                error(
                    where,
                    "DLO902",
                    Msg(
                        "{display} holds a certificate whose extensions cannot be read ({subject})",
                        display=display,
                        subject=cert.subject.rfc4514_string(),
                    ),
                    Msg("ask its CA for the certificate again: this one is damaged"),
                )
            ) from None
    return certs


def only_cas(
    certs: list[x509.Certificate], display: str, where: Location | None = None
) -> list[x509.Certificate]:
    """``certs`` of a trusted-CA file, each a CA's (its basic constraints say so); DLO902 for
    one that is not: an official's own certificate given as a trusted CA vouches for itself."""
    for cert in certs:
        try:
            ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            ca = False
        if not ca:
            raise DloError(
                error(
                    where or Location(display),
                    "DLO902",
                    Msg(
                        "{display} holds a certificate that is not a CA's ({subject}): its basic "
                        "constraints do not say CA, so it certifies no one",
                        display=display,
                        subject=info(cert).common_name or info(cert).subject,
                    ),
                    Msg(
                        "give the certificate of the CA that issued the officials' (its root or "
                        "intermediate), not an official's own"
                    ),
                )
            )
    return certs


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def from_der(data: bytes) -> x509.Certificate:
    return x509.load_der_x509_certificate(data)


def key_der(signer: Signer) -> bytes:
    """The private key as unencrypted PKCS#8 DER, handed in memory to the PDF signer only."""
    return signer.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
