"""Each workflow command refuses clearly when the rules say no, and writes nothing then."""

from __future__ import annotations

import pytest
from conftest import on_day, organisation_today
from workflow_support import (
    APPROVERS,
    REG,
    agree_all,
    edit_clause_15,
    journal_path,
    ok,
    refused,
    reg_path,
    status,
)

from dlo_docs import workflow
from dlo_docs.project import Loaded, Project


def test_a_role_not_on_the_route(project, dlo):
    ok(dlo, project, "submit", REG)
    result = refused(dlo, project, "DLO621", "agree", REG, "--as", "rector")
    assert "rector is not on the agreement route" in result.err
    assert "regulations/dlo-head/regulation.yaml:" in result.err  # points at agreement.approvers
    refused(dlo, project, "DLO621", "reject", REG, "--as", "ubbi-director", "--remarks", "жоқ")


def test_not_in_turn_on_a_sequential_route(project, dlo):
    ok(dlo, project, "submit", REG)
    result = refused(dlo, project, "DLO622", "agree", REG, "--as", "docs-head")
    assert "vp-academic has not agreed yet" in result.err


def test_agreeing_twice(project, dlo):
    ok(dlo, project, "submit", REG)
    ok(dlo, project, "agree", REG, "--as", "vp-academic")
    refused(dlo, project, "DLO623", "agree", REG, "--as", "vp-academic")


def test_approval_before_everyone_agreed(project, dlo):
    refused(
        dlo, project, "DLO620", "approve", REG, "--order", "1", "--date", "2024-01-10"
    )  # a draft
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project, APPROVERS[:3])
    result = refused(dlo, project, "DLO624", "approve", REG, "--order", "1", "--date", "2024-01-10")
    assert "pending: docs-head" in result.err
    assert not (project / "regulations" / REG / "editions").exists()


def test_a_revision_by_a_non_initiator(in_force, dlo):
    project = in_force  # the seed in force as edition 1 (prepared once)
    result = refused(dlo, project, "DLO626", "revise", REG, "--by", "legal-head", "--reason", "x")
    assert "only its change initiators may (dlo-head, hr-head, vp-academic)" in result.err
    ok(dlo, project, "revise", REG, "--by", "dlo-head", "--reason", "x")  # an initiator may


def test_approving_or_submitting_what_is_in_force_says_to_open_a_revision(in_force, dlo):
    """A regulation in force with no draft open: the refusal says the way on (dlo revise)."""
    project = in_force  # the seed in force as edition 1 (prepared once)
    approve = ("approve", REG, "--order", "2", "--date", "2024-07-01")
    for args in (approve, ("submit", REG), ("agree", REG, "--as", APPROVERS[0])):
        result = refused(dlo, project, "DLO620", *args)
        assert "edition 1 is in force and no draft is open" in result.err
        assert f"(hint: open a revision first: dlo revise {REG} --by ROLE" in result.err, result.err


def test_an_edit_after_agreement_began_voids_the_agreements(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-01-10")
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project, APPROVERS[:2])
    edit_clause_15(project)
    st = status(dlo, project)
    assert st["voided"] is True and st["agreed"] == [] and st["pending"] == APPROVERS
    assert "VOID" in ok(dlo, project, "status", REG).out
    # why, in the interface's language (it said "its text changed after agreement began" in a
    # Russian or Kazakh line)
    ru = ok(dlo, project, "--lang-ui", "ru", "status", REG).out
    assert "его текст изменился после начала согласования" in ru and "agreement" not in ru, ru
    refused(dlo, project, "DLO625", "agree", REG, "--as", "hr-head")
    # one who agreed before the edit is pending again, as status says: not "already agreed"
    refused(dlo, project, "DLO625", "agree", REG, "--as", APPROVERS[0])
    assert workflow.records(Project(project), REG).agreements == {}
    # even when every approver had agreed before the edit
    ok(dlo, project, "submit", REG)  # resubmission restarts the round on the new text
    agree_all(dlo, project)
    path = reg_path(project)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "лауазымдық нұсқаулыққа өзгерістер", "ЛН-ге өзгерістер"
        ),
        encoding="utf-8",
    )
    assert status(dlo, project)["voided"] is True
    result = refused(dlo, project, "DLO625", "approve", REG, "--order", "1", "--date", "2024-01-10")
    assert "changed after agreement began" in result.err
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2024-01-10")


