"""Checking and rendering in a pool of processes (``--jobs``) gives exactly what a serial run
gives: the same problems in the same order, the same files with the same bytes."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from dlo_docs import api, pool
from dlo_docs.progress import Progress
from dlo_docs.project import PARSED, Project

COPIES = 5


def corpus(root: Path) -> Project:
    """The bundled project with ``COPIES`` more regulations made from the seed: other ids and
    codes, one with a YAML error, one with a schema error, one Russian title added."""
    seed = (root / "regulations" / "dlo-head" / "regulation.yaml").read_text(encoding="utf-8")
    for i in range(COPIES):
        text = seed.replace("id: dlo-head\n", f"id: copy-{i}\n", 1).replace(
            "code: ЛН ҮББИ 01-2024", f"code: ЛН ҮББИ {i + 2:02d}-2024", 1
        )
        if i == 1:
            text = text.replace("kind: job_instruction", "kind: job_instruction: [", 1)
        if i == 3:
            text = text.replace("edition: 1\n", "edition: first\n", 1)
        folder = root / "regulations" / f"copy-{i}"
        folder.mkdir()
        (folder / "regulation.yaml").write_text(text, encoding="utf-8")
    return Project(root)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_check_in_parallel_reports_what_a_serial_check_reports(project):
    p = corpus(project)
    serial = api.check(p, jobs=1)
    assert {x.code for x in serial} >= {"DLO001", "DLO013"}  # the planted errors are found
    assert api.check(Project(project), jobs=2) == serial
    some = [str(project / "regulations" / "copy-0"), str(project / "regulations" / "copy-1")]
    assert api.check(Project(project), some, jobs=2) == api.check(Project(project), some, jobs=1)


def test_render_in_parallel_writes_what_a_serial_render_writes(project):
    p = corpus(project)
    one = api.render(p, formats=["docx", "html"], out=project / "one", jobs=1)
    two = api.render(Project(project), formats=["docx", "html"], out=project / "two", jobs=2)
    assert one.failed == two.failed == ["copy-1", "copy-3"]
    assert one.problems == two.problems
    assert [o.path.name for o in one.outputs] == [o.path.name for o in two.outputs]
    written = tree(project / "one")
    assert len(written) == 2 * (COPIES - 1)  # DOCX and HTML of the four valid regulations
    assert written == tree(project / "two")
    assert not list((project / "two").glob(".dlo-render-*")), "the staging folder is removed"


def test_chunks_keep_order_and_cover_everything():
    items = list(range(23))
    for count in (1, 2, 4, 8, 23, 50):
        parts = pool.chunks(items, count)
        assert [x for part in parts for x in part] == items
        assert len(parts) == min(count, len(items))
        assert max(map(len, parts)) - min(map(len, parts)) <= 1


def test_progress_is_one_summary_line_when_not_a_terminal(monkeypatch):
    now = [0.0]
    monkeypatch.setattr("dlo_docs.progress.time.monotonic", lambda: now[0])
    out = io.StringIO()
    with Progress(40, "check", stream=out) as bar:
        for _ in range(4):
            now[0] += 1.25
            bar.advance(10)
    assert "\r" not in out.getvalue()
    assert out.getvalue() == "check: 40 of 40 in 5 s (8.0/s)\n"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_a_bar_with_rate_and_time_left(monkeypatch):
    now = [0.0]
    monkeypatch.setattr("dlo_docs.progress.time.monotonic", lambda: now[0])
    out = Tty()
    bar = Progress(100, "render", stream=out)
    for _ in range(4):
        now[0] += 2.5
        bar.advance(10)
    drawn = out.getvalue().split("\r")[-1]
    assert re.search(r"render \[#+-+\] 40/100 +4\.0/s +15 s left", drawn), drawn
    bar.close()
    assert out.getvalue().endswith("\r\x1b[Krender: 40 of 100 in 10 s (4.0/s)\n")


@pytest.mark.parametrize("total, seconds", [(5, 60.0), (100, 1.0)])
def test_no_progress_for_quick_or_small_work(monkeypatch, total, seconds):
    now = [0.0]
    monkeypatch.setattr("dlo_docs.progress.time.monotonic", lambda: now[0])
    out = Tty()
    with Progress(total, "check", stream=out) as bar:
        now[0] = seconds
        bar.advance(total)
    assert out.getvalue() == ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_and_render_keep_no_regulation_in_memory_once_it_is_done(project, jobs, monkeypatch):
    """Memory is one regulation's files at a time, however many the project has: what was
    parsed and validated of a regulation is dropped once it is checked or rendered (in a pool,
    each worker drops its own; the caller's process keeps none either). A serial run keeps
    them only over a few regulations (for the library's next command): here "few" is none."""
    monkeypatch.setattr(pool, "KEEP", 0)
    p = corpus(project)

    def kept() -> list[tuple]:
        return [k for k in p.cache.keys() + PARSED.keys() if "copy-" in repr(k)]

    assert api.check(p, jobs=jobs)
    assert kept() == []
    api.render(p, formats=["docx"], out=project / "out", jobs=jobs)
    assert kept() == []
    assert len(list((project / "out").glob("copy-*.docx"))) == COPIES - 2


def test_a_serial_run_over_few_regulations_keeps_them_for_the_next_command(project):
    p = corpus(project)
    api.check(p, jobs=1)
    assert [k for k in p.cache.keys() if "copy-" in repr(k)]


def test_a_project_page_importing_a_namespace_writes_the_same_in_parallel(project):
    """A page's imports are its own: a ``namespace`` an imported template sets is not the next
    page's (Jinja keeps an imported module: a count went on from page to page in a serial run
    and restarted in each process of a parallel one). Within a page the module is made once,
    as Jinja makes it, however often the page imports it (twice, in a loop)."""
    p = corpus(project)
    html = project / "templates" / "html"
    html.mkdir(parents=True, exist_ok=True)
    (html / "count.j2").write_text(
        "{% set ns = namespace(n=0) %}"
        "{% macro bump() %}{% set ns.n = ns.n + 1 %}{{ ns.n }}{% endmacro %}",
        encoding="utf-8",
    )
    (html / "regulation.html.j2").write_text(
        '{% import "count.j2" as count %}{% from "count.j2" import bump %}'
        "{{ doc.code }}: {{ count.bump() }} {{ count.bump() }} {{ bump() }}"
        '{% for i in range(2) %}{% import "count.j2" as again %} {{ again.bump() }}{% endfor %}\n',
        encoding="utf-8",
    )
    one = api.render(p, formats=["html"], out=project / "one", jobs=1)
    api.render(Project(project), formats=["html"], out=project / "two", jobs=2)
    pages = tree(project / "one")
    assert len(pages) == len(one.outputs) == COPIES - 1
    assert {page.split(b": ")[1] for page in pages.values()} == {
        b"1 2 3 4 5"
    }  # (the line ends with the loop)
    assert pages == tree(project / "two")


_KILLED_CALLER = """
import sys, time
from pathlib import Path
from dlo_docs import pool
from dlo_docs.project import Project

def work(chunk):
    time.sleep(300)
    return chunk

pool.run(work, list(range(4)), Project(Path(sys.argv[1])), jobs=2)
"""


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="processes as /proc shows them")
def test_the_workers_end_when_their_caller_is_killed(project):
    """SIGKILL of a check or render (no clean-up of its own): its workers end too, within a
    second or so (before, each waited for its next chunk for good, holding its memory)."""
    import subprocess
    import sys
    import time

    caller = subprocess.Popen([sys.executable, "-c", _KILLED_CALLER, str(project)])
    try:
        deadline = time.monotonic() + 30
        while len(workers := _children(caller.pid)) < 2:
            assert time.monotonic() < deadline, "the pool did not start"
            time.sleep(0.05)
        caller.kill()
        caller.wait()
        deadline = time.monotonic() + 3 * pool.ORPHAN_CHECK + 10  # (a loaded machine)
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if _running(pid)]
        for pid in left:
            os.kill(pid, 9)
        assert not left, f"workers {left} outlived the command that started them"
    finally:
        caller.kill()
        caller.wait()


