"""The command line in English, Kazakh and Russian (gettext catalogues made with Babel)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from conftest import REPO

from dlo_docs import i18n

LOCALE = REPO / "dlo_docs" / "locale"
FIELDS = re.compile(r"\{[^{}]*\}|%\([a-z]+\)s")


def test_every_message_has_all_three_and_the_catalogues_are_current():
    """English is the code's own text; Kazakh and Russian must translate every message, and the
    committed .po/.mo files must be what tools/messages.py makes of the code today."""
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "messages.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translations_keep_the_placeholders(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        want = set(FIELDS.findall(ids[-1])) | set(FIELDS.findall(ids[0]))
        for text in strings:
            assert set(FIELDS.findall(text)) <= want, (message.id, text)
            assert set(FIELDS.findall(ids[0])) - {
                "{possibilities}",
                "{nargs}",
                "{formats}",
                "{choices}",
            } <= set(FIELDS.findall(text)) | {"{possibility}", "{format}", "{choice}"}, (
                message.id,
                text,
            )


@pytest.mark.parametrize(
    ("lang", "other"),
    [
        ("kk", "қолданыстағы"),
        ("ru", "редакц"),
        ("kk", "папка"),  # a folder is a қалта: the site's and --out's messages said папка too
        ("kk", "әдепкісі"),  # a default is әдепкі, as in every other help text
        ("ru", "хэш"),  # хеш, as verify's help writes it; log and integrity said хэш
        ("kk", "хэш"),
        ("kk", "келісу парағ"),  # the sheet is the «Келісім парағы» its title prints
    ],
)
def test_each_catalogue_keeps_one_word_for_a_thing(lang, other):
    """A clerk reading 'күшіндегі басылым' on one screen and 'қолданыстағы басылым' on the next
    (or «издание» and «редакция», 'қалта' and 'папка') asks whether they are two things: each
    catalogue keeps one term (күшіндегі басылым; действующее издание; қалта; хеш)."""
    with (LOCALE / lang / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    texts = [m.string for m in catalog if m.id and isinstance(m.string, str)]
    assert [t for t in texts if other in t.casefold()] == []


# A regulation in general is a document (документ, құжат); «положение о подразделении» and
# «бөлімше туралы ереже» name one kind of it, and «ереже» is also a lint rule.
OTHER_WORDS_FOR_A_DOCUMENT = {
    "ru": re.compile(r"регламент|(?<![Оо]бщие )\bположени\w*+(?! о подразделени)", re.I),
    "kk": re.compile(r"(?<!туралы )\bереже", re.I),
}
NAMES_THAT_KIND = re.compile(
    r"\brules?\b|silence|provisions|unit regulation|regulation of (its |their own |the )?unit"
)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_catalogue_calls_a_regulation_a_document(lang):
    """The project calls its regulations документ / құжат: a clerk reading «регламент» in one
    help text and «Положение» in a rule's description takes them for other documents."""
    with (LOCALE / lang / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found = []
    for message in catalog:
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        if not english or NAMES_THAT_KIND.search(english):
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(english, t) for t in texts if OTHER_WORDS_FOR_A_DOCUMENT[lang].search(t)]
    assert found == []


