"""Issue 14, "Nothing lost, nothing escapes": the build faults of the fault-injection pass, each a test.

Items 1-4, 6 and 7: no path from data, pairs published as one, one data snapshot per build, locks
that heal, one-line errors with the exit codes kept, large outputs capped.  The validator gaps
(item 5) are in ``test_validator_gaps.py``.  See ``RELIABILITY.md`` (the "Issue 14" rows).
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

from migresearch import paths
from migresearch.build import publish as b
from migresearch.errors import DataValidationError, UnsafePathError
from migresearch.reports import REPORTS, plan
from tests.conftest import ROOT, read_rows
from tests.test_build import digest, notebook

pytestmark = pytest.mark.slow


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migresearch", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


def one_line_errors(stderr: str) -> None:
    """Every line the build printed is a summary line, never a traceback."""
    assert "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith(("error: ", "migresearch build: error: ", "FAILED ", "note: ")) or " built, " in line, line


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


# --- 1. no path from data ----------------------------------------------------------------------


def test_an_id_of_dot_segments_writes_nothing_outside_the_output(tmp_path: Path, data_copy: Path, edit) -> None:
    """The framework id `../../../escape` used to overwrite a .json and an .ipynb outside the output folder."""
    edit(data_copy / "frameworks.csv", 1, "framework_id", "../../../escape")
    before = files_under(tmp_path)
    outcome = b.build(out=tmp_path / "out" / "reports", data_dir=data_copy, progress=False, only="01-*")
    assert outcome.exit_code == 1 and outcome.built == []
    assert outcome.messages[0].startswith("DataValidationError: ")
    assert "data/frameworks.csv:2:framework_id: ../../../escape: expected an identifier matching" in outcome.messages[0]
    assert files_under(tmp_path) - before == {"out/reports/.build.lock"}


def test_the_cli_refuses_the_data_before_planning(tmp_path: Path, data_copy: Path, edit) -> None:
    edit(data_copy / "frameworks.csv", 1, "framework_id", "../../../escape")
    result = cli("build", "--out", str(tmp_path / "out"), "--only", "01-*", env={paths.ENV_VAR: str(data_copy)})
    assert result.returncode == 1, result.stderr
    one_line_errors(result.stderr)
    assert (
        "FAILED DataValidationError: " in result.stderr and "data/frameworks.csv:2:framework_id: ../../../escape" in result.stderr
    )
    assert not (tmp_path / "out" / "en").exists() and not list(tmp_path.rglob("*.ipynb"))


def test_allow_list_values_are_checked_against_their_column_rule(data_copy: Path, edit) -> None:
    """plan() on its own (no build) refuses a framework id that breaks the id rule, with its position."""
    edit(data_copy / "frameworks.csv", 3, "framework_id", "../x")
    with pytest.raises(DataValidationError) as err:
        plan(data_copy, reports=REPORTS)
    assert str(err.value.problems[0]).startswith("data/frameworks.csv:4:framework_id: ../x: expected an identifier matching")


def test_every_output_path_stays_under_its_root(tmp_path: Path) -> None:
    root = tmp_path / "out"
    (root / "en").mkdir(parents=True)
    assert paths.inside(root, "en/a.html") == (root / "en/a.html").resolve()
    for bad in ("../x.html", "en/../../x.html", "/etc/passwd", "../out2/a"):
        with pytest.raises(UnsafePathError, match="leaves its folder"):
            paths.inside(root, bad)
    (tmp_path / "elsewhere").mkdir()
    (root / "es").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePathError):
        paths.inside(root, "es/a.html")


# --- 2. pairs publish as one ---------------------------------------------------------------------


def _manifest(out: Path) -> dict[str, dict]:
    return {r["path"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]}


def test_an_unwritable_spanish_folder_publishes_neither_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r5", "print('version one')")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).exit_code == 0
    before = digest(out)
    notebook(nbs, "r5", "print('version two')")
    real = os.replace

    def refuse_es(src: object, dst: object) -> None:
        if str(dst).startswith(str(out / "es")):
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(b.os, "replace", refuse_es)
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False)
    monkeypatch.undo()
    assert outcome.exit_code == 1 and outcome.built == []
    assert any("es/r5.html: could not publish" in m and "Permission denied" in m for m in outcome.messages), outcome.messages
    after = digest(out)
    for rel in ("en/r5.html", "es/r5.html"):
        assert after[rel][0] == before[rel][0], f"{rel} changed: the English page went live alone"
    manifest = _manifest(out)
    assert {p: e["status"] for p, e in manifest.items()} == {"en/r5.html": "failed", "es/r5.html": "failed"}
    assert all("published" in e for e in manifest.values())  # ...and says that the previous pair is still what is served
    assert not (out / b.JOURNAL).exists() and not list(out.glob(".staging-*"))


def test_a_kill_between_the_two_moves_is_rolled_back_by_the_next_build(tmp_path: Path) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r6", "print('version one')")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).exit_code == 0
    old = {rel: (out / rel).read_bytes() for rel in ("en/r6.html", "es/r6.html")}
    old_manifest = (out / "manifest.json").read_bytes()
    notebook(nbs, "r6", "print('version two')")
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from migresearch.build import publish as b
        from migresearch.reports import ReportSpec
        real = os.replace
        def kill_at_es(src, dst):
            if str(dst).startswith({str(out / "es")!r}):
                os._exit(9)  # like SIGKILL: no finally, no clean-up
            real(src, dst)
        os.replace = kill_at_es
        spec = ReportSpec(name="r6", notebook="r6.ipynb", title_key="report.index", allowed={{"lang": (str, lambda _: ("en", "es"))}},
                          expand=("lang",))
        b.build(out=Path({str(out)!r}), reports=(spec,), notebooks=Path({str(nbs)!r}), progress=False)
    """)
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert killed.returncode == 9, killed.stderr
    assert b"version two" in (out / "en/r6.html").read_bytes()  # the mixed state the kill left on disk
    assert (out / b.JOURNAL).exists() and (out / "manifest.json").read_bytes() == old_manifest
    outcome = b.Outcome()
    with b.locked(out, outcome):
        b.recover(out, outcome)
    assert {rel: (out / rel).read_bytes() for rel in old} == old, "the last published pair is whole again"
    assert any("rolled back an interrupted publish" in n for n in outcome.notes)
    again = b.build(out=out, reports=(s,), notebooks=nbs, progress=False)
    assert again.exit_code == 0 and sorted(again.built) == ["en/r6.html", "es/r6.html"]
    assert all(b"version two" in (out / rel).read_bytes() for rel in old)
    assert not (out / b.JOURNAL).exists()


