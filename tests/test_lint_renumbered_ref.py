"""DLO123 through the real workflow: the seed, with a reference to its clause 13 (liability),
approved as edition 1; the revision moves liability to clause 14 and leaves the reference; `dlo
check` says so at the reference until it is mended, and not once the edition is frozen. (The
rule's fixtures in tests/fixtures/lint/ hold the cases of its words and numbers.)"""

from __future__ import annotations

import json
import time

from diff_revision import open_revision

from dlo_docs.lint import renumbered_ref

REFERENCE = "осы нұсқаулықтың 13-тармағында көрсетілген"


def _dlo123(dlo, project) -> list[dict]:
    result = dlo("check", "--format", "json", "dlo-head", cwd=project)
    assert "Traceback" not in result.err
    return [p for p in json.loads(result.out)["problems"] if p["code"] == "DLO123"]


def _with_reference(project, reference: str = REFERENCE) -> None:
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    text = path.read_text("utf-8")
    old = "бастығы үздіксіз білім беру институтының"
    assert text.count(old) == 1
    path.write_text(
        text.replace(old, f"бастығы ({reference} тәртіппен) үздіксіз білім беру институтының"),
        "utf-8",
    )


def test_a_revision_that_renumbers_the_clause_a_reference_meant(project, dlo):
    _with_reference(project)
    assert _dlo123(dlo, project) == []  # a first edition: nothing to compare with
    open_revision(dlo, project, "жоспарлы қайта қарау")
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    found = _dlo123(dlo, project)
    assert len(found) == 1
    line = path.read_text("utf-8").splitlines()[found[0]["line"] - 1]
    assert line[found[0]["column"] - 1 :].startswith("13-тармағында")
    # the reference as written first (a clerk took 'clause 13: …' for where it stands)
    assert (
        found[0]["message"] == "'13-тармағында' (clause 8): clause 13 of edition 1 is clause 14 now"
    )
    assert found[0]["severity"] == "warning"
    path.write_text(path.read_text("utf-8").replace("13-тармағында", "14-тармағында"), "utf-8")
    assert _dlo123(dlo, project) == []


def test_not_once_the_edition_is_frozen(project, dlo):
    _with_reference(project)
    open_revision(dlo, project, "жоспарлы қайта қарау")
    folder = project / "regulations" / "dlo-head"
    (folder / "editions" / "2.yaml").write_bytes((folder / "regulation.yaml").read_bytes())
    assert _dlo123(dlo, project) == []


def test_a_file_in_editions_named_with_another_digit_is_not_an_edition(project, dlo):
    """'².yaml' (a digit ``str.isdigit`` takes and ``int`` does not read) made every dlo check
    of an open revision end in an internal error; '02.yaml' is not edition 2's file either."""
    _with_reference(project)
    open_revision(dlo, project, "жоспарлы қайта қарау")
    editions = project / "regulations" / "dlo-head" / "editions"
    (editions / "².yaml").write_text("x", "utf-8")
    (editions / "02.yaml").write_text("x", "utf-8")
    assert len(_dlo123(dlo, project)) == 1


def test_a_long_text_is_matched_in_a_time_growing_with_its_words():
    """Matched as the comparison matches (every word and every space a token, each compared with
    each alike), a clause of 3,000 words revised here and there took half a minute of every dlo
    check; a 100,000-character one, hours."""
    words = [f"сөз{i % 300}" for i in range(3000)]
    old = " ".join(words)
    new = " ".join(w if i % 50 else "өзгертілді" for i, w in enumerate(words))
    new += " 13-тармағында"
    started = time.perf_counter()
    kept = renumbered_ref._kept(old + " 13-тармағында", new)
    assert time.perf_counter() - started < 3
    at = len(new) - len("13-тармағында")
    assert any(a <= at and b == len(new) for a, b in kept)
    assert not any(a <= new.index("өзгертілді") < b for a, b in kept)


def test_a_reference_to_a_sub_clause_names_its_clause(project, dlo):
    """'13.2-тармағында' is sub-clause 2 of clause 13: the clause it names moved to 14, not
    clause 2 (the warning said nothing, or 'clause 2 … now numbered 3' and 'write 3' where the
    2 stands, which would make it 13.3)."""
    _with_reference(project, "осы нұсқаулықтың 13.2-тармағында көрсетілген")
    open_revision(dlo, project, "жоспарлы қайта қарау")
    path = project / "regulations" / "dlo-head" / "regulation.yaml"
    found = _dlo123(dlo, project)
    assert [p["message"] for p in found] == [
        "'13.2-тармағында' (clause 8): clause 13 of edition 1 is clause 14 now"
    ]
    line = path.read_text("utf-8").splitlines()[found[0]["line"] - 1]
    assert line[found[0]["column"] - 1 :].startswith("13.2-тармағында")
