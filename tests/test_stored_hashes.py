"""The content hash of a frozen edition is kept in the user's cache by the file's bytes and the
code that works it out (``workflow.stored_hashes``): a later ``dlo status`` or ``dlo list``
checks the edition in force by one SHA-256 of its bytes and one small read, not a parse and a
validation; an edition edited after that is still DLO606 (other bytes, another entry); an entry
that is not a hash, or kept by other code, is a miss; with the caches off nothing is kept."""

from __future__ import annotations

import json

import pytest
from forged_support import edition_edited

from dlo_docs import usercache
from dlo_docs.workflow import editions, stored_hashes

ORDER = "45-НҚ"  # the in_force fixture's
EDITION = "regulations/dlo-head/editions/1.yaml"


def _status(dlo, root):
    result = dlo("status", "--format", "json", cwd=root)
    assert "Traceback" not in result.err
    [row] = json.loads(result.out)["regulations"]
    return result.code, row


def _not_worked_out(monkeypatch) -> None:
    """From now on a content hash worked out by parsing and validating fails the test."""

    def refuse(source):
        raise AssertionError(f"{source.path} was parsed and validated for its hash")

    monkeypatch.setattr(editions, "_hash", refuse)


def test_a_second_status_reads_the_kept_hash(dlo, in_force, monkeypatch):
    assert _status(dlo, in_force)[0] == 0
    raw = (in_force / EDITION).read_bytes()
    assert stored_hashes.find(raw) is not None
    _not_worked_out(monkeypatch)
    code, row = _status(dlo, in_force)
    assert code == 0 and row["in_force_order"]["number"] == ORDER
    listed = dlo("list", "--format", "json", cwd=in_force)
    assert listed.code == 0 and ORDER in listed.out


def test_an_edition_edited_after_its_hash_was_kept_is_still_found(dlo, in_force):
    assert _status(dlo, in_force)[0] == 0
    edition_edited(in_force)
    code, row = _status(dlo, in_force)
    assert code == 1 and [p["code"] for p in row["problems"]] == ["DLO606"]
    assert ORDER not in json.dumps(row, ensure_ascii=False)


@pytest.mark.parametrize("kept", [b"", b"not a hash", b"A" * 64, b"0" * 63, b"0" * 64 + b"\n"])
def test_an_entry_that_is_not_a_hash_is_a_miss(dlo, in_force, kept):
    raw = (in_force / EDITION).read_bytes()
    name = stored_hashes._name(raw)
    assert name is not None
    usercache.store(stored_hashes.KIND, name, kept)
    assert stored_hashes.find(raw) is None
    assert _status(dlo, in_force)[0] == 0  # worked out again, and kept right
    assert stored_hashes.find(raw) not in (None, kept.decode())


def test_an_entry_kept_by_other_code_is_not_read(dlo, in_force, monkeypatch):
    assert _status(dlo, in_force)[0] == 0
    raw = (in_force / EDITION).read_bytes()
    monkeypatch.setattr(stored_hashes, "_code", lambda: "0" * 64)  # the model changed, say
    assert stored_hashes.find(raw) is None


def test_with_the_caches_off_nothing_is_kept_and_the_edition_is_checked(dlo, in_force, monkeypatch):
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    assert _status(dlo, in_force)[0] == 0
    raw = (in_force / EDITION).read_bytes()
    monkeypatch.delenv("DLO_NO_CACHE")
    assert stored_hashes.find(raw) is None
    monkeypatch.setenv("DLO_NO_CACHE", "1")
    edition_edited(in_force)
    assert _status(dlo, in_force)[0] == 1


def test_verify_works_every_hash_out(dlo, in_force):
    """What the user's cache says is taken by the register and status only: with the approved
    hash kept for an edited edition's bytes, dlo verify (which their messages name) and dlo
    render still find the edition edited."""
    path = in_force / EDITION
    assert _status(dlo, in_force)[0] == 0
    approved = stored_hashes.find(path.read_bytes())
    assert approved is not None
    edition_edited(in_force)
    stored_hashes.keep(path.read_bytes(), approved)
    verified = dlo("verify", "dlo-head", cwd=in_force)
    assert verified.code == 1 and "error DLO606:" in verified.err, verified.err
    rendered = dlo("render", "dlo-head", "--format", "html", cwd=in_force)
    assert rendered.code == 1 and "DLO606" in rendered.err, rendered.err