# the periodic review of an edition in force, and the revision that makes a new edition
REVISION = {"ru": "пересмотр", "kk": "қайта қара"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_review_is_not_called_a_revision(lang):
    """`dlo review` records a periodic review (периодическая проверка, мерзімді тексеру);
    `dlo revise` opens a revision (пересмотр, қайта қарау). Status's help read «срок пересмотра»
    for the review's due date, and 'dlo correct' fixed «результат пересмотра»: a clerk looks
    for a revision that is not there."""
    with (LOCALE / lang / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    found = []
    for message in catalog:
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        if not english or not re.search(r"\breview", english) or re.search(r"revis", english):
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(english, t) for t in texts if REVISION[lang] in t]
    assert found == []


def test_choice_of_language():
    assert i18n.choose("ru", {"DLO_UI_LANG": "kk"}) == "ru"
    assert i18n.choose(None, {"DLO_UI_LANG": "kk", "LANG": "ru_RU.UTF-8"}) == "kk"
    assert i18n.choose(None, {"LANG": "ru_RU.UTF-8"}) == "ru"
    assert i18n.choose(None, {"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}) == "kk"
    assert i18n.choose(None, {"LANG": "C.UTF-8"}) == "en"
    assert i18n.choose(None, {}) == "en"


def test_language_list_comes_first_as_gettext_reads_it():
    """LANGUAGE, a list of languages by preference, comes before the locale, as gettext reads
    it; the first one with a catalogue is taken. A container's LANG=C.UTF-8 does not hide it."""
    assert i18n.choose(None, {"LANG": "C.UTF-8", "LANGUAGE": "kk"}) == "kk"
    assert i18n.choose(None, {"LANG": "en_US.UTF-8", "LANGUAGE": "kk"}) == "kk"
    assert i18n.choose(None, {"LANG": "ru_RU.UTF-8", "LANGUAGE": "kk:ru"}) == "kk"
    assert i18n.choose(None, {"LC_ALL": "ru_RU.UTF-8", "LANGUAGE": "de:kk_KZ"}) == "kk"
    assert i18n.choose(None, {"LANGUAGE": "ru_RU.UTF-8"}) == "ru"
    assert i18n.choose(None, {"LANGUAGE": "de:fr", "LANG": "ru_RU.UTF-8"}) == "en"  # as gettext
    assert i18n.choose(None, {"LANGUAGE": "", "LANG": "ru_RU.UTF-8"}) == "ru"  # empty: unset
    assert i18n.choose("en", {"LANGUAGE": "kk"}) == "en"  # the option and DLO_UI_LANG first
    assert i18n.choose(None, {"DLO_UI_LANG": "ru", "LANGUAGE": "kk"}) == "ru"


def test_help_in_each_language(dlo, project, monkeypatch):
    result = dlo("--lang-ui", "ru", "list", "--help", cwd=project)
    assert "Использование: dlo list" in result.out
    assert "Только документы с просроченной периодической проверкой." in " ".join(
        result.out.split()
    )
    assert "Only those whose" not in result.out
    monkeypatch.setenv("DLO_UI_LANG", "kk")
    result = dlo("new", "--help", cwd=project)
    assert "Құжатты өз түрінің үлгісі бойынша бастау" in " ".join(result.out.split())
    assert "Параметрлер:" in result.out
    result = dlo("--lang-ui", "en", "new", "--help", cwd=project)  # the option wins
    assert "Start a regulation from the template" in " ".join(result.out.split())
    monkeypatch.delenv("DLO_UI_LANG")
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    result = dlo("list", "--format", "nope", cwd=project)
    assert result.code == 2 and "Ошибка: Недопустимое значение" in result.out + result.err


def test_every_command_help_is_translated(dlo, project):
    from test_cli_docs import commands

    from dlo_docs.cli import all_commands

    main = all_commands()
    for name in commands():
        command = main
        for part in name.split():
            command = command.commands[part]
        english = command.help or ""
        first = " ".join(english.split())[:40]
        for lang in ("kk", "ru"):
            out = dlo("--lang-ui", lang, *name.split(), "--help", cwd=project).out
            assert first not in " ".join(out.split()), (name, lang)


def test_codes_stay_as_they_are(dlo, project, monkeypatch):
    monkeypatch.setenv("DLO_UI_LANG", "ru")
    result = dlo("new", "x1", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    assert result.code == 0
    assert "записан regulations/x1/regulation.yaml" in result.out
    assert "(DLO114)" in result.out
    result = dlo("check", "regulations/x1", cwd=project)
    assert re.search(r"ошибок: [1-9]\d*, предупреждений: 0", result.err)
    assert ": ошибка DLO114: " in result.out


@pytest.fixture(autouse=True)
def _english_afterwards():
    """The interface language is the process's: leave it English for the tests that follow."""
    yield
    i18n.use("en")


def test_a_message_is_a_value_translated_where_it_is_printed():
    """A problem made while the interface speaks English prints in Kazakh once it does: the
    template is looked up at output, fields (an element's label among them) translated too."""
    import pickle

    from dlo_docs.errors import Location, warning

    label = i18n.Msg("clause {clause} item {n}", clause=3, n="5")
    problem = warning(
        Location("r.yaml", 64, 33),
        "DLO113",
        i18n.Msg("{what} ({where})", what=i18n.Msg("{n} spaces in a row", n=6), where=label),
        i18n.Msg("one space between words, none before punctuation, one after it"),
    )
    english = "r.yaml:64:33: warning DLO113: 6 spaces in a row (clause 3 item 5)"
    assert str(problem).startswith(english)
    assert problem.message == "6 spaces in a row (clause 3 item 5)"  # still the English text
    again = pickle.loads(pickle.dumps(problem))  # as a --jobs worker sends it back
    assert again == problem and again.message.fields == problem.message.fields
    i18n.use("kk")
    assert str(again) == (
        "r.yaml:64:33: ескерту DLO113: қатарынан 6 бос орын (3-тармақтың 5-тармақшасы) "
        "(кеңес: сөздердің арасында бір бос орын, тыныс белгісінің алдында бос орын болмайды, "
        "одан кейін біреу)"
    )
    i18n.use("ru")
    assert "пробелов подряд: 6 (пункт 3, подпункт 5)" in str(again)
    assert problem.as_dict()["message"] == "6 spaces in a row (clause 3 item 5)"


def test_a_word_in_context_is_translated_as_that_context_means_it():
    """The word "agreed" as a journal event (a field of a library's message) is the event's word, not the
    state's, in the interface language, also after a --jobs worker sent it back."""
    import pickle

    message = i18n.Msg("event {event}", event=i18n.in_context("journal event", "agreed"))
    again = pickle.loads(pickle.dumps(message))
    assert str(again) == "event agreed"
    i18n.use("ru")
    assert i18n.text(again.fields["event"]) == i18n.pgettext("journal event", "agreed")
    # the word itself, not only what the same lookup returns: the event's, not the state's
    assert i18n.text(again) == "event согласование"
    assert i18n.text(again.fields["event"]) != i18n.text(i18n.Msg("agreed"))


def test_a_broken_translation_falls_back_to_english(monkeypatch):
    i18n.use("ru")
    monkeypatch.setattr(i18n, "_", lambda message: "{unknown} поле")
    assert i18n.text(i18n.Msg("clause {n}", n=4)) == "clause 4"


def test_join_translates_each_part():
    i18n.use("ru")
    parts = [i18n.Msg("clause {n}", n=1), i18n.Msg("chapter {n}", n=2), "{x}"]
    joined = i18n.join("; ", parts)
    assert joined == "clause 1; chapter 2; {x}"
    assert i18n.text(joined) == "пункт 1; глава 2; {x}"


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "kk",
            "КЕАҚ қысқартуы (1-тармақ; сондай-ақ 12-тармақтың 1-тармақшасы) қысқартулар "
            "тарауында жоқ",
            "(кеңес: оған «КЕАҚ – коммерциялық емес акционерлік қоғам» жолын қосыңыз)",
        ),
        (
            "ru",
            "сокращения КЕАҚ (пункт 1; также пункт 12, подпункт 1) нет в главе сокращений",
            "(подсказка: добавьте в неё «КЕАҚ – коммерциялық емес акционерлік қоғам»)",
        ),
    ],
)
def test_check_reports_in_the_interface_language(dlo, project, lang, message, hint):
    """The real command on the bundled regulation: position and code as in English, the
    severity word, the message and its hint translated; --format json stays English (data for
    programs)."""
    where = "regulations/dlo-head/regulation.yaml:31:92: {severity} DLO103: "
    english = dlo("check", cwd=project)
    assert (
        where.format(severity="warning") + "abbreviation КЕАҚ (clause 1; also clause 12 item 1) "
        "is not in" in english.out
    )
    result = dlo("--lang-ui", lang, "check", cwd=project)
    assert result.code == english.code
    severity = {"kk": "ескерту", "ru": "предупреждение"}[lang]
    assert f"{where.format(severity=severity)}{message} {hint}" in result.out.splitlines()
    assert len(result.out.splitlines()) == len(english.out.splitlines())
    listing = dlo("--lang-ui", lang, "check", "--list-rules", cwd=project).out
    # the default severity as check says it («ескерту», not "warning": a clerk reads no English)
    assert re.search(rf"^DLO107  {severity} +near-duplicate ", listing, re.M), listing
    assert re.search(rf"^DLO100  {'қате' if lang == 'kk' else 'ошибка'} +silence ", listing, re.M)
    assert "two entries of one list" not in listing
    data = dlo("--lang-ui", lang, "check", "--format", "json", cwd=project).out
    assert "is not in the abbreviations chapter" in data


@pytest.mark.parametrize(
    ("lang", "error", "warning"),
    [("kk", "қате", "ескерту"), ("ru", "ошибка", "предупреждение"), ("en", "error", "warning")],
)
def test_a_problem_s_severity_is_said_in_the_interface_language(
    dlo, project, monkeypatch, lang, error, warning
):
    """A clerk reads 'ошибка DLO114', not 'error DLO114', as the count under the list says
    'ошибок: 1'; English (what editors and CI parse) prints 'error CODE:' as before, and
    --format github and json keep the English word: data for programs."""
    monkeypatch.setenv("DLO_UI_LANG", lang)
    dlo("new", "x1", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    out = dlo("check", cwd=project).out.splitlines()
    where = re.compile(r"^regulations/x1/regulation\.yaml:\d+:\d+: " + error + " DLO114: ")
    assert any(where.match(line) for line in out), out
    assert any(f": {warning} DLO103: " in line for line in out), out
    if lang != "en":
        assert not [line for line in out if re.search(r": (error|warning) DLO", line)], out
    github = dlo("check", "--format", "github", cwd=project).out
    assert "::error file=regulations/x1/regulation.yaml," in github
    assert "::warning file=" in github
    data = json.loads(dlo("check", "--format", "json", cwd=project).out)
    assert {p["severity"] for p in data["problems"]} == {"error", "warning"}


# Modules whose messages are still English text, not yet ``Msg`` values: none now; a module
# added here must say why.
NOT_YET_TRANSLATED: set[str] = set()
# the calls that make a problem, with the positions of their message and hint arguments
PROBLEM_CALLS = {
    "error": (2, 3),
    "warning": (2, 3),
    "problem": (2, 3),  # a lint rule's view.problem(rule, at, message, hint)
    "Problem": (3, 4),
    "UsageError": (0, 1),
    "DloError": (0,),
    "InputRefused": (0, 1),
    "LimitExceeded": (3, 4),
    "SofficeMissing": (0, 1),
    "_problem": (1, 2),  # LibreOffice's problems (render.pdf)
    "fail": (2, 3),  # the importer's refusals of a source file
    "warn": (2, 3),  # findings of the importer and of the site's build
    "assumed": (0, 1),  # the importer's report
    "confirm": (1, 2),
    "refuse": (1, 2),  # the workflow's refusals (ctx.refuse)
    "Failure": (1,),  # a signature's failed check
    "BadSignature": (0,),
}


def _text_literal(node) -> bool:
    """A message written as English text in place: "…", f"…", "…" + x, a if c else "…"."""
    import ast

    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp):
        return _text_literal(node.left) or _text_literal(node.right)
    if isinstance(node, ast.IfExp):
        return _text_literal(node.body) or _text_literal(node.orelse)
    return False


def _untranslated_messages(path) -> list[int]:
    import ast

    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = getattr(func, "id", None) or getattr(func, "attr", None)
        if name not in PROBLEM_CALLS:
            continue
        args = [node.args[i] for i in PROBLEM_CALLS[name] if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in ("message", "hint", "reason")]
        lines += [node.lineno for a in args if _text_literal(a)]
    return lines


def test_problems_carry_messages_the_catalogue_translates():
    """A problem's message and hint are ``Msg`` values (or ``N_`` constants) that the catalogue
    translates when printed, never English text written in place — except in the modules
    listed as not yet translated, and a module on that list must still need to be there."""
    package = REPO / "dlo_docs"
    found = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        lines = _untranslated_messages(path)
        if lines:
            found[name] = lines
    new = {name: lines for name, lines in found.items() if name not in NOT_YET_TRANSLATED}
    assert not new, f"messages written as English text (use i18n.Msg): {new}"
    done = NOT_YET_TRANSLATED - set(found)
    assert not done, f"translated now: remove from NOT_YET_TRANSLATED: {sorted(done)}"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "kk",
            [
                "қате DLO011: белгісіз кілт 'colour' (кеңес: оны алып тастаңыз немесе",
                "қате DLO013: edition: бүтін сан күтілді",
                "қате DLO020: белгісіз лауазым: 'nobody' (кеңес: regulations/registry.yaml",
            ],
        ),
        (
            "ru",
            [
                "ошибка DLO011: неизвестный ключ 'colour' (подсказка: удалите его или",
                "ошибка DLO013: edition: ожидалось целое число",
                "ошибка DLO020: неизвестная должность 'nobody' (подсказка:",
            ],
        ),
    ],
)
def test_the_loaders_errors_in_the_interface_language(dlo, project, monkeypatch, lang, words):
    """Schema errors (pydantic's, said in our words), unknown keys and unknown ids: position and
    code as in English, the message and hint in the interface language."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("edition: 1\n", "edition: one\ncolour: red\n"), encoding="utf-8")
    english = dlo("check", "regulations/dlo-head", cwd=project)
    assert "15:10: error DLO013: edition: expected a whole number" in english.out
    assert "16:1: error DLO011: unknown key 'colour'" in english.out
    monkeypatch.setenv("DLO_UI_LANG", lang)
    result = dlo("check", "regulations/dlo-head", cwd=project)
    path.write_text(good.replace("position: dlo-head", "position: nobody"), encoding="utf-8")
    again = dlo("check", "regulations/dlo-head", cwd=project)
    assert result.code == english.code == again.code == 1
    for line in words:
        assert line in " ".join((result.out + again.out).split()), (line, result.out)
    assert "expected a whole number" not in result.out


def test_kazakh_calls_a_mapping_key_value_pairs_not_a_comparison(dlo, project):
    """«салыстыру» is "comparison": a YAML mapping is «кілт: мән жұптары» in every message."""
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(
        good.replace("approval:\n  by: rector\n  form: order", "approval: [rector]"), "utf-8"
    )
    result = dlo("--lang-ui", "kk", "check", "regulations/dlo-head", cwd=project)
    assert "қате DLO010: approval: кілт: мән жұптары күтілді" in result.out, result.out
    catalogue = (REPO / "dlo_docs/locale/kk/LC_MESSAGES/dlo.po").read_text(encoding="utf-8")
    mappings = [e for e in catalogue.split("\n\n") if "mapping" in e.split("msgstr")[0]]
    assert mappings and all("кілт: мән жұптары" in e.split("msgstr")[1] for e in mappings)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("kk", "қате DLO001: YAML синтаксисі:"),
        ("ru", "ошибка DLO001: синтаксис YAML:"),
    ],
)
def test_a_broken_file_and_a_hostile_one_in_the_interface_language(dlo, project, lang, message):
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    result = dlo("--lang-ui", lang, "check", "regulations/dlo-head", cwd=project)
    assert result.code == 1 and "regulation.yaml:2:1: " + message in result.out
    path.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    result = dlo("--lang-ui", lang, "check", "regulations/dlo-head", cwd=project)
    alias = {"kk": "мәнге берілген ат (зәкір, &x)", "ru": "как имя, данное значению (якорь, &x)"}
    assert alias[lang] in result.out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "kk",
            {
                "status": [
                    "dlo-head: күшінде",
                    "күшіндегі басылым: 1 (03.06.2024 ж. № 45-НҚ бұйрық)",
                ],
                "log": ["1-басылым", "мазмұны ", "  ұсыну  ", "  келісу  ", "  бекіту  "],
                "verify": ["dlo-head: бүтін (журналда 6 оқиға)"],
                "list": ["Коды", "Күйі", "Келесі тексеру", "күшінде"],
            },
        ),
        (
            "ru",
            {
                "status": ["dlo-head: действует", "действующее издание: 1 (приказ № 45-НҚ от"],
                "log": ["издание 1", "содержание ", "  представление  ", "  утверждение  "],
                "verify": ["dlo-head: цел (6 событий журнала)"],
                "list": ["Код", "Состояние", "Следующая проверка", "действует"],
            },
        ),
    ],
)
def test_status_log_verify_and_list_in_the_interface_language(in_force, dlo, lang, expected):
    """What the everyday commands print is in the interface language; ids, codes and numbers
    as they are; --format json stays English."""
    english = dlo("status", "dlo-head", cwd=in_force).out
    assert "dlo-head: in force" in english and "edition in force: 1 (order № 45-НҚ" in english
    for command, words in expected.items():
        args = [command, "dlo-head"] if command != "list" else [command, "--today", "2024-07-01"]
        out = dlo("--lang-ui", lang, *args, cwd=in_force).out
        for word in words:
            assert word in out, (command, word, out)
        assert "edition in force" not in out and "journal event" not in out
        assert "submitted" not in out and "approved" not in out  # the journal's own words
    data = dlo("--lang-ui", lang, "status", "dlo-head", "--format", "json", cwd=in_force).out
    assert '"state": "in_force"' in data
    csv = dlo("--lang-ui", lang, "list", "--format", "csv", cwd=in_force).out
    assert csv.splitlines()[0].split(",")[1] == expected["list"][0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "kk",
            [
                "dlo: қате: 'dlo-head' құжатының салыстыратын күшіндегі басылымы жоқ (кеңес: "
                "басылымдарды атаңыз",
                "dlo: қате: белгісіз лауазым 'nobody' (--position) (кеңес: тізілімдегі лауазымдар:",
                "dlo: қате: kk — құжаттың негізгі тілі, аударма содан жасалады",
                "ішінде жасалған сайт жоқ (index.html жоқ) (кеңес: алдымен оны жасаңыз",
                "empty.txt: қате DLO522: файл бос (кеңес: оған құжат мәтінін экспорттаңыз",
            ],
        ),
        (
            "ru",
            [
                "dlo: ошибка: у документа 'dlo-head' нет действующего издания для сравнения "
                "(подсказка: назовите издания",
                "dlo: ошибка: неизвестная должность 'nobody' (--position) (подсказка: должности в",
                "dlo: ошибка: kk — основной язык документа, с него и переводят",
                "нет собранного сайта (нет index.html) (подсказка: сначала соберите его",
                "empty.txt: ошибка DLO522: файл пуст (подсказка: выгрузите в него текст документа",
            ],
        ),
    ],
)
def test_the_services_refusals_in_the_interface_language(dlo, project, monkeypatch, lang, expected):
    """A refusal of each service — diff, new, translate, site, import — in Kazakh and Russian,
    the code and the file's name as they are."""
    (project / "empty.txt").write_bytes(b"")
    commands = [
        ("diff", "dlo-head"),
        ("new", "x1", "--kind", "job_instruction", "--position", "nobody"),
        ("translate", "dlo-head", "--to", "kk", "--out", "t.docx"),
        ("site", "serve", "--dir", "nowhere"),
        (
            "import",
            "empty.txt",
            "--id",
            "x2",
            "--kind",
            "job_instruction",
            "--position",
            "dlo-head",
        ),
    ]
    monkeypatch.setenv("DLO_UI_LANG", lang)
    for args, words in zip(commands, expected, strict=True):
        result = dlo(*args, cwd=project)
        assert result.code in (1, 2), (args, result)
        assert words in " ".join((result.out + result.err).split()), (args, result.err)
    assert not (project / "t.docx").exists() and not (project / "regulations" / "x1").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "kk",
            [
                "қате DLO620: dlo-head бекітілмейді: ол әлі жіберілмеген жоба (кеңес: алдымен "
                "оны келісуге жіберіңіз: dlo submit dlo-head)",
                "қате DLO620: rector dlo-head құжатын келісе алмайды: ол әлі жіберілмеген жоба",
                "қате DLO620: dlo-head құжатының күшін жоюға болмайды: оның бірде-бір басылымы "
                "күшінде емес",
                "қате DLO620: dlo-head құжатының күшіндегі басылымы жоқ: әзірге танысатын "
                "ештеңе жоқ",
                "nokey.p12: қате DLO901: кілт файлы nokey.p12 жоқ",
                "bad.p12: қате DLO901: bad.p12 PKCS#12 файлы емес (.p12/.pfx) (кеңес: "
                "куәландырушы орталық берген кілт файлын көрсетіңіз",
            ],
        ),
        (
            "ru",
            [
                "ошибка DLO620: dlo-head нельзя утвердить: это проект, который ещё не отправлен "
                "(подсказка: сначала отправьте его на согласование: dlo submit dlo-head)",
                "ошибка DLO620: rector не может согласовать dlo-head: это проект, который ещё не",
                "ошибка DLO620: dlo-head нельзя отменить: ни одно его издание не действует",
                "ошибка DLO620: у dlo-head нет действующего издания: знакомиться пока не с чем",
                "nokey.p12: ошибка DLO901: файл ключа nokey.p12 не существует",
                "bad.p12: ошибка DLO901: bad.p12 — не файл PKCS#12 (.p12/.pfx) (подсказка: укажите "
                "файл ключа, выданный удостоверяющим центром",
            ],
        ),
    ],
)
def test_the_workflows_and_signings_refusals_in_the_interface_language(
    dlo, project, monkeypatch, lang, expected
):
    """A refusal of each kind of workflow act (approve, agree, withdraw, acknowledge) and of
    signing (a missing key, a key that is not one) in Kazakh and Russian; the code and the
    position as they are, the journal untouched."""
    (project / "bad.p12").write_bytes(b"junk")
    monkeypatch.setenv("DLO_KEY_PASSWORD", "x")
    clerk = ("--clerk", "docs-head")
    commands = [
        ("approve", "dlo-head", "--order", "1", "--date", "2024-01-01", *clerk),
        ("agree", "dlo-head", "--as", "rector", *clerk),
        ("withdraw", "dlo-head", "--order", "1", "--date", "2024-01-01", *clerk),
        ("acknowledge", "dlo-head", "--holder", "dlo-head", "--date", "2024-01-01", *clerk),
        ("agree", "dlo-head", "--as", "rector", "--sign", "nokey.p12", *clerk),
        ("agree", "dlo-head", "--as", "rector", "--sign", "bad.p12", *clerk),
    ]
    english = dlo(*commands[0], cwd=project)
    assert "dlo-head cannot be approved: it is a draft that has not been submitted" in english.err
    monkeypatch.setenv("DLO_UI_LANG", lang)
    for args, words in zip(commands, expected, strict=True):
        result = dlo(*args, cwd=project)
        assert result.code in (1, 2), (args, result)
        assert words in " ".join(result.err.split()), (args, result.err)
        assert "cannot" not in result.err and "hint:" not in result.err
    assert not (project / "regulations" / "dlo-head" / "journal.yaml").exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            {
                "status": ["order № 45-НҚ of 2024-06-03", "review due: 2027-06-03"],
                "log": ["order № 45-НҚ of 2024-06-03", "dated 2024-06-03"],
                "list": ["№ 45-НҚ 2024-06-03 2024-06-03 2027-06-03"],
                "withdraw": ["--date 2020-01-01 is before", "(2024-06-03)"],
            },
        ),
        (
            "kk",
            {
                "status": ["(03.06.2024 ж. № 45-НҚ бұйрық)", "мерзімді тексеру: 03.06.2027"],
                "log": ["03.06.2024 ж. № 45-НҚ бұйрық", "күні 03.06.2024"],
                "list": ["№ 45-НҚ 03.06.2024 03.06.2024 03.06.2027"],
                "withdraw": ["--date 01.01.2020 ", "(03.06.2024)"],
            },
        ),
        (
            "ru",
            {
                "status": ["приказ № 45-НҚ от 03.06.2024", "периодическая проверка: 03.06.2027"],
                "log": ["приказ № 45-НҚ от 03.06.2024", "дата 03.06.2024"],
                "list": ["№ 45-НҚ 03.06.2024 03.06.2024 03.06.2027"],
                "withdraw": ["--date 01.01.2020 раньше", "(03.06.2024)"],
            },
        ),
    ],
)
def test_dates_in_messages_are_written_as_the_interface_language_writes_them(
    in_force, dlo, monkeypatch, lang, expected
):
    """'приказ № 45-НҚ от 2024-06-03' where the forms, the site and a clerk write 03.06.2024: in
    Kazakh and Russian a date in a message (status, log, the register's table, a refusal) is
    DD.MM.YYYY; English, which tests and scripts read, and the data (JSON, CSV) stay ISO."""
    monkeypatch.setenv("DLO_UI_LANG", lang)
    commands = {
        "status": ("status", "dlo-head"),
        "log": ("log", "dlo-head"),
        "list": ("list", "--today", "2024-07-01"),
        "withdraw": ("withdraw", "dlo-head", "--order", "1", "--date", "2020-01-01"),
    }
    for name, args in commands.items():
        result = dlo(*args, "--clerk", "docs-head", cwd=in_force) if name == "withdraw" else None
        result = result or dlo(*args, cwd=in_force)
        said = " ".join((result.out + result.err).split())
        for words in expected[name]:
            assert words in said, (name, words, said)
    data = json.loads(dlo("status", "dlo-head", "--format", "json", cwd=in_force).out)
    assert data["regulations"][0]["in_force_order"]["date"] == "2024-06-03", data
    csv = dlo("list", "--format", "csv", cwd=in_force).out
    assert "2024-06-03" in csv and "03.06.2024" not in csv