def test_states_that_forbid_a_command(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-01-10")
    refused(dlo, project, "DLO620", "agree", REG, "--as", "vp-academic")  # not submitted
    refused(
        dlo, project, "DLO620", "revise", REG, "--by", "hr-head", "--reason", "x"
    )  # nothing in force
    refused(dlo, project, "DLO620", "withdraw", REG, "--order", "1", "--date", "2024-01-10")
    refused(dlo, project, "DLO620", "review", REG, "--by", "hr-head", "--result", "x")
    ok(dlo, project, "submit", REG)
    refused(dlo, project, "DLO620", "submit", REG)  # already in agreement
    agree_all(dlo, project)
    refused(dlo, project, "DLO620", "submit", REG)
    refused(dlo, project, "DLO620", "agree", REG, "--as", "vp-academic")  # everyone agreed
    ok(dlo, project, "approve", REG, "--order", "1", "--date", "2024-01-10")
    refused(dlo, project, "DLO620", "submit", REG)  # in force: revise first
    refused(dlo, project, "DLO620", "approve", REG, "--order", "2", "--date", "2024-01-11")
    ok(dlo, project, "revise", REG, "--by", "vp-academic", "--reason", "x")
    refused(
        dlo, project, "DLO620", "revise", REG, "--by", "hr-head", "--reason", "y"
    )  # one revision at a time
    monkeypatch.setenv("DLO_TODAY", "2024-03-01")
    # not withdrawn while a revision is open: it is closed first
    refused(dlo, project, "DLO620", "withdraw", REG, "--order", "9", "--date", "2024-03-01")
    ok(dlo, project, "cancel", REG, "--by", "vp-academic", "--reason", "x")
    ok(dlo, project, "withdraw", REG, "--order", "9", "--date", "2024-03-01")
    refused(dlo, project, "DLO620", "revise", REG, "--by", "hr-head", "--reason", "y")
    refused(dlo, project, "DLO620", "submit", REG)


def test_the_draft_edition_must_be_the_next_one(in_force, dlo):
    project = in_force  # the seed in force as edition 1 (prepared once)
    ok(dlo, project, "revise", REG, "--by", "hr-head", "--reason", "x")
    path = reg_path(project)
    path.write_text(
        path.read_text(encoding="utf-8").replace("edition: 2\n", "edition: 5\n"), encoding="utf-8"
    )
    result = refused(dlo, project, "DLO627", "submit", REG)
    assert "set edition: 2" in result.err


def test_usage_errors_exit_2(project, dlo, monkeypatch):
    monkeypatch.setenv("DLO_TODAY", "2024-05-02")
    for args in (
        ["agree", REG, "--as", "nobody"],
        ["submit", "no-such-reg"],
        ["submit", "../x"],
        ["reject", REG, "--as", "vp-academic"],  # --remarks is required
        ["revise", REG, "--by", "hr-head", "--reason", "   "],
    ):
        result = dlo(*args, cwd=project)
        assert result.code == 2, (args, result.err)
        assert "Traceback" not in result.err
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    result = dlo(
        "approve",
        REG,
        "--order",
        "1",
        "--date",
        "2024-05-02",
        "--effective",
        "2024-05-01",
        cwd=project,
    )
    assert result.code == 2 and "before the order's date" in result.err
    result = dlo("approve", REG, "--order", "1", "--date", "02/05/2024", cwd=project)
    assert result.code == 2
    ok(
        dlo, project, "approve", REG, "--order", "1", "--date", "02.05.2024"
    )  # dd.mm.yyyy is accepted
    assert status(dlo, project)["in_force_order"]["date"] == "2024-05-02"
    result = dlo(
        "review", REG, "--by", "hr-head", "--result", "ok", "--date", "2024-05-01", cwd=project
    )
    assert result.code == 2 and "before the day edition 1 took effect" in result.err


def test_an_invalid_draft_cannot_be_submitted(project, dlo):
    path = reg_path(project)
    path.write_text(
        path.read_text(encoding="utf-8").replace("route: sequential", "route: sideways"),
        encoding="utf-8",
    )
    result = dlo("submit", REG, cwd=project)
    assert result.code == 1 and "DLO013" in result.err
    assert not journal_path(project).exists()


# every option that takes a registry position id, each given 'hr-haed' (a typo of hr-head)
POSITION_OPTIONS = [
    ("agree", REG, "--as", "hr-haed"),
    ("agree", REG, "--as", "vp-academic", "--clerk", "hr-haed"),
    ("cancel", REG, "--by", "hr-haed", "--reason", "жоқ"),
    ("new", "x1", "--kind", "job_instruction", "--position", "hr-haed"),
    ("sheet", "transfer", REG, "--to", "hr-haed"),
    ("acknowledge", REG, "--holder", "hr-haed"),
    ("list", "--waiting-for", "hr-haed"),
    ("import", "job.txt", "--id", "x1", "--position", "hr-haed"),
]


def test_a_mistyped_position_in_an_option_is_offered_the_nearest(project, dlo):
    """A typo in --as, --by, --clerk, --position, --to, --holder or --waiting-for is offered the
    id meant, as the same typo in a file is ('did you mean'); a small registry's ids are listed in
    full after it (the bundled one has fewer than a dozen), a university's hundreds are not: the
    hint names how many there are, the nearest, and where they are all listed."""
    ok(dlo, project, "submit", REG)
    (project / "job.txt").write_text("1. Жалпы ережелер\n\n1.1. Мәтін.\n", encoding="utf-8")
    before = journal_path(project).read_bytes()
    for args in POSITION_OPTIONS:
        small = dlo(*args, cwd=project)
        assert small.code == 2 and "'hr-haed'" in small.err, (args, small.err)
        said = "did you mean 'hr-head'? positions in the registry: rector, vp-academic, "
        assert said in small.err, (args, small.err)
    for lang, said in (
        ("kk", "'hr-head' деген шығарсыз? тізілімдегі лауазымдар: rector, vp-academic, "),
        ("ru", "может быть, имелось в виду 'hr-head'? должности в реестре: rector, vp-academic, "),
    ):
        assert said in dlo("--lang-ui", lang, *POSITION_OPTIONS[0], cwd=project).err, lang
    registry = project / "regulations" / "registry.yaml"
    extra = "".join(f"- id: clerk-{n:03d}\n  title: {{kk: Іс жүргізуші {n}}}\n" for n in range(300))
    text = registry.read_text(encoding="utf-8")
    assert "\npositions:\n" in text
    registry.write_text(text.replace("\npositions:\n", "\npositions:\n" + extra, 1), "utf-8")
    loaded = Loaded()
    Project(project).load_registry(loaded)
    assert loaded.registry is not None and len(loaded.registry.positions) > 300
    n = len(loaded.registry.positions)
    for args in POSITION_OPTIONS:
        large = dlo(*args, cwd=project)
        assert large.code == 2 and "'hr-haed'" in large.err, (args, large.err)
        said = f"the registry has {n} positions; the nearest: hr-head"
        assert said in large.err and "under 'positions:'" in large.err, (args, large.err)
        assert "clerk-150" not in large.err and len(large.err) < 600, (args, large.err)
    for lang, said in (
        ("kk", f"тізілімде {n} лауазым бар; ең жақындары: hr-head (барлығы "),
        ("ru", f"должностей в реестре: {n}; ближайшие: hr-head (все они перечислены в "),
    ):
        assert said in dlo("--lang-ui", lang, *POSITION_OPTIONS[0], cwd=project).err, lang
    far = dlo("agree", REG, "--as", "qqq", cwd=project)
    assert f"the registry has {n} positions: regulations/registry.yaml lists them" in far.err
    assert journal_path(project).read_bytes() == before  # nothing written
    assert not (project / "regulations" / "x1").exists()


def test_a_role_typed_with_a_cyrillic_lookalike_names_the_letter(project, dlo):
    """--as vp-\u0430cademic (a Cyrillic a) looks like vp-academic on screen: the refusal
    names the letter and its place rather than listing an id that looks the same."""
    ok(dlo, project, "submit", REG)
    before = journal_path(project).read_bytes()
    result = dlo("agree", REG, "--as", "vp-\u0430cademic", cwd=project)
    assert result.code == 2, result.err
    assert (
        "unknown role 'vp-\u0430cademic' for --as: it has a Cyrillic '\u0430' (U+0430) at "
        "character 4 where a Latin 'a' is expected (hint: type it in Latin letters: 'vp-academic')"
    ) in " ".join(result.err.split()), result.err
    assert "legal-head" not in result.err  # no list of ids that look the same
    assert journal_path(project).read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("12\x01", "holds a control character (U+0001) in '12'"),
        ("\x1b]0;PWNED\x07", "holds a control character (U+001B) in ']0;PWNED'"),
        ("a\x00b", "holds a control character (U+0000) in 'ab'"),
        ("\x01", "holds a control character (U+0001) (hint: type that word again by hand"),
        (
            "12-\u202eҚН",
            "holds an invisible format character (U+202E RIGHT-TO-LEFT OVERRIDE) in '12-ҚН'",
        ),
        ("1\u200b2 қаулы", "holds an invisible format character (U+200B ZERO WIDTH SPACE) in '12'"),
    ],
    ids=["soh", "osc", "nul", "alone", "direction-override", "zero-width-space"],
)
def test_a_control_character_in_what_an_option_records_is_refused(project, dlo, typed, said):
    """An order number, a reason or remarks with a control character: no DOCX holds it, and an
    escape would reach every terminal that shows the journal; refused, nothing recorded. So is
    one with a format character (DLO118's): a direction override printed "12-НҚ" on the site,
    the sheets and the terminal for the number "12-ҚН" recorded, a zero-width space splits what
    a search finds; only control characters were refused. The refusal names the character and
    the word it is in as the word prints: the clerk sees nothing where it is (it said only
    "holds an invisible or control character")."""
    ok(dlo, project, "submit", REG)
    before = journal_path(project).read_bytes()
    for args in (
        ("agree", REG, "--as", "vp-academic", "--remarks", typed),
        ("reject", REG, "--as", "vp-academic", "--remarks", typed),
    ):
        result = dlo(*args, cwd=project)
        assert result.code == 2 and f"--remarks {said}" in " ".join(result.err.split()), (
            args,
            result.err,
        )
    assert journal_path(project).read_bytes() == before
    agree_all(dlo, project)
    result = dlo(
        "approve", REG, "--order", typed, "--date", organisation_today().isoformat(), cwd=project
    )
    assert result.code == 2 and f"--order {said}" in " ".join(result.err.split()), result.err
    assert journal_path(project).read_bytes() != before  # the agreements, and nothing else
    assert "approved" not in journal_path(project).read_text(encoding="utf-8").split("event: ")[-1]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("45-НҚ\u3164", "holds a character that prints nothing (U+3164 HANGUL FILLER) in '45-НҚ'"),
        ("\u2800", "holds a character that prints nothing (U+2800 BRAILLE PATTERN BLANK)"),
        ("12\u034f-НҚ", "nothing (U+034F COMBINING GRAPHEME JOINER) in '12-НҚ'"),
    ],
    ids=["hangul-filler", "braille-blank", "grapheme-joiner"],
)
def test_a_character_that_prints_nothing_is_refused_as_a_format_character_is(
    project, dlo, typed, said
):
    """An order number or remarks ending in a Hangul filler printed as "45-НҚ" (another
    number than the one recorded), remarks of one blank braille pattern as nothing: none is a
    format character (Cf), so they were recorded (an auditor's review)."""
    ok(dlo, project, "submit", REG)
    result = dlo("reject", REG, "--as", "vp-academic", "--remarks", typed, cwd=project)
    assert result.code == 2 and said in " ".join(result.err.split()), result.err
    agree_all(dlo, project)
    before = journal_path(project).read_bytes()
    today = organisation_today().isoformat()
    result = dlo("approve", REG, "--order", typed, "--date", today, cwd=project)
    assert result.code == 2 and said in " ".join(result.err.split()), result.err
    assert "--order holds" in result.err
    assert journal_path(project).read_bytes() == before


