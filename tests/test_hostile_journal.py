"""A journal forged with its hashes recomputed: the chain cannot see it, but an event no command
would have written where it stands can be (DLO612) — an agreement with no round open or by a
role off the route, an approval of a draft not agreed, a review with no edition in force. Each
is named at its event by ``verify`` and refuses every later write (DLO632)."""

from __future__ import annotations

import copy

import pytest
from conftest import on_day
from test_workflow_control import rename_holder
from workflow_support import (
    APPROVERS,
    REG,
    agree_all,
    approved_and_reviewed,
    journal_data,
    ok,
    write_journal,
)

from dlo_docs.workflow import journal as wj


@pytest.fixture
def approved(prepared_copy, dlo):
    """Edition 1 in force and a review: submitted, four agreements, approved, reviewed."""
    return prepared_copy("approved-reviewed", approved_and_reviewed)


def _rechained(entries: list[dict]) -> list[dict]:
    """What an attacker who knows the scheme writes: seq, prev and hash recomputed throughout."""
    out: list[dict] = []
    for i, entry in enumerate(entries):
        entry = wj.normal(entry)
        entry["seq"] = i + 1
        entry["prev"] = out[-1]["hash"] if out else wj.GENESIS
        entry.pop("hash", None)
        entry["hash"] = wj.event_hash(entry)
        out.append(entry)
    return out


def _forge(project, change) -> None:
    entries = [wj.normal(e) for e in journal_data(project).data]
    write_journal(project, _rechained(change(entries)))


def _agreement_after_approval(entries):
    forged = copy.deepcopy(entries[1])  # vp-academic's agreement, again, after the approval
    return [*entries, forged]


def _role_off_route(entries):
    entries[4]["role"] = "rector"  # the last agreement given by someone not on the route
    return entries


def _approval_without_agreement(entries):
    return entries[:4] + entries[5:]  # the last agreement cut out, the chain made whole again


def _approval_in_another_form(entries):
    """The approval by order 45-НҚ rewritten as one by the rector's own signature, as `approve`
    records one (no number, ``form: signature``): the title page then printed БЕКІТЕМІН over the
    rector's name, where the submission fixed approval by order."""
    entries[5]["order"]["number"] = None
    entries[5]["form"] = "signature"
    return entries


def _approval_in_another_form_unfixed(entries):
    """The same, with the form its submission fixed deleted first: the approval is then judged
    by the form the approved text gives (order), as ``approve`` would have taken it."""
    del entries[0]["approval_form"]
    return _approval_in_another_form(entries)


def _self_approved_unagreed_first(entries):
    """A first edition's submission rewritten to need no agreement (an empty route) and to be
    approved by the regulation's own position, its text hash made another's so that its own
    approved text was not compared with it; the agreements cut out and the approval made by that
    position: the title page printed БЕКІТІЛДІ over the head's own name, with no agreement."""
    submitted, approval, review = entries[0], entries[5], entries[6]
    submitted.update(route=[], approval_by="dlo-head", content_hash="0" * 64)
    approval["role"] = "dlo-head"
    return [submitted, approval, review]


def _self_approved_unagreed_same_text(entries):
    """The same with the submission's text hash kept: its own approved text gives the route."""
    submitted, approval, review = entries[0], entries[5], entries[6]
    submitted.update(route=[], approval_by="dlo-head")
    approval["role"] = "dlo-head"
    return [submitted, approval, review]


def _review_before_approval(entries):
    return [entries[0], entries[6], *entries[1:6]]  # the review moved before the approval


