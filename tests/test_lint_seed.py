"""`dlo check` on the bundled seed reports its real defects, each at the exact line and column of
the offending token. Expected positions are found in the file by their text, not typed in, so the
test reads as the list of defects a reviewer would mark."""

from __future__ import annotations

import json

SEED = "regulations/dlo-head/regulation.yaml"

# (code, a unique piece of the file, where the problem starts inside that piece, why)
DEFECTS = [
    ("DLO103", "КЕАҚ үздіксіз", 0, "КЕАҚ is used but not in the abbreviations chapter"),
    ("DLO113", "064-2022.Ұйым", 8, "no space after the full stop"),
    ("DLO102", "КеАҚ Жарғысы", 0, "КеАҚ: the registry spells it КЕАҚ"),
    ("DLO113", "маусымдағы      №", 10, "six spaces in a row"),
    ("DLO104", "ҚР – Қазақстан Республикасы;", 0, "ҚР is defined but never used"),
    ("DLO104", "ҮББИ – үздіксіз", 0, "ҮББИ is defined but never used (the text spells it out)"),
    ("DLO104", "ҮББИ) директорына", 0, "ҮББИ is defined again inline"),
    ("DLO104", "ПОҚ) мен білім", 0, "ПОҚ is defined again inline"),
    ("DLO107", "электрондық және қашықтықтан оқыту үдерісі", 0, "duty 10.3 nearly repeats 10.2"),
    ("DLO102", "ҚОжҚБББ", 0, "undefined abbreviation"),
    ("DLO106", "және сайлануға;", 5, "'сайлануға және сайлануға'"),
    (
        "DLO101",
        "Ағымдағы мәселелерді",
        0,
        "clause 14 names no known position to take instructions from",
    ),
    ("DLO102", "ҚОжБББ", 0, "undefined abbreviation"),
    ("DLO108", "Ережеге", 0, "a job instruction calls itself a regulation"),
    ("DLO113", "проректордың  бастамасы", 12, "two spaces"),
    ("DLO113", "процедура.  Құжаттаманы", 10, "two spaces"),
    ("DLO109", "кіріспеде", 0, "the document has no introduction"),
    ("DLO116", "өкiлдерiмен", 2, "typed with a Latin i for і"),
    ("DLO116", "бiрлесiп", 1, "typed with a Latin i for і"),
    ("DLO116", "әлеуметтiк", 8, "typed with a Latin i for і"),
    ("DLO116", "әрiптестiк", 2, "typed with a Latin i for і"),
    ("DLO116", "негiзiнде", 3, "typed with a Latin i for і"),
    ("DLO116", "әзiрлеудi", 2, "typed with a Latin i for і"),
    ("DLO116", "өндiрiстiк", 3, "typed with a Latin i for і"),
    ("DLO116", "тәртiптiң", 4, "typed with a Latin i for і"),
]


def position(text: str, piece: str, offset: int) -> tuple[int, int]:
    assert text.count(piece) == 1, f"{piece!r} is not unique in the seed"
    start = text.index(piece) + offset
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


def test_seed_defects_at_their_positions(project, dlo):
    text = (project / SEED).read_text(encoding="utf-8")
    result = dlo("check", "--format", "json", cwd=project)
    assert result.code == 0, result.out  # warnings only: the seed renders
    found = sorted(
        (p["line"], p["column"], p["code"])
        for p in json.loads(result.out)["problems"]
        if p["file"] == SEED
    )
    want = sorted((*position(text, piece, offset), code) for code, piece, offset, _ in DEFECTS)
    assert found == want


def test_positions_point_at_the_token_the_message_names(project, dlo):
    text = (project / SEED).read_text(encoding="utf-8").splitlines()
    problems = json.loads(dlo("check", "--format", "json", cwd=project).out)["problems"]
    for p in problems:
        at = text[p["line"] - 1][p["column"] - 1 :]
        if p["code"] in ("DLO102", "DLO103", "DLO104"):
            token = p["message"].split()[1]
            assert at.startswith(token), (p, at)
        if p["code"] == "DLO106":
            assert at.startswith(p["message"].split("'")[1]), (p, at)
        if p["code"] == "DLO108":
            assert at.startswith(p["message"].split("'")[1].split()[1]), (p, at)


def test_a_clause_stating_a_fact_names_it_as_the_key_written_in_each_language(project, dlo):
    """The seed's clause stating who gives the holder instructions names no known position:
    in Russian it said "говорит о instructions_from", an English key inside a Russian sentence
    (a documentation office clerk's review); the key is quoted as written, `states: …`."""
    said = {
        "ru": "(states: instructions_from) не называет ни одной известной должности",
        "kk": "(states: instructions_from) бірде-бір белгілі лауазымды атамайды",
    }
    for lang, words in said.items():
        out = dlo("--lang-ui", lang, "check", "dlo-head", cwd=project).out
        [line] = [x for x in out.splitlines() if "DLO101" in x and "instructions_from" in x]
        assert words in line, (lang, line)
