"""Executing report notebooks: papermill with an in-process IPython engine, in processes forked from a warm one.

Why this design (measured on the 2-core machines here; see ``bench/build.py``):
a Jupyter kernel per report spends ~2 s starting, importing pandas and
matplotlib and shutting down for ~0.3 s of real work, and a kept-alive
kernel leaks matplotlib rcParams, pandas options, variables and execution
counts from one report into the next.  Here one warm *parent* process imports
everything once, validates the data once and creates a pristine IPython
shell; reports run in forks of that parent.  A report process executes
the cells through papermill (engine ``migresearch``, kernel name recorded in
the notebook), writes the page body (:func:`render_outputs`: nbconvert's ``basic``
template, byte for byte, for the outputs reports make; nbconvert itself for any
other), then puts itself back as it was forked (:mod:`migresearch.build.reuse`)
and takes the next report, up to :data:`migresearch.build.REPORTS_PER_PROCESS`: every report
starts from the same clean state and numbers its own cells from 1.  What
cannot be put back ends the process, and the next report runs in a fresh fork.

A report process never writes outside the staging folder it is given (every path it makes is checked
with :func:`migresearch.paths.inside`), closes the build's lock file (so it can never keep the
lock), and dies with its parent (``PR_SET_PDEATHSIG``, or a watchdog thread where that is missing).  A cell that
raises, a cell that exceeds its time limit (``SIGALRM`` in the child, plus a
hard deadline enforced by the parent with ``SIGKILL``) and a process that
dies are all failures; success is only ever a result file the child wrote
after rendering its HTML.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from migresearch import paths
from migresearch.build import REPORTS_PER_PROCESS
from migresearch.errors import CellTimeout, MissingParametersCell, ParameterTypeError
from migresearch.reports import Job

__all__ = [
    "CellTimeout",
    "MissingParametersCell",
    "PageContext",
    "Result",
    "execute",
    "inject_parameters",
    "observe_reads",
    "render_outputs",
    "render_page",
    "run",
    "warm_up",
]

KERNEL_NAME = "python3"
ENGINE_NAME = "migresearch"
_CURRENT: list[Any] = []  # outputs of the cell being executed
_SHELL: list[Any] = []  # the pristine shell made by warm_up(), inherited by every forked report
_EXPORTER: list[Any] = []  # nbconvert's HTML exporter, made when a page needs it (see render_page)


# --- the in-process shell ------------------------------------------------------------------------


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    """Binary MIME data (PNG) base64-encoded, as a Jupyter kernel sends it."""
    import base64

    return {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}


def new_output(output_type: str, **fields: Any) -> Any:
    """A notebook output, as ``nbformat.v4.new_output`` makes it but without its schema check of each output
    (about 1 ms each, 10 per report): the executed notebook is validated whole when papermill writes it."""
    from nbformat import from_dict

    return from_dict({"output_type": output_type, **fields})


def _make_shell() -> Any:
    """A pristine IPython shell whose display output, results, streams and errors become notebook outputs."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type
    from traitlets.config import Config

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            _CURRENT.append(new_output("display_data", data=_jsonable(data), metadata=metadata or {}))

        def clear_output(self, wait=False):
            _CURRENT.clear()

    class Hook(DisplayHook):
        def start_displayhook(self) -> None:
            pass

        def write_output_prompt(self) -> None:
            pass

        def write_format_data(self, format_dict, md_dict=None) -> None:
            _CURRENT.append(
                new_output(
                    "execute_result",
                    data=_jsonable(format_dict),
                    metadata=md_dict or {},
                    execution_count=self.shell.execution_count,  # type: ignore[union-attr]
                )
            )

        def finish_displayhook(self) -> None:
            pass

    class ReportShell(InteractiveShell):
        displayhook_class = Type(Hook)
        display_pub_class = Type(Publisher)

        def _showtraceback(self, etype, evalue, stb):
            _CURRENT.append(
                new_output("error", ename=getattr(etype, "__name__", str(etype)), evalue=str(evalue), traceback=list(stb))
            )

        def init_io(self) -> None:  # keep sys.stdout/err as they are
            pass

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    config.InteractiveShell.autocall = 0
    config.InteractiveShell.separate_in = ""
    return ReportShell.instance(config=config)