def test_a_date_is_a_field_the_interface_language_writes():
    """The one mechanism: a date among a message's fields, whether the message is ``_()`` formatted
    or a ``Msg`` translated at output; a moment (``datetime``) and a text stay as they are."""
    day, moment = dt.date(2026, 12, 5), dt.datetime(2026, 12, 5, 10, 30)
    message = i18n.Msg("order № {number} of {date}", number="12-НҚ", date=day)
    assert str(message) == "order № 12-НҚ of 2026-12-05"
    assert i18n.text(message) == "order № 12-НҚ of 2026-12-05"
    i18n.use("ru")
    assert i18n.text(message) == "приказ № 12-НҚ от 05.12.2026"
    assert i18n._("order № {number} of {date}").format(number="1", date=day).endswith("05.12.2026")
    assert i18n._("dated {date}").format(date=moment) == f"дата {moment}"
    assert i18n._("dated {date}").format(date="2026-12-05") == "дата 2026-12-05"
    i18n.use("kk")
    assert i18n.text(message) == "05.12.2026 ж. № 12-НҚ бұйрық"


KK_DATES = re.compile(
    r"\{(date|day|effective|since|due|today|earliest|value2|start)\} (бастап|дейін|кейін|бұрын)"
)


def test_no_kazakh_message_puts_a_case_ending_on_a_date():
    """'01.01.2027 бастап' reads wrong: бастап wants the ablative, which a date in figures cannot
    take; such a message writes '{date} ж. бастап' (or names the day with күні)."""
    with (LOCALE / "kk" / "LC_MESSAGES" / "dlo.po").open("rb") as handle:
        catalog = read_po(handle, locale="kk")
    texts = [m.string for m in catalog if m.id and isinstance(m.string, str)]
    assert [t for t in texts if KK_DATES.search(t)] == []


