"""Trust: does a certificate chain to one of the trusted CA certificates at a given moment?"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.x509.verification import ExtensionPolicy, PolicyBuilder, Store, VerificationError

from ..i18n import Msg


def validity_problem(
    cert: x509.Certificate, moment: dt.datetime, day: dt.date | None = None
) -> str | None:
    """Why ``cert`` is not valid at ``moment`` or on any part of ``day`` (None: it is)."""
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    if day is not None:
        day_start = dt.datetime.combine(day, dt.time.min, moment.tzinfo or dt.UTC)
        if day_start >= end:
            return Msg(
                "the certificate expired on {date}, before the event's date {day}",
                date=end.date(),
                day=day,
            )
        if day_start + dt.timedelta(days=1) <= start:
            return Msg(
                "the certificate is valid only from {date}, after the event's date {day}",
                date=start.date(),
                day=day,
            )
    if moment > end:
        return Msg(
            "the certificate expired on {date}, before {moment}",
            date=end.date(),
            moment=moment.isoformat(),
        )
    if moment < start:
        return Msg(
            "the certificate is valid only from {date}, after {moment}",
            date=start.date(),
            moment=moment.isoformat(),
        )
    return None


def act_moment(cert: x509.Certificate, moment: dt.datetime, day: dt.date) -> dt.datetime:
    """The moment a certificate is checked at for an act of ``day`` signed at ``moment``.

    An act signed on its own day is checked at the signing moment. A back-dated act (an agreement
    signed on paper on Monday, recorded and signed on Friday) is checked on its day: the moment of
    ``day`` (in ``moment``'s zone) when the certificate was valid, else the day's start, at which
    the validity check then fails and says why."""
    zone = moment.tzinfo or dt.UTC
    if day >= moment.astimezone(zone).date():
        return moment
    start = dt.datetime.combine(day, dt.time.min, zone)
    last = start + dt.timedelta(days=1, microseconds=-1)
    earliest = max(start, cert.not_valid_before_utc)
    latest = min(last, cert.not_valid_after_utc)
    return earliest if earliest <= latest else start


def chain_problem(
    cert: x509.Certificate,
    intermediates: list[x509.Certificate],
    anchors: list[x509.Certificate],
    moment: dt.datetime,
    source: str = "signatures.trust",
) -> str | None:
    """Why ``cert`` does not chain to a trusted CA at ``moment`` (None: it does); ``source``: where
    ``anchors`` came from, as the message names it.

    The CA certificates must be proper CAs (basic constraints, key usage: certificate signing);
    the official's own certificate may carry whatever extensions its CA puts in it."""
    if not anchors:
        return Msg("no trusted CA certificate is configured")
    builder = PolicyBuilder().store(Store(anchors)).time(moment.astimezone(dt.UTC))
    builder = builder.extension_policies(
        ca_policy=ExtensionPolicy.webpki_defaults_ca(), ee_policy=ExtensionPolicy.permit_all()
    )
    try:
        builder.build_client_verifier().verify(cert, intermediates)
    except VerificationError as exc:
        if not _leads_to(cert, intermediates, anchors):
            return Msg(
                "the certificate was issued by {issuer}, which is not a trusted CA of {source} "
                "nor certified by one",
                issuer=cert.issuer.rfc4514_string(),
                source=source,
            )
        return Msg(
            "the certificate, issued by {issuer}, does not chain to a trusted CA of "
            "{source} ({error})",
            issuer=cert.issuer.rfc4514_string(),
            source=source,
            error=exc,
        )
    return None


def _leads_to(
    cert: x509.Certificate, intermediates: list[x509.Certificate], anchors: list[x509.Certificate]
) -> bool:
    """Does ``cert``'s issuer, by name, lead to one of ``anchors`` (through ``intermediates``)?
    When not, the verifier's own reason ("candidates exhausted", "exceeds max depth") only
    hides that the issuer is no trusted CA."""
    trusted = {anchor.subject for anchor in anchors}
    issuers = {c.subject: c.issuer for c in intermediates if c.subject != c.issuer}
    name, seen = cert.issuer, set()
    while name not in trusted:
        if name in seen or name not in issuers:
            return False
        seen.add(name)
        name = issuers[name]
    return True
