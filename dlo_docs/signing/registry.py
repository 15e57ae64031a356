"""Who may sign: the trusted CA certificates and the holders' certificates named by the registry.

A position's holder is bound to a certificate by the registry (``positions[].certificates``: a
PEM file in the project, with the days its holder held the position). A signature counts as the
holder's when the signing certificate is byte for byte that file's (compared by its SHA-256
fingerprint) and the certificate's subject names the holder (the holder's surname is a word of
its common name or surname, the holder's initials those of its other words). The CA certificates
trusted are ``signatures.trust``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .. import lazy, load
from ..errors import DloError, Location, Problem, error
from ..i18n import Msg

if TYPE_CHECKING:
    from cryptography import x509

    from ..model import HolderCertificate, Registry
    from ..project import Project
    from . import keys
else:  # cryptography is loaded when a certificate is read, not for a journal with none
    keys = lazy.module("dlo_docs.signing.keys")

_WORD = re.compile(r"[^\W\d_]+")


def _words(texts: list[str]) -> list[str]:
    """The words of ``texts``, casefolded, each once, in the order they first come."""
    return list(dict.fromkeys(w.casefold() for text in texts for w in _WORD.findall(text)))


def _initials_match(initials: list[str], others: list[str]) -> bool:
    """The holder's initials, in their order, are those of the subject's other words (given name,
    patronymic) in theirs, as many as the subject has: "А. Б. Сейітова" is not СЕЙІТОВА ЖАНАР,
    her namesake, and "Р. М. Бекова" not БЕКОВА МАДИНА РАХИМОВНА, whose initials are М. Р."""
    return all(initial == word[0] for initial, word in zip(initials, others, strict=False))


def names_holder(cert: x509.Certificate, holder: dict[str, str] | None) -> bool:
    """The certificate's subject names the holder: every word of the holder's name (in one of its
    languages) longer than an initial is a word of the subject's common name, surname or given
    name, and its initials, in their order, begin the subject's other words in theirs (as many as
    it has). A position with no holder named is not checked."""
    if not holder:
        return True
    subject = _words(keys.subject_names(cert))
    for name in holder.values():
        words = [w.casefold() for w in _WORD.findall(name)]
        wanted = {w for w in words if len(w) > 1}
        if wanted and wanted <= set(subject):
            initials = [w for w in words if len(w) == 1]
            if _initials_match(initials, [w for w in subject if w not in wanted]):
                return True
    return False


@dataclass(frozen=True)
class Bound:
    """A certificate the registry binds to a position."""

    role: str
    entry: HolderCertificate
    certificate: x509.Certificate
    where: Location

    def covers(self, day: dt.date) -> bool:
        return (self.entry.since is None or self.entry.since <= day) and (
            self.entry.until is None or day <= self.entry.until
        )


class Signers:
    """The registry's signing settings read once per command, with positioned errors."""

    def __init__(self, project: Project, registry: Registry, source: load.Source | None) -> None:
        self.project, self.registry, self.source = project, registry, source

    def _at(self, loc: list) -> Location:
        if self.source is None:
            return Location(self.project.display(self.project.registry_path))
        return self.source.at(loc)

    def _file(self, relative: str, where: Location) -> list[x509.Certificate]:
        path = (self.project.root / relative).resolve()
        if not path.is_relative_to(self.project.root):
            raise DloError(
                error(
                    where,
                    "DLO902",
                    Msg("{relative} leads outside the project", relative=relative),
                    Msg("keep certificates in the project"),
                )
            )
        return keys.load_certificates(path, relative, where)

    @property
    def required(self) -> set[str]:
        return set(self.registry.signatures.required)

    @property
    def anchors_source(self) -> str:
        """Where ``anchors`` come from, as a message names it: the files given, else the registry."""
        if self.project.trust is not None:
            return ", ".join(str(path) for path in self.project.trust)
        return "signatures.trust"

    @cached_property
    def anchors(self) -> list[x509.Certificate]:
        """The trusted CA certificates: the files the command was given (``project.trust``,
        which may be anywhere: the user's own), else the registry's ``signatures.trust``."""
        found: list[x509.Certificate] = []
        if self.project.trust is not None:
            for path in self.project.trust:
                found += keys.only_cas(keys.load_certificates(path, str(path)), str(path))
            return found
        for i, relative in enumerate(self.registry.signatures.trust):
            where = self._at(["signatures", "trust", i])
            found += keys.only_cas(self._file(relative, where), relative, where)
        return found

    def bound(self, role: str) -> list[Bound]:
        result = []
        for pi, position in enumerate(self.registry.positions):
            if position.id != role:
                continue
            for ci, entry in enumerate(position.certificates):
                where = self._at(["positions", pi, "certificates", ci, "file"])
                certs = self._file(entry.file, where)
                if len(certs) != 1:
                    raise DloError(
                        error(
                            where,
                            "DLO902",
                            Msg(
                                "{file} holds {n} certificates, not one",
                                file=entry.file,
                                n=len(certs),
                            ),
                        )
                    )
                result.append(Bound(role, entry, certs[0], where))
        return result

    def holder_problem(
        self,
        role: str,
        cert: x509.Certificate,
        day: dt.date,
        signed_on: dt.date | None = None,
        holder_then: dict[str, str] | None = None,
        signing: bool = False,
    ) -> str | None:
        """Why ``cert`` is not the certificate of the holder of ``role`` on ``day`` (the act's)
        and on ``signed_on`` (the day it was signed, when later: a former holder no longer signs
        for the position, even for an act of their days). ``holder_then``: the holder's name as
        the event recorded it (``verify``); else the entry's or the position's. ``signing``: the
        question is asked before signing (else of a signature made). None: it is."""
        fingerprint = keys.info(cert).fingerprint
        bound = self.bound(role)
        if not bound:
            return Msg("the registry names no certificate for the holder of {role}", role=role)
        info = keys.info(cert)
        described = f"{info.common_name or info.subject} (serial {info.serial})"
        days = sorted({day, signed_on or day})
        matching = [b for b in bound if keys.info(b.certificate).fingerprint == fingerprint]
        if not matching:
            return self._unbound(role, cert, described, bound, days, holder_then, signing)
        for d in days:
            if not any(b.covers(d) for b in matching):
                return Msg(
                    "the certificate of {described} was not the holder of {role}'s on {value}",
                    described=described,
                    role=role,
                    value=d,
                )
        position = self.registry.position(role)
        wanted = [holder_then or b.entry.holder or position.holder for b in matching]
        if any(names_holder(cert, holder) for holder in wanted):
            return None
        name = " / ".join(dict.fromkeys((wanted[0] or {}).values()))
        return Msg(
            "the certificate of {described} does not name the holder of {role} ({name})",
            described=described,
            role=role,
            name=name,
        )

    def _unbound(
        self,
        role: str,
        cert: x509.Certificate,
        described: str,
        bound: list[Bound],
        days: list[dt.date],
        holder_then: dict[str, str] | None,
        signing: bool,
    ) -> str:
        """Why an unbound certificate fails: another person's, or one of the holder's that the
        registry's entry for those days does not hold: before signing, a renewed certificate not
        yet in the registry; of a signature made, the entry's file replaced after it (a renewal
        that overwrote the old certificate)."""
        position = self.registry.position(role)
        for b in bound:
            holder = holder_then or b.entry.holder or position.holder
            if all(b.covers(d) for d in days) and holder and names_holder(cert, holder):
                now = keys.info(b.certificate)
                if signing:
                    return (
                        f"the certificate of {described} is not in the registry: its certificate "
                        f"of the holder of {role} ({b.entry.file}) is serial {now.serial} (a "
                        "renewed certificate is added as its own entry, the old one kept)"
                    )
                return (
                    f"the registry's certificate of the holder of {role} ({b.entry.file}) is not "
                    f"the one {described} signed with: it now holds serial {now.serial}; "
                    "the file was replaced after the signature (keep each certificate a holder "
                    "signed with as its own entry: the old one with until:, the new one with since:)"
                )
        return Msg(
            "the certificate of {described} is not the registry's certificate of the holder of {role}",
            described=described,
            role=role,
        )

    def problems(self) -> list[Problem]:
        """Every unreadable, missing or ill-bound certificate the registry names (for ``verify``)."""
        found: list[Problem] = []
        try:
            self.anchors  # noqa: B018
        except DloError as exc:
            found += exc.problems
        for position in self.registry.positions:
            try:
                for b in self.bound(position.id):
                    holder = b.entry.holder or position.holder
                    if not names_holder(b.certificate, holder):
                        name = " / ".join(dict.fromkeys((holder or {}).values()))
                        found.append(
                            error(
                                b.where,
                                "DLO903",
                                Msg(
                                    "the certificate {file} is issued to {subject}, not to the holder of {id} ({name})",
                                    file=b.entry.file,
                                    subject=keys.info(b.certificate).subject,
                                    id=position.id,
                                    name=name,
                                ),
                                Msg(
                                    "name the former holder in the entry's holder:, or fix the file"
                                ),
                            )
                        )
            except DloError as exc:
                found += exc.problems
        return found