def _shell() -> Any:
    """This process's one report shell, made on first use (by :func:`warm_up`, in the build's parent) and reset
    once: the namespace a reset leaves is the one :class:`~migresearch.build.reuse.Pristine` restores between two
    reports, so the first report of a process starts from the same names as the ones after it."""
    if not _SHELL:
        shell = _make_shell()
        shell.reset(new_session=False)
        _SHELL.append(shell)
    return _SHELL[0]


#: Most characters a cell's stdout and stderr keep together; the rest is dropped with a notice saying how much.
#: A report prints tables and labels, not logs: 50 MB of small writes used to take 300 s and end as a timeout.
MAX_STREAM_CHARS = 1_000_000


class _Stream:
    """``sys.stdout``/``sys.stderr`` during a cell: writes go to a list (joined once at the end of the
    cell, so many small writes stay linear) and stop being kept past :data:`MAX_STREAM_CHARS`."""

    kept = 0  # characters kept in the current cell, both streams together
    dropped = 0
    buffers: dict[int, list[str]] = {}  # one cell at a time per process

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def start_cell(cls) -> None:
        cls.kept, cls.dropped, cls.buffers = 0, 0, {}

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = MAX_STREAM_CHARS - _Stream.kept
        if room <= 0:
            _Stream.dropped += len(text)
            return len(text)
        if len(text) > room:
            _Stream.dropped += len(text) - room
            text = text[:room]
        _Stream.kept += len(text)
        last = _CURRENT[-1] if _CURRENT else None
        if last is None or last.get("output_type") != "stream" or last["name"] != self.name or id(last) not in _Stream.buffers:
            last = new_output("stream", name=self.name, text="")
            _CURRENT.append(last)
            _Stream.buffers[id(last)] = []
        _Stream.buffers[id(last)].append(text)
        return len(text)

    @classmethod
    def finish_cell(cls, outputs: list[Any]) -> None:
        """Join each stream output's writes; say what was dropped at the end of the last one."""
        streams = [o for o in outputs if o.get("output_type") == "stream" and id(o) in cls.buffers]
        for out in streams:
            out["text"] = "".join(cls.buffers[id(out)])
        if cls.dropped and streams:
            streams[-1]["text"] += (
                f"\n[output cut: this cell wrote {cls.kept + cls.dropped:,} characters; only the first "
                f"{MAX_STREAM_CHARS:,} are kept. A report cell should show tables, not logs.]\n"
            )
        cls.buffers = {}

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _alarm(signum: int, frame: Any) -> None:
    raise CellTimeout("cell exceeded its time limit")


def run_cell(shell: Any, cell: Any, timeout: float | None) -> bool:
    """Execute one code cell in ``shell``; fill its outputs; return ``False`` when it raised."""
    _CURRENT.clear()
    count = shell.execution_count
    old = sys.stdout, sys.stderr
    _Stream.start_cell()
    sys.stdout, sys.stderr = _Stream("stdout"), _Stream("stderr")
    if timeout:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = shell.run_cell(cell.source, store_history=True, silent=False)
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = old
        _Stream.finish_cell(_CURRENT)
    cell.execution_count = count
    cell.outputs = list(_CURRENT)
    _CURRENT.clear()
    return bool(result.success)


def register_engine() -> None:
    """Register the ``migresearch`` papermill engine (in-process IPython shell)."""
    from papermill.engines import Engine, papermill_engines

    class InProcessEngine(Engine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, execution_timeout=None, **kwargs):
            shell = _shell()
            for index, cell in enumerate(nb_man.nb.cells):
                nb_man.cell_start(cell, index)
                try:
                    if cell.cell_type == "code" and not run_cell(shell, cell, execution_timeout):
                        nb_man.cell_exception(nb_man.nb.cells[index], cell_index=index, exception=RuntimeError("cell failed"))
                        break
                finally:
                    nb_man.cell_complete(nb_man.nb.cells[index], cell_index=index)

    papermill_engines.register(ENGINE_NAME, InProcessEngine)


# --- parameters ----------------------------------------------------------------------------------


