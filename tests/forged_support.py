"""Forged histories of a project of two regulations in force, every decision signed and the
registry requiring them signed: the attacks the outputs that read a journal are tried against
(the register, ``dlo status``, ``dlo log``). Each attack on the seed's journal is listed in
``ATTACKS`` with the code it must be reported with; ``edition_edited`` edits its frozen edition."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from desk_support import new_clean
from signing_support import (
    NOW,
    PASSWORD,
    entries,
    journal_file,
    office,
    rewrite,
    set_signatures,
)
from workflow_support import APPROVERS, REG, ok

from dlo_docs import load

# today in the registry's time zone (+05:00): the certificates are valid from now
TODAY = NOW.astimezone(dt.timezone(dt.timedelta(hours=5))).date().isoformat()
OTHER = "x-other"
ORDER, OTHER_ORDER = "12-НҚ", "7-НҚ"
FORGED_ORDER, FORGED_DATE = "99-НҚ", "2020-01-02"


def signed_office(dlo, root) -> None:
    """Two regulations in force, every agreement and approval signed, the registry requiring
    them signed: the seed (order 12-НҚ) and a second one (order 7-НҚ)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)
        setup = office(root, roles=(*APPROVERS, "rector"))
        set_signatures(root, ["keys/ca.pem"], ["agreed", "approved"])
        approve_signed(dlo, root, setup.p12, REG, APPROVERS, ORDER)
        new_clean(dlo, root, OTHER, "--position", "ubbi-director", "--approvers", "vp-academic")
        approve_signed(dlo, root, setup.p12, OTHER, ["vp-academic"], OTHER_ORDER)


def approve_signed(dlo, root, p12: dict, reg: str, approvers, order: str) -> None:
    """submit -> each approver agrees, signing with their key -> the rector approves by
    ``order`` today, signing (``p12``: each role's key file, as ``office`` makes them)."""
    ok(dlo, root, "submit", reg)
    for role in approvers:
        ok(dlo, root, "agree", reg, "--as", role, "--sign", p12[role])
    ok(dlo, root, "approve", reg, "--order", order, "--date", TODAY, "--sign", p12["rector"])


def edited(root) -> None:
    """The approval's order moved back by hand, the hashes left as they were."""
    data = entries(root)
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    journal_file(root).write_text(load.dumps(data), encoding="utf-8")


def recomputed(root) -> None:
    """The same, and every hash after it computed again: the chain is whole; the approval's
    signature (of the order as it was) is not."""
    data = entries(root)
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    rewrite(root, data)


def stripped(root) -> None:
    """The same with the approval's signature removed: the registry requires it."""
    data = entries(root)
    del data[-1]["signature"]
    data[-1]["order"].update(number=FORGED_ORDER, date=FORGED_DATE)
    rewrite(root, data)


def unagreed(root) -> None:
    """An agreement deleted and the chain recomputed: an approval no command would write."""
    data = [e for e in entries(root) if e.get("role") != "legal-head"]
    for seq, entry in enumerate(data, 1):
        entry["seq"] = seq
    rewrite(root, data)


def edition_edited(root, reg: str = REG) -> None:
    """The frozen edition in force edited by hand (a word of its title): the journal is whole,
    the text is not the one approved."""
    path = root / "regulations" / reg / "editions" / "1.yaml"
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"^(title:\n  kk: )(.*)$", r"\1\2 (өзгертілген)", text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


ATTACKS = {
    "edited": (edited, "DLO601"),
    "recomputed": (recomputed, "DLO910"),
    "stripped": (stripped, "DLO910"),
    "unagreed": (unagreed, "DLO612"),
}