@pytest.mark.parametrize(
    "change, seq, what",
    [
        (_agreement_after_approval, 8, "(agreed) cannot stand where it is: no agreement round"),
        (_role_off_route, 5, "(agreed) cannot stand where it is: rector is not on the route"),
        (_approval_without_agreement, 5, "(approved) cannot stand where it is: the draft was not"),
        (_review_before_approval, 2, "(reviewed) cannot stand where it is: no edition is in force"),
        (
            _approval_in_another_form,
            6,
            "(approved) cannot stand where it is: it is approved by signature, but its submission "
            "fixed order",
        ),
        (
            _approval_in_another_form_unfixed,
            6,
            "(approved) cannot stand where it is: it is approved by signature, but edition 1 is "
            "by order",
        ),
        (
            _self_approved_unagreed_first,
            2,
            "(approved) cannot stand where it is: it approves another text than the one "
            "submitted in event 1",
        ),
        (
            _self_approved_unagreed_same_text,
            1,
            "(submitted) cannot stand where it is: it fixes the route - (sequential), dlo-head",
        ),
    ],
    ids=[
        "agreed-after-approval",
        "role-off-route",
        "approved-unagreed",
        "review-first",
        "approved-in-another-form",
        "approved-in-another-form-unfixed",
        "self-approved-unagreed-first",
        "self-approved-unagreed-same-text",
    ],
)
def test_a_recomputed_forgery_that_breaks_the_rules_is_named(approved, dlo, change, seq, what):
    _forge(approved, change)
    result = dlo("verify", cwd=approved)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event {seq} {what}" in result.err, result.err
    assert "regulations/dlo-head/journal.yaml:" in result.err  # at the event's line
    assert "DLO60" not in result.err  # the chain itself is whole: only the rules show it
    refused = dlo(
        "review", REG, "--by", "hr-head", "--result", "x", "--date", "2025-02-01", cwd=approved
    )
    assert refused.code != 0 and "DLO632" in refused.err and "DLO612" in refused.err


@pytest.mark.parametrize(
    "change, english, said",
    [
        (
            _approval_in_another_form,
            ("signature", "order"),
            {"kk": ("қолтаңба", "бұйрық"), "ru": ("подпись", "приказ")},
        ),
        (
            _approval_without_agreement,
            ("agreement",),
            {"kk": ("келісуде",), "ru": ("на согласовании",)},
        ),
    ],
    ids=["approved-in-another-form", "approved-unagreed"],
)
def test_a_forgery_s_form_and_state_are_named_in_the_interface_language(
    approved, dlo, change, english, said
):
    """The approval's form and the regulation's state in DLO612 are words of the interface's
    language: they were the journal's ids ("утверждено в форме signature", "күйі agreement")."""
    _forge(approved, change)
    for lang, words in said.items():
        err = dlo("--lang-ui", lang, "verify", cwd=approved).err
        [line] = [line for line in err.splitlines() if "DLO612" in line]
        assert all(word in line for word in words), (lang, line)
        assert not any(f" {word}" in line for word in english), (lang, line)
        assert "(approved)" not in line, (lang, line)  # the event named in the language too


def test_the_bundled_history_and_every_legal_step_pass(approved, dlo):
    assert "intact (7 journal events)" in ok(dlo, approved, "verify", REG).out


def _two_lapsed_and_agreed_again(dlo, project):
    """vice-rector, legal head and HR head agree; the first two positions change holders (their
    agreements lapse); each new holder agrees again in their turn; docs-head agrees: approved."""
    with on_day("2024-06-03"):
        ok(dlo, project, "submit", REG)
        agree_all(dlo, project, APPROVERS[:3])
        rename_holder(project, "А. Б. Сейітова", "Д. Е. Жаңабаева")
        rename_holder(project, "Н. К. Оспанов", "Т. Б. Жаңаев")
        agree_all(dlo, project, APPROVERS[:2])
        ok(dlo, project, "agree", REG, "--as", "docs-head")
        ok(dlo, project, "approve", REG, "--order", "45-НҚ", "--date", "2024-06-03")


@pytest.fixture
def agreed_again(prepared_copy, dlo):
    """Submitted, three agreements, two lapsed and given again, the fourth, approved."""
    return prepared_copy("agreed-again", _two_lapsed_and_agreed_again)


def _again_out_of_turn(entries):
    """The legal head's second agreement moved before the vice-rector's: the vice-rector's had
    lapsed already (that event's facts show the position's new holder), so it was not the legal
    head's turn."""
    assert [e["event"] for e in entries[4:6]] == ["agreed", "agreed"]
    return [*entries[:4], entries[5], entries[4], *entries[6:]]


