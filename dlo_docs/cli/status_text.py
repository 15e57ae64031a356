"""What ``dlo status`` and ``dlo log`` print, in the interface language (their ``--format json``
stays English: data for programs). Ids, roles, numbers and hashes are shown as they are; a date
as the interface language writes it (``i18n.written``: DD.MM.YYYY in Kazakh and Russian)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from .. import i18n, lazy
from ..chars import one_line, visible
from ..errors import DloError
from ..i18n import N_, _, pgettext, written
from ..i18n import text as said

if TYPE_CHECKING:
    from ..workflow import Event, Status

workflow = lazy.module("dlo_docs.workflow")

ROUTES = {"sequential": N_("sequential"), "parallel": N_("parallel")}
# the words of a journal event's fields (its kind: ``event_name``)
FIELDS = {"reason": N_("reason"), "remarks": N_("remarks"), "result": N_("result")}
# what a correction fixes (its ``field``), as a word of the interface's language
CORRECTED = {
    "date": N_("date"),
    "remarks": N_("remarks"),
    "effective": N_("effective date"),
    "number": N_("order number"),
}


def corrected_field(field: object) -> str:
    """The name of a field a correction fixed, in the interface's language (as recorded when it
    is none a command writes)."""
    name = CORRECTED.get(str(field))
    return _(name) if name else str(field)


def day_shown(value: object) -> object:
    """A date the journal holds as ISO text (a correction's value, a paper agreement's day) as
    the interface's language writes any other date (``i18n.written``); anything else as it is."""
    if isinstance(value, str | dt.date):
        try:
            return str(written(dt.date.fromisoformat(str(value))))
        except ValueError:  # not a date: as recorded
            pass
    return value


def corrected_value(field: object, value: object) -> object:
    """A value a correction recorded: a corrected date or effective date as ``day_shown``."""
    return day_shown(value) if field in ("date", "effective") else value


def _state(st: Status) -> str:
    if st.state == "approved":
        return _("approved, takes effect {date} (edition {n})").format(
            date=st.takes_effect, n=st.approved_edition
        )
    return workflow.state_name(st.state)


def head(st: Status) -> str:
    line = f"{st.id}: {_state(st)}"
    if st.draft_edition is not None:
        line += " " + _("(edition {n})").format(n=st.draft_edition)
    return line


def _order(number: object, date: object, effective: object) -> str:
    if not number:  # approved by the official's signature: no order
        if effective:
            return _("approved by signature on {date}, effective {effective}").format(
                date=date, effective=effective
            )
        return _("approved by signature on {date}").format(date=date)
    if effective:
        return _("order № {number} of {date}, effective {effective}").format(
            number=number, date=date, effective=effective
        )
    return _("order № {number} of {date}").format(number=number, date=date)


def _in_force(st: Status) -> str:
    o = st.in_force_order
    if st.edition_in_force is None or o is None:
        return _("  edition in force: none")
    effective = o.effective if o.effective and o.effective != o.date else None
    return _("  edition in force: {n} ({order})").format(
        n=st.edition_in_force, order=_order(o.number, o.date, effective)
    )


def _route(st: Status, titles: dict[str, str]) -> list[str]:
    route = _(ROUTES.get(st.route_kind or "", st.route_kind or ""))
    lines = [_("  route ({kind}): {roles}").format(kind=route, roles=", ".join(st.route))]
    if st.agreed:
        lines.append(_("  agreed: {roles}").format(roles=", ".join(st.agreed)))
    # whom to ask, as the clerk knows them: "vp-academic — Оқу ісі жөніндегі проректор"
    named = [f"{r} — {titles[r]}" if titles.get(r) else r for r in st.pending]
    pending = [
        _("{role} (next)").format(role=r) if i == 0 and st.route_kind == "sequential" else r
        for i, r in enumerate(named)
    ]
    lines.append(_("  pending approvers: {roles}").format(roles=", ".join(pending) or _("none")))
    return lines