def inject_parameters(nb: Any, params: dict[str, Any]) -> Any:
    """Insert a cell assigning ``params`` (as exact Python literals) after the ``parameters`` cell.

    Raises :class:`MissingParametersCell` when the notebook has none (papermill
    would only warn, and the defaults would silently win).
    """
    from nbformat.v4 import new_code_cell

    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    index = next((i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if index is None:
        raise MissingParametersCell("notebook has no cell tagged 'parameters'")
    for name, value in params.items():
        if type(value) not in (str, int, float, bool):
            raise ParameterTypeError(f"parameter {name!r}: only str, int, float and bool are allowed, not {type(value).__name__}")
    source = "# Parameters\n" + "\n".join(f"{name} = {value!r}" for name, value in params.items())
    cell = new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"
    cells.insert(index + 1, cell)
    nb.cells = cells
    nb.metadata.setdefault("papermill", {})["parameters"] = dict(params)
    return nb


# --- HTML -----------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PageContext:
    """What every page footer states: package and data versions, and the build stamp."""

    package_version: str
    data_version: str
    build_stamp: str


#: nbconvert's text for an image without one (its ``HTMLExporter`` adds it; see :func:`make_exporter`).
MISSING_ALT = "No description has been provided for this image"
_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)(?=[\s/>])", re.IGNORECASE)


def make_exporter() -> Any:
    """nbconvert's HTML exporter (``basic`` template, no input, no prompts, markdown cells removed), without its
    final BeautifulSoup pass.

    ``HTMLExporter.from_notebook_node`` renders the template, then parses the whole page with BeautifulSoup
    and serialises it again, to give images without one an ``alt`` and to put ``tabindex`` on the cells under
    ``.jp-Notebook`` (the lab template's wrapper; the ``basic`` template has none, so that part never
    applies here).  On a large report page the parse took 10 times as long as the template (0.85 s against
    0.08 s for the regularisation page), on the build's serial path of every report.  Here the template's
    output is kept as it is and the ``alt`` is added with a regular expression: the same elements, attributes
    and text; only the serialisation differs (attribute order, blank lines between tags).
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
    from traitlets.config import Config

    class ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> tuple[Any, dict[str, Any]]:
            # HTMLExporter.from_notebook_node (nbconvert 7) up to its BeautifulSoup pass
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
            self.register_filter("highlight_code", highlight_code)
            self.register_filter("filter_data_type", filter_data_type)
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _IMG_WITHOUT_ALT.sub(f'<img alt="{MISSING_ALT}"', html), resources

    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = ("remove_cell",)
    config.TagRemovePreprocessor.enabled = True
    config.HTMLExporter.preprocessors = ["nbconvert.preprocessors.TagRemovePreprocessor"]
    exporter = ReportExporter(
        config=config,
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=False,
    )
    return exporter


#: The order in which nbconvert's HTML exporter picks one of an output's MIME types (``display_data_priority``).
_PRIORITY = (
    "application/vnd.jupyter.widget-view+json",
    "application/javascript",
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "text/vnd.mermaid",
    "text/latex",
    "image/png",
    "image/jpeg",
    "text/plain",
)


def _joined(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _plain(text: str) -> str | None:
    """Text in a ``<pre>``, escaped as nbconvert's ``ansi2html`` does; ``None`` when it holds ANSI escapes."""
    import markupsafe

    return None if "\x1b" in text else str(markupsafe.escape(text))


def _output_html(output: Any) -> str | None:
    """One output as nbconvert's ``basic`` template writes it (no prompts); ``None`` for a kind it does not cover."""
    kind = output.get("output_type")
    if kind == "stream":
        text = _plain(_joined(output.get("text", ""))) if output.get("name") == "stdout" else None
        if text is None:
            return None
        return (
            '\n<div class="output_area">\n\n<div class="output_subarea output_stream output_stdout output_text">\n'
            f"<pre>{text}</pre>\n</div>\n</div>\n"
        )
    if kind not in ("execute_result", "display_data"):
        return None
    data = output.get("data", {})
    mime = next((m for m in _PRIORITY if m in data), None)
    extra = "output_execute_result" if kind == "execute_result" else ""
    if mime == "text/html" and not output.get("metadata", {}).get("text/html", {}).get("isolated"):
        return (
            '\n<div class="output_area">\n\n\n'
            f'<div class="output_html rendered_html output_subarea {extra}">{_joined(data["text/html"])}</div>\n\n</div>\n'
        )
    if mime == "text/plain":
        text = _plain(_joined(data["text/plain"]))
        if text is None:
            return None
        return (
            '\n<div class="output_area">\n\n\n\n'
            f'<div class="output_text output_subarea {extra}">\n<pre>{text}</pre>\n</div>\n\n</div>\n'
        )
    return None


def render_outputs(nb: Any) -> str | None:
    """The page body of an executed notebook: its code cells' outputs, no code, no prompts, and no cell tagged
    ``remove_cell``, byte for byte as nbconvert's ``basic`` template writes them (see :func:`make_exporter`).

    Reports show HTML (and perhaps printed text), so this covers code cells whose outputs are HTML, plain
    text or standard output.  For anything else (an image output, a widget, markdown, a raw cell, ANSI
    colours...) it returns ``None`` and :func:`render_page` asks nbconvert.  Keeping nbconvert off the
    common path saves its import (about 0.7 s on the serial part of every build) and about 0.02 s per report.
    """
    import html as _html

    parts = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "remove_cell" in tags:
            continue
        if cell.get("cell_type") != "code":
            return None
        anchor = f'id="{_html.escape("cell-id=" + cell["id"])}"' if cell.get("id") else ""
        classes = "".join(_html.escape(" celltag_" + str(tag)) for tag in tags)
        parts.append(f'<div {anchor} class="cell border-box-sizing code_cell rendered{classes}">\n')
        if cell.get("outputs"):
            outputs = [_output_html(o) for o in cell["outputs"]]
            if any(o is None for o in outputs):
                return None
            parts.append('\n<div class="output_wrapper">\n<div class="output">\n' + "".join(outputs) + "\n</div>\n</div>\n")  # type: ignore[arg-type]
        parts.append("\n</div>\n")
    if parts:
        parts.append("\n\n")
    return _IMG_WITHOUT_ALT.sub(f'<img alt="{MISSING_ALT}"', "".join(parts))


def render_page(nb: Any, job: Job, context: PageContext) -> str:
    """The report page: the notebook's outputs (no code, no stderr) in a self-contained page with its footer."""
    from migresearch import i18n
    from migresearch.present import page

    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        elif cell.cell_type == "markdown":
            cell.metadata.setdefault("tags", [])
            if "remove_cell" not in cell.metadata["tags"]:
                cell.metadata["tags"].append("remove_cell")  # prose cells document the notebook; reports are all labels
    body = render_outputs(nb)
    if body is None:  # an output kind reports do not make: nbconvert renders the page
        if not _EXPORTER:
            _EXPORTER.append(make_exporter())
        body, _ = _EXPORTER[0].from_notebook_node(nb)
    lang = job.lang
    params = ", ".join(f"{k}={v}" for k, v in sorted(job.params.items()))
    title = i18n.t(job.spec.title_key, lang)
    framework = job.params.get("framework")
    if framework is not None:
        from migresearch import paths
        from migresearch.build.index import framework_names

        pair = framework_names(paths.data_dir()).get(str(framework))
        title = f"{pair[1] if lang == 'es' else pair[0]} · {title}" if pair else title
    from migresearch import paths as _paths
    from migresearch.build.index import data_date as _data_date
    from migresearch.reports import LANGS

    as_of = _data_date(_paths.data_dir())
    foot = page.footer(
        lang,
        context.package_version,
        context.data_version,
        params,
        context.build_stamp,
        i18n.date(as_of, "day", lang) if as_of else "",
    )
    return page.report_page(body, lang, title, foot, page.nav(lang, job.relpath, LANGS))


# --- running jobs ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    """What happened to one job."""

    job: Job
    status: str  # ok | failed | timeout | died
    seconds: float
    html: Path | None = None
    notebook: Path | None = None
    message: str = ""
    #: The tables the report read (:func:`observe_reads`), sorted; ``None`` when unknown (the process died).
    tables: list[str] | None = None


#: Modules a report imports on its first cell or page if the parent has not: IPython's logger and debugger
#: (on the first cell), Babel's list formatting, pandas' reshaping (pivots), the page's data date.
_ALSO_IMPORTED = ("IPython.core.logger", "bdb", "babel.lists", "pandas.core.reshape.reshape", "migresearch.build.index")


def _import_report_modules() -> None:
    """Import every module a report uses, so no report imports one in its own process: every query and report
    module (the packages import theirs lazily) and :data:`_ALSO_IMPORTED`.  Importing reads no data."""
    import importlib
    import pkgutil

    from migresearch import query, reports

    for package in (query, reports):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    for name in _ALSO_IMPORTED:
        importlib.import_module(name)


def warm_up(data_dir: Path | None = None) -> None:
    """Import and prepare everything once in the parent, so each forked report starts warm and clean.

    Only caches that hold no data, or that record their reads on every call, are filled here: a cache
    filled in the parent is a hit in every report, and a hit must still be recorded as a read (see
    :func:`observe_reads`; ``present.names`` notes the key reads of its cached id map each time).
    """
    os.environ.setdefault("MPLBACKEND", "Agg")
    _keep_freed_memory()
    # jsonschema (imported by nbformat) builds the grammar of its optional IRI format check at import when
    # rfc3987_syntax is installed (~1 s, on the serial part of every build); notebook validation never checks
    # formats, so the parent and its reports go without it (an import of it raises ImportError, which
    # jsonschema expects).
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot
    import nbformat
    import nbformat.v4
    import papermill  # noqa: F401

    if "rfc3987_syntax" in sys.modules and sys.modules["rfc3987_syntax"] is None:
        del sys.modules["rfc3987_syntax"]  # imported, without it; a report that wants it may import it

    import migresearch
    from migresearch.present import charts, maps

    _import_report_modules()

    maps._geometry()  # the vendored outlines, parsed once for every forked report
    maps.prime()  # and the bounding box of each of their polygons (geometry only: no data is read)

    register_engine()
    _shell()
    import PIL.Image

    PIL.Image.preinit()  # Pillow's common image plugins, imported on the first PNG a report saves
    # nbconvert is not imported here: report pages are rendered by render_outputs, and a report whose
    # outputs need nbconvert imports it in its own process
    from migresearch.present import page

    page.environment().get_template("page.html.j2")  # the page template, compiled once for every report
    # nbformat compiles its notebook schema into a validator on first use (0.05 to 0.1 s): done here once,
    # not in every report (each reads its notebook, and papermill writes it, through that validator)
    nbformat.reads(nbformat.writes(nbformat.v4.new_notebook()), as_version=4)
    import datetime as dt

    from migresearch import i18n

    for lang in i18n.LANGS:  # Babel locale data, loaded once
        i18n.date(dt.date(2000, 1, 1), "day", lang), i18n.number(1.5, lang)
    # matplotlib's font lookups (cached per size and weight), at the sizes of the two renderings charts use
    for kind in ("desktop", "phone"):
        token = charts._KIND.set(kind)
        try:
            with charts._chart_context():
                fig, ax = matplotlib.pyplot.subplots(figsize=(2, 1))
                ax.plot([0, 1], [0, 1], label="Aá")
                ax.set_title("Aá")
                ax.set_xlabel("Aá")
                for size in (charts.LABEL_PT, 8, 9):
                    fig.text(0, 0, "Aá", fontsize=size)
                ax.legend()
                fig.canvas.draw()
                matplotlib.pyplot.close(fig)
        finally:
            charts._KIND.reset(token)
    from migresearch.validation import DataValidationError, validate

    validate(data_dir)  # every table parsed once: each load below reuses its parse (it validated clean)
    for name in migresearch.list_datasets():
        try:
            migresearch.load(name, data_dir)
        except DataValidationError:
            pass  # each report will fail at its own load cell, naming the data error
    from migresearch.present import names

    with contextlib.suppress(DataValidationError):
        names.prime()  # which table each record id belongs to: asked by every English page that shows a note
    import gc

    gc.freeze()  # what the parent holds is never collected in a report: fewer copy-on-write page copies


#: glibc's ``mallopt`` parameters (``malloc.h``) and the values the build sets in its parent (see below).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MALLOC_SETTINGS = ((_M_MMAP_THRESHOLD, 256 << 20), (_M_TRIM_THRESHOLD, 1 << 30))


def _keep_freed_memory() -> None:
    """Tell glibc's allocator, in this build process (and so in every report forked from it), to serve
    allocations below 256 MiB from its heap and to keep freed memory instead of returning it to the system.

    A report is a fresh process: every page it writes costs a page fault, and an array that malloc maps
    on its own (above its adaptive threshold: chart canvases, PNG buffers) is faulted in again each
    time it is made, then unmapped.  Kept in the heap, freed memory is reused.  Measured on 16 reports:
    12 % fewer page faults and a few per cent less CPU.  Nothing else changes: the reports end with their
    process.  Skipped where the C library is not glibc (no ``mallopt``)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    for param, value in _MALLOC_SETTINGS:
        mallopt(param, value)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this (forked) process end when ``parent`` does, so a killed build leaves no report running.

    Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` through ctypes; elsewhere, a daemon thread that
    watches ``getppid()``.  Either way, a parent that died before this call is noticed at once.
    """
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if not armed:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(70)

        threading.Thread(target=watch, daemon=True, name="die-with-parent").start()
    if os.getppid() != parent:
        os._exit(70)


def observe_reads(data_dir: Path) -> None:
    """Make every table this (report) process reads reach the set :func:`migresearch._api.record_reads` returns;
    called once in each report process, which then starts a new set for each report it runs.

    Three ways in, so no read is missed whatever path it takes (the data is already parsed and cached
    by :func:`warm_up`, so a read is usually a cache hit that opens no file):

    - :func:`migresearch.load` notes its table (every query goes through it);
    - :func:`migresearch.validation.validate` called directly notes the tables it is asked for;
    - any file of ``data_dir`` opened directly (``csv`` readers such as the page footer's data date, or the
      title's framework names) notes its table, through an audit hook on ``open`` (a hook cannot be removed,
      hence once a process).

    A table only *validated* as the target of a foreign key is not a read: the build validates the whole
    snapshot before any report runs, and the frame :func:`~migresearch.load` returns is made from its own
    file alone.
    """
    from migresearch import _api, validation
    from migresearch.datasets import compiled

    by_file = {compiled.file(name): name for name in compiled.names()}
    folder = os.path.realpath(data_dir)
    validate = validation.validate

    def recording_validate(data_dir: Any = None, names: Any = None) -> Any:
        names = list(names) if names is not None else None
        for name in names if names is not None else compiled.names():
            _api.note_read(name)  # (not inside _api.keys_of, which records the keys only)
        return validate(data_dir, names)

    validation.validate = recording_validate  # this process only: it ends with its reports

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and _api._READS is not None and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            name = by_file.get(os.path.basename(path))
            if name is not None and os.path.realpath(os.path.dirname(os.path.abspath(path))) == folder:
                _api._READS.add(name)

    sys.addaudithook(hook)


def _job_paths(job: Job, staging: Path) -> tuple[Path, Path, Path]:
    """Where a job's notebook, HTML and result file go in the staging folder (each checked to stay inside it)."""
    return (
        paths.inside(staging, f"notebooks/{job.lang}/{job.slug}.ipynb"),
        paths.inside(staging, f"html/{job.relpath}"),
        paths.inside(staging, f"results/{job.lang}-{job.slug}.json"),
    )


#: Exit codes of a report process that could not even write its result file (reported by :func:`_collect`).
EXIT_WRITE, EXIT_CRASH = 74, 70


def _worker(
    conn: Any,
    jobs: Sequence[Job],
    notebooks: Path,
    staging: Path,
    timeout: float,
    context: PageContext,
    parent: int | None,
    close_fds: Sequence[int],
    per_process: int,
) -> None:
    """A report process: run the jobs the build sends (their indexes in ``jobs``), one at a time, up to
    ``per_process`` of them; after each, put the process back as it was forked (:class:`~migresearch.build.reuse.Pristine`)
    and say whether it takes another.  Whatever escapes becomes an exit code, never a traceback on the build's stderr."""
    try:
        if parent is not None:
            die_with_parent(parent)
        for fd in close_fds:  # the build's lock (held by the build, never by a report) and other workers' pipes
            with contextlib.suppress(OSError):
                os.close(fd)
        import logging

        from migresearch.build.reuse import Pristine

        logging.getLogger("papermill").setLevel(logging.ERROR)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        observe_reads(paths.data_dir())
        pristine = Pristine(_shell()) if per_process > 1 else None
        for done in range(1, per_process + 1):
            index = conn.recv()
            if index is None:
                break
            job = jobs[index]
            ok = _report(job, notebooks / job.spec.notebook, staging, timeout, context)
            if pristine is None:
                left = ["one report a process"]
            else:
                left = pristine.restore() if ok else ["the report did not succeed"]
            last = bool(left) or done == per_process
            conn.send((index, last))
            if last:
                break
    except OSError:
        os._exit(EXIT_WRITE)
    except BaseException:
        os._exit(EXIT_CRASH)


def execute(nb: Any, source: Path, output: Path, timeout: float | None) -> Any:
    """Run a parameterised notebook that is already in memory through papermill, with this module's engine,
    and write the executed notebook to ``output``; a cell that raised raises ``PapermillExecutionError``.

    The steps of ``papermill.execute_notebook`` (its metadata, error markers, engine, error check and final
    write), less the read it starts with: handed a notebook object, papermill serialises and re-reads it,
    and records the whole notebook, nested in its own metadata, as its "input path" (which doubled the
    size of every notebook it wrote).  Here the input path is the notebook's file, and there is no round trip.
    """
    from papermill.engines import papermill_engines
    from papermill.execute import prepare_notebook_metadata, raise_for_execution_errors, remove_error_markers
    from papermill.iorw import local_file_io_cwd, write_ipynb
    from papermill.utils import chdir

    with local_file_io_cwd():
        nb = remove_error_markers(prepare_notebook_metadata(nb, str(source), str(output)))
        with chdir(str(source.parent)):
            nb = papermill_engines.execute_notebook_with_engine(
                ENGINE_NAME,
                nb,
                kernel_name=KERNEL_NAME,
                input_path=str(source),
                output_path=None,  # no save after each cell: the notebook is written once, below
                progress_bar=False,
                log_output=False,
                execution_timeout=timeout,
            )
        raise_for_execution_errors(nb, str(output))  # writes the notebook, with its error marked, then raises
        write_ipynb(nb, str(output))
    return nb


def _report(job: Job, notebook: Path, staging: Path, timeout: float, context: PageContext) -> bool:
    """Execute, render, write the result file; whether the report succeeded."""
    import nbformat
    from papermill.exceptions import PapermillExecutionError

    from migresearch import _api
    from migresearch.files import write_bytes, write_text

    started = time.perf_counter()
    nb_path, html_path, result_path = _job_paths(job, staging)
    nb_path.parent.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"status": "failed", "message": ""}
    reads = _api.record_reads()  # this report's reads (observe_reads: how every read reaches it)
    try:
        raw = notebook.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            raise ValueError(f"{notebook.name}: UTF-8 byte order mark (BOM) at start of file; save it as UTF-8 without BOM")
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
        inject_parameters(nb, job.params)
        executed = execute(nb, notebook, nb_path, timeout)
        page = render_page(executed, job, context)
        write_text(html_path, page)
        result = {"status": "ok", "message": "", "html": str(html_path)}
    except PapermillExecutionError as exc:
        status = "timeout" if exc.ename == "CellTimeout" else "failed"
        first_line = str(exc.evalue).strip()
        result = {
            "status": status,
            "message": f"cell {exc.cell_index} (execution count {exc.exec_count}) raised {exc.ename}: {first_line}",
        }
    except Exception as exc:
        result = {"status": "failed", "message": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    result["notebook"] = str(nb_path)
    result["tables"] = sorted(reads)
    result["seconds"] = round(time.perf_counter() - started, 3)
    write_bytes(result_path, json.dumps(result).encode("utf-8"), durable=False)  # read once, then discarded
    return result["status"] == "ok"


@dataclasses.dataclass
class _Process:
    """A report process, seen from the build: its pipe, and the job it runs (``None``: it waits for one)."""

    proc: Any
    conn: Any
    job: Job | None = None
    started: float = 0.0
    deadline: float = 0.0


def run(
    jobs: Sequence[Job],
    notebooks: Path,
    staging: Path,
    n_jobs: int,
    timeout: float,
    context: PageContext,
    on_done: Callable[[Result], None] | None = None,
    hard_deadline: Callable[[Job], float] | None = None,
    close_fds: Sequence[int] = (),
    per_process: int = REPORTS_PER_PROCESS,
) -> list[Result]:
    """Run ``jobs`` in up to ``n_jobs`` report processes forked from this (warm) process; collect every outcome.

    Each process runs up to ``per_process`` jobs, one at a time, in the order given, each handed to the first
    process free (see :func:`_worker`); one that ends (its count reached, its state not put back, a report
    failed, a hard deadline passed, a crash) is replaced by a fresh fork.  Each closes ``close_fds`` (the
    build's lock) and dies with this process.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    order = {id(job): i for i, job in enumerate(jobs)}
    pending = list(jobs)
    procs: list[_Process] = []
    results: list[Result] = []

    def finish(p: _Process, result: Result) -> None:
        p.job = None
        results.append(result)
        if on_done:
            on_done(result)

    def retire(p: _Process) -> None:
        p.conn.close()
        p.proc.join()
        procs.remove(p)

    while pending or any(p.job is not None for p in procs):
        idle = [p for p in procs if p.job is None]
        while pending and len(procs) < max(1, n_jobs) and len(idle) < len(pending):
            mine, theirs = ctx.Pipe()
            others = [mine.fileno(), *(q.conn.fileno() for q in procs)]
            proc = ctx.Process(
                target=_worker,
                args=(
                    theirs,
                    jobs,
                    notebooks,
                    staging,
                    timeout,
                    context,
                    os.getpid(),
                    (*close_fds, *others),
                    max(1, per_process),
                ),
                daemon=True,
            )
            proc.start()
            theirs.close()
            procs.append(_Process(proc, mine))
            idle.append(procs[-1])
        for p in idle:
            if not pending:
                break
            p.job = pending.pop(0)
            p.started = time.monotonic()
            # SIGALRM stops a cell stuck in Python; this kill stops one stuck in C (50 cells' worth of time)
            p.deadline = p.started + (hard_deadline(p.job) if hard_deadline else timeout * 50 + 30)
            try:
                p.conn.send(order[id(p.job)])
            except OSError:
                pass  # it died waiting: seen below as a death while running this job
        busy = [p for p in procs if p.job is not None]
        ready = set(wait([p.conn for p in busy] + [p.proc.sentinel for p in busy], timeout=0.5))
        now = time.monotonic()
        for p in busy:
            job = p.job
            assert job is not None
            if p.conn in ready:
                try:
                    _index, last = p.conn.recv()
                except (EOFError, OSError):
                    pass  # it died: below
                else:
                    finish(p, _collect(job, 0, staging, now - p.started, killed=False))
                    if last:
                        retire(p)
                    continue
            elif p.proc.sentinel not in ready and now < p.deadline:
                continue
            killed = p.proc.sentinel not in ready and now >= p.deadline
            if killed:
                p.proc.kill()
            p.proc.join()
            finish(p, _collect(job, p.proc.exitcode, staging, now - p.started, killed=killed))
            retire(p)
    for p in list(procs):  # idle ones, when the jobs ran out
        with contextlib.suppress(OSError):
            p.conn.send(None)
        retire(p)
    return results


def _collect(job: Job, exitcode: int | None, staging: Path, seconds: float, killed: bool) -> Result:
    nb_path, html, result_path = _job_paths(job, staging)
    try:
        data = json.loads(result_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if killed:
        return Result(job, "timeout", seconds, notebook=nb_path, message="killed after its hard deadline (a cell did not return)")
    if exitcode == EXIT_WRITE:
        return Result(
            job,
            "failed",
            seconds,
            notebook=nb_path,
            message="the report process could not write to the staging folder (disk full or read-only?)",
        )
    if data is None or exitcode != 0:
        how = f"signal {-exitcode}" if exitcode and exitcode < 0 else f"exit code {exitcode}"
        return Result(job, "died", seconds, notebook=nb_path, message=f"the report process died ({how}) before finishing")
    tables = data.get("tables")
    tables = sorted(str(t) for t in tables) if isinstance(tables, list) else None
    if data["status"] != "ok":
        return Result(job, data["status"], seconds, notebook=nb_path, message=data.get("message", ""), tables=tables)
    if not html.is_file():
        return Result(job, "failed", seconds, notebook=nb_path, message="no HTML was produced", tables=tables)
    return Result(job, "ok", seconds, html=html, notebook=nb_path, tables=tables)
