"""A university's whole corpus (not a test): figures for N regulations, stage by stage.

Run: .venv/bin/python tests/benchmarks/bench_corpus.py N [--no-pdf] [--corpus DIR]

Builds an N-regulation project in a temporary folder from the bundled seed: every regulation has
its own id, code, unit and position (added to the registry); one in five is a Russian regulation
(the Russian text of a real job instruction from /work/shared/corpus, imported with ``dlo
import``, when it is there); all are approved through the library in this process (submit, four
agreements, approval by order), and one in ten then has an open revision (a changed clause).

``--signed``: every agreement and approval is signed with an official's key (a throwaway CA
trusted by the project, made as the tests make it) and the registry requires them signed, so
every render and site build checks every signature of every journal it shows as approved.

Each stage then runs as its own ``dlo`` process, as a user would run it, and prints its wall time,
milliseconds per regulation, and peak memory, sampled from /proc (at 5 ms, then ever less often,
down to twice a second): ``dlo`` is its
largest dlo process (``all``: the command and its pool workers together, their resident sizes
summed and their ``PSS``, which counts once the pages a forked worker shares), ``LibreOffice`` all the
LibreOffice processes running at once (``soffice.bin``, ``oosplash``; resident sizes summed, and
``PSS``, which counts the pages two runs share once), ``in all`` the peak of the PSS of every
process of the command at once (dlo's and LibreOffice's, sampled together: not the sum of the
two peaks); a stage over within 5 ms shows 0 (its
``ru_maxrss`` would count the benchmark's own pages, forked before the exec). ``cpu`` is the
user + system CPU seconds of the whole tree (less distorted by other load than wall).

PDFs: ``dlo render --format pdf`` starts with an empty PDF cache (a folder of the run's own,
``DLO_CACHE_DIR``), and fills it; the site's first build then finds every PDF there (``cache
warm``). ``site build, first, cache cold`` builds a new site (``--out public-cold``) with an empty
cache, as a first build without ``dlo render`` before it would.

``pandoc`` (when installed) converts the same texts, written as Markdown, to DOCX one document
per process; the ratio compares that with ``dlo render ID --format docx`` for one regulation,
and on a copy of the bundled project (``dlo render dlo-head --format docx`` against pandoc of its
text), each with its cache warm and with an empty one.
The machine's other load distorts every figure: say what else was running with the output. Its
speed changes too (a shared machine): the second and the last line time pandoc on the bundled
regulation, to compare runs made at different times by. The package's modules are compiled
to bytecode first, as installing it does.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DLO = [str(Path(sys.executable).parent / "dlo")]
SEED = "dlo-head"
# every act of the route on one day: submissions and agreements are dated by the organisation's
# calendar (the bundled registry's +05:00, not this computer's: from 19:00 UTC the next day), and
# an order cannot precede them
ORG_TIMEZONE = "+05:00"


def organisation_today() -> dt.date:
    from dlo_docs.workflow import dates

    return dates.today(ORG_TIMEZONE)


RU_SOURCE = REPO.parent / "shared" / "corpus" / "mnu-research-assistant.ru.txt"
APPROVERS = ["vp-academic", "legal-head", "hr-head", "docs-head"]
UNITS = 20
# the seed position's title in its text, in any case ending, across folded lines
SEED_TITLE = re.compile(r"([Ққ])ашықтықтан\s+оқыту\s+бөлімінің\s+бастығ\w*")
PAGE = os.sysconf("SC_PAGE_SIZE")
LANGS = "bench-langs.json"  # in a prepared corpus: id -> first language


# -- measuring ---------------------------------------------------------------------------------


# memory is sampled first at 5 ms, then ever less often, down to twice a second: a sample of a build
# with two LibreOffice runs costs ~11 ms of CPU (their smaps_rollup), and at 20 a second the
# sampler took 7.6 s of a 2-core machine's CPU during a 61 s build, at 5 a second 3.8 s of a 69 s
# one, slowing what it measured (its cost is printed with each stage); a LibreOffice run's memory
# is steady for seconds (a run of 160 documents lasts ~10 s), and a short command is sampled
# early (wait4's peak RSS would not do: it counts the command's LibreOffice runs as its own)
FIRST_SAMPLE, SAMPLE_EVERY = 0.005, 0.5
LIBREOFFICE = ("soffice", "oosplash")  # process names (``comm``) that are LibreOffice's


def _pss(pid: int) -> int:
    """The proportional set size of ``pid``: its resident pages, each shared one divided among
    the processes sharing it (so two LibreOffice runs count their libraries once)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _alive(pid: int) -> bool:
    """``pid`` is running (not ended, nor a zombie whose memory is already freed)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2 :][:1] not in (b"Z", b"X")


_KCMP = {"x86_64": 312, "aarch64": 272}.get(platform.machine())  # kcmp(2)'s system call number
_KCMP_VM = 1  # kcmp type: do the two processes share one address space?
_LIBC = ctypes.CDLL(None, use_errno=True)


def _same_memory(a: int, b: int) -> bool:
    """``a`` and ``b`` share one address space: a child started by vfork (as ``subprocess``
    starts a program) runs in its parent's memory until it executes the program, and its
    smaps then show the parent's pages again (once counted, dlo's PSS read ~55 MB too high)."""
    return _KCMP is not None and _LIBC.syscall(_KCMP, a, b, _KCMP_VM, 0, 0) == 0


def _tree_rss(root: int) -> tuple[int, int, int, int, int, int] | None:
    """Resident bytes of ``root``'s process tree (from /proc): of its largest dlo process, of
    all its dlo processes (the command and its pool workers: resident sizes summed, and their
    proportional sizes, which count once the pages a forked worker shares with its parent), of
    all its LibreOffice processes (resident sizes summed, and their proportional sizes).
    None when a process it read ended before the reading was over: the pages it shared with
    another were then counted in both (half in its own PSS read before it ended, whole in the
    other's read after), up to ~40 MB too many for two LibreOffice runs."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    largest = dlo = dlo_pss = office = office_pss = 0
    todo = [(root, False, 0)]  # (process, started by LibreOffice, its parent)
    read = []
    while todo:
        pid, by_office, parent = todo.pop()
        read.append(pid)
        if parent and _same_memory(pid, parent):  # its parent's memory, counted there
            todo += [(child, by_office, pid) for child in parents.get(pid, [])]
            continue
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                rss = int(f.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as f:
                name = f.read().strip()
        except OSError:
            rss, name = 0, ""
        # LibreOffice's, and what it forks (a helper named osl_executeProc, a copy of soffice.bin)
        by_office = by_office or name.startswith(LIBREOFFICE)
        if by_office:
            office += rss
            office_pss += _pss(pid)
        else:
            dlo += rss
            dlo_pss += _pss(pid) if rss else 0
            largest = max(largest, rss)
        todo += [(child, by_office, pid) for child in parents.get(pid, [])]
    if not all(map(_alive, read)):
        return None
    return largest, dlo, dlo_pss, office, office_pss, dlo_pss + office_pss


class Stage:
    def __init__(
        self, wall: float, cpu: float, peaks: tuple[int, ...], code: int, out: str
    ) -> None:
        self.wall, self.cpu, self.code, self.out = wall, cpu, code, out
        # peaks: the largest dlo process; all dlo processes (RSS, PSS); all LibreOffice processes
        # (RSS, PSS); all the command's processes at once (PSS: dlo's and LibreOffice's together)
        self.dlo_max, self.dlo_sum, self.dlo_pss, self.office, self.office_pss, self.pss = peaks
        self.sampler = 0.0  # CPU seconds the memory sampler took meanwhile


def run(root: Path, *args: str, check_code: bool = True, env: dict | None = None) -> Stage:
    """``dlo --root ROOT ARGS`` as a child process: wall time, peak RSS, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*DLO, "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=root,
        env=dict(os.environ, COLUMNS="200", **(env or {})),
    )
    peak = [0, 0, 0, 0, 0, 0]
    done = threading.Event()
    spent = [0.0]  # the sampler's own CPU: it shares the cores with what it measures

    def sample() -> None:
        wait = FIRST_SAMPLE
        while not done.wait(wait):
            sizes = _tree_rss(proc.pid)
            if sizes is not None:  # a process ended while it was read: the next sample
                peak[:] = map(max, peak, sizes)
            wait = min(SAMPLE_EVERY, wait * 2)
        spent[0] = time.thread_time()

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check_code and proc.returncode not in (0, 1):
        raise SystemExit(f"dlo {' '.join(args)} failed ({proc.returncode}):\n{out[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    stage = Stage(wall, cpu, tuple(peak), proc.returncode, out)
    stage.sampler = spent[0]
    return stage


def median_stage(stages: list[Stage]) -> Stage:
    """The run of median wall time (of an odd number)."""
    return sorted(stages, key=lambda s: s.wall)[len(stages) // 2]


def show(label: str, stage: Stage, count: int | None, note: str = "") -> None:
    per = f"{stage.wall * 1000 / count:8.1f} ms/doc" if count else " " * 15
    mb = 2**20
    print(
        f"  {label:<44} {stage.wall:7.2f} s {per}  cpu {stage.cpu:7.2f} s"
        f"  dlo {stage.dlo_max / mb:5.0f} MB (all {stage.dlo_sum / mb:5.0f}, PSS {stage.dlo_pss / mb:5.0f})"
        f"  LibreOffice {stage.office / mb:5.0f} MB (PSS {stage.office_pss / mb:5.0f})"
        f"  in all PSS {stage.pss / mb:5.0f} MB  exit {stage.code}  sampler cpu {stage.sampler:4.1f} s"
        + (f"  {note}" if note else ""),
        flush=True,
    )


def bundled(tmp: Path) -> None:
    """``dlo render dlo-head --format docx`` on a copy of the bundled project (median of 5,
    warm and with an empty cache each time) against pandoc of the same text, the three
    interleaved so that each sees the machine as the others do."""
    root = tmp / "bundled"
    for folder in ("regulations", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    args = ["render", "dlo-head", "--format", "docx", "--out", "one"]
    kept = {"DLO_CACHE_DIR": f"{tmp}/bundled-kept"}
    run(root, *args, env=kept)  # fills the cache the warm runs read
    empty, warm, pandoc_runs = [], [], []
    for i in range(5):
        empty.append(run(root, *args, env={"DLO_CACHE_DIR": f"{tmp}/bundled-{i}"}).wall)
        warm.append(run(root, *args, env=kept).wall)
        ms = pandoc_ms(root, [SEED], root / f"pandoc-{i}")
        if ms is not None:
            pandoc_runs.append(ms)
    pandoc = statistics.median(pandoc_runs) if pandoc_runs else None
    cold_ms, warm_ms = (statistics.median(runs) * 1000 for runs in (empty, warm))
    ratios = (
        f" = {warm_ms / pandoc:.1f} x pandoc ({pandoc:.0f} ms); with an empty cache {cold_ms:.0f} "
        f"ms = {cold_ms / pandoc:.1f} x"
        if pandoc
        else f"; with an empty cache {cold_ms:.0f} ms (no pandoc)"
    )
    print(
        "  bundled project: dlo render dlo-head --format docx "
        f"{warm_ms:.0f} ms (median of 5){ratios}"
    )


# -- the corpus --------------------------------------------------------------------------------


def copy_project(root: Path) -> None:
    """The bundled project, its registry and seed without their workflow records, and templates:
    not a regulation made in the clone beside them (README's walk-through makes hr-head there),
    which the benchmarks would count, and approve again as if it were the seed."""
    (root / "regulations").mkdir(parents=True)
    shutil.copy2(REPO / "regulations" / "registry.yaml", root / "regulations" / "registry.yaml")
    shutil.copytree(
        REPO / "regulations" / SEED,
        root / "regulations" / SEED,
        ignore=shutil.ignore_patterns("editions", "journal.yaml", "*.lock"),
    )
    shutil.copytree(REPO / "templates", root / "templates")


def russian_template(root: Path) -> dict | None:
    """A Russian regulation: the real job instruction imported by ``dlo import`` (its facts set
    to the seed's route, so it can be approved), as plain data; None without the corpus."""
    if not RU_SOURCE.is_file():
        return None
    proc = subprocess.run(
        [
            *DLO,
            "--root",
            str(root),
            "import",
            str(RU_SOURCE),
            "--id",
            "ru-template",
            "--update-registry",
        ],
        capture_output=True,
        cwd=root,
    )
    path = root / "regulations" / "ru-template" / "regulation.yaml"
    if proc.returncode != 0 or not path.is_file():
        print(f"(dlo import failed, no Russian regulations: {proc.stderr[-500:]!r})")
        return None
    from dlo_docs import load

    source, problems = load.read(path, "ru-template")
    shutil.rmtree(path.parent)
    if source is None:
        return None

    def unmark(node):  # the imported `states:` marks would be checked against facts we change
        if isinstance(node, dict):
            return {k: unmark(v) for k, v in node.items() if k not in ("states", "source_number")}
        if isinstance(node, list):
            return [unmark(v) for v in node]
        return node

    return unmark(load.plain(source.data))


def generate(root: Path, count: int) -> dict[str, str]:
    """``count`` regulations (id -> first language); positions and units in the registry."""
    from dlo_docs import load

    registry_path = root / "regulations" / "registry.yaml"
    source, problems = load.read(registry_path, "registry.yaml")
    assert source is not None, problems
    data = load.plain(source.data)
    seed_position = next(p for p in data["positions"] if p["id"] == SEED)
    units = max(1, min(UNITS, count))
    for u in range(units):
        data["units"].append(
            {
                "id": f"unit-{u}",
                "name": {"kk": f"Бөлім №{u + 1}", "ru": f"Отдел №{u + 1}"},
                "parent": "rectorate",
                "head": f"pos-{u}-0",
            }
        )
    for i in range(count):
        data["positions"].append(
            {
                "id": f"pos-{i % units}-{i // units}",
                "unit": f"unit-{i % units}",
                "title": {"kk": f"Маман №{i + 1:04d}", "ru": f"Специалист №{i + 1:04d}"},
                "reports_to": seed_position["reports_to"],
            }
        )
    load.write(registry_path, data)
    seed = (root / "regulations" / SEED / "regulation.yaml").read_text(encoding="utf-8")
    ru = russian_template(root)
    seed_facts = load.plain(load.read(root / "regulations" / SEED / "regulation.yaml", "s")[0].data)
    langs = {}
    for i in range(count):
        reg_id = f"reg-{i:04d}"
        unit, position = f"unit-{i % units}", f"pos-{i % units}-{i // units}"
        if ru is not None and i % 5 == 4:
            doc = dict(ru)
            doc.update(
                id=reg_id,
                code=f"ДИ {i:04d}-2024",
                organisation=data["organisation"]["id"],  # the university's, as its unit is
                unit=unit,
                position=position,
                title={"ru": f"Должностная инструкция специалиста №{i + 1}"},
                agreement=seed_facts["agreement"],
                approval=seed_facts["approval"],
                change_initiators=seed_facts["change_initiators"],
            )
            text = load.dumps_pretty(doc)
            langs[reg_id] = "ru"
        else:
            text = (
                seed.replace(f"id: {SEED}\n", f"id: {reg_id}\n", 1)
                .replace("code: ЛН ҮББИ 01-2024", f"code: ЛН {i:04d}-2024", 1)
                .replace("unit: dlo\n", f"unit: {unit}\n", 1)
                .replace("position: dlo-head\n", f"position: {position}\n", 1)
                .replace("Осы лауазымдық нұсқаулық", f"Осы №{i + 1} лауазымдық нұсқаулық", 1)
            )
            # the text names its own position: the generated one, not the seed's (titles are
            # fixed-width, so that no title is the beginning of another, as mentions match)
            text = SEED_TITLE.sub(
                lambda m, n=i + 1: f"{'М' if m.group(1) == 'Қ' else 'м'}аман №{n:04d}", text
            )
            langs[reg_id] = "kk"
        folder = root / "regulations" / reg_id
        folder.mkdir()
        (folder / "regulation.yaml").write_text(text, encoding="utf-8")
    return langs


def signers(root: Path) -> dict:
    """A throwaway CA trusted by the project, the approvers' and the rector's certificates bound
    in the registry, which requires agreements and approvals signed: role -> their key (the key
    files are kept beside the project, in ``private/``)."""
    sys.path.insert(0, str(REPO / "tests"))
    from signing_support import office, set_signatures

    office(root, roles=(*APPROVERS, "rector"))
    set_signatures(root, ["keys/ca.pem"], ["agreed", "approved"])
    return officials(root)


def officials(root: Path) -> dict:
    """The officials' keys ``signers`` made: role -> key."""
    from signing_support import PASSWORD

    from dlo_docs.signing import keys

    return {
        p12.stem: keys.load_pkcs12(p12, PASSWORD.encode())
        for p12 in sorted((root.parent / "private").glob("*.p12"))
    }


def approve_all(root: Path, ids: list[str], signed: dict | None = None) -> float:
    """Every regulation through the route, in this one process, through the library (with
    ``signed``, every agreement and approval signed with those keys)."""
    from dlo_docs import workflow
    from dlo_docs.project import Project

    keys = signed or {}
    project = Project(root)
    start = time.perf_counter()
    for n, reg_id in enumerate(ids):
        workflow.submit(project, reg_id)
        for role in APPROVERS:
            workflow.agree(project, reg_id, role, signer=keys.get(role))
        workflow.approve(
            project, reg_id, f"{n + 1}-НҚ", organisation_today(), signer=keys.get("rector")
        )
    return time.perf_counter() - start


def reword(root: Path, reg_id: str, prefix: str) -> None:
    """The first clause of the draft gets ``prefix`` (written round-trip, as an editor would)."""
    from dlo_docs import load

    path = root / "regulations" / reg_id / "regulation.yaml"
    source, _ = load.read(path, reg_id)
    data = source.roundtrip()
    clause = data["chapters"][0]["clauses"][0]
    text = clause["text"]
    if isinstance(text, str):
        clause["text"] = f"{prefix} — {text}"
    else:
        for lang in text:
            text[lang] = f"{prefix} — {text[lang]}"
    load.write(path, data, like=source.text)


def open_revisions(root: Path, ids: list[str]) -> None:
    """A revision of one regulation in ten, with one clause reworded in the draft."""
    from dlo_docs import workflow
    from dlo_docs.project import Project

    project = Project(root)
    for reg_id in ids[3::10]:
        workflow.revise(project, reg_id, "hr-head", "a clause reworded")
        reword(root, reg_id, "Жаңа редакция")


def changeable(ids: list[str]) -> str:
    """The regulation the one change is made to: the eighth, or the last of a smaller corpus,
    with no revision left open (``open_revisions``)."""
    opened = set(ids[3::10])
    return next(reg_id for reg_id in reversed(ids[:8]) if reg_id not in opened)


def one_change(root: Path, reg_id: str, signed: dict | None = None) -> None:
    """Edition 2 of ``reg_id``: one clause changed, agreed, approved (signed with ``signed``)."""
    from dlo_docs import workflow
    from dlo_docs.project import Project

    keys = signed or {}
    project = Project(root)
    workflow.revise(project, reg_id, "hr-head", "one clause changed")
    reword(root, reg_id, "Өзгертілген")
    workflow.submit(project, reg_id, "hr-head")
    for role in APPROVERS:
        workflow.agree(project, reg_id, role, signer=keys.get(role))
    workflow.approve(project, reg_id, "112-НҚ", organisation_today(), signer=keys.get("rector"))


# -- pandoc ------------------------------------------------------------------------------------


def markdown(root: Path, reg_id: str) -> str:
    """The text of a regulation as Markdown: title, chapters, numbered clauses and items."""
    from dlo_docs import load

    source, _ = load.read(root / "regulations" / reg_id / "regulation.yaml", reg_id)
    data = load.plain(source.data)
    lang = data.get("languages", ["kk"])[0]

    def t(value) -> str:
        return (value.get(lang) or "") if isinstance(value, dict) else (value or "")

    lines = [f"# {t(data['title'])}", "", data.get("code", ""), ""]
    n = 0

    def clauses(items: list) -> None:
        nonlocal n
        for clause in items:
            n += 1
            lines.extend([f"{n}. {t(clause.get('text'))}", ""])
            for k, item in enumerate(clause.get("items", []), 1):
                lines.append(f"    {k}) {t(item.get('text'))}")
            lines.append("")

    for c, chapter in enumerate(data.get("chapters", []), 1):
        lines.extend([f"## {c}. {t(chapter.get('title'))}", ""])
        clauses(chapter.get("clauses", []))
        for paragraph in chapter.get("paragraphs", []):
            lines.extend([f"### {t(paragraph.get('title'))}", ""])
            clauses(paragraph.get("clauses", []))
    return "\n".join(lines)


def pandoc_ms(root: Path, ids: list[str], folder: Path) -> float | None:
    """Median ms of ``pandoc X.md -o X.docx``, one process per document."""
    pandoc = shutil.which("pandoc")
    if not pandoc:
        return None
    folder.mkdir()
    times = []
    for reg_id in ids:
        md = folder / f"{reg_id}.md"
        md.write_text(markdown(root, reg_id), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([pandoc, str(md), "-o", str(folder / f"{reg_id}.docx")], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# -- the run -----------------------------------------------------------------------------------


def prepare(root: Path, count: int, signed: bool = False) -> dict[str, str]:
    """Generate, approve and half-revise the corpus at ``root`` (``signed``: every agreement and
    approval signed, as the registry then requires); returns id -> language."""
    copy_project(root)
    start = time.perf_counter()
    langs = generate(root, count)
    ids = sorted(langs)
    shutil.rmtree(root / "regulations" / SEED)  # the corpus is the N generated ones
    ru = sum(1 for v in langs.values() if v == "ru")
    print(
        f"corpus: {count} regulations ({count - ru} kk from the seed, {ru} ru imported), "
        f"generated in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    approve = approve_all(root, ids, signers(root) if signed else None)
    print(
        f"  {'approve all (library, 1 process)':<40} {approve:7.2f} s "
        f"{approve * 1000 / count:8.1f} ms/doc",
        flush=True,
    )
    open_revisions(root, ids)
    print(f"  ({len(ids[3::10])} revisions left open)", flush=True)
    (root / LANGS).write_text(json.dumps(langs), encoding="utf-8")
    return langs


def missing(stage: Stage) -> None:
    """The warning naming PDFs not made, if the stage printed one."""
    found = re.findall(r"DLO\d+.*PDF.*", stage.out)
    if found:
        print(f"    {found[0][:300]}")


def bytecode() -> None:
    """Compile the package's modules, as installing it does: in a source tree (an editable
    install) run where ``PYTHONDONTWRITEBYTECODE`` is set, every ``dlo`` process would
    otherwise compile its modules anew (~75 ms a start on a slow day), which no installed copy
    does."""
    import compileall

    compileall.compile_dir(REPO / "dlo_docs", quiet=1)


def main(
    count: int,
    pdf: bool,
    corpus: Path | None,
    only_prepare: bool = False,
    render_pdf: bool = True,
    signed: bool = False,
) -> None:
    sys.path.insert(0, str(REPO))
    from dlo_docs.render import pdf as pdf_render

    pdf = pdf and pdf_render.available()
    if signed and corpus is not None:
        sys.exit("--signed makes its own keys: it is not combined with --corpus")
    print(
        f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at the start", flush=True
    )
    bytecode()
    with tempfile.TemporaryDirectory(prefix="dlo-bench-") as tmp:
        print(f"at the start, {machine_speed(Path(tmp) / 'speed-start')}", flush=True)
        root = Path(tmp) / "corpus"
        os.environ["DLO_CACHE_DIR"] = str(Path(tmp) / "cache")  # empty: the PDFs start cold
        os.environ.pop("DLO_NO_CACHE", None)
        if corpus is not None and (corpus / LANGS).is_file():
            shutil.copytree(corpus, root, symlinks=True)
            langs = json.loads((root / LANGS).read_text(encoding="utf-8"))
            count = len(langs)
            print(f"corpus: {count} regulations, prepared earlier in {corpus}", flush=True)
        else:
            langs = prepare(root, count, signed)
            if corpus is not None:
                shutil.copytree(root, corpus, symlinks=True)
        if only_prepare:
            print(f"at the end, {machine_speed(Path(tmp) / 'speed-end')}")
            return
        ids = sorted(langs)
        show("dlo check", run(root, "check"), count)
        show(
            "dlo render docx+html",
            run(root, "render", "--format", "docx", "--format", "html"),
            count,
        )
        if pdf and render_pdf:
            show(
                "dlo render pdf",
                run(root, "render", "--format", "pdf", "--out", "build-pdf"),
                count,
            )
        site = ["site", "build", "--pdf" if pdf else "--no-pdf"]
        first = run(root, *site)
        warm = " (PDF cache warm)" if pdf and render_pdf else (" (PDF cache cold)" if pdf else "")
        show(f"site build, first{warm}", first, count, "" if pdf else "no PDF")
        missing(first)
        unchanged = [run(root, *site) for _ in range(3)]  # under a second: one run is noisy
        show("site build, nothing changed (median of 3)", median_stage(unchanged), count)
        changed = changeable(ids)
        one_change(root, changed, officials(root) if signed else None)
        show(f"site build, after one change ({changed})", run(root, *site), None)
        if pdf and render_pdf:
            cold = run(root, *site, "--out", "public-cold", env={"DLO_CACHE_DIR": f"{tmp}/cold"})
            show("site build, first, PDF cache cold", cold, count)
            missing(cold)
        show("dlo status (all), first: keeps the snapshots", run(root, "status"), count)
        show("dlo status (all), again", run(root, "status"), count)
        show(
            f"dlo review {ids[0]}",
            run(root, "review", ids[0], "--by", "hr-head", "--result", "no changes needed"),
            None,
        )
        versions = [run(root, "--version") for _ in range(5)]
        best = min(versions, key=lambda s: s.wall)
        show("dlo --version (best of 5)", best, None)
        render_one = ["render", ids[0], "--format", "docx", "--out", "one"]
        cold_one = [
            run(root, *render_one, env={"DLO_CACHE_DIR": f"{tmp}/one-cold-{i}"}) for i in range(5)
        ]
        show(
            f"dlo render {ids[0]} --format docx, cache empty",
            median_stage(cold_one),
            None,
        )
        cold_ms = statistics.median(s.wall for s in cold_one) * 1000
        one = [run(root, *render_one) for _ in range(5)]
        dlo_one = statistics.median(s.wall for s in one) * 1000
        show(f"dlo render {ids[0]} --format docx (median of 5)", median_stage(one), None)
        sample = [i for i in ids if langs[i] == "kk"][:5]
        pandoc = pandoc_ms(root, sample, root / "pandoc")
        if pandoc is None:
            print("  pandoc: not installed, no comparison (apt-get install pandoc)")
        else:
            print(
                f"  pandoc md -> docx, one document: {pandoc:.0f} ms (median of {len(sample)}); "
                f"dlo render one docx: {dlo_one:.0f} ms = {dlo_one / pandoc:.1f} x pandoc "
                f"(with an empty cache: {cold_ms:.0f} ms = {cold_ms / pandoc:.1f} x)"
            )
        bundled(Path(tmp))
        print(f"at the end, {machine_speed(Path(tmp) / 'speed-end')}")


def machine_speed(folder: Path) -> str:
    """How fast this machine is at the moment: pandoc making the bundled regulation's DOCX (a
    shared machine changes speed through the day, 2-3 x for this work, which a pure arithmetic
    loop does not show; compare runs by this)."""
    ms = pandoc_ms(REPO, [SEED] * 5, folder)
    if ms is None:
        return "machine speed: no pandoc to time (apt-get install pandoc)"
    return f"machine speed: pandoc makes the bundled regulation's DOCX in {ms:.0f} ms (median of 5)"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=50, help="regulations (default 50)")
    parser.add_argument("--no-pdf", action="store_true", help="skip every PDF")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="keep the approved corpus in this folder, or reuse it when it is there already "
        "(the stages run on a copy)",
    )
    parser.add_argument("--prepare", action="store_true", help="only prepare the corpus")
    parser.add_argument(
        "--no-render-pdf",
        action="store_true",
        help="skip the `dlo render --format pdf` stage (the site's first build still makes PDFs)",
    )
    parser.add_argument(
        "--signed",
        action="store_true",
        help="sign every agreement and approval (a throwaway CA; the registry requires them "
        "signed): every output then checks the signatures",
    )
    options = parser.parse_args()
    main(
        options.count,
        not options.no_pdf,
        options.corpus.resolve() if options.corpus else None,
        options.prepare,
        not options.no_render_pdf,
        options.signed,
    )