def test_a_letter_typed_decomposed_is_recorded_composed(project, dlo):
    """ "й" typed as "и" and a combining breve prints as "й": the order number is recorded as the
    one letter (NFC), so the number a search or a comparison finds is the one that prints."""
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    today = organisation_today().isoformat()
    ok(dlo, project, "approve", REG, "--order", "12-и\u0306", "--date", today)
    assert status(dlo, project)["in_force_order"]["number"] == "12-й"


def test_a_soft_hyphen_pasted_into_remarks_is_left_out(project, dlo):
    """Remarks pasted from Word or a web page bring soft hyphens (U+00AD, where a word may be
    hyphenated), which the clerk cannot see: they were refused as an invisible character, and
    the clerk could not tell where it was. A soft hyphen is left out (the remarks print the
    same), a no-break space is a space; nothing else of the text changes."""
    ok(dlo, project, "submit", REG)
    typed = "14-тармақтың ұйымдас\xadтырушылық\xad \xadмәселелерін\u00a0нақтылау"
    ok(dlo, project, "agree", REG, "--as", "vp-academic", "--remarks", typed)
    recorded = journal_path(project).read_text(encoding="utf-8").split("event: ")[-1]
    assert "14-тармақтың ұйымдастырушылық мәселелерін нақтылау" in recorded, recorded
    assert "\xad" not in recorded