def test_ctrl_c_between_the_two_moves_is_rolled_back_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r16", "print('version one')")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).exit_code == 0
    old = {rel: (out / rel).read_bytes() for rel in ("en/r16.html", "es/r16.html")}
    notebook(nbs, "r16", "print('version two')")
    real = os.replace

    def interrupt_at_es(src: object, dst: object) -> None:
        if str(dst).startswith(str(out / "es")) and "backup" not in str(src):
            raise KeyboardInterrupt
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", interrupt_at_es)
    with pytest.raises(KeyboardInterrupt):
        b.build(out=out, reports=(s,), notebooks=nbs, progress=False)
    monkeypatch.undo()
    assert {rel: (out / rel).read_bytes() for rel in old} == old
    assert not (out / b.JOURNAL).exists() and not list(out.glob(".staging-*"))


def test_pages_of_reports_no_longer_declared_are_withdrawn(tmp_path: Path) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    keep, gone = notebook(nbs, "r7", "print(7)"), notebook(nbs, "r8", "print(8)")
    assert b.build(out=out, reports=(keep, gone), notebooks=nbs, progress=False).exit_code == 0
    assert (out / "en/r8.html").is_file() and 'href="es/r8.html"' in (out / "index.html").read_text(encoding="utf-8")
    outcome = b.build(out=out, reports=(keep,), notebooks=nbs, progress=False)
    assert outcome.exit_code == 0 and sorted(outcome.withdrawn) == ["en/r8.html", "es/r8.html"]
    assert not (out / "en/r8.html").exists() and not (out / "es/r8.html").exists()
    assert set(_manifest(out)) == {"en/r7.html", "es/r7.html"}
    assert "r8" not in (out / "index.html").read_text(encoding="utf-8")


# --- 3. a consistent snapshot --------------------------------------------------------------------


