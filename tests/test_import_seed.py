"""Importing the seed text gives the hand-encoded regulation, and the report names its defects."""

from __future__ import annotations

import re

import pytest
from conftest import SEED, SHARED_SEED
from test_import_support import facts, load_model, shape, source_numbers


def seeds():
    yield pytest.param(SEED, id="bundled-seed")
    yield pytest.param(
        SHARED_SEED,
        id="shared-seed",
        marks=pytest.mark.skipif(
            not SHARED_SEED.exists(), reason="../shared is not beside this checkout"
        ),
    )


@pytest.mark.parametrize("seed", list(seeds()))
def test_seed_text_imports_to_the_bundled_regulation(project, dlo, seed):
    result = dlo("import", seed, "--id", "seed-import", cwd=project)
    assert result.code == 0, result.err
    assert "wrote regulations/seed-import/regulation.yaml" in result.out
    # the registry knows every abbreviation, document and position the seed names: nothing to propose
    assert "proposed registry entries" not in result.out
    imported = load_model(project, "seed-import")
    bundled = load_model(project, "dlo-head")
    assert shape(imported) == shape(bundled)
    assert facts(imported) == facts(bundled)


def test_report_names_the_repeated_ten_and_the_lone_sixteen(project, dlo):
    result = dlo("import", SEED, "--id", "seed-import", cwd=project)
    assert result.code == 0, result.err
    lines = SEED.read_text(encoding="utf-8").splitlines()
    second_ten = [n for n, line in enumerate(lines, 1) if line.startswith("10. ")][1]
    lone = next(n for n, line in enumerate(lines, 1) if line.strip() == "16.")
    repeated = [line for line in result.err.splitlines() if "DLO501" in line]
    assert len(repeated) == 1
    assert f':{second_ten}:1: warning DLO501: clause number "10." repeats' in repeated[0]
    assert "it is clause 11 here" in repeated[0]
    alone = [line for line in result.err.splitlines() if "DLO502" in line]
    assert len(alone) == 1 and f":{lone}:1:" in alone[0] and '"16." stands alone' in alone[0]
    # nothing else looked odd: no gap is reported after the repeat (12 follows the second 10)
    assert "DLO503" not in result.err and "DLO504" not in result.err


def test_source_numbers_are_kept(project, dlo):
    assert dlo("import", SEED, "--id", "seed-import", cwd=project).code == 0
    model = load_model(project, "seed-import")
    numbers = source_numbers(model)
    assert numbers[:11] == [str(n) for n in range(1, 11)] + ["10"]
    assert numbers[11:] == [str(n) for n in range(12, 22)]
    assert [c.source_number for c in model.chapters] == [str(n) for n in range(1, 8)]
    duties = model.chapters[4].paragraphs[1].clauses[0]
    assert [i.source_number for i in duties.items] == [str(n) for n in range(1, 17)]


def test_dlo_check_on_the_import_finds_what_it_finds_on_the_bundled_text(project, dlo):
    args = ("--id", "seed-import", "--code", "ЛН ҮББИ 02-2024")
    assert dlo("import", SEED, *args, cwd=project).code == 0
    result = dlo("check", "--format", "json", cwd=project)
    assert result.code == 0, result.out
    import json

    problems = json.loads(result.out)["problems"]
    by_file: dict[str, list[str]] = {}
    for p in problems:
        by_file.setdefault(p["file"].split("/")[1], []).append(p["code"])
    imported, bundled = by_file["seed-import"], by_file.get("dlo-head", [])
    # the same findings, plus DLO111 for the source's second "10." (it is clause 11)
    assert sorted(imported) == sorted(bundled + ["DLO111"])


def test_yaml_is_pleasant_to_edit(project, dlo):
    assert dlo("import", SEED, "--id", "seed-import", cwd=project).code == 0
    text = (project / "regulations" / "seed-import" / "regulation.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Imported by `dlo import`")
    top_keys = re.findall(r"^([a-z_]+):", text, re.MULTILINE)
    assert top_keys == [
        "id",
        "kind",
        "code",
        "title",
        "organisation",
        "unit",
        "position",
        "languages",
        "edition",
        "agreement",
        "approval",
        "change_initiators",
        "chapters",
    ]
    assert "languages: [kk]" in text
    assert text.count(": >-\n") > 40  # long texts are folded block scalars
    assert max(len(line) for line in text.splitlines()) <= 130
    assert all(
        line == line.rstrip() for line in text.splitlines()
    )  # no trailing spaces to trip editors
    assert '"Осы Ережеге өзгерістер енгізу' in text  # a text with runs of spaces is double-quoted
    ids = re.findall(r"- id: (\S+)", text)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]*", i) for i in ids)
    assert (
        "zhalpy-erezheler" in ids
        and "biliktilik-talaptary" in ids
        and "lauazymdyq-mindetteri-1.16" in ids
    )
    assert len(ids) == len(set(ids))
