"""A character Python calls a digit but ``int`` does not read (a superscript '²', a circled '①')
where a number is asked for is refused or ignored as any other non-number, never an internal
error: ``str.isdigit`` admits them, ``int`` refuses them, so numbers are told by ``isdecimal``."""

from __future__ import annotations

import pytest

from dlo_docs.render import stamp


@pytest.mark.parametrize("typed", ["²", "1²", "①"])
def test_an_edition_number_written_with_another_digit_is_a_usage_error(project, dlo, typed):
    result = dlo("diff", "dlo-head", "--to", typed, cwd=project)
    assert result.code == 2, (result.code, result.err)
    assert "is neither an edition number nor 'draft'" in result.err
    assert "internal error" not in result.err


def test_a_source_date_epoch_written_with_another_digit_is_ignored(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1²")
    assert stamp.document_time(None) == stamp.document_time(None)  # no ValueError
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert stamp.document_time(None).year == 2023
