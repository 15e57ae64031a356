"""What must hold before a command writes: the history it appends to is intact (the journal's
chain and the frozen editions it approved), and a text moving forward (submitted, approved) has
no errors that ``dlo check`` finds; and a file a command changed for an event it then does not
record is put back as it was."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .. import form_names, lazy
from ..canonical import CONTROL_DIGITS, EXAMPLE, control_code
from ..errors import DloError, Location, Problem, UsageError, error
from ..fsio import atomic_write
from ..i18n import Msg
from . import approving, integrity, loading, signatures
from .loading import Ctx
from .self_approval import agreed_by_others, not_self_agreed, not_self_approved
from .self_approval import not_own_key as not_own_key  # the signing hook's (``commands``)

if TYPE_CHECKING:
    from .. import lint
    from ..records import Records
else:  # only a text moving forward is linted: the other commands do not load the rules
    lint = lazy.module("dlo_docs.lint")


def intact(ctx: Ctx) -> None:
    """Refuse (DLO632, then every error ``verify`` names) when the journal or a frozen edition
    it relies on is damaged, or a signature fails (or was removed where the policy requires
    one): no event is ever appended to a forged or broken history."""
    found = integrity.check(ctx.project, ctx.reg_id, ctx.journal)
    if not ctx.journal.problems:
        found += signatures.verify(ctx.project, ctx.journal, ctx.loaded)
    damage = [p for p in found if _error(p)]
    if damage:
        raise DloError(
            [
                error(
                    Location(ctx.journal.display),
                    "DLO632",
                    Msg(
                        "{reg_id}: refused, its history is damaged (errors: {n}, below): nothing is "
                        "recorded on a broken or forged journal",
                        reg_id=ctx.reg_id,
                        n=len(damage),
                    ),
                    Msg(
                        "restore the journal and editions from version control; dlo verify {reg_id}",
                        reg_id=ctx.reg_id,
                    ),
                ),
                *sorted(set(damage)),
            ]
        )


def _cannot(verb: str, reg_id: str, n: int) -> Msg:
    if verb == "submitted":
        return Msg(
            "{id} cannot be submitted: the draft has errors ({n}, listed below)", id=reg_id, n=n
        )
    if verb == "approved":
        return Msg(
            "{id} cannot be approved: the draft has errors ({n}, listed below)", id=reg_id, n=n
        )
    return Msg(
        "{id} cannot be registered: the draft has errors ({n}, listed below)", id=reg_id, n=n
    )


def valid(ctx: Ctx, verb: str) -> None:
    """Refuse (DLO631, then every error ``dlo check`` finds in the draft) to ``verb`` a text
    with errors: nothing invalid moves forward. Only the rules that can report an error run
    (``lint.ERRORS``): the others only warn."""
    found = lint.run(ctx.loaded, select=lint.ERRORS, templates=ctx.project.templates)
    # the names of a submission and an approval are judged on the route it fixes or fixed and
    # the names captured (``printable``), not on the draft's own route
    names = form_names.CODE if verb in ("submitted", "approved") else None
    errors = [p for p in found if _error(p) and p.code != names]
    if errors:
        raise DloError(
            [
                error(
                    ctx.at(),
                    "DLO631",
                    _cannot(verb, ctx.reg_id, len(errors)),
                    Msg(
                        "fix them, then run dlo check regulations/{reg_id} until it reports none",
                        reg_id=ctx.reg_id,
                    ),
                ),
                *errors,
            ]
        )


def printable(ctx: Ctx, records: Records, verb: str = "approved") -> None:
    """Refuse (DLO631, then each DLO117) to submit or approve (``verb``) a text whose forms, with
    ``records``, would print a name blank in one of its languages: for a submission the route and
    form it fixes (``records.route``, ``approved_by``, ``approval_form``), the names as the
    registry gives them now, which it captures; for an approval the approved edition's
    (``forms.approving``): the route, form and names the submission and the agreements fixed.
    Never the draft's own route, which is the next revision's. First, the approving official
    the round fixes must not be the regulation's own position or its holder
    (``not_self_approved``), nor its approvers (``not_self_agreed``, ``agreed_by_others``);
    and it must be one the organisation lets approve its regulations (``approving.allowed``)."""
    if records.approved_by:
        not_self_approved(ctx, records.approved_by, verb)
        approving.allowed(ctx, records.approved_by, verb)
    if verb == "submitted":
        not_self_agreed(ctx, list(records.route or ()), verb)
    else:
        agreed_by_others(ctx)
    model, registry = ctx.model, ctx.registry
    blanks = [  # (a problem of no language, a position gone from the registry, comes once)
        p
        for lang in model.languages
        for p in form_names.missing(
            model,
            ctx.document.source,
            registry,
            lang,
            records,
            registry_source=ctx.loaded.registry_source,
        )
    ]
    blanks = list(dict.fromkeys(blanks))
    if blanks:
        message = _cannot_print(ctx.reg_id, verb, len(blanks))
        raise DloError([error(ctx.at(), "DLO631", message), *blanks])


def _cannot_print(reg_id: str, verb: str, n: int) -> Msg:
    if verb == "submitted":
        return Msg(
            "{id} cannot be submitted: its forms would print {n} name(s) blank (listed below)",
            id=reg_id,
            n=n,
        )
    return Msg(
        "{id} cannot be approved: its forms would print {n} name(s) blank (listed below)",
        id=reg_id,
        n=n,
    )


def route_defined(ctx: Ctx, verb: str) -> None:
    """Refuse (DLO631, then DLO117 for each) to go on with a round whose route names a
    position the registry no longer defines: no one can agree as it, and no form print it."""
    gone = ctx.undefined
    if gone:
        raise DloError(
            [
                error(ctx.at(), "DLO631", _cannot_print(ctx.reg_id, verb, len(gone))),
                *(form_names.undefined(ctx.document.source, pid) for pid in gone),
            ]
        )


def order_number(ctx: Ctx, order: str | None, form: str | None = None) -> str:
    """The approving order's number; none ("") for an approval by the official's signature:
    ``form`` (``approve``: the form the submission fixed) or else ``approval.form`` of the text
    (registered from paper): ``--order`` is refused for a signed text and required for one
    approved by order."""
    if (form or ctx.model.approval.form) == "signature":
        if order is not None:
            raise UsageError(
                Msg(
                    "{id} is approved by the official's signature (approval.form: signature), "
                    "not by an order",
                    id=ctx.reg_id,
                ),
                Msg("leave out --order; --date is the day it was signed"),
            )
        return ""
    if order is None:
        raise UsageError(
            Msg(
                "--order is required: {id} is approved by order (approval.form: order)",
                id=ctx.reg_id,
            ),
            Msg("give the order's number: --order NO"),
        )
    return loading.order_number(order)


def _error(problem: Problem) -> bool:
    return problem.severity == "error"


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def put_back_unless_recorded(path: Path, journal: Path) -> Iterator[None]:
    """``path`` put back byte for byte when what runs inside fails and ``journal`` is unchanged:
    a draft changed for an event that was never recorded (refused, or the disk failed) is not
    left changed."""
    before, recorded = path.read_bytes(), _bytes(journal)
    try:
        yield
    except BaseException:
        if _bytes(journal) == recorded and _bytes(path) != before:
            atomic_write(path, before)
        raise


# the code as a copy prints it, or the whole content hash (a digit more or less is a typing error)
_CODE = re.compile(rf"[0-9a-f]{{{CONTROL_DIGITS}}}|[0-9a-f]{{64}}")
# the Cyrillic letters that print as the code's a, b, c, e: typed on a Kazakh or Russian
# keyboard layout, the code reads as the copy prints it
_LOOKALIKES = str.maketrans("аАВсСеЕ", "aabccee")


def text_read(ctx: Ctx, code: str | None, option: str = "--text") -> None:
    """Refuse (DLO628) a decision on a text other than the one the official read: ``code`` is
    the control code its copy prints at the head of each page (spaces, case and Cyrillic letters
    that look the same as typed), and must begin the current text's content hash. None: no copy
    named (nothing checked)."""
    if code is None:
        return
    given = re.sub(r"[\s-]", "", code).translate(_LOOKALIKES).lower()
    if not _CODE.fullmatch(given):
        raise UsageError(
            Msg("{option} {code} is not a text's control code", option=option, code=repr(code)),
            Msg(
                "give the {n} digits and letters a–f that the copy read prints at the head of "
                "each page, as '{example}'",
                n=CONTROL_DIGITS,
                example=EXAMPLE,
            ),
        )
    if not ctx.hash.startswith(given):
        raise ctx.refuse(
            "DLO628",
            Msg(
                "the text of {reg_id} is not the text read: its control code is {now}, the copy "
                "read prints {given}; nothing was recorded",
                reg_id=ctx.reg_id,
                now=control_code(ctx.hash),
                given=control_code(given) if len(given) == CONTROL_DIGITS else code.strip(),
            ),
            Msg(
                "the text changed after that copy was printed: have the current draft read "
                "(dlo render {reg_id} --draft prints its code on every page)",
                reg_id=ctx.reg_id,
            ),
        )