def _warnings(st: Status) -> list[str]:
    lines = []
    if st.voided:
        reason = (
            said(st.void_reason) if st.void_reason else _("the text changed after agreement began")
        )
        lines.append(
            _("  VOID: {reason}; the agreements given are void (resubmit: dlo submit {id})").format(
                reason=reason, id=st.id
            )
        )
    if st.lapsed:
        lines.append(
            _("  lapsed (holder changed since they agreed; they must agree again): {roles}").format(
                roles=", ".join(st.lapsed)
            )
        )
    if st.undefined:
        lines.append(
            _(
                "  not in the registry (the round's route names them; define them again in "
                "regulations/registry.yaml, or the round cannot end): {roles}"
            ).format(roles=", ".join(st.undefined))
        )
    if st.returned:
        r = st.returned
        lines.append(
            _("  returned by {role} on {date}: {remarks}").format(
                role=r["role"], date=r["date"], remarks=r["remarks"]
            )
        )
    if st.changed:
        lines.append(
            _(
                "  note: regulation.yaml differs from edition {n} in force; "
                "open a revision to change it (dlo revise {id})"
            ).format(n=st.edition_in_force, id=st.id)
        )
    return lines


def status_lines(st: Status, titles: dict[str, str] | None = None) -> list[str]:
    """``dlo status``: the state and what it waits for, one regulation; ``titles``: the
    positions' titles in the interface's language, shown beside the approvers still to agree."""
    lines = [head(st), _in_force(st)]
    if st.reason:
        lines.append(_("  revision reason: {reason}").format(reason=st.reason))
    if st.text_code:
        lines.append(_("  the draft's control code: {code}").format(code=st.text_code))
    if st.state in ("agreement", "agreed"):
        lines += _route(st, titles or {})
    lines += _warnings(st)
    due = _("  review due: {date} (overdue)") if st.review_overdue else _("  review due: {date}")
    lines.append(due.format(date=st.review_due or "-"))
    return [shown(one_line(line)) for line in lines]


def shown(text: str) -> str:
    """``text`` as a terminal gets it: no control character a journal's text could carry (an
    escape sequence that retitles the window or hides the line; a journal forged with its hashes
    recomputed can hold one, and the options that record text refuse them), and each format
    character as its code (``<U+202E>``: a direction override prints another order number)."""
    return visible(text)  # (not the line breaks and tabs the lines are laid out with)


def _corrections(ev: Event) -> list[str]:
    """A correction's line, the date of a decision, and the fields a correction fixed."""
    lines = []
    if ev.event == "corrected":
        lines.append(
            _("corrects event {k}: {field} {was!r} -> {value!r}").format(
                k=ev.get("corrects"),
                field=corrected_field(ev.get("field")),
                was=corrected_value(ev.get("field"), ev.get("was")),
                value=corrected_value(ev.get("field"), ev.get("value")),
            )
        )
    elif ev.get("date") and ev.event in ("agreed", "rejected"):
        lines.append(_("dated {date}").format(date=ev.get("date")))
    for field, seq in (ev.get("corrected") or {}).items():
        lines.append(
            _("{field} corrected by event {seq}").format(field=corrected_field(field), seq=seq)
        )
    return lines


def _details(ev: Event) -> list[str]:
    extra = []
    if ev.event == "submitted":
        kind = ev.get("route_kind") or ""
        extra.append(
            _("route ({kind}): {roles}").format(
                kind=_(ROUTES.get(kind, kind)), roles=", ".join(ev.get("route") or [])
            )
        )
    if ev.event == "acknowledged" and (ev.get("name") or ev.get("position")):
        name, position = ev.get("name"), ev.get("position")
        reader = f"{name} ({position})" if name and position else str(name or position)
        extra.append(_("read by {reader}").format(reader=reader))
    if ev.get("agreed"):
        agreed = ", ".join(f"{a.get('role')} {day_shown(a.get('date'))}" for a in ev.get("agreed"))
        extra.append(_("agreed on paper: {agreed}").format(agreed=agreed))
    for key in ("reason", "remarks", "result"):
        if ev.get(key):
            extra.append(f"{_(FIELDS[key])}: {ev.get(key)}")
    worded = ev.get("reasons")
    for lang, reason in sorted(worded.items() if isinstance(worded, dict) else ()):
        extra.append(f"{_(FIELDS['reason'])} ({lang}): {reason}")
    if ev.get("order") is not None:
        o = ev.order
        extra.append(_order(o.number, o.date, o.effective))
    if ev.get("next_due"):
        extra.append(
            _("review on {date}, next due {due}").format(
                date=ev.get("date"), due=ev.get("next_due")
            )
        )
    extra += _corrections(ev)
    sig = ev.get("signature")
    if isinstance(sig, dict):
        extra.append(
            _("signed by {subject}, certificate {serial}, at {time}").format(
                subject=sig.get("subject"), serial=sig.get("serial"), time=sig.get("signed_at")
            )
        )
    return extra