def test_data_edited_during_the_build_is_ignored_by_that_build(tmp_path: Path, data_copy: Path) -> None:
    """19 of 48 pages used to read the new data while every footer and the manifest named the old version."""
    nbs, out = tmp_path / "nb", tmp_path / "out"
    rows = read_rows(data_copy / "meetings.csv")
    theme = rows[1][rows[0].index("theme_en")]
    assert theme and "," not in theme
    live = data_copy / "meetings.csv"
    s = notebook(
        nbs,
        "r9",
        textwrap.dedent(f"""
        from pathlib import Path
        live = Path({str(live)!r})
        if lang == "en":  # the first report edits the live data while the build runs
            live.write_text(live.read_text(encoding="utf-8").replace({theme!r}, "EDITED MID-BUILD"), encoding="utf-8")
        import migresearch
        df = migresearch.load("meetings")
        print("THEME", df["theme_en"].iloc[0])
    """),
    )
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, data_dir=data_copy, progress=False, jobs=1)
    assert outcome.exit_code == 0, outcome.messages
    assert "EDITED MID-BUILD" in live.read_text(encoding="utf-8")
    manifest = _manifest(out)
    versions = {e["data_version"] for e in manifest.values()}
    assert len(versions) == 1
    version = versions.pop()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["data_version"] == version
    for rel in ("en/r9.html", "es/r9.html"):
        page = (out / rel).read_text(encoding="utf-8")
        assert f"THEME {theme}" in page and "EDITED MID-BUILD" not in page
        assert version in page  # the footer names the data the page was built from
    assert any("the data changed during the build" in n for n in outcome.notes)
    again = b.build(out=out, reports=(s,), notebooks=nbs, data_dir=data_copy, progress=False, jobs=1)
    assert sorted(again.built) == ["en/r9.html", "es/r9.html"]  # the next build reads the new data


# --- 4. locks that heal ---------------------------------------------------------------------------


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in status  # a zombie no one has reaped yet is dead