def test_a_mistyped_id_leaves_nothing_behind(project, dlo):
    """A workflow command given an id no regulation has is refused and writes nothing: it left
    regulations/<id>/journal.yaml.lock, and then ``dlo new`` with that id said it existed."""
    date = organisation_today().isoformat()
    for args in (
        ("revise", "dlo-haed", "--by", "dlo-head", "--reason", "r"),
        ("submit", "dlo-haed"),
        ("agree", "dlo-haed", "--as", "vp-academic"),
        ("approve", "dlo-haed", "--order", "1", "--date", date),
        ("register-paper", "dlo-haed", "--order", "1", "--date", date),
        ("review", "dlo-haed", "--by", "hr-head", "--result", "r"),
    ):
        result = dlo(*args, cwd=project)
        assert result.code == 2 and "unknown regulation 'dlo-haed'" in result.err, (
            args,
            result.err,
        )
    assert not (project / "regulations" / "dlo-haed").exists()


def test_an_id_naming_a_file_or_a_lock_only_folder_is_no_regulation(project, dlo):
    """An id that names the registry's file, or a folder holding only a lock file an earlier
    version left: refused as unknown (an internal error, FileExistsError, for the first), and
    dlo new takes the folder (it said the regulation existed)."""
    result = dlo("revise", "registry.yaml", "--by", "dlo-head", "--reason", "r", cwd=project)
    assert result.code == 2 and "unknown regulation 'registry.yaml'" in result.err, result.err
    folder = project / "regulations" / "left"
    folder.mkdir()
    (folder / "journal.yaml.lock").touch()
    result = dlo("revise", "left", "--by", "dlo-head", "--reason", "r", cwd=project)
    assert result.code == 2 and "unknown regulation 'left'" in result.err
    new = dlo(
        "new",
        "left",
        "--kind",
        "job_instruction",
        "--position",
        "hr-head",
        "--approvers",
        "legal-head",
        cwd=project,
    )
    assert new.code == 0, new.err
    assert (folder / "regulation.yaml").is_file()