def test_the_register_names_units_in_the_interface_language_unless_told(in_force, dlo):
    """A clerk working in Russian reads the register's titles and units in Russian (each as the
    regulation and the registry give it in that language); English, which no document is
    written in, keeps the Kazakh names; --lang chooses either way."""
    kk_unit, ru_unit = "Қашықтықтан оқыту бөлімі", "Отдел дистанционного обучения"
    russian = dlo("--lang-ui", "ru", "list", cwd=in_force).out
    assert ru_unit in russian and kk_unit not in russian, russian
    english = dlo("--lang-ui", "en", "list", cwd=in_force).out
    assert kk_unit in english and ru_unit not in english, english
    told = dlo("--lang-ui", "ru", "list", "--lang", "kk", cwd=in_force).out
    assert kk_unit in told and ru_unit not in told, told


def test_russian_agrees_with_the_count_and_with_either_reader():
    """«укажите 32 цифр и букв» broke the count's agreement (32 цифры); a reader who has read an
    edition was «ознакомился» whoever it was, though the acknowledge command says «ознакомлен(а)»
    of Г. М. Жумабаева as of anyone."""
    from dlo_docs.workflow.guards import CONTROL_DIGITS, EXAMPLE

    i18n.use("ru")
    hint = i18n.text(
        i18n.Msg(
            "give the {n} digits and letters a–f that the copy read prints at the head of "
            "each page, as '{example}'",
            n=CONTROL_DIGITS,
            example=EXAMPLE,
        )
    )
    assert f"укажите {CONTROL_DIGITS}-значный код из цифр и букв a–f" in hint
    twice = i18n.Msg(
        "{value} has already acknowledged edition {n} (on {date})",
        value="Г. М. Жумабаева",
        n=1,
        date="2026-12-05",
    )
    assert i18n.text(twice).startswith("Г. М. Жумабаева уже ознакомлен(а) с изданием 1")
    assert i18n._("read by {reader}") == "ознакомлен(а): {reader}"


LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")


@pytest.mark.parametrize(
    ("lang", "made"),
    [("ru", ("Создан командой", "Импортирован командой")), ("kk", ("жасады", "импорттады"))],
)
def test_the_new_and_imported_files_open_with_a_comment_in_the_clerks_language(
    dlo, project, monkeypatch, lang, made
):
    """The file a clerk is told to write in opens with what to do; it was English whatever the
    interface spoke. Only the commands, codes, keys and file names stay Latin."""
    from conftest import SEED

    monkeypatch.setenv("DLO_UI_LANG", lang)
    assert dlo("new", "x1", "--kind", "job_instruction", "--position", "dlo-head", cwd=project)
    new = (project / "regulations" / "x1" / "regulation.yaml").read_text(encoding="utf-8")
    assert dlo("import", SEED, "--id", "x2", cwd=project).code == 0
    imported = (project / "regulations" / "x2" / "regulation.yaml").read_text(encoding="utf-8")
    codes = {"dlo", "new", "check", "import", "DLO", "source_number"}
    codes |= {"id", "code", "title", "position"}
    for text, said in zip((new, imported), made, strict=True):
        lines = text.splitlines()
        comment = [line for line in lines if line.startswith("#") and "$schema" not in line]
        assert comment and said in comment[0]
        words = re.sub(r"\S+\.(yaml|txt)\b", "", " ".join(comment))  # file names
        assert set(LATIN_WORD.findall(words)) <= codes, comment


