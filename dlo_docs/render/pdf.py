"""PDF/A-2b output: DOCX converted by LibreOffice headless (``soffice``).

Public interface (the site and the CLI use it). LibreOffice itself is found by ``soffice.py``
(``soffice()``, ``use_soffice``; ``available()``, ``SofficeMissing`` and ``INSTALL`` are offered
here too).
- ``convert(documents, timeout=None) -> dict[str, bytes]``: DOCX to PDF/A-2b (by name), ONE run.
- ``convert_files(paths, outdir, timeout=None) -> list[Path]``: the same for files on disk (an
  ODT, RTF or Word 97 document too).
- ``convert_many(paths, outdir, batch=BATCH, jobs=1, done=None, slots=None) -> Converted``: any
  number of DOCX, in bounded batches (each a fresh LibreOffice, its timeout scaled to it), ``jobs``
  side by side (never more runs at once than ``slots`` allows over the calls sharing it); each
  document a batch did not convert tried once more alone, what still fails named with its reason
  (``Converted.failed``); a PDF made before from the same bytes taken from ``pdf_cache``.
- ``failure_summary(failed, total, log)``: many failures in short, each of them in ``log``.

Every run gets a private, throw-away LibreOffice user profile (``lo_profile``: a LibreOffice
open on the desktop neither blocks the conversion nor is disturbed by it; removed even when an
interrupt comes as it is made or removed). It runs in its own process group, ended whole
afterwards (``oosplash``, ``soffice.bin``): nothing outlives a call.

Fonts: the DOCX asks for Times New Roman; where it is missing, fontconfig substitutes its metric
twin Liberation Serif (package fonts-liberation2), which has the Kazakh letters ә ғ қ ң ө ұ ү һ і.
PDF/A requires every font to be embedded, and LibreOffice's PDF/A export does so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .. import fsio, interrupts, scratch
from ..errors import DloError, Location, UsageError, error
from ..i18n import Msg
from . import lo_profile, pdf_cache, pdf_input, pdf_stable, process_group, stamp

# a short report of the documents not converted
from .pdf_report import SHOWN as SHOWN
from .pdf_report import failure_summary as failure_summary

# finding LibreOffice is soffice.py's; what the callers that convert also ask is offered here
from .soffice import INSTALL as INSTALL
from .soffice import OPTIONS, build_id, environment, for_files, soffice
from .soffice import SofficeMissing as SofficeMissing
from .soffice import available as available

# the writer_pdf_Export filter with its FilterData as JSON (LibreOffice >= 7.4):
# SelectPdfVersion 2 = PDF/A-2b
FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# documents per LibreOffice run: a crash or a hang costs one batch, not the lot. A run costs ~0.34 s
# of start-up (CPU, the profile seeded: lo_profile; 1.05 s and 70 MB more unseeded; ~0.1 s more
# without the build id), a document ~0.07 s (10 pages, LibreOffice 7.4, jemalloc, pdf_input): a
# run of 160 spends 3 % of its time starting (80: 6 %, 40: 11 %; a cold site build of 1,000 runs
# 12 times, not 18 at 80: ~2 s of CPU less), its peak that of 80 (167 MB); a crash costs the
# batch's unconverted documents' retries (~0.4 s each), a hang the timeout
BATCH = 160


def default_timeout(count: int) -> float:
    """Seconds allowed for a run converting ``count`` documents (``DLO_PDF_TIMEOUT`` overrides)."""
    env = os.environ.get("DLO_PDF_TIMEOUT")
    if env:
        with contextlib.suppress(ValueError):
            return max(1.0, float(env))
    return 60.0 + 5.0 * count


def _problem(code: str, message: str, hint: str | None = None) -> DloError:
    return DloError([error(Location("soffice"), code, message, hint)])


def _run(
    files: Sequence[Path], outdir: Path, timeout: float, stop: threading.Event | None = None
) -> None:
    exe = soffice()
    with lo_profile.folder() as profile:
        lo_profile.seed(profile, build_id(exe))
        code, output = _converted(exe, profile, files, outdir, timeout, stop)
    if code != 0:
        raise _failed(code, output)


def _converted(
    exe: str,
    profile: Path,
    files: Sequence[Path],
    outdir: Path,
    timeout: float,
    stop: threading.Event | None,
) -> tuple[int, bytes]:
    """One LibreOffice run with ``profile``, ended whole: its exit code and what it printed."""
    user = f"-env:UserInstallation={profile.as_uri()}"
    options = for_files(OPTIONS, files)  # the DOCX import filter for DOCX only
    cmd = [exe, *options, user, "--convert-to", FILTER, "--outdir", str(outdir), *map(str, files)]
    env = environment(str(profile))  # nothing of LibreOffice's lands in the user's home
    try:
        proc, held = process_group.start(cmd, env)
    except OSError as exc:
        raise _problem(
            "DLO301",
            Msg("could not start LibreOffice ({exe}): {error}", exe=exe, error=exc),
            Msg("reinstall it: {command}", command=INSTALL),
        ) from None
    try:
        out, err = process_group.communicate(proc, timeout, stop, held)
    except subprocess.TimeoutExpired:
        process_group.end(proc)
        proc.communicate()
        raise _problem(
            "DLO302",
            Msg(
                "LibreOffice did not finish converting {n} document(s) within {timeout:.0f} s; it was stopped",
                n=len(files),
                timeout=timeout,
            ),
            Msg("try again, or raise the limit with DLO_PDF_TIMEOUT=<seconds>"),
        ) from None
    except BaseException:  # Ctrl-C and the like: leave nothing running
        process_group.end(proc)
        proc.communicate()
        raise
    finally:
        process_group.end(proc)
    return proc.returncode, err or out


def _failed(code: int, output: bytes) -> DloError:
    """LibreOffice's exit code and the last line it printed, as a problem."""
    detail = output.decode("utf-8", "replace").strip().splitlines()
    if not detail:
        return _problem("DLO301", Msg("LibreOffice failed (exit {code})", code=code))
    return _problem(
        "DLO301", Msg("LibreOffice failed (exit {code}): {detail}", code=code, detail=detail[-1])
    )