def event_name(kind: str) -> str:
    """A journal event's kind (``submitted``, ...) as ``dlo log`` names it, in the interface's
    language (English: the journal's own word)."""
    names = {
        "revised": pgettext("journal event", "revised"),
        "submitted": pgettext("journal event", "submitted"),
        "agreed": pgettext("journal event", "agreed"),
        "rejected": pgettext("journal event", "rejected"),
        "approved": pgettext("journal event", "approved"),
        "withdrawn": pgettext("journal event", "withdrawn"),
        "reviewed": pgettext("journal event", "reviewed"),
        "acknowledged": pgettext("journal event", "acknowledged"),
        "cancelled": pgettext("journal event", "cancelled"),
        "registered": pgettext("journal event", "registered"),
        "corrected": pgettext("journal event", "corrected"),
    }
    return names.get(kind, kind)


def held(ev: Event, pid: str | None) -> str | None:
    """Position ``pid`` with its holder's name as ``ev`` recorded it (its ``facts``), in the
    interface's language (else the first the event gives): "vp-academic (А. Б. Сейітова)". The
    registry names whoever holds it now; an auditor reads who held it when the act was done.
    The id alone where the event recorded no holder (written before facts were recorded)."""
    if not pid:
        return pid
    positions = (ev.get("facts") or {}).get("positions")
    found = positions.get(pid) if isinstance(positions, dict) else None
    holder = found.get("holder") if isinstance(found, dict) else None
    if not isinstance(holder, dict):
        return pid
    name = holder.get(i18n.current()) or next((v for v in holder.values() if v), None)
    return f"{pid} ({name})" if isinstance(name, str) and name else pid


def event_line(ev: Event) -> str:
    """``dlo log``: one event of the journal, its details indented under it: the acting
    position and the clerk who entered it, each with its holder as the event recorded them, and
    the account that ran the command."""
    by = held(ev, ev.get("clerk")) or ev.actor
    edition = _("edition {n}").format(n=ev.edition)
    by_whom = _("by {who}").format(who=by)
    kind = event_name(ev.event)
    line = f"{ev.seq:>3}  {ev.time}  {kind:<9}  {edition}  {held(ev, ev.role) or '-'}  {by_whom}"
    hashes = _("content {content}  hash {hash}").format(
        content=ev.content_hash[:16], hash=ev.hash[:16]
    )
    extra = _details(ev)
    if ev.get("clerk") and ev.actor:  # (without a clerk, "by" names the account itself)
        extra.append(_("account: {actor}").format(actor=ev.actor))
    details = "".join(f"\n       {one_line(e)}" for e in extra)
    return shown(one_line(line) + details + f"\n       {hashes}")


def revision_note(project, reg_id: str) -> None:
    """The edited text of a regulation in force goes for agreement only in a revision: say so
    when none is open (after import --onto and translate --from; the journal's own problems are
    for ``dlo verify`` to report)."""
    try:
        st = workflow.status(project, reg_id)
    except DloError:  # a note only: verify and status report a damaged journal
        return
    if st.changed:
        click.echo(
            _(
                "note: no revision of {id} is open: open one (dlo revise {id} --by ROLE "
                "--reason TEXT) to submit this text; edition {n} stays in force"
            ).format(id=reg_id, n=st.edition_in_force),
            err=True,
        )