def _again_while_standing(entries):
    """The HR head's agreement given a second time, though the holder is the same."""
    return [*entries[:4], copy.deepcopy(entries[3]), *entries[4:]]


@pytest.mark.parametrize(
    "change, seq, what",
    [
        (_again_out_of_turn, 5, "it is not legal-head's turn on the sequential route"),
        (_again_while_standing, 5, "hr-head agreed in event 4 already"),
    ],
    ids=["out-of-turn", "not-lapsed"],
)
def test_agreeing_again_is_checked_as_agree_checks_it(agreed_again, dlo, change, seq, what):
    assert "intact (8 journal events)" in ok(dlo, agreed_again, "verify", REG).out
    _forge(agreed_again, change)
    result = dlo("verify", cwd=agreed_again)
    assert result.code == 1, result.out + result.err
    assert f"error DLO612: journal event {seq} (agreed) cannot stand where it is: {what}" in (
        result.err
    ), result.err
    assert "DLO60" not in result.err
    refused = dlo(
        "review", REG, "--by", "hr-head", "--result", "x", "--date", "2025-02-01", cwd=agreed_again
    )
    assert refused.code != 0 and "DLO632" in refused.err and "DLO612" in refused.err


def _order_gone(entries):
    entries[5]["order"] = None  # the approval's order emptied
    return entries


def _order_as_text(entries):
    entries[5]["order"] = "45-НҚ"  # a number, not a mapping of number and date
    return entries


def _order_number_null(entries):
    entries[5]["order"]["number"] = None  # printed "№ None бұйрығымен" as the approving order
    return entries


def _order_number_blank(entries):
    entries[5]["order"]["number"] = " "
    return entries


def _submission_as_approval(entries):
    entries[0]["event"] = "approved"  # an approval with no order at all
    return entries


@pytest.mark.parametrize(
    "change, seq",
    [
        (_order_gone, 6),
        (_order_as_text, 6),
        (_submission_as_approval, 1),
        (_order_number_null, 6),
        (_order_number_blank, 6),
    ],
    ids=["order-null", "order-text", "no-order", "number-null", "number-blank"],
)
@pytest.mark.parametrize("command", [("verify",), ("status", REG), ("log", REG)])
def test_a_recomputed_approval_without_an_order_is_named_not_a_crash(
    approved, dlo, change, seq, command
):
    """Every reader of an approval takes its order's date: one without an order mapping is a
    shape problem at its event (it was an internal error, exit 3); so is an order by order
    without its number (null, or blank), which the title page printed as "№ None"."""
    _forge(approved, change)
    result = dlo(*command, cwd=approved)
    assert result.code == 1, result.out + result.err
    assert f"error DLO609: journal entry {seq}: 'approved' has no order" in result.err
    assert "regulations/dlo-head/journal.yaml:" in result.err
    assert "internal error" not in result.err


@pytest.mark.parametrize("seq", [10**9, 10**30])
def test_a_recomputed_event_numbered_far_ahead_is_named_at_once(approved, dlo, seq):
    """A forged event number of any size: the gap before it is named as a range (it was an
    internal error, OverflowError, or a list of a billion numbers)."""
    entries = _rechained([wj.normal(e) for e in journal_data(approved).data])
    entries[-1]["seq"] = seq
    entries[-1]["hash"] = wj.event_hash({k: v for k, v in entries[-1].items() if k != "hash"})
    write_journal(approved, entries)
    result = dlo("verify", cwd=approved)
    assert result.code == 1, result.out + result.err
    assert f"error DLO602: journal events 7-{seq - 1} are missing before event {seq}" in result.err
    assert "internal error" not in result.err