class Source(NamedTuple):
    """A file given, as read: the time its DOCX carries (its PDF's), its PDF cache key."""

    when: dt.datetime
    key: str | None


def _given(
    files: Sequence[Path], folder: Path, keyed: Callable[[bytes], str] | None = None
) -> tuple[list[Path], dict[str, Source]]:
    """What LibreOffice is given for ``files``, written into ``folder`` under the same name:
    each DOCX as ``pdf_input`` has it, else its own bytes; and each file as read, once (stem ->
    ``Source``, keyed by ``keyed``), whatever becomes of the file meanwhile (its bytes not
    held). A file that cannot be read is given as it is (LibreOffice says why)."""
    folder.mkdir(exist_ok=True)
    given, read = [], {}
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            given.append(path)
            continue
        read[path.stem] = Source(stamp.of_docx(data), keyed(data) if keyed else None)
        target = folder / path.name
        fsio.write_bytes(target, pdf_input.for_libreoffice(data) or data)
        given.append(target)
    return given, read


def _distinct(files: Sequence[Path]) -> list[str]:
    """The files' stems, which name their PDFs: refused when two are the same."""
    stems = [p.stem for p in files]
    if len(set(stems)) != len(stems):
        raise UsageError(
            Msg("two documents to convert have the same file name"), ", ".join(sorted(stems))
        )
    return stems


def convert_files(
    paths: Sequence[Path | str], outdir: Path | str, timeout: float | None = None
) -> list[Path]:
    """Convert DOCX files (or ODT, RTF, .doc) to PDF/A-2b ``<outdir>/<stem>.pdf``, one run.

    Stems must be distinct. Each PDF is written atomically (converted in a private temporary
    folder, then written by a rename), so a failed run leaves no half-written file."""
    files = [Path(p).resolve() for p in paths]
    if not files:
        return []
    stems = _distinct(files)
    if missing := next((path for path in files if not path.is_file()), None):
        raise UsageError(Msg("{path} does not exist", path=missing))
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with scratch.folder("pdf") as tmp:  # private: see _batch
        given, read = _given(files, tmp / "in")
        _run(given, tmp, timeout if timeout is not None else default_timeout(len(paths)))
        made = [tmp / f"{stem}.pdf" for stem in stems]
        failed = [str(f) for f, p in zip(files, made, strict=True) if not _made(p)]
        if failed:
            raise _problem(
                "DLO301",
                Msg("LibreOffice made no PDF for: {files}", files=", ".join(failed)),
                Msg("open the DOCX in LibreOffice to see why it cannot be read"),
            )
        for stem, pdf in zip(stems, made, strict=True):
            _settle(read[stem].when if stem in read else stamp.EARLIEST, pdf, outdir / pdf.name)
    return [outdir / f"{stem}.pdf" for stem in stems]