def test_a_site_build_counts_the_regulations_it_publishes(project, dlo):
    """A site build, ~55 s for a university's corpus with its PDFs, showed nothing until its
    last line (a reviewer of the scale work): it is told how many regulations are to be
    rendered, once it knows, and each as it is published, so the command line draws its bar."""
    from site_support import approve_seed

    from dlo_docs import site

    approve_seed(dlo, project)
    told: list[int] = []
    done: list[int] = []

    def counted(total: int):
        told.append(total)
        return done.append

    report = site.build(Project(project), pdf=False, counted=counted)
    assert told == [len(report.rebuilt)] == [1] and sum(done) == 1
    told.clear()
    site.build(Project(project), pdf=False, counted=counted)
    assert told == []  # nothing to render: no bar


def test_a_render_s_pdfs_are_counted_as_they_are_made(project, monkeypatch):
    """`dlo render --format pdf` advanced its bar as each regulation's DOCX was ready, then
    converted every PDF with nothing shown (a reviewer of the scale work): it is told how many
    PDFs are to be made and each as it is made."""
    from dlo_docs.render import pdf as pdf_render

    monkeypatch.setattr(pdf_render, "soffice", lambda: "soffice")

    def convert_many(paths, outdir, batch=20, jobs=1, done=None, stop=None, slots=None):
        made = {}
        Path(outdir).mkdir(parents=True, exist_ok=True)
        for path in paths:
            made[Path(path).stem] = Path(outdir) / f"{Path(path).stem}.pdf"
            made[Path(path).stem].write_bytes(b"%PDF-1.7 stand-in")
            if done is not None:
                done(1)
        return pdf_render.Converted(made)

    monkeypatch.setattr(pdf_render, "convert_many", convert_many)
    told: list[int] = []
    done: list[int] = []

    def counted(total: int):
        told.append(total)
        return done.append

    result = api.render(Project(project), ["dlo-head"], ["pdf"], pdfs_counted=counted)
    assert [o.format for o in result.outputs] == ["pdf"]
    assert told == [1] and sum(done) == 1