def _odd_facts(part):
    def change(entries):
        approval = next(e for e in entries if e["event"] == "approved")
        facts = approval["facts"]
        if part == "facts":
            approval["facts"] = "x"
        elif part == "positions":
            facts["positions"] = ["rector"]
        elif part == "organisation":
            facts["organisation"] = {"kk": ["a"]}
        else:
            facts["positions"]["rector"][part] = {"title": "s", "holder": ["x"]}.get(part, "oops")
        return entries

    return change


@pytest.mark.parametrize("part", ["facts", "positions", "organisation", "title", "holder"])
def test_facts_of_another_shape_are_refused_not_printed(approved, dlo, part):
    """The chain protects what the facts say, not that the forms can print them: facts of a
    shape dlo never writes (hashes recomputed) are named by verify and refused by every output,
    never an internal error."""
    _forge(approved, _odd_facts(part))
    verify = dlo("verify", cwd=approved)
    assert verify.code == 1 and "DLO609" in verify.out + verify.err
    assert "facts are not of the shape dlo writes" in verify.out + verify.err
    for args in (
        ("render", REG, "--format", "docx", "--format", "html"),
        ("sheet", "agreement", REG),
        ("site", "build", "--no-pdf"),
        ("status", REG),
    ):
        result = dlo(*args, cwd=approved)
        assert "internal error" not in result.err and "Traceback" not in result.err, args
        assert result.code != 3, (args, result.err)


@pytest.mark.parametrize(
    ("kind", "key", "value", "seq", "said"),
    [
        ("submitted", "route", 1.5, 1, "list of str"),
        ("submitted", "route", ["vp-academic", None], 1, "list of str"),
        ("submitted", "route", [["vp-academic"]], 1, "list of str"),
        ("submitted", "route_kind", ["sequential"], 1, "str"),
        ("submitted", "approval_by", {"rector": 1}, 1, "str"),
        ("agreed", "date", 5, 2, "date"),
        ("agreed", "remarks", ["a"], 2, "str"),
        ("reviewed", "result", {"a": 1}, 7, "str"),
    ],
    ids=lambda v: str(v) if not isinstance(v, (list, dict, float)) else type(v).__name__,
)
@pytest.mark.parametrize("command", [("verify",), ("status", REG), ("log", REG)])
def test_an_event_field_of_another_type_is_named_not_a_crash(
    approved, dlo, kind, key, value, seq, said, command
):
    """A field of an event of a type no command writes (a route of numbers, of nothing, of
    lists; a route kind that is a list; a date that is a number), hashes recomputed: every
    reader took it as the command writes it, and verify, status and log ended in an internal
    error (exit 3, TypeError). It is a shape problem at its event, as a missing order is."""
    _forge(approved, _field_on(kind, key, value))
    result = dlo(*command, cwd=approved)
    assert "internal error" not in result.err, result.err
    assert result.code == 1, result.out + result.err
    assert f"error DLO609: journal entry {seq}: {key!r} is missing or not a {said}" in result.err


def test_a_journal_linked_to_itself_is_refused_not_missing(approved, dlo):
    path = approved / "regulations" / REG / "journal.yaml"
    path.unlink()
    path.symlink_to("journal.yaml")
    status = dlo("status", REG, cwd=approved)
    assert status.code == 1 and "DLO009" in status.err, status.out + status.err
    assert "edition in force: none" not in status.out
    render = dlo("render", REG, "--format", "docx", cwd=approved)
    assert render.code == 1 and "DLO009" in render.err
    assert not (approved / "build").exists()


def test_an_escape_sequence_in_a_forged_journal_never_reaches_the_terminal(approved, dlo):
    """The options that record text refuse control characters; a journal forged with its hashes
    recomputed can still hold one: dlo log and status print it without them."""

    def escape(entries):
        review = next(e for e in entries if e["event"] == "reviewed")
        review["result"] = "Өзекті\x1b]0;PWNED\x07\x1b[2K"
        return entries

    _forge(approved, escape)
    log = dlo("log", REG, cwd=approved)
    assert "Өзекті]0;PWNED[2K" in log.out and "\x1b" not in log.out and "\x07" not in log.out
    status = dlo("status", REG, cwd=approved)
    assert "\x1b" not in status.out + status.err