def test_a_killed_build_leaves_no_report_running_and_the_next_build_goes_ahead(tmp_path: Path) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    pidfile = tmp_path / "child.pid"
    s = notebook(nbs, "r10", f"import os, time\nopen({str(pidfile)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from migresearch.build import publish as b
        from migresearch.reports import ReportSpec
        spec = ReportSpec(name="r10", notebook="r10.ipynb", title_key="report.index", allowed={{"lang": (str, lambda _: ("en",))}},
                          expand=("lang",))
        b.build(out=Path({str(out)!r}), reports=(spec,), notebooks=Path({str(nbs)!r}), progress=False, langs=("en",))
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (pidfile.exists() and pidfile.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        child = int(pidfile.read_text())
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(child), "the report process outlived its killed parent"
    notebook(nbs, "r10", "print('quick')")
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False, langs=("en",))
    assert outcome.exit_code == 0, outcome.messages
    assert any(f"(pid {parent.pid}) that is gone" in n for n in outcome.notes), outcome.notes


def test_a_lock_kept_by_a_leftover_process_is_taken_over(tmp_path: Path) -> None:
    """The old failure: a child of a killed build kept the lock and every later build was refused."""
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import fcntl, os, sys, time
        fd = os.open({str(out / b.LOCK)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, b"{dead.pid}\\n")
        print("holding", flush=True)
        time.sleep(120)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"  # type: ignore[union-attr]
        nbs = tmp_path / "nb"
        s = notebook(nbs, "r11", "print(11)")
        outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False, langs=("en",))
        assert outcome.exit_code == 0, outcome.messages
        assert any("a leftover process still held it" in n and f"pid {dead.pid}" in n for n in outcome.notes), outcome.notes
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_held_by_a_live_build_names_its_pid(tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / b.LOCK, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write(f"{os.getppid()}\n")
        fh.flush()
        with pytest.raises(b.BuildLocked, match=f"another build \\(pid {os.getppid()}\\) is running"):
            b.build(out=out, only="10-*", progress=False)


# --- 6. one-line errors, exit codes kept -----------------------------------------------------------


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from migresearch.cli import main

    code = main(argv)
    return code, capsys.readouterr().err


def test_a_read_only_output_folder_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if str(path).startswith(str(out)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    code, err = _run_cli(["build", "--out", str(out), "--only", "10-*"], capsys)
    assert code == 2
    one_line_errors(err)
    assert err.strip() == f"error: cannot create the lock file {out / b.LOCK}: Read-only file system"


def test_read_only_report_folders_keep_the_old_reports_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r12", "print('one')")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).exit_code == 0
    before = digest(out)
    notebook(nbs, "r12", "print('two')")
    real = os.replace

    def read_only(src: object, dst: object) -> None:
        if str(dst).startswith((str(out / "en"), str(out / "es"))):
            raise OSError(errno.EROFS, "Read-only file system", str(dst))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", read_only)
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False)
    assert outcome.exit_code == 1 and all("\n" not in m for m in outcome.messages)
    assert any("Read-only file system" in m for m in outcome.messages)
    assert {k: v[0] for k, v in digest(out).items() if k.endswith(".html") and k != "index.html"} == {
        k: v[0] for k, v in before.items() if k.endswith(".html") and k != "index.html"
    }


def test_a_full_disk_leaves_no_truncated_artefact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC on every write: one line per fault, old report intact, nothing partial in _failed/ or anywhere."""
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r13", "print('one')")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False, langs=("en",)).exit_code == 0
    before = (out / "en/r13.html").read_bytes()
    notebook(nbs, "r13", "print('two')\nraise ValueError('bad data')")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False, langs=("en",))
    monkeypatch.undo()
    assert outcome.exit_code == 1 and all("\n" not in m for m in outcome.messages + outcome.notes)
    assert (out / "en/r13.html").read_bytes() == before
    assert not [p for p in out.rglob("*") if p.name.startswith((".tmp-", ".staging"))]
    for kept in (out / "_failed").rglob("*.ipynb") if (out / "_failed").exists() else ():
        nbformat.read(kept, as_version=4)  # complete, or not there at all
    assert any("could not keep the failed notebook" in n and "No space left on device" in n for n in outcome.notes), outcome.notes


def test_a_bom_in_a_file_the_build_reads_is_one_line(tmp_path: Path, data_copy: Path) -> None:
    path = data_copy / "frameworks.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = cli("build", "--out", str(tmp_path / "out"), "--only", "10-*", env={paths.ENV_VAR: str(data_copy)})
    assert result.returncode == 1
    one_line_errors(result.stderr)
    assert "data/frameworks.csv:1:: \\ufeff: UTF-8 byte order mark (BOM) at start of file" in result.stderr


def test_a_bom_in_a_notebook_fails_that_report_in_one_line(tmp_path: Path) -> None:
    nbs = tmp_path / "nb"
    s = notebook(nbs, "r14", "print(14)")
    path = nbs / "r14.ipynb"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    outcome = b.build(out=tmp_path / "out", reports=(s,), notebooks=nbs, progress=False, langs=("en",))
    assert outcome.exit_code == 1
    assert "r14.ipynb: UTF-8 byte order mark (BOM) at start of file" in outcome.messages[0] and "\n" not in outcome.messages[0]


@pytest.mark.parametrize("epoch", ["yesterday", "1.7e9", "-5", "17 00", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_one_line_exit_2(tmp_path: Path, epoch: str) -> None:
    result = cli("build", "--out", str(tmp_path / "out"), "--only", "10-*", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2
    one_line_errors(result.stderr)
    assert result.stderr.startswith(f"error: SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds")
    assert not (tmp_path / "out").exists()


def test_a_fifo_as_a_data_file_is_refused_without_hanging(tmp_path: Path, data_copy: Path) -> None:
    fifo = data_copy / "figures.csv"
    fifo.unlink()
    os.mkfifo(fifo)
    started = time.monotonic()
    result = cli("build", "--out", str(tmp_path / "out"), "--only", "10-*", env={paths.ENV_VAR: str(data_copy)}, timeout=60)
    assert time.monotonic() - started < 60 and result.returncode == 1
    one_line_errors(result.stderr)
    assert (
        f"FAILED DataValidationError: 1 data problem(s), no report was built: data/figures.csv:0:: {fifo}: "
        "not a regular file (a FIFO); refused" in result.stderr
    )
    check = cli("validate", "--data-dir", str(data_copy), timeout=60)
    assert check.returncode == 1 and "data/figures.csv:0::" in check.stdout and "not a regular file" in check.stdout


# --- 7. large outputs ------------------------------------------------------------------------------


def test_fifty_megabytes_of_small_writes_are_capped_quickly(tmp_path: Path) -> None:
    """A cell printing 50 MB in small writes used to take 303 s and then fail as a timeout."""
    from migresearch.build.engine import MAX_STREAM_CHARS

    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r15", "for i in range(500_000):\n    print('x' * 99)", "print('after the flood')")
    started = time.monotonic()
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False, langs=("en",), timeout=120)
    seconds = time.monotonic() - started
    assert outcome.exit_code == 0, outcome.messages
    assert seconds < 60, f"{seconds:.0f} s"
    page = (out / "en/r15.html").read_text(encoding="utf-8")
    assert "[output cut: this cell wrote 50,000,000 characters; only the first 1,000,000 are kept." in page
    assert "after the flood" in page  # the next cell has its own allowance
    assert len(page) < 2 * MAX_STREAM_CHARS + 200_000