PLACEHOLDER_WORDS = re.compile(
    r"(?<![\w$_.{-])(OPTIONS|COMMAND|ARGS|IDS|PATH|FILES?|DIR|POSITION|ROLE|UNIT|DATE|TEXT|CODE"
    r"|NO|KEY|CA|LANG|PORT|KIND|INTEGER|RANGE)(?![\w_}])"
)


@pytest.mark.parametrize(
    ("lang", "usage", "role"),
    [("ru", "[ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]", "ДОЛЖНОСТЬ"), ("kk", "[ПАРАМЕТРЛЕР]", "ЛАУАЗЫМ")],
)
def test_every_help_names_what_is_typed_in_the_interface_language(dlo, project, lang, usage, role):
    """'Использование: dlo agree [OPTIONS] ID', '--as ROLE', '--text CODE', '-j, --jobs INTEGER
    RANGE', and hints 'dlo revise ID --by ROLE --reason TEXT': a clerk who reads no English met a
    placeholder word on every line of every help. ID and N stay (ID is read as such)."""
    from test_cli_docs import commands

    helps = [dlo("--lang-ui", lang, "--help", cwd=project).out]
    helps += [dlo("--lang-ui", lang, *n.split(), "--help", cwd=project).out for n in commands()]
    assert usage in helps[0]
    shown = "\n".join(helps).replace("DLO_SOFFICE, PATH", "")  # the environment's PATH
    assert PLACEHOLDER_WORDS.findall(shown) == []
    assert f"--as {role}" in shown
    # a hint names what to type in the same words
    i18n.use(lang)
    hint = i18n.text(
        i18n.Msg("open a revision first: dlo revise {id} --by ROLE --reason TEXT", id="x")
    )
    assert f"dlo revise x --by {role} --reason " in hint and "ROLE" not in hint


