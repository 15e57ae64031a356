"""Detached CMS (PKCS#7) signatures: made with ``cryptography``, read and checked here.

A signature is the DER of a CMS ``SignedData`` without the content (detached), with signed
attributes (content type, signing time, message digest) and the signer's certificate, the form
``openssl cms -verify -binary -content DATA -inform DER -in SIG.p7s`` checks. ``cryptography``
makes it; it has no CMS verifier, so the structure is read with ``asn1crypto`` and the signature
checked with ``cryptography``'s public-key operations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from asn1crypto import cms as acms
from asn1crypto import tsp as _tsp  # noqa: F401  (see below)
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from ..i18n import Msg
from .keys import Signer, from_der

# asn1crypto.tsp adds the names of attributes PAdES signs with (signing_certificate_v2, ...) to
# CMSAttributeType, whose name-to-number table is built once, when the type is first used: read a
# CMS before it is imported and pyHanko cannot sign a PDF in the same process. Imported with cms.
_HASHES: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


class BadSignature(Exception):
    """The signature is malformed or does not match the bytes; the message says which."""


def sign(signer: Signer, data: bytes) -> bytes:
    """A detached CMS signature of ``data`` (SHA-256), DER, carrying the signer's certificate and
    the CA certificates of the key file (an intermediate CA among them), so that a verifier that
    trusts only the root can build the chain, as ``openssl cms -verify`` does."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    builder = builder.add_signer(signer.certificate, signer.key, hashes.SHA256())
    for cert in signer.chain:
        if cert != signer.certificate:
            builder = builder.add_certificate(cert)
    options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
    return builder.sign(serialization.Encoding.DER, options)


@dataclass(frozen=True)
class Checked:
    certificate: x509.Certificate
    others: list[x509.Certificate]  # other certificates the signature carries (intermediates)
    signing_time: dt.datetime | None


def _signed_data(der: bytes) -> acms.SignedData:
    try:
        info = acms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            raise BadSignature(Msg("it is not a CMS SignedData"))
        signed = info["content"]
        _ = signed.native  # parse everything now, so malformed parts fail here
    except BadSignature:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError and others on bad DER
        raise BadSignature(
            Msg("it is not a readable CMS signature ({kind})", kind=type(exc).__name__)
        ) from None
    if signed["encap_content_info"]["content"].native is not None:
        raise BadSignature(Msg("it is not a detached signature (it carries its content)"))
    if len(signed["signer_infos"]) != 1:
        raise BadSignature(Msg("it has {n} signers, not one", n=len(signed["signer_infos"])))
    return signed


def _certificates(signed: acms.SignedData) -> list[x509.Certificate]:
    """The certificates ``signed`` carries, each read in full here: one asn1crypto reads but
    cryptography does not (version 4, a PrintableString holding '@', an extension twice) makes
    the signature unreadable, as no key of it can be told."""
    found = []
    for choice in signed["certificates"] or []:
        if choice.name == "certificate":
            try:
                cert = from_der(choice.chosen.dump())
                _ = cert.subject, cert.issuer, cert.extensions
            except (ValueError, x509.InvalidVersion, x509.DuplicateExtension) as exc:
                raise BadSignature(
                    Msg("it is not a readable CMS signature ({kind})", kind=type(exc).__name__)
                ) from None
            found.append(cert)
    return found


def _signer_certificate(signer_info, certs: list[x509.Certificate]) -> x509.Certificate:
    sid = signer_info["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            ref = sid.chosen
            if (
                cert.serial_number == ref["serial_number"].native
                and cert.issuer.public_bytes() == ref["issuer"].dump()
            ):
                return cert
        elif sid.name == "subject_key_identifier":
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.chosen.native:
                return cert
    raise BadSignature(Msg("it does not carry the signer's certificate"))


def _attribute(attrs, name: str):
    values = [a["values"] for a in attrs if a["type"].native == name]
    if len(values) != 1 or len(values[0]) != 1:
        raise BadSignature(
            Msg("its signed attribute {name} is missing or repeated", name=repr(name))
        )
    return values[0][0].native


def _verify_raw(cert: x509.Certificate, signer_info, signed: bytes, algo: str) -> None:
    key = cert.public_key()
    signature = signer_info["signature"].native
    sig_algo = signer_info["signature_algorithm"].signature_algo
    chosen = _HASHES[algo]()
    try:
        if isinstance(key, rsa.RSAPublicKey) and sig_algo == "rsassa_pkcs1v15":
            key.verify(signature, signed, padding.PKCS1v15(), chosen)
        elif isinstance(key, rsa.RSAPublicKey) and sig_algo == "rsassa_pss":
            pss = padding.PSS(mgf=padding.MGF1(chosen), salt_length=padding.PSS.AUTO)
            key.verify(signature, signed, pss, chosen)
        elif isinstance(key, ec.EllipticCurvePublicKey) and sig_algo == "ecdsa":
            key.verify(signature, signed, ec.ECDSA(chosen))
        else:
            raise BadSignature(
                Msg("its signature algorithm ({sig_algo}) is not supported", sig_algo=sig_algo)
            )
    except InvalidSignature:
        raise BadSignature(
            Msg("the signature does not verify with the signer's public key")
        ) from None


def signer(der: bytes) -> x509.Certificate:
    """The certificate ``der`` says its signer signed with, the signature itself not checked
    (``check`` does): whose key it is, for a check of who signed."""
    signed = _signed_data(der)
    return _signer_certificate(signed["signer_infos"][0], _certificates(signed))


def check(der: bytes, data: bytes) -> Checked:
    """Check that ``der`` is a valid detached signature of exactly ``data``; return the signer's
    certificate and the signing time. Says nothing about trust (see ``chain``)."""
    signed = _signed_data(der)
    signer_info = signed["signer_infos"][0]
    certs = _certificates(signed)
    cert = _signer_certificate(signer_info, certs)
    algo = signer_info["digest_algorithm"]["algorithm"].native
    if algo not in _HASHES:
        raise BadSignature(
            Msg("its digest algorithm ({algo}) is not accepted (SHA-256/384/512)", algo=algo)
        )
    attrs = signer_info["signed_attrs"]
    if not attrs or not len(attrs):
        raise BadSignature(Msg("it has no signed attributes"))
    if _attribute(attrs, "content_type") != "data":
        raise BadSignature(Msg("its content type is not data"))
    digest = _attribute(attrs, "message_digest")
    if digest != hashlib.new(algo, data).digest():
        raise BadSignature(
            Msg("the signed bytes differ from these bytes (message digest mismatch)")
        )
    signing_time = None
    if any(a["type"].native == "signing_time" for a in attrs):
        signing_time = _attribute(attrs, "signing_time")
    # the signature covers the DER of the signed attributes as a SET (tag 0x31), not [0]
    encoded = attrs.dump()
    _verify_raw(cert, signer_info, b"\x31" + encoded[1:], algo)
    others = [c for c in certs if c != cert]
    return Checked(cert, others, signing_time)