def test_an_order_number_typed_with_its_sign_is_refused(project, dlo):
    """--order "№ 17-НҚ", as the paper order writes it: the forms print "№ " before the number
    themselves, so it would read "№ № 17-НҚ" on the title page, the sheets and the site. Refused
    with the number alone to type, in the interface's language; nothing recorded."""
    ok(dlo, project, "submit", REG)
    agree_all(dlo, project)
    before = journal_path(project).read_bytes()
    today = organisation_today().isoformat()
    for typed in ("№ 17-НҚ", "№17-НҚ"):
        result = dlo("approve", REG, "--order", typed, "--date", today, cwd=project)
        assert result.code == 2, result.err
        said = " ".join(result.err.split())
        assert f"--order '{typed}' starts with '№'" in said, said
        assert "(hint: give the number alone: --order 17-НҚ)" in said, said
    said = " ".join(
        dlo(
            "--lang-ui", "ru", "approve", REG, "--order", "№ 17-НҚ", "--date", today, cwd=project
        ).err.split()
    )
    assert "--order 17-НҚ" in said and "№" in said and "starts with" not in said, said
    assert journal_path(project).read_bytes() == before
    approved = ok(dlo, project, "approve", REG, "--order", "17-НҚ", "--date", today).out
    seq = approved.rsplit("journal event ", 1)[1].split(")")[0]
    result = dlo("correct", REG, "--event", seq, "--order", "№ 18-НҚ", cwd=project)
    assert result.code == 2 and "--order 18-НҚ" in result.err, result.err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "the effective date 2024-06-01 is before the order's date 2024-06-03 (hint: an order "
            "takes effect on its own date or later: give 2024-06-03 or a later day as the "
            "effective date, or check the order's date typed)",
        ),
        (
            "kk",
            "күшіне ену күні 01.06.2024 бұйрық күнінен (03.06.2024) бұрын (кеңес: бұйрық өз "
            "күнінен бастап не одан кейін күшіне енеді: күшіне ену күні ретінде 03.06.2024 не "
            "одан кейінгі күнді көрсетіңіз немесе терілген бұйрық күнін тексеріңіз)",
        ),
        (
            "ru",
            "дата вступления в силу 01.06.2024 раньше даты приказа 03.06.2024 (подсказка: приказ "
            "вступает в силу не раньше своей даты: укажите дату вступления в силу не раньше "
            "03.06.2024 или проверьте введённую дату приказа)",
        ),
    ],
)
def test_an_effective_date_before_the_order_s_says_what_to_give(project, dlo, lang, said):
    """'--effective 2024-06-01' before the order of 2024-06-03 was refused with no word of what
    to do: the hint names the earliest day to give, or the order's date to check."""
    with on_day("2024-06-03"):
        ok(dlo, project, "submit", REG)
        agree_all(dlo, project)
        before = journal_path(project).read_bytes()
        result = dlo(
            "--lang-ui", lang, "approve", REG, "--order", "12-НҚ", "--date", "2024-06-03",
            "--effective", "2024-06-01", cwd=project,
        )  # fmt: skip
    assert result.code == 2, result
    assert said in " ".join(result.err.split()), result.err
    assert journal_path(project).read_bytes() == before


