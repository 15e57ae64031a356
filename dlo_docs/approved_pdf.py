"""The PDF/A of an approved edition, signed by its approver (PAdES), and checking such a PDF.

A service over the workflow (which edition is in force, its approving order and approver), the
renderer (the PDF/A) and the signing library (the approver's certificate, PAdES).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import api, inputs, labels, records, scratch, workflow
from .errors import DloError, Location, UsageError, error, os_reason
from .fsio import atomic_write
from .i18n import Msg
from .project import Loaded, Project
from .render import pdf_cache
from .signing import decisions, keys, pades
from .signing.keys import Signer
from .signing.registry import Signers
from .workflow import signing_roles

if TYPE_CHECKING:
    from .model import Registry


def signers_of(project: Project) -> Signers:
    loaded = Loaded()
    project.load_registry(loaded)
    if loaded.errors or loaded.registry is None:
        raise DloError(loaded.errors)
    return Signers(project, loaded.registry, loaded.registry_source)


@dataclass(frozen=True)
class Approval:
    edition: int
    approver: str  # the registry position that approved it (the journal's approval event)
    number: str
    date: dt.date
    by_signature: bool = False  # approved by the official's signature: no order


def reason(words: dict, approval: Approval) -> str:
    """The reason the approver's signature states: the order, or the approval by signature."""
    day = f"{approval.date:%d.%m.%Y}"
    if approval.by_signature:
        return str(words["form"]["signed_approval"].format(date=day))
    return str(words["form"]["approved_by_order"].format(date=day, number=approval.number))


def approval_of(project: Project, reg_id: str) -> Approval:
    """The edition in force and its approval; refuses a regulation whose printed text would not
    be exactly the approved one."""
    st = workflow.status(project, reg_id)
    if st.approved_edition is not None and st.takes_effect is not None:
        raise UsageError(
            Msg(
                "edition {n} of {reg_id} is approved but takes effect on {date}: its PDF is "
                "signed from that day, when dlo render prints it as the edition in force",
                n=st.approved_edition,
                reg_id=reg_id,
                date=st.takes_effect.strftime("%d.%m.%Y"),
            )
        )
    if st.edition_in_force is None or st.in_force_order is None:
        raise UsageError(
            Msg(
                "{reg_id} has no edition in force: only an approved edition's PDF is signed",
                reg_id=reg_id,
            )
        )
    if st.state != "in_force" or st.changed:
        raise UsageError(
            Msg(
                "the working text of {reg_id} is not the edition in force ({value})",
                reg_id=reg_id,
                value=Msg("a revision is open") if st.state != "in_force" else Msg("it was edited"),
            ),
            Msg("sign when no draft is open and the text is the approved one"),
        )
    order = st.in_force_order
    # who approved it, as the journal recorded (the authority its submission fixed), not whom its
    # frozen text names: a revision that changes approval.by changes it for the next one
    approved = workflow.history(project, reg_id).approvals[st.edition_in_force]
    return Approval(
        st.edition_in_force,
        str(approved.role),
        order.number,
        order.date,
        by_signature=approved.get("form") == "signature",
    )


def check_approver(project: Project, approval: Approval, signer: Signer) -> Signers:
    """Refuse, naming every check that fails, unless ``signer`` is the approver's certificate."""
    signers = signers_of(project)
    now = dt.datetime.now(dt.UTC)
    today = workflow.today(signers.registry.organisation.timezone)
    failures = decisions.signer_failures(
        signers, signer, approval.approver, now, approval.date, today
    )
    if failures:
        where = Location(signer.source or "dlo")
        raise DloError([error(where, f.code, f.message) for f in failures])
    return signers


def _stamp(lang: str, project: Project, signer: Signer, zone: dt.tzinfo | None) -> list[str]:
    words = labels.labels(lang, project.templates)["signature"]
    info = signer.info
    when = dt.datetime.now(zone).strftime("%d.%m.%Y %H:%M %z")
    return [
        words["stamp"],
        words["signer"].format(signer=info.common_name or info.subject),
        words["certificate"].format(serial=info.serial),
        words["time"].format(time=when),
    ]


