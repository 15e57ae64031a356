"""Signed decisions: a signature record over an event's canonical bytes, made and checked.

The record stored beside an event::

    signature:
      signer: <the certificate's common name>
      certificate: <sha256 fingerprint of the signer's certificate>
      serial: <certificate serial, hex>
      subject: <certificate subject, RFC 4514>
      signed_at: <signing time from the CMS signed attributes, ISO 8601>
      cms: <base64 of the detached CMS signature, DER>

Every field but ``cms`` is read from the CMS and must agree with it; they are there so that a sheet can print them without parsing the signature.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..fsio import atomic_write
from ..i18n import Msg
from . import cms, keys
from .chain import act_moment, chain_problem, validity_problem
from .keys import Signer
from .registry import Signers, names_holder

FIELD = "signature"


@dataclass(frozen=True)
class Failure:
    code: str  # DLO903 holder, DLO904 validity, DLO905 trust, DLO906 signature
    message: str


def signer_failures(
    signers: Signers,
    signer: Signer,
    role: str,
    moment: dt.datetime,
    day: dt.date,
    signed_on: dt.date | None = None,
    person: dict[str, str] | None = None,
) -> list[Failure]:
    """Every check a signer's certificate fails for acting as ``role`` in an act of ``day``,
    signed on ``signed_on`` (default: ``day``) by ``person`` (default: the position's holder as
    the registry names them now) (empty: it may sign)."""
    cert = signer.certificate
    failures = []
    if person is None and signers.bound(role):
        person = signers.registry.position(role).holder
    holder = signers.holder_problem(role, cert, day, signed_on, person or None, signing=True)
    if holder:
        failures.append(Failure("DLO903", holder))
    validity = validity_problem(cert, moment, day)
    if validity:
        failures.append(Failure("DLO904", validity))
    at = min(moment, cert.not_valid_after_utc)
    trust = chain_problem(cert, signer.chain, signers.anchors, at, signers.anchors_source)
    if trust and not validity:
        failures.append(Failure("DLO905", trust))
    elif trust:  # an expired certificate fails the chain at that time too: say why it is trusted
        start = cert.not_valid_before_utc
        still = chain_problem(cert, signer.chain, signers.anchors, start, signers.anchors_source)
        if still:
            failures.append(Failure("DLO905", still))
    return failures


def record(signer: Signer, data: bytes) -> dict[str, str]:
    """Sign ``data`` and return the record to store beside the event."""
    der = cms.sign(signer, data)
    checked = cms.check(der, data)
    info = keys.info(checked.certificate)
    signed_at = checked.signing_time or dt.datetime.now(dt.UTC)
    return {
        "signer": info.common_name,
        "certificate": info.fingerprint,
        "serial": info.serial,
        "subject": info.subject,
        "signed_at": signed_at.isoformat(),
        "cms": base64.b64encode(der).decode("ascii"),
    }


def der_of(entry_record: object) -> bytes | None:
    if not isinstance(entry_record, dict) or not isinstance(entry_record.get("cms"), str):
        return None
    try:
        return base64.b64decode(entry_record["cms"], validate=True)
    except (binascii.Error, ValueError):
        return None


def names(entry_record: object, holder: dict[str, str] | None) -> bool:
    """Whether the certificate a stored signature record was made with names ``holder`` (as
    ``registry.names_holder`` reads a name): that person's key signed it, whatever position the
    registry bound the certificate to. False without a holder or a readable certificate."""
    der = der_of(entry_record)
    if der is None or not holder:
        return False
    try:
        return names_holder(cms.signer(der), holder)
    except cms.BadSignature:
        return False


def _trust(signers: Signers, checked: cms.Checked, moment: dt.datetime) -> str | None:
    cert = checked.certificate
    at = moment
    if moment > cert.not_valid_after_utc or moment < cert.not_valid_before_utc:
        at = cert.not_valid_before_utc  # validity is reported on its own; is the issuer trusted?
    return chain_problem(cert, checked.others, signers.anchors, at, signers.anchors_source)


def _signed_on(checked: cms.Checked, recorded: dt.datetime) -> dt.date:
    """The day a signature was made: the day its event was recorded, or the day of its own
    signing time (a signed attribute) when later: an event whose time was set back does not set
    back the day its signature was made."""
    if checked.signing_time is None or recorded.tzinfo is None:
        return recorded.date()
    return max(recorded.date(), checked.signing_time.astimezone(recorded.tzinfo).date())


def record_failures(
    signers: Signers,
    entry_record: object,
    data: bytes,
    role: str,
    moment: dt.datetime,
    day: dt.date,
    holder_then: dict[str, str] | None = None,
) -> list[Failure]:
    """Every check a stored signature record fails: the signature over ``data``, the record's
    fields, the certificate's validity at ``moment`` (when the event was recorded; for an act
    dated before that, on its ``day`` alone: see ``chain.act_moment``) and on ``day``, the holder
    of ``role`` on ``day`` and on the day it was recorded (named ``holder_then`` when the event
    recorded who held the role), the chain to a trusted CA. Every check is made with the
    certificate the signature carries, never with the registry's file as it is now."""
    der = der_of(entry_record)
    if der is None:
        return [Failure("DLO906", Msg("the signature record is malformed (no base64 cms)"))]
    try:
        checked = cms.check(der, data)
    except cms.BadSignature as exc:
        reason = exc.args[0] if exc.args else str(exc)
        return [
            Failure(
                "DLO906", Msg("the signature does not match the event: {reason}", reason=reason)
            )
        ]
    info = keys.info(checked.certificate)
    recorded = _signed_on(checked, moment)
    moment = act_moment(checked.certificate, moment, day)
    assert isinstance(entry_record, dict)
    failures = []
    signed_at = checked.signing_time.isoformat() if checked.signing_time else None
    fields = (
        ("certificate", info.fingerprint),
        ("serial", info.serial),
        ("signer", info.common_name),
        ("subject", info.subject),
        ("signed_at", signed_at),
    )
    for key, value in fields:
        if entry_record.get(key) != value:
            failures.append(
                Failure(
                    "DLO906",
                    Msg("the record's {key} differs from the signing certificate's", key=key),
                )
            )
    validity = validity_problem(checked.certificate, moment, day)
    if validity:
        failures.append(Failure("DLO904", validity))
    holder = signers.holder_problem(role, checked.certificate, day, recorded, holder_then)
    if holder:
        failures.append(Failure("DLO903", holder))
    trust = _trust(signers, checked, moment)
    if trust:
        failures.append(Failure("DLO905", trust))
    return failures


def export(folder: Path, name: str, entry_record: object, data: bytes) -> list[Path]:
    """Write ``NAME.p7s`` (the DER signature) and ``NAME.bin`` (the signed bytes) for openssl."""
    der = der_of(entry_record)
    if der is None:
        return []
    written = [folder / f"{name}.p7s", folder / f"{name}.bin"]
    atomic_write(written[0], der, mode=0o644)
    atomic_write(written[1], data, mode=0o644)
    return written


def export_anchors(folder: Path, signers: Signers) -> Path:
    path = folder / "ca.pem"
    atomic_write(path, b"".join(keys.pem(c) for c in signers.anchors), mode=0o644)
    return path
