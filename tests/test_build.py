"""`migresearch build`: real notebook runs through papermill, incremental, safe, clean state, deterministic."""

from __future__ import annotations

import copy
import fcntl
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from migresearch import reports
from migresearch.build import publish as b
from migresearch.reports import ParameterError, ReportSpec
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def langs(_: Path) -> tuple[str, ...]:
    return ("en", "es")


def spec(name: str) -> ReportSpec:
    return ReportSpec(
        name=name, notebook=f"{name}.ipynb", title_key="report.index", allowed={"lang": (str, langs)}, expand=("lang",)
    )


def notebook(folder: Path, name: str, *sources: str, parameters: bool = True) -> ReportSpec:
    cells = [new_markdown_cell("prose for researchers", metadata={"tags": ["remove_cell"]})]
    if parameters:
        cells.append(new_code_cell('lang: str = "en"  # report language', metadata={"tags": ["parameters"]}))
    cells += [new_code_cell(s) for s in sources]
    for i, cell in enumerate(cells):
        cell["id"] = f"c{i}"
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=cells), folder / f"{name}.ipynb")
    return spec(name)


def digest(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "_failed" not in p.parts and p.name != ".build.lock"
    }


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts, self.handlers, self.remote = 0, [], []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        self.remote += [
            v
            for name, v in attrs
            if name in ("src", "href") and tag in ("script", "link", "img") and v and not v.startswith("data:")
        ]