def sign_approved(
    project: Project,
    reg_id: str,
    signer: Signer,
    lang: str | None = None,
    out: Path | None = None,
    rendered_as: Callable[[api.Rendered], None] | None = None,
) -> list[Path]:
    """Render the PDF/A of the edition in force (``<out>/<id>.<lang>.pdf``, as ``dlo render``)
    and sign it as its approver: ``<out>/<id>.<lang>.signed.pdf``, a name no render writes.
    ``rendered_as`` is told what that render did (the files it removed are to be said)."""
    approval = approval_of(project, reg_id)
    registry = check_approver(project, approval, signer).registry
    with scratch.folder("sign-pdf") as private:
        # What is signed is rendered into a folder of the signer's own, outside the project,
        # and converted anew: the copy in ``out``, a folder others may write (a clerk's), could
        # be replaced between its render and its reading; and a cache filled by a dlo that still
        # converted inside ``out`` could hold a PDF a clerk swapped there (``pdf_cache.fresh``;
        # a conversion now keeps only what LibreOffice made in a private folder).
        with pdf_cache.fresh():
            mine = api.render(project, [reg_id], ["pdf"], lang, private)
        if mine.problems and not mine.outputs:
            raise DloError(mine.problems)
        # the unsigned copy, as ``dlo render`` writes it (its PDFs from the cache just filled)
        rendered = api.render(project, [reg_id], ["pdf"], lang, out)
        if rendered.problems and not rendered.outputs:
            raise DloError(rendered.problems)
        if rendered_as is not None:
            rendered_as(rendered)
        return _signed(project, registry, approval, signer, mine.outputs, project.output(out))


def _signed(
    project: Project,
    registry: Registry,
    approval: Approval,
    signer: Signer,
    outputs: list[api.Output],
    out: Path,
) -> list[Path]:
    """Each of ``outputs`` (in the signer's own folder) signed as ``<out>/<id>.<lang>.signed.pdf``."""
    zone = dt.datetime.fromisoformat("2000-01-01T00:00:00" + registry.organisation.timezone).tzinfo
    written = []
    for output in outputs:
        words = labels.labels(output.lang, project.templates)
        why = reason(words, approval)
        city = registry.organisation.city
        signed = pades.sign(
            output.path.read_bytes(),
            keys.key_der(signer),
            keys.der(signer.certificate),
            [keys.der(c) for c in signer.chain],
            _stamp(output.lang, project, signer, zone),
            reason=why,
            location=city.get(output.lang) or next(iter(city.values())),
        )
        path = out / f"{output.id}.{output.lang}.signed.pdf"
        atomic_write(path, signed)
        written.append(path)
    return written


def check_pdf(project: Project, path: Path) -> list[pades.PdfSignature]:
    """The signatures of a PDF, validated against the project's trusted CAs."""
    signers = signers_of(project)
    try:
        data = inputs.read_bytes(path, limit=inputs.MAX_IMPORT_BYTES)
    except inputs.InputRefused as exc:
        raise UsageError(
            Msg("cannot read {path}: {reason}", path=path, reason=exc.reason), exc.hint
        ) from None
    except OSError as exc:
        raise UsageError(
            Msg("cannot read {path}: {reason}", path=path, reason=os_reason(exc))
        ) from None
    found = pades.check(data, [keys.der(c) for c in signers.anchors], str(path))
    owners = _positions(signers)
    checked = []
    for sig in found:
        sig = replace(sig, positions=owners.get(sig.fingerprint, ()))
        if sig.positions:
            sig = replace(sig, refusals=tuple(_refusals(project, signers, sig)))
            sig = replace(sig, scope=_scope(project, signers, sig))
        checked.append(sig)
    return checked