def test_a_withdrawal_or_review_dated_too_early_names_the_bound_in_the_interface_language(
    in_force, dlo
):
    """'--date 01.01.2020 раньше, чем the order that approved edition 1': withdraw and review
    named the date they must follow in English inside a Russian or Kazakh message."""
    commands = {
        "withdraw": (
            ("withdraw", REG, "--order", "1", "--date", "2020-01-01"),
            {"ru": "раньше, чем приказ, утвердивший издание 1 (03.06.2024)",
             "kk": "мынадан бұрын: 1-басылымды бекіткен бұйрық (03.06.2024)"},
        ),
        "review": (
            ("review", REG, "--by", "docs-head", "--result", "ok", "--date", "2020-01-01"),
            {"ru": "раньше, чем день вступления в силу издания 1 (03.06.2024)",
             "kk": "мынадан бұрын: 1-басылымның күшіне енген күні (03.06.2024)"},
        ),
    }  # fmt: skip
    before = journal_path(in_force).read_bytes()
    for args, said in commands.values():
        for lang, words in said.items():
            result = dlo("--lang-ui", lang, *args, cwd=in_force)
            assert result.code == 2, result
            err = " ".join(result.err.split())
            assert words in err and "the order" not in err and "took effect" not in err, err
    assert journal_path(in_force).read_bytes() == before