def parse(html: str) -> _Scripts:
    p = _Scripts()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def dialogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real EU-CELAC dialogue report built once, in both languages."""
    out = tmp_path_factory.mktemp("reports")
    outcome = b.build(out=out, only="10-*", progress=False)
    assert outcome.exit_code == 0, outcome.messages
    return out


def test_real_report_built_in_both_languages(dialogue: Path) -> None:
    document = json.loads((dialogue / "manifest.json").read_text(encoding="utf-8"))
    assert len(document["data_version"]) == 12 and len(document["code_hash"]) == 12
    assert document["git_commit"] is None or len(document["git_commit"]) == 40
    manifest = document["reports"]
    assert {r["path"] for r in manifest} == {"en/10-eu-celac-dialogue.html", "es/10-eu-celac-dialogue.html"}
    assert all(r["status"] == "ok" and len(r["inputs_hash"]) == 64 and r["seconds"] > 0 for r in manifest)
    assert set(manifest[0]) >= {"notebook", "parameters", "lang", "path", "inputs_hash", "status", "seconds"}
    en = (dialogue / "en/10-eu-celac-dialogue.html").read_text(encoding="utf-8")
    es = (dialogue / "es/10-eu-celac-dialogue.html").read_text(encoding="utf-8")
    assert "High-level meetings of the dialogue" in en and "Reuniones de alto nivel del diálogo" in es
    assert "28 de noviembre de 2012" in es and "28 November 2012" in en  # HLM VII, year inferred
    assert 'lang="es"' in es and "Parámetros: lang=es" in es and "Package version: migresearch" in en
    index = (dialogue / "index.html").read_text(encoding="utf-8")
    assert 'href="en/10-eu-celac-dialogue.html"' in index and 'href="es/10-eu-celac-dialogue.html"' in index
    for page in (en, es, index):
        found = parse(page)
        assert found.scripts == 0 and found.handlers == [] and found.remote == []


def test_no_english_label_leaks_into_spanish(dialogue: Path) -> None:
    from migresearch.i18n import LABELS

    es = (dialogue / "es/10-eu-celac-dialogue.html").read_text(encoding="utf-8")
    import re

    es = re.sub(r'<p class="sources">.*?</p>', "", es, flags=re.S)  # citations keep their original titles
    visible = re.sub(r"\S*[-_]\S*", " ", HTMLText.of(es))  # identifiers (record, source ids) are not labels
    leaks = [
        en
        for en, sp in LABELS.values()
        if en != sp and len(en) > 3 and "{" not in en and re.search(rf"(?<!\w){re.escape(en)}(?!\w)", visible)
    ]
    assert leaks == []


class HTMLText(HTMLParser):
    """The text a reader sees in the page's own language: no style or title, nor text marked with another ``lang``
    (a source's title or quote, or data text the page declares as English only)."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._stack: list[tuple[str, str | None]] = []
        self._page_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # type: ignore[override]
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        if tag == "html":
            self._page_lang = lang
        self._stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def _foreign(self) -> bool:
        langs = [lang for _, lang in self._stack if lang]
        return bool(langs) and self._page_lang is not None and langs[-1] != self._page_lang

    def handle_data(self, data: str) -> None:
        if any(t in ("style", "title") for t, _ in self._stack) or self._foreign():
            return
        self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        p = cls()
        p.feed(html)
        return " ".join(p.parts)


def test_incremental_noop_then_rebuild_on_data_change(tmp_path: Path, data_copy: Path, edit) -> None:
    out = tmp_path / "out"
    first = b.build(out=out, only="10-*", data_dir=data_copy, progress=False)
    assert len(first.built) == 2
    before = digest(out)
    again = b.build(out=out, only="10-*", data_dir=data_copy, progress=False)
    assert again.built == [] and len(again.skipped) == 2
    assert digest(out) == before  # nothing rewritten, not even the index
    edit(data_copy / "meetings.csv", 1, "theme_en", "A changed theme")
    third = b.build(out=out, only="10-*", data_dir=data_copy, progress=False)
    assert len(third.built) == 2


def test_noop_path_imports_nothing_heavy(dialogue: Path) -> None:
    code = (
        "import sys; from migresearch.cli import main; code = main(['build', '--out', sys.argv[1], '--only', '10-*']);"
        "print(code, sorted(m for m in ('pandas', 'pandera', 'papermill', 'nbconvert', 'matplotlib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(dialogue)], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr
    assert "0 built, 2 up to date" in result.stderr


def test_same_inputs_give_identical_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    one = b.build(out=tmp_path / "a", only="10-*", progress=False, jobs=2)
    two = b.build(out=tmp_path / "b", only="10-*", progress=False, jobs=1, force=True)
    assert one.exit_code == two.exit_code == 0
    for rel in ("en/10-eu-celac-dialogue.html", "es/10-eu-celac-dialogue.html", "index.html"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_reports_sharing_a_process_are_byte_for_byte_those_of_fresh_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real reports of six kinds, all run one after another in one process, against each in a fresh process:
    the same pages, byte for byte, and the same recorded reads (what the incremental build rebuilds by)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    for pattern in ("2[0-4]-*", "02-country-profile-[AB]*"):
        shared = b.build(out=tmp_path / "shared", only=pattern, progress=False, jobs=1, reports_per_process=64)
        fresh = b.build(out=tmp_path / "fresh", only=pattern, progress=False, jobs=2, reports_per_process=1)
        assert shared.exit_code == fresh.exit_code == 0, shared.messages + fresh.messages
    pages = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh").rglob("*.html"))
    assert len(pages) > 20
    for rel in pages:
        assert (tmp_path / "shared" / rel).read_bytes() == (tmp_path / "fresh" / rel).read_bytes(), rel

    def reads(out: str) -> dict[str, list[str]]:
        manifest = json.loads((tmp_path / out / "manifest.json").read_text(encoding="utf-8"))
        return {r["path"]: r["tables"] for r in manifest["reports"]}

    assert reads("shared") == reads("fresh")


def test_planted_script_in_data_is_shown_as_text(tmp_path: Path, data_copy: Path, edit) -> None:
    rows = (data_copy / "meetings.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    record = next(
        i for i, line in enumerate(rows[1:], start=1) if line.startswith("eu-celac-sdcm-hlm-1,") or ",eu-celac-sdcm,hlm," in line
    )
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)> US$ 5 a US$ 10 **x** &amp;'
    edit(data_copy / "meetings.csv", record, "theme_en", evil)
    assert "theme_en" in header
    outcome = b.build(out=tmp_path / "out", only="10-*", data_dir=data_copy, progress=False, langs=("en",))
    assert outcome.exit_code == 0, outcome.messages
    page = (tmp_path / "out/en/10-eu-celac-dialogue.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "US$ 5 a US$ 10" in page and "&amp;amp;" in page
    assert "&amp;amp;amp;" not in page
    found = parse(page)
    assert found.scripts == 0 and found.handlers == [] and found.remote == []


def test_failure_keeps_previous_report_and_diagnosis(tmp_path: Path) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    good = notebook(nbs, "r1", "print('version one')")
    assert b.build(out=out, reports=(good,), notebooks=nbs, progress=False).exit_code == 0
    before = digest(out)
    notebook(nbs, "r1", "print('version two')", "raise ValueError('data/meetings.csv:3:start_date: 31/12/2023: bad')")
    outcome = b.build(out=out, reports=(good,), notebooks=nbs, progress=False)
    assert outcome.exit_code == 1
    message = "\n".join(outcome.messages)
    assert "en/r1.html" in message and "cell 4" in message and "ValueError: data/meetings.csv:3:start_date" in message
    after = digest(out)
    for rel in ("en/r1.html", "es/r1.html"):
        assert after[rel] == before[rel]
    failed = list((out / "_failed").rglob("r1.ipynb"))
    assert failed, "the failed notebook is kept"
    kept = nbformat.read(failed[0], as_version=4)
    assert any(
        "papermill-error-cell" in c.metadata.get("tags", []) or "An Exception was encountered" in c.source for c in kept.cells
    )
    # papermill's record of the run names the notebook file it ran (not a copy of the whole notebook)
    assert kept.metadata.papermill.input_path == str(nbs / "r1.ipynb")
    assert kept.metadata.papermill.parameters == {"lang": kept.metadata.papermill.parameters["lang"]}
    assert not list(out.glob(".staging-*"))


@pytest.mark.parametrize(
    ("source", "status"),
    [("import time\nwhile True: time.sleep(0.05)", "timeout"), ("import os\nos._exit(3)", "died")],
)
def test_timeout_and_dead_process_are_failures(tmp_path: Path, source: str, status: str) -> None:
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r2", source)
    outcome = b.build(out=out, reports=(s,), notebooks=nbs, progress=False, timeout=1, langs=("en",))
    assert outcome.exit_code == 1 and f": {status}:" in outcome.messages[0]
    assert not (out / "en/r2.html").exists()


def test_notebook_without_parameters_cell_fails(tmp_path: Path) -> None:
    nbs = tmp_path / "nb"
    s = notebook(nbs, "r3", "print(1)", parameters=False)
    outcome = b.build(out=tmp_path / "out", reports=(s,), notebooks=nbs, progress=False, langs=("en",))
    assert outcome.exit_code == 1 and "parameters" in outcome.messages[0]


def test_a_failed_language_withholds_the_pair(tmp_path: Path) -> None:
    nbs = tmp_path / "nb"
    s = notebook(nbs, "r4", "assert lang == 'en', 'Spanish is broken'")
    outcome = b.build(out=tmp_path / "out", reports=(s,), notebooks=nbs, progress=False)
    assert outcome.exit_code == 1
    assert not (tmp_path / "out/en/r4.html").exists() and not (tmp_path / "out/es/r4.html").exists()
    manifest = {r["path"]: r["status"] for r in json.loads((tmp_path / "out/manifest.json").read_text())["reports"]}
    assert manifest == {"en/r4.html": "withheld", "es/r4.html": "failed"}


def test_each_report_starts_clean(tmp_path: Path) -> None:
    nbs = tmp_path / "nb"
    polluter = notebook(
        nbs,
        "a-polluter",
        (
            "import matplotlib.pyplot as plt, pandas as pd, migresearch.i18n as i18n\n"
            "plt.rcParams['lines.linewidth'] = 9.0\npd.set_option('display.max_rows', 3)\n"
            "leaked_variable = 42\ni18n.LABELS['sources'] = ('HACKED', 'HACKED')\nimport os\nos.environ['LEAK'] = '1'\n"
            "print('count', get_ipython().execution_count)"
        ),
    )
    checker = notebook(
        nbs,
        "b-checker",
        (
            "import matplotlib.pyplot as plt, pandas as pd, os, migresearch.i18n as i18n\n"
            "print('linewidth', plt.rcParams['lines.linewidth'], 'max_rows', pd.get_option('display.max_rows'),\n"
            "      'leaked' , 'leaked_variable' in globals(), 'label', i18n.LABELS['sources'][0], 'env', os.environ.get('LEAK'),\n"
            "      'count', get_ipython().execution_count)"
        ),
    )
    outcome = b.build(out=tmp_path / "out", reports=(polluter, checker), notebooks=nbs, progress=False, jobs=1, langs=("en",))
    assert outcome.exit_code == 0, outcome.messages
    page = (tmp_path / "out/en/b-checker.html").read_text(encoding="utf-8")
    assert "linewidth 1.5 max_rows 60 leaked False label Sources env None count " in page
    # both notebooks have the same cells before the print: the same count means numbering restarts per report
    first = (tmp_path / "out/en/a-polluter.html").read_text(encoding="utf-8")
    import re

    assert re.search(r"count (\d+)", first)[1] == re.search(r"count (\d+)", page)[1]


_STATE = (
    "import matplotlib.pyplot as plt, numpy as np, os, pandas as pd, random, sys, warnings, migresearch.i18n as i18n\n"
    "print('pid', os.getpid(), 'linewidth', plt.rcParams['lines.linewidth'], 'max_rows', pd.get_option('display.max_rows'),\n"
    "      'leaked', 'leaked_variable' in globals(), 'label', i18n.LABELS['sources'][0], 'env', os.environ.get('LEAK'),\n"
    "      'cwd', os.getcwd() == CWD, 'path', sys.path[-1] == 'leak', 'figures', len(plt.get_fignums()),\n"
    "      'np', np.random.rand() == FIRST_NP, 'random', random.random() == FIRST_RANDOM,\n"
    "      'filters', len(warnings.filters) == N_FILTERS, 'json', hasattr(__import__('json'), 'LEAK'),\n"
    "      'count', get_ipython().execution_count, 'end')"
)


def _state_reports(nbs: Path, *pollution: str) -> tuple[ReportSpec, ...]:
    """A report that changes the process (``pollution``), then one that shows what it starts from; both first
    record what a fresh process looks like (the same cell), so the second can compare."""
    fresh = (
        "import numpy as np, os, random, warnings\n"
        "CWD, N_FILTERS = os.getcwd(), len(warnings.filters)\n"
        "_np, _random = np.random.get_state(), random.getstate()\n"
        "FIRST_NP, FIRST_RANDOM = np.random.rand(), random.random()\n"
        "np.random.set_state(_np); random.setstate(_random)"
    )
    return (notebook(nbs, "a-polluter", fresh, *pollution, _STATE), notebook(nbs, "b-checker", fresh, _STATE))


def _shown(page: Path) -> dict[str, str]:
    text = re.search(r"pid .* end", page.read_text(encoding="utf-8"))
    assert text, page
    words = text[0].split()
    return dict(zip(words[0::2], words[1::2], strict=False))


_RESTORABLE = (
    "import matplotlib.pyplot as plt, numpy as np, os, pandas as pd, random, sys, warnings, migresearch.i18n as i18n\n"
    "plt.rcParams['lines.linewidth'] = 9.0\npd.set_option('display.max_rows', 3)\nleaked_variable = 42\n"
    "i18n.LABELS['sources'] = ('HACKED', 'HACKED')\nos.environ['LEAK'] = '1'\nos.chdir('/')\nsys.path.append('leak')\n"
    "np.random.seed(1)\nrandom.seed(1)\nwarnings.simplefilter('ignore')\nplt.figure()"
)


def test_a_report_process_puts_back_what_a_report_changed_before_the_next(tmp_path: Path) -> None:
    """Several reports run in one process (fewer copy-on-write page copies); each starts from the state of the fork:
    settings, variables, a module's dict, the environment, the folder, random states, figures, cell numbers."""
    reports_ = _state_reports(tmp_path / "nb", _RESTORABLE)
    outcome = b.build(out=tmp_path / "out", reports=reports_, notebooks=tmp_path / "nb", progress=False, jobs=1, langs=("en",))
    assert outcome.exit_code == 0, outcome.messages
    first, second = (_shown(tmp_path / f"out/en/{name}.html") for name in ("a-polluter", "b-checker"))
    assert first["pid"] == second["pid"]  # the same process ran both
    assert first["linewidth"] == "9.0" and first["label"] == "HACKED" and first["path"] == "True"  # the pollution took
    clean = {"linewidth": "1.5", "max_rows": "60", "leaked": "False", "label": "Sources", "env": "None", "cwd": "True"}
    clean |= {"path": "False", "figures": "0", "np": "True", "random": "True", "filters": "True"}
    clean["count"] = str(int(first["count"]) - 1)  # one cell fewer than the polluter: numbering restarted
    assert {k: second[k] for k in clean} == clean


@pytest.mark.parametrize(
    "trigger",
    [
        "import sys\nsys.path.insert(0, MODULES)\nimport leaky_module",  # an import may have registered anything
        "raise ValueError('a failed report')",  # and a failed report may have left anything half done
    ],
    ids=["import", "failure"],
)
def test_what_cannot_be_put_back_ends_the_process(tmp_path: Path, trigger: str) -> None:
    """A change nothing puts back (an attribute set on a module outside the package) does not reach the next
    report when the report also did what ends its process: the next one runs in a fresh fork."""
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods/leaky_module.py").write_text("X = 1\n", encoding="utf-8")
    pollution = f"import json\njson.LEAK = True\nMODULES = {str(tmp_path / 'mods')!r}\n{trigger}"
    reports_ = _state_reports(tmp_path / "nb", pollution)
    b.build(out=tmp_path / "out", reports=reports_, notebooks=tmp_path / "nb", progress=False, jobs=1, langs=("en",))
    checker = _shown(tmp_path / "out/en/b-checker.html")
    assert checker["json"] == "False"
    if "import" in trigger:
        assert _shown(tmp_path / "out/en/a-polluter.html")["json"] == "True"


def test_one_report_a_process_when_asked(tmp_path: Path) -> None:
    reports_ = _state_reports(tmp_path / "nb", "x = 1")
    common = dict(reports=reports_, notebooks=tmp_path / "nb", progress=False, jobs=1, langs=("en",))
    b.build(out=tmp_path / "shared", **common)
    b.build(out=tmp_path / "fresh", reports_per_process=1, **common)
    pids = {
        out: {_shown(tmp_path / out / f"en/{n}.html")["pid"] for n in ("a-polluter", "b-checker")} for out in ("shared", "fresh")
    }
    assert len(pids["shared"]) == 1 and len(pids["fresh"]) == 2


def test_parameters_are_checked_before_anything_runs(tmp_path: Path) -> None:
    profile = reports.REPORTS[0]
    data = ROOT / "data"
    with pytest.raises(ParameterError, match="did you mean 'lang'"):
        profile.check({"framework": "celac", "langauge": "es"}, data)
    for bad in ("fr", "../../x", "es\n", "ES"):
        with pytest.raises(ParameterError, match="not allowed"):
            profile.check({"framework": "celac", "lang": bad}, data)
    with pytest.raises(ParameterError, match="valid values: .*celac"):
        profile.check({"framework": "XX", "lang": "es"}, data)
    with pytest.raises(ParameterError, match="must be str"):
        profile.check({"framework": Path("celac"), "lang": "es"}, data)
    with pytest.raises(ParameterError, match="invalid parameter name"):
        profile.check({"framework": "celac", "lang": "es", "a-b": "x"}, data)
    with pytest.raises(ParameterError, match="unsupported language"):
        b.build(out=tmp_path / "out", langs=("fr",), progress=False)
    assert not (tmp_path / "out" / "fr").exists()


def test_parameter_values_round_trip_exactly() -> None:
    from migresearch.build.engine import inject_parameters

    nb = new_notebook(cells=[new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
    tricky = {"text": "quote \" ' back\\slash \n newline ñ 😀", "code": "007", "n": 1, "flag": True, "f": 1e3}
    inject_parameters(nb, tricky)
    namespace: dict[str, object] = {}
    exec(nb.cells[1].source, namespace)
    assert {k: namespace[k] for k in tricky} == tricky
    with pytest.raises(TypeError):
        inject_parameters(nb, {"when": Path("x")})


def test_second_build_fails_on_the_lock(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".build.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(b.BuildLocked):
            b.build(out=out, only="10-*", progress=False)
    assert sorted(p.name for p in out.iterdir()) == [".build.lock"]


def test_nothing_written_outside_out(tmp_path: Path) -> None:
    out = tmp_path / "inside" / "out"
    b.build(out=out, only="10-*", progress=False, langs=("en",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inside"]
    assert sorted(p.name for p in (tmp_path / "inside").iterdir()) == ["out"]
    assert not [p for p in out.rglob("*") if p.name.startswith((".staging", ".tmp-"))]


def test_stale_staging_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".staging-old").mkdir(parents=True)
    (out / ".staging-old" / "partial.html").write_text("x", encoding="utf-8")
    b.build(out=out, only="10-*", progress=False, langs=("en",))
    assert not (out / ".staging-old").exists()


def test_failed_data_reports_the_data_error(tmp_path: Path, data_copy: Path, edit) -> None:
    edit(data_copy / "frameworks.csv", 1, "status", "activ")
    outcome = b.build(out=tmp_path / "out", only="10-*", data_dir=data_copy, progress=False, langs=("en",))
    assert outcome.exit_code == 1
    assert "DataValidationError" in outcome.messages[0] and "data/frameworks.csv:2:status: activ" in outcome.messages[0]


def test_cli_refuses_unknown_language(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "migresearch", "build", "--out", str(tmp_path / "o"), "--lang", "fr"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )
    assert result.returncode == 2 and "unsupported language 'fr'" in result.stderr


def test_publish_failure_keeps_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC or a read-only folder while swapping in: named in the error, previous report intact."""
    out = tmp_path / "out"
    assert b.build(out=out, only="10-*", progress=False, langs=("en",)).exit_code == 0
    before = (out / "en/10-eu-celac-dialogue.html").read_bytes()
    real = os.replace

    def full(src: object, dst: object) -> None:
        if str(dst).startswith(str(out / "en")):
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(b.os, "replace", full)
    outcome = b.build(out=out, only="10-*", progress=False, langs=("en",), force=True)
    assert outcome.exit_code == 1 and "No space left on device" in outcome.messages[0] and str(out / "en") in outcome.messages[0]
    assert (out / "en/10-eu-celac-dialogue.html").read_bytes() == before
    assert not [p for p in out.rglob("*") if p.name.startswith((".staging", ".tmp-"))]


#: First fixed release of every advisory this test knows (RELIABILITY §50); the floors themselves live in
#: pyproject.toml only, and this table checks that they are at least these.
FIRST_FIXED = {
    "nbconvert": (7, 17, 1),  # CVE-2026-39377, CVE-2026-39378
    "jupyterlab": (4, 6, 2),  # advisories fixed in 4.6.2 (4.4.8 itself is vulnerable)
    "jupyter_server": (2, 20, 0),  # advisories fixed in 2.20.0 (2.17.0 itself is vulnerable)
}


def _floors() -> dict[str, tuple[int, ...]]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = {}
    for req in [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]:
        m = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", req)
        if m:
            out[m[1].replace("-", "_").lower()] = tuple(int(x) for x in m[2].split("."))
    return out


def test_toolchain_is_not_known_vulnerable() -> None:
    """RELIABILITY §50: floors at the first fixed release of every known advisory, kept in pyproject; installed >= floor."""
    from importlib.metadata import version

    def v(name: str) -> tuple[int, ...]:
        return tuple(int(x) for x in version(name).split(".")[:3] if x.isdigit())

    floors = _floors()
    for name, fixed in FIRST_FIXED.items():
        assert name in floors, f"{name} has no '>=' floor in pyproject.toml"
        assert floors[name] >= fixed, f"{name} floor {floors[name]} is below the first fixed release {fixed}"
        assert v(name) >= floors[name], f"installed {name} {version(name)} is below its floor {floors[name]}"


def test_lock_satisfies_the_floors() -> None:
    """uv.lock pins versions at or above every floor (the lock was regenerated after the floors moved)."""
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    for name, floor in _floors().items():
        if name not in FIRST_FIXED:
            continue
        m = re.search(rf'name = "{name.replace("_", "-")}"\nversion = "([0-9.]+)"', lock)
        assert m, name
        assert tuple(int(x) for x in m[1].split(".")[:3]) >= floor, (name, m[1])
        spec = ".".join(map(str, floor))
        assert re.search(rf'name = "{name.replace("_", "-")}",[^\n]*specifier = ">={re.escape(spec)}"', lock), (
            f"uv.lock still has an old floor for {name}"
        )


# --- incremental by table -------------------------------------------------------------------------


def _entries(out: Path) -> dict[str, dict]:
    return {r["path"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]}


def test_a_changed_table_rebuilds_only_the_reports_that_read_it(tmp_path: Path, data_copy: Path, edit) -> None:
    """One row of practices.csv changes: exactly the reports whose observed reads include practices are rebuilt."""
    nbs, out = tmp_path / "nb", tmp_path / "out"
    nbs.mkdir()
    real = next(s for s in reports.REPORTS if s.name == "10-eu-celac-dialogue")
    (nbs / real.notebook).write_bytes((ROOT / "notebooks" / real.notebook).read_bytes())
    specs = (
        real,
        notebook(nbs, "loads-practices", "import migresearch\nprint(len(migresearch.load('practices')))"),
        notebook(nbs, "loads-countries", "import migresearch\nprint(len(migresearch.load('countries')))"),
        notebook(
            nbs,
            "reads-practices-csv",
            (  # a direct file read, past load(), is observed too
                "import csv\nfrom migresearch import paths\n"
                "print(len(list(csv.reader((paths.data_dir() / 'practices.csv').open(encoding='utf-8')))))"
            ),
        ),
        notebook(nbs, "validates-practices", "from migresearch.validation import validate\nvalidate(None, ['practices'])"),
        notebook(nbs, "no-data", "print('nothing read')"),
    )
    first = b.build(out=out, reports=specs, notebooks=nbs, data_dir=data_copy, progress=False)
    assert first.exit_code == 0, first.messages
    tables = {path: entry["tables"] for path, entry in _entries(out).items()}
    assert len(tables) == 12
    # the page footer's data date reads sources.csv, so every report reads sources
    assert tables["en/loads-countries.html"] == ["countries", "sources"]
    assert tables["es/loads-practices.html"] == ["practices", "sources"]
    assert tables["en/reads-practices-csv.html"] == ["practices", "sources"]
    assert tables["en/validates-practices.html"] == ["practices", "sources"]
    assert tables["en/no-data.html"] == ["sources"]
    assert {"meetings", "claims", "sources"} <= set(tables["en/10-eu-celac-dialogue.html"])
    readers = sorted(path for path, read in tables.items() if "practices" in read)
    before = digest(out)

    edit(data_copy / "practices.csv", 1, "summary_en", "A changed summary")
    second = b.build(out=out, reports=specs, notebooks=nbs, data_dir=data_copy, progress=False)
    assert second.exit_code == 0, second.messages
    assert sorted(second.built) == readers
    assert sorted(second.skipped) == sorted(set(tables) - set(readers))
    after = digest(out)
    assert all(after[path] == before[path] for path in second.skipped)  # not rewritten
    document = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for path, entry in _entries(out).items():  # each page names the (whole) data version it was built from
        assert entry["data_version"] in (out / path).read_text(encoding="utf-8")
        assert (entry["data_version"] == document["data_version"]) == (path in readers)
    assert b.build(out=out, reports=specs, notebooks=nbs, data_dir=data_copy, progress=False).built == []


def test_a_report_whose_reads_are_unknown_is_rebuilt(tmp_path: Path) -> None:
    """A manifest written before reads were recorded (no ``tables``) rebuilds its reports once, as before."""
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "r10", "import migresearch\nprint(len(migresearch.load('countries')))")
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).exit_code == 0
    document = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in document["reports"]:
        del entry["tables"]
    (out / "manifest.json").write_text(json.dumps(document), encoding="utf-8")
    assert sorted(b.build(out=out, reports=(s,), notebooks=nbs, progress=False).built) == ["en/r10.html", "es/r10.html"]
    assert all(e["tables"] == ["countries", "sources"] for e in _entries(out).values())
    assert b.build(out=out, reports=(s,), notebooks=nbs, progress=False).built == []


def test_a_report_that_only_asks_which_ids_exist_reads_the_keys(tmp_path: Path, data_copy: Path, edit) -> None:
    """``keys_of`` (which ids a table holds: how an English note's record ids are named) is recorded as
    ``<table>#keys``: a changed summary in practices.csv does not rebuild the page, a changed practice id does."""
    from migresearch import _api

    assert b.KEYS == _api.KEYS
    nbs, out = tmp_path / "nb", tmp_path / "out"
    s = notebook(nbs, "keys", "from migresearch import _api\nprint(len(_api.keys_of('practices')))")
    assert b.build(out=out, reports=(s,), notebooks=nbs, data_dir=data_copy, progress=False).exit_code == 0
    assert all(e["tables"] == ["practices#keys", "sources"] for e in _entries(out).values())
    edit(data_copy / "practices.csv", 1, "summary_en", "A changed summary")
    assert b.build(out=out, reports=(s,), notebooks=nbs, data_dir=data_copy, progress=False).built == []
    edit(data_copy / "practices.csv", 1, "practice_id", "a-new-practice-id")
    second = b.build(out=out, reports=(s,), notebooks=nbs, data_dir=data_copy, progress=False)
    assert second.exit_code == 0, second.messages
    assert sorted(second.built) == ["en/keys.html", "es/keys.html"]


# --- the page body: our renderer against nbconvert's ----------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x1b"), max_size=40)
_OUTPUT = st.one_of(
    st.builds(
        lambda kind, html, plain: new_output(kind, data={"text/html": html, "text/plain": plain}, **_count(kind)),
        st.sampled_from(["execute_result", "display_data"]),
        _TEXT,
        _TEXT,
    ),
    st.builds(
        lambda kind, plain: new_output(kind, data={"text/plain": plain}, **_count(kind)),
        st.sampled_from(["execute_result", "display_data"]),
        _TEXT,
    ),
    st.builds(lambda text: new_output("stream", name="stdout", text=text), _TEXT),
)


def _count(kind: str) -> dict[str, int]:
    return {"execution_count": 3} if kind == "execute_result" else {}


@st.composite
def _notebooks(draw: st.DrawFn) -> nbformat.NotebookNode:
    cells = []
    for i in range(draw(st.integers(0, 5))):
        tags = draw(
            st.lists(st.sampled_from(["parameters", "injected-parameters", "a<b", "remove_cell", 'q"t']), max_size=2, unique=True)
        )
        if draw(st.booleans()):
            cell = new_markdown_cell(draw(_TEXT), metadata={"tags": sorted({*tags, "remove_cell"})})
        else:
            cell = new_code_cell("x", metadata={"tags": tags}, outputs=draw(st.lists(_OUTPUT, max_size=3)))
        cell["id"] = f"c{i}"
        cells.append(cell)
    return new_notebook(cells=cells)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_notebooks())
def test_page_body_is_nbconvert_s_byte_for_byte(nb: nbformat.NotebookNode) -> None:
    """The build writes report bodies itself (no nbconvert import on the build's path); for every kind of output
    it handles, the bytes are those of nbconvert's ``basic`` template with the build's settings."""
    from migresearch.build import engine

    ours = engine.render_outputs(copy.deepcopy(nb))
    assert ours is not None
    assert ours == _exporter().from_notebook_node(copy.deepcopy(nb))[0]


@pytest.mark.parametrize(
    "output",
    [
        new_output("display_data", data={"image/png": "iVBORw0KGgo="}),
        new_output("display_data", data={"text/markdown": "*x*", "text/plain": "x"}),
        new_output("execute_result", data={"text/plain": "\x1b[31mred\x1b[0m"}, execution_count=1),
        new_output("stream", name="stdout", text="\x1b[1mbold\x1b[0m"),
        new_output("error", ename="ValueError", evalue="v", traceback=["ValueError: v"]),
        new_output("display_data", data={"text/html": "<p>x</p>"}, metadata={"text/html": {"isolated": True}}),
    ],
)
def test_other_outputs_are_left_to_nbconvert(output: Any) -> None:
    """An output kind reports do not make is not guessed at: nbconvert renders that page (see ``render_page``)."""
    from migresearch.build import engine

    nb = new_notebook(cells=[new_code_cell("x", outputs=[output])])
    assert engine.render_outputs(nb) is None
    nb = new_notebook(cells=[new_markdown_cell("kept: not tagged remove_cell")])
    assert engine.render_outputs(nb) is None


@functools.cache
def _exporter() -> Any:
    from migresearch.build import engine

    return engine.make_exporter()