def test_who_has_not_read_an_edition_is_named_in_the_registers_language(in_force, dlo):
    """`dlo list --unacknowledged` in Russian listed 'М. Р. Бекова (Қашықтықтан оқыту
    бөлімінің бастығы)' beside the unit 'Отдел дистанционного обучения': the reader's position
    in the document's language, the rest of the row in the register's."""
    russian = dlo("--lang-ui", "ru", "list", "--unacknowledged", cwd=in_force).out
    line = next(x for x in russian.splitlines() if x.startswith("dlo-head"))
    assert "(Начальник отдела дистанционного обучения)" in line, line
    assert "Қашықтықтан" not in line.split("Отдел дистанционного обучения")[0], line
    told = dlo("--lang-ui", "ru", "list", "--unacknowledged", "--lang", "kk", cwd=in_force).out
    assert "(Қашықтықтан оқыту бөлімінің бастығы)" in told, told


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "cannot read the file: Permission denied"),
        ("kk", "файлды оқу мүмкін емес: рұқсат жоқ"),
        ("ru", "не удаётся прочитать файл: доступ запрещён"),
    ],
)
def test_the_systems_reason_is_said_in_the_interface_language(lang, said):
    """The C library says why in English whatever the language: "файлды оқу мүмкін емес:
    Permission denied". The reasons a user meets are the catalogues' (others as the system
    says them)."""
    import errno

    from dlo_docs.errors import os_reason

    shown = i18n.current()
    try:
        i18n.use(lang)
        message = i18n.Msg(
            "cannot read the file: {reason}", reason=os_reason(PermissionError(errno.EACCES, "x"))
        )
        assert i18n.text(message) == said
        odd = OSError(errno.ENXIO, "No such device or address")
        assert os_reason(odd) == "No such device or address"
    finally:
        i18n.use(shown)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "vp-academic — Проректор по академическим вопросам (следующий), legal-head — "),
        ("kk", "vp-academic — Академиялық мәселелер жөніндегі проректор (кезекті), legal-head — "),
        ("en", "pending approvers: vp-academic (next), legal-head, "),
    ],
)
def test_status_names_whom_the_draft_waits_for_by_their_title(project, dlo, lang, said):
    """A clerk chasing the agreements was shown "vp-academic, legal-head": ids, not who they
    are. In Kazakh and Russian each approver still to agree is shown with the registry's title
    of the position (English: the ids, as the registry has no English titles)."""
    assert dlo("submit", "dlo-head", cwd=project).code == 0
    shown = dlo("--lang-ui", lang, "status", "dlo-head", cwd=project).out
    assert said in shown, shown