def _scope(project: Project, signers: Signers, sig: pades.PdfSignature) -> str:
    """What the signature of an official of the registry was checked against, and, for an
    approved edition, where that edition stands now: a valid approval of an edition since
    superseded or withdrawn is no edition in force."""
    shown = records.Shown.parse(sig.document)
    if shown.id not in project.ids():
        return Msg(
            "the PDF names no regulation of the project: no approval was checked, only that an "
            "official of the registry signed it"
        )
    approver = Msg("the approver of edition {n} of {id}", n=shown.edition, id=shown.id)
    if sig.refusals or shown.edition is None:
        return approver
    st = workflow.journal_status(project, shown.id, signers.registry)
    standing = _standing(st, shown.edition)
    return (
        approver
        if standing is None
        else Msg("{approver} ({standing})", approver=approver, standing=standing)
    )


def _standing(st: workflow.Status, n: int) -> str | None:
    """Where approved edition ``n`` stands by its regulation's journal (``st``)."""
    state = st.editions.get(n)
    if st.approved_edition == n and st.takes_effect is not None:
        day = st.takes_effect.strftime("%d.%m.%Y")
        return Msg("approved, takes effect on {date}", date=day)
    if state == "in_force":
        return Msg("the edition in force")
    if state == "withdrawn":
        return Msg("withdrawn: not in force")
    if state == "superseded" and st.edition_in_force is not None:
        return Msg("superseded: edition {m} is in force", m=st.edition_in_force)
    if state == "superseded":
        return Msg("superseded: not in force")
    return None


def _refusals(project: Project, signers: Signers, sig: pades.PdfSignature) -> list[str]:
    """Why the signer of a PDF that names a regulation of the project is not the approver of the
    edition it shows (empty: they are): the edition and the content hash its keywords name must
    be an approved edition's, and the certificate the registry's certificate of the holder of the
    position that approved it on its order's date (as ``sign-pdf`` requires)."""
    shown = records.Shown.parse(sig.document)
    if shown.id not in project.ids():
        return []  # names no regulation of the project: no approval to compare with
    if shown.edition is None or shown.content_hash is None:
        return [
            Msg(
                "the PDF does not name the approved edition of {id} it shows (a PDF dlo renders "
                "of an approved edition names it in its keywords; one signed before dlo named "
                "it there is signed again by the approver of the edition in force: dlo sign-pdf "
                "{id} --sign KEY.p12)",
                id=shown.id,
            )
        ]
    # a history dlo verify rejects (edited, forged, a signature failing or missing) vouches
    # for no signature
    damaged = any(p.severity == "error" for p in workflow.verify(project, [shown.id])[shown.id])
    if damaged:
        return [
            Msg(
                "the journal of {id} does not verify: its approvals prove nothing (dlo verify {id})",
                id=shown.id,
            )
        ]
    approval = workflow.history(project, shown.id).approvals.get(shown.edition)
    if approval is None or approval.content_hash != shown.content_hash:
        return [
            Msg(
                "the PDF shows edition {n} of {id} with a text that was not approved",
                n=shown.edition,
                id=shown.id,
            )
        ]
    role, holder = signing_roles.acting(approval.raw)
    if not role or role not in (sig.positions or ()):
        return [
            Msg(
                "the signer ({positions}) did not approve edition {n} of {id} (approved by {role})",
                positions=", ".join(sig.positions or ()),
                n=shown.edition,
                id=shown.id,
                role=role or "-",
            )
        ]
    problem = signers.holder_problem(
        role, keys.from_der(sig.certificate), approval.order.date, holder_then=holder
    )
    return [problem] if problem else []


def _positions(signers: Signers) -> dict[str, tuple[str, ...]]:
    """Whose certificate each of the registry's is: fingerprint -> the positions binding it. The
    trusted CA (a national one) certifies everyone; a PDF counts as an official's only when its
    signer's certificate is one the registry binds to a position."""
    found: dict[str, tuple[str, ...]] = {}
    for position in signers.registry.positions:
        for bound in signers.bound(position.id):
            fingerprint = keys.info(bound.certificate).fingerprint
            found[fingerprint] = (*found.get(fingerprint, ()), position.id)
    return found
