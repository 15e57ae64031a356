"""PDF at scale: bounded batches, one retry per document alone, every failure named with its
reason, a short report (a stand-in soffice: no LibreOffice needed)."""

from __future__ import annotations

import stat
from pathlib import Path

from dlo_docs.render import pdf as pdf_render

# converts every DOCX given, except: "bad*" never; "lonely*" only when alone in the run;
# a run holding "crash*" exits 5 having converted nothing; each run is logged
SOFFICE = """#!/bin/sh
out=""; prev=""; n=0; crash=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) n=$((n+1));; esac; done
for a in "$@"; do case "$a" in *crash*.docx) crash=1;; esac; done
echo "$n" >> {log}
if [ -n "$crash" ]; then echo "segfault" >&2; exit 5; fi
for a in "$@"; do
  case "$a" in
    *.docx) b=$(basename "$a" .docx)
      case "$b" in bad*) continue;; lonely*) [ "$n" -gt 1 ] && continue;; esac
      echo "%PDF $b" > "$out/$b.pdf";;
  esac
done
"""


def setup(tmp_path: Path, monkeypatch, names: list[str]) -> tuple[list[Path], Path]:
    log = tmp_path / "runs"
    script = tmp_path / "soffice"
    script.write_text(SOFFICE.format(log=log), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    folder = tmp_path / "docx"
    folder.mkdir()
    files = []
    for name in names:
        (folder / f"{name}.docx").write_bytes(b"docx")
        files.append(folder / f"{name}.docx")
    return files, log


def test_batches_are_bounded_and_every_pdf_is_made(tmp_path, monkeypatch):
    files, log = setup(tmp_path, monkeypatch, [f"doc-{i:02d}" for i in range(45)])
    done = []
    converted = pdf_render.convert_many(files, tmp_path / "out", batch=20, done=done.append)
    assert list(converted.made) == [f.stem for f in files] and not converted.failed
    assert log.read_text().split() == ["15", "15", "15"]  # runs of even sizes, none over 20
    assert sorted(done) == [15, 15, 15]
    assert (tmp_path / "out" / "doc-07.pdf").read_text() == "%PDF doc-07\n"
    assert not list((tmp_path / "out").glob(".dlo-pdf-*")), "no temporary folder is left"


def test_runs_side_by_side_share_the_documents_evenly(tmp_path, monkeypatch):
    """100 documents, runs of at most 40, two at a time: four runs of 25 (not 40, 40 and 20,
    the last alone while a core waits)."""
    files, log = setup(tmp_path, monkeypatch, [f"doc-{i:03d}" for i in range(100)])
    converted = pdf_render.convert_many(files, tmp_path / "out", batch=40, jobs=2)
    assert len(converted.made) == 100 and not converted.failed
    assert log.read_text().split() == ["25"] * 4


def test_a_document_that_fails_in_its_batch_is_tried_once_more_alone(tmp_path, monkeypatch):
    names = ["a", "lonely", "bad", "b", "crash-x", "c", "d"]
    files, log = setup(tmp_path, monkeypatch, names)
    converted = pdf_render.convert_many(files, tmp_path / "out", batch=3, jobs=2)
    # four runs of even sizes for two side by side (2, 2, 2, 1); "lonely" fails in its batch and
    # converts alone; the crash costs its batch one more run per document; "bad" and "crash-x"
    # fail twice and are named with their reasons
    assert set(converted.made) == {"a", "lonely", "b", "c", "d"}
    assert list(converted.failed) == ["bad", "crash-x"]
    code, reason = converted.failed["crash-x"]
    assert code == "DLO301" and "exit 5" in reason and "segfault" in reason
    assert converted.failed["bad"][0] == "DLO301" and "no PDF" in converted.failed["bad"][1]
    runs = sorted(map(int, log.read_text().split()))
    assert runs == [1, 1, 1, 1, 1, 2, 2, 2]  # 4 batches (2, 2, 2, 1), 4 documents alone


def test_a_hung_batch_is_stopped_and_named(tmp_path, monkeypatch):
    files, _ = setup(tmp_path, monkeypatch, ["x"])
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    allowed = []  # the documents of each run, which is given a fifth of a second

    def timeout(count: int) -> float:
        allowed.append(count)
        return 0.2

    monkeypatch.setattr(pdf_render, "default_timeout", timeout)
    converted = pdf_render.convert_many(files, tmp_path / "out")
    assert converted.failed["x"][0] == "DLO302"
    assert allowed == [1, 1]  # the batch, then the document alone: each stopped


def test_the_failure_report_stays_short_and_the_log_has_every_name(tmp_path):
    failed = {f"doc-{i:03d}.kk.pdf": "LibreOffice made no PDF" for i in range(758)}
    log = tmp_path / "pdf-failures.log"
    summary = pdf_render.failure_summary(failed, 1000, log)
    assert summary.startswith("PDF not made for 758 of 1000 document(s): doc-000.kk.pdf (")
    assert "doc-004.kk.pdf" in summary and "doc-005.kk.pdf" not in summary
    assert "and 753 more" in summary and str(log) in summary
    assert len(summary) < 400
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 758 and lines[757] == "doc-757.kk.pdf\tLibreOffice made no PDF"


def test_the_failure_report_is_shown_in_the_interface_language(tmp_path):
    from dlo_docs import i18n

    failed = {
        f"doc-{i}.pdf": i18n.Msg("LibreOffice failed (exit {code})", code=1) for i in range(7)
    }
    summary = pdf_render.failure_summary(failed, 9, tmp_path / "log")
    i18n.use("ru")
    try:
        shown = i18n.text(summary)
    finally:
        i18n.use("en")
    assert shown.startswith("PDF не создан для 7 из 9 документов: doc-0.pdf (")
    assert "; doc-1.pdf (" in shown and "и ещё 2, все перечислены в" in shown
    assert "LibreOffice failed" not in shown  # the reasons too


def test_the_failure_log_is_written_in_the_interface_language(tmp_path):
    from dlo_docs import i18n

    failed = {f"doc-{i}.pdf": i18n.Msg("LibreOffice made no PDF of it") for i in range(7)}
    i18n.use("kk")
    try:
        pdf_render.failure_summary(failed, 9, tmp_path / "log")
    finally:
        i18n.use("en")
    lines = (tmp_path / "log").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "doc-0.pdf\tLibreOffice одан PDF жасамады" and len(lines) == 7


TIMED = """#!/bin/sh
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
echo "start $(date +%s%N)" >> {log}
sleep 0.2
for a in "$@"; do
  case "$a" in *.docx) b=$(basename "$a" .docx); echo "%PDF $b" > "$out/$b.pdf";; esac
done
echo "end $(date +%s%N)" >> {log}
"""


def test_calls_side_by_side_share_their_slots_for_runs(tmp_path, monkeypatch):
    """Two conversions at once, each of four runs two at a time, sharing two slots: never
    more than two LibreOffice runs at a time over both, and every PDF made."""
    import threading

    log = tmp_path / "runs"
    script = tmp_path / "soffice"
    script.write_text(TIMED.format(log=log), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("DLO_SOFFICE", str(script))
    slots = threading.BoundedSemaphore(2)
    results = {}

    def convert(name: str) -> None:
        folder = tmp_path / name
        folder.mkdir()
        files = []
        for i in range(8):
            (folder / f"{name}-{i}.docx").write_bytes(b"docx")
            files.append(folder / f"{name}-{i}.docx")
        results[name] = pdf_render.convert_many(files, folder / "out", batch=2, jobs=2, slots=slots)

    threads = [threading.Thread(target=convert, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(r.made) == 8 and not r.failed for r in results.values())
    events = sorted(
        (int(t), kind) for kind, t in (line.split() for line in log.read_text().splitlines())
    )
    running, most = 0, 0
    for _, kind in events:  # an end before a start at the same instant: ("end" < "start")
        running += 1 if kind == "start" else -1
        most = max(most, running)
    assert len(events) == 16 and most == 2


def test_a_run_stopped_while_waiting_for_its_slot_never_starts(tmp_path, monkeypatch):
    import threading

    from dlo_docs.render import process_group

    files, log = setup(tmp_path, monkeypatch, ["a", "b"])
    slots, stop, raised = threading.BoundedSemaphore(1), threading.Event(), []
    slots.acquire()  # the only slot is taken by another conversion's run

    def convert() -> None:
        try:
            pdf_render.convert_many(files, tmp_path / "out", stop=stop, slots=slots)
        except process_group.Stopped:
            raised.append(True)

    thread = threading.Thread(target=convert)
    thread.start()
    thread.join(0.3)
    assert thread.is_alive(), "the run waits for its slot"
    stop.set()
    slots.release()
    thread.join(5)
    assert raised == [True] and not log.exists(), "stopped: LibreOffice never started"