def _order_on_an_agreement(entries):
    agreement = next(e for e in entries if e["event"] == "agreed")
    agreement["order"] = {"number": "FAKE-1", "date": "2024-06-02", "effective": "2024-06-02"}
    return entries


def _paper_agreements_on_a_submission(entries):
    entries[0]["agreed"] = [{"role": "rector", "date": "2024-06-01"}]
    return entries


@pytest.mark.parametrize(
    ("change", "key", "event"),
    [
        (_order_on_an_agreement, "order", "agreed"),
        (_paper_agreements_on_a_submission, "agreed", "submitted"),
    ],
    ids=["order-on-agreement", "paper-agreements-on-submission"],
)
def test_a_recomputed_field_no_command_writes_on_its_event_is_named(
    approved, dlo, change, key, event
):
    """A forger who recomputes the hashes added an order to an agreement, and agreements on
    paper to a submission: verify said intact and dlo log showed "order № FAKE-1" and "agreed
    on paper: rector" as recorded. A field that says what an event did, on an event no command
    writes it on, is a shape problem (DLO609) at it; log shows no such event as recorded."""
    _forge(approved, change)
    said = f"no command writes {key!r} on an event {event!r}"
    for command in (("verify",), ("log", REG)):
        result = dlo(*command, cwd=approved)
        assert result.code == 1, result.out + result.err
        assert "error DLO609: journal entry " in result.err and said in result.err, result.err
        assert "FAKE-1" not in result.out and "rector 2024-06-01" not in result.out


def _field_on(kind, key, value):
    """``key: value`` added to the first event of ``kind``."""

    def change(entries):
        next(e for e in entries if e["event"] == kind)[key] = value
        return entries

    return change


@pytest.mark.parametrize(
    ("kind", "key", "value", "shown"),
    [
        ("approved", "remarks", "FAKE approved with reservations", "FAKE approved"),
        ("approved", "result", "FAKE result", "FAKE result"),
        ("agreed", "reason", "FAKE reason", "FAKE reason"),
        ("approved", "reasons", {"ru": "FAKE reason"}, "FAKE reason"),
        ("submitted", "date", "2020-01-01", "2020-01-01"),
        ("agreed", "corrected", {"remarks": 6}, "corrected by event 6"),
        ("agreed", "corrected", "FAKE", "FAKE"),
        ("agreed", "value", "FAKE", "FAKE"),
        ("reviewed", "restored", 1, "restored"),
        ("agreed", "approved_by_rector", "FAKE", "FAKE"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_every_field_no_command_writes_on_its_event_is_named(
    approved, dlo, kind, key, value, shown
):
    """The fields were refused on the events no command writes them on for five of them (an
    order, agreements on paper, a route and its kind, the approving official and form, a next
    review) alone: remarks or a review's result on an approval, a reason on an agreement, a date
    on a submission (its day then moved), a correction's marks on the event it names (a text:
    dlo log ended in an internal error), a correction's value on an agreement and a field of no
    event at all verified intact, and log showed the first ones as recorded. Every field of an
    event is one its command writes on it, else a shape problem (DLO609) at it."""
    _forge(approved, _field_on(kind, key, value))
    said = f"no command writes {key!r} on an event {kind!r}"
    verify = dlo("verify", cwd=approved)
    assert verify.code == 1 and said in verify.err, verify.out + verify.err
    log = dlo("log", REG, cwd=approved)
    assert log.code == 1 and said in log.err, log.out + log.err
    assert shown not in log.out, log.out


def test_a_reason_worded_for_a_language_is_texts_by_language(approved, dlo):
    """A revision's ``reasons`` (``dlo revise --reason-ru``) had no type of its own: one of
    another shape verified intact (dlo log printed its items as the reason's wordings)."""
    _forge(approved, _field_on("approved", "reasons", ["FAKE"]))
    verify = dlo("verify", cwd=approved)
    assert verify.code == 1, verify.out + verify.err
    assert "'reasons' is missing or not a mapping of language to str" in verify.err, verify.err
