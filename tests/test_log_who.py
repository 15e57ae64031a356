"""What ``dlo log`` tells an auditor of who did each act: the acting position and the clerk who
entered it, each with the holder's name as the event recorded it (its ``facts``), and the
account that ran the command (``actor``: the OS user and the git identity). The log named only
the position ids ("vp-academic  by docs-head"), which the registry maps to whoever holds them
now: once a holder changed, the log no longer said who had agreed, and the account the journal
keeps for the audit trail was shown nowhere."""

from __future__ import annotations

import pytest
from test_workflow_control import rename_holder
from workflow_support import REG, journal_data, ok

NAMES = {
    "en": ("vp-academic (А. Б. Сейітова)", "by docs-head (С. Т. Әбенова)", "account: "),
    "kk": ("vp-academic (А. Б. Сейітова)", "жазған docs-head (С. Т. Әбенова)", "тіркелгі: "),
    "ru": ("vp-academic (А. Б. Сеитова)", "записал docs-head (С. Т. Абенова)", "учётная запись: "),
}


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_log_names_each_act_s_holder_and_clerk_as_recorded(in_force, dlo, monkeypatch, lang):
    rename_holder(in_force, "А. Б. Сейітова", "Е. Ж. Жаңабаева")  # a new vice-rector since
    actor = journal_data(in_force).data[1]["actor"]
    monkeypatch.setenv("DLO_UI_LANG", lang)
    log = ok(dlo, in_force, "log", REG).out
    agreement = next(line for line in log.splitlines() if line.startswith("  2  "))
    role, clerk, account = NAMES[lang]
    assert role in agreement and clerk in agreement, agreement
    assert "Жаңабаева" not in log
    assert f"{account}{actor}" in log, log