def test_a_position_given_by_its_title_is_told_its_id(project, dlo):
    """A clerk gave --as (and dlo new --approvers) the title the forms print: the Russian title
    was read as an id typed with a stray Cyrillic letter, and the hint spelled the title in
    Latin look-alikes ('Пpopeктop пo …'). A title of a registry position is told its id; an id
    with one Cyrillic look-alike is still told so."""
    ok(dlo, project, "submit", REG)
    result = dlo(
        "--lang-ui",
        "ru",
        "agree",
        REG,
        "--as",
        "Академиялық мәселелер жөніндегі проректор",
        cwd=project,
    )
    assert result.code != 0
    assert "это наименование должности 'vp-academic': укажите ее идентификатор" in result.err, (
        result.err
    )
    assert "латин" not in result.err and "Latin" not in result.err
    title = "  ПРОРЕКТОР по академическим   вопросам"  # the Russian title, spaces and case aside
    result = dlo(
        "new",
        "x-head",
        "--kind",
        "job_instruction",
        "--position",
        "dlo-head",
        "--approvers",
        title,
        cwd=project,
    )
    assert result.code == 2
    assert "(--approvers, --initiators)" in result.err
    assert "that is the title of position 'vp-academic': give its id, 'vp-academic'" in result.err
    result = dlo("agree", REG, "--as", "vр-academic", cwd=project)  # a Cyrillic 'р'
    assert "a Cyrillic 'р' (U+0440) at character 2" in result.err, result.err


def test_remarks_too_long_to_record_are_refused_as_such(project, dlo):
    """Remarks of 120,000 characters were refused as an internal error (DLO634, 'this is a bug
    in dlo: report it'): the journal could not read them back, past the longest text a file
    may hold. They are refused as too long, with the limit, and nothing is recorded."""
    ok(dlo, project, "submit", REG)
    before = journal_path(project).read_bytes()
    result = dlo(
        "agree", REG, "--as", "vp-academic", "--remarks", "ескертпе " * 12_000, cwd=project
    )
    assert result.code == 2, result.err
    assert "--remarks is 107999 characters long; at most 100000 are recorded" in result.err
    assert "DLO634" not in result.err and "bug" not in result.err
    assert journal_path(project).read_bytes() == before


def test_a_refusal_names_the_state_in_the_interface_language(project, dlo):
    """A refusal that says which state the regulation is in names it as ``dlo status`` does, in
    the interface's language: it printed the journal's id ("күйі agreement", "состояние draft")."""
    said = {
        "kk": {"draft": "жоба", "agreement": "келісуде"},
        "ru": {"draft": "проект", "agreement": "на согласовании"},
    }
    revise = ("revise", REG, "--by", "hr-head", "--reason", "x")
    for state in ("draft", "agreement"):
        if state == "agreement":
            ok(dlo, project, "submit", REG)
        for lang, names in said.items():
            result = dlo("--lang-ui", lang, *revise, cwd=project)
            err = result.err
            assert result.code == 1 and "DLO620" in err, (lang, err)
            assert f" {names[state]})" in err, (lang, err)
            assert f" {state})" not in err, (lang, err)