def _made(pdf: Path) -> bool:
    return pdf.is_file() and pdf.stat().st_size > 0


def _settle(when: dt.datetime, pdf: Path, target: Path) -> bytes:
    """The PDF LibreOffice made of a DOCX carrying the time ``when``, its times and identifier
    those of the DOCX instead of the run's (the same document, the same bytes), written into
    ``target``."""
    data = pdf_stable.stabilize(pdf.read_bytes(), when)
    fsio.atomic_write(target, data, fsio.default_mode(), durable=False)
    return data


def convert(documents: Mapping[str, bytes], timeout: float | None = None) -> dict[str, bytes]:
    """Convert DOCX documents (name -> bytes; a name is a plain file stem such as
    ``dlo-head.kk``) to PDF/A-2b in ONE LibreOffice run; returns name -> PDF bytes."""
    for name in documents:
        if not _NAME_RE.match(name):
            raise UsageError(
                Msg("{name} cannot be used as a file name for conversion", name=repr(name))
            )
    if not documents:
        return {}
    with scratch.folder("pdf") as folder:
        files = []
        for name, data in documents.items():
            path = folder / f"{name}.docx"
            fsio.write_bytes(path, data)
            files.append(path)
        pdfs = convert_files(files, folder / "out", timeout)
        return {name: pdf.read_bytes() for name, pdf in zip(documents, pdfs, strict=False)}


@dataclass
class Converted:
    """What ``convert_many`` made (stem -> PDF) and what it could not (stem -> (code, reason)):
    DLO301 LibreOffice failed or made no PDF, DLO302 it did not finish in time."""

    made: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, tuple[str, str]] = field(default_factory=dict)


def _batch(
    paths: Sequence[Path],
    outdir: Path,
    stop: threading.Event | None = None,
    slots: threading.Semaphore | None = None,
    cache: pdf_cache.Cache | None = None,
) -> tuple[dict[str, Path], dict[str, tuple[str, str]]]:
    """One LibreOffice run over ``paths`` (while it holds one of ``slots``, when given): PDFs
    written into ``outdir`` (and each kept in ``cache``), and the reason for each document
    without one. The run's files are in a private folder, not in ``outdir``: whoever else may
    write there (a project's build/) could swap a DOCX before LibreOffice reads it, or a PDF
    before it is kept, and so have the cache give their PDF for the genuine DOCX."""
    made: dict[str, Path] = {}
    reason: tuple[str, str] = (
        "DLO301",
        Msg("LibreOffice made no PDF of it (it could not read the DOCX)"),
    )
    if stop is not None and stop.is_set():
        raise process_group.Stopped()
    with scratch.folder("pdf") as tmp:
        try:
            given, read = _given(paths, tmp / "in", cache.key if cache is not None else None)
            with slots or contextlib.nullcontext():  # held only while LibreOffice runs
                if stop is not None and stop.is_set():  # stopped while waiting for a slot
                    raise process_group.Stopped()
                _run(given, tmp, default_timeout(len(paths)), stop)
        except DloError as exc:
            first = exc.problems[0]
            reason = (first.code, first.message)
        for path in paths:
            pdf, source = tmp / f"{path.stem}.pdf", read.get(path.stem)
            if _made(pdf) and source is not None:
                data = _settle(source.when, pdf, outdir / pdf.name)
                made[path.stem] = outdir / pdf.name
                if cache is not None and source.key is not None:
                    cache.keep(source.key, data)
    return made, {p.stem: reason for p in paths if p.stem not in made}


def _groups(files: list[Path], batch: int, jobs: int) -> list[list[Path]]:
    """``files`` in runs of at most ``batch``; with ``jobs`` runs side by side, as many runs as
    a multiple of ``jobs``, of even sizes, so no run is left alone at the end with a core idle."""
    if not files:
        return []
    count = -(-len(files) // max(1, batch))
    if jobs > 1:
        count = min(len(files), -(-count // jobs) * jobs)
    size, more = divmod(len(files), count)  # the first ``more`` runs take one more
    bounds = [k * size + min(k, more) for k in range(count + 1)]
    return [files[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _batch_and_retry(
    group: Sequence[Path],
    outdir: Path,
    stop: threading.Event | None = None,
    slots: threading.Semaphore | None = None,
    cache: pdf_cache.Cache | None = None,
) -> tuple[dict[str, Path], dict[str, tuple[str, str]]]:
    """``_batch`` over ``group``, then each document it did not convert once more alone."""
    made, failed = _batch(group, outdir, stop, slots, cache)
    for stem in list(failed):
        again, still = _batch([p for p in group if p.stem == stem], outdir, stop, slots, cache)
        made.update(again)
        if still:
            failed[stem] = still[stem]
        else:
            del failed[stem]
    return made, failed


def convert_many(
    paths: Sequence[Path | str],
    outdir: Path | str,
    batch: int = BATCH,
    jobs: int = 1,
    done: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
    slots: threading.Semaphore | None = None,
) -> Converted:
    """Convert DOCX files to PDF/A-2b ``<outdir>/<stem>.pdf`` in batches of at most ``batch``
    documents (of even sizes), ``jobs`` LibreOffice runs at a time; each document a batch did not convert is tried once
    more alone (a fresh LibreOffice), so one bad document or one crash costs nothing else.
    Never raises for a document: ``Converted.failed`` names each failure with its reason.
    A PDF made before from the same DOCX bytes by the same LibreOffice is taken from the user's
    cache instead (``pdf_cache``). ``done(n)`` is told as each ``n`` documents are finished.
    Setting ``stop`` (from another thread) ends the LibreOffice runs under way and begins no
    other: ``process_group.Stopped`` is raised. An interrupt of the calling thread (Ctrl-C,
    SIGTERM) does the same to the runs in threads of their own, then goes on.
    ``slots``, shared by calls running side by side, bounds their LibreOffice runs together
    (a run holds one while it runs): one call's runs start as soon as another's end."""
    exe = soffice()  # a missing LibreOffice is a usage error, before anything is done
    stop = stop or threading.Event()  # set here too when this thread is interrupted
    files = [Path(p).resolve() for p in paths]
    stems = _distinct(files)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    result = Converted()
    cache = pdf_cache.open_for(exe, FILTER, OPTIONS)
    if cache is not None:  # the PDFs already made from the same bytes the same way
        result.made = cache.fetch(files, outdir)
        if done and result.made:
            done(len(result.made))
    lock = threading.Lock()

    def one(group: Sequence[Path]) -> None:
        # each PDF kept as it is made: an interrupted run loses only what it had not made
        made, failed = _batch_and_retry(group, outdir, stop, slots, cache)
        with lock:
            result.made.update(made)
            result.failed.update(failed)
            if done:
                done(len(group))

    todo = [p for p in files if p.stem not in result.made]
    groups = _groups(todo, batch, jobs)
    if jobs <= 1 or len(groups) < 2:
        for group in groups:
            one(group)
    else:
        _side_by_side(one, groups, jobs, stop)
    if cache is not None:
        cache.trim()
    result.made = {s: result.made[s] for s in stems if s in result.made}
    result.failed = {s: result.failed[s] for s in stems if s in result.failed}
    return result


def _side_by_side(
    one: Callable[[Sequence[Path]], None],
    groups: list[list[Path]],
    jobs: int,
    stop: threading.Event,
) -> None:
    """``one`` of each group, ``jobs`` at a time in threads of their own."""
    with ThreadPoolExecutor(max_workers=jobs) as runs:
        try:
            list(runs.map(one, groups))
        except BaseException:  # Ctrl-C, SIGTERM (in this thread): the runs are stopped, not
            stop.set()  # run to their end, and no batch still waiting is begun
            with interrupts.holding():  # a second Ctrl-C waits for them to have ended
                runs.shutdown(wait=True, cancel_futures=True)
            raise
