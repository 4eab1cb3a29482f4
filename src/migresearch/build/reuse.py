"""The state a report process starts from, put back after each report so the next one starts from it too.

A report process is a ``fork`` of the warm build process (:mod:`migresearch.build.engine`).  Forking
costs little, but a fresh process pays again for every page of the parent's memory it writes to: about
13,000 copy-on-write page copies a report (measured on the 2-core machines here: a seventh of the
build's CPU).  So a report process runs several reports, one after another, and between two of them
:meth:`Pristine.restore` puts back everything a report can change that the next one could see:

- the IPython shell: its namespace, history and execution count (each report numbers its cells from 1);
- matplotlib: open figures closed, ``rcParams`` as they were;
- pandas options, NumPy's error and print settings, both random generators' states;
- ``os.environ``, the locale, the working folder, ``sys.path``, ``sys.argv``, the standard streams, the warning
  filters, the recursion limit and the signal handlers;
- every ``migresearch`` module's globals: a name rebound or added is put back or removed, and a dict,
  list or set held by a module gets its items back (``i18n.LABELS["sources"] = ...`` is undone);
- every ``functools`` cache in a ``migresearch`` module that was empty at the fork is emptied, so a
  cached function reads its table again, and the read is recorded, in the next report too.

What cannot be put back is checked instead, and then the process ends after this report and the next
one runs in a fresh fork: a module imported by the report (its import may have registered anything),
a cache that was filled in the parent and grew, a thread left running, a shell namespace that did not come back, a report that
failed.  Deeper changes (an attribute of an object a module holds, an item inside a dict inside a
module's dict) are neither restored nor seen; ``migresearch build --reports-per-process 1`` runs each
report in a fresh process; the tests build real reports of six kinds both ways and compare every byte and
every recorded read, and ``bench/compare_builds.py`` does the same for the whole list (identical on
2 Dec 2026: 131 pages, 282 images, the reads of 128 reports).
"""

from __future__ import annotations

import builtins
import locale
import os
import random
import signal
import sys
import threading
import warnings
from typing import Any

__all__ = ["Pristine"]

#: Signals a report could handle differently (SIGALRM: each cell's time limit).
_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGALRM", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGCHLD", "SIGPIPE")
    if hasattr(signal, name)
)

_CONTAINERS = (dict, list, set)


def _our_modules() -> list[tuple[str, Any]]:
    return [(name, mod) for name, mod in list(sys.modules.items()) if mod is not None and name.split(".")[0] == "migresearch"]


def _copy(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else set(value)


def _same(value: Any, kept: Any) -> bool:
    """Whether a container holds the same items (by identity) as its copy ``kept``."""
    if len(value) != len(kept):
        return False
    if isinstance(value, dict):
        return all(k in value and value[k] is v for k, v in kept.items())
    if isinstance(value, list):
        return all(a is b for a, b in zip(value, kept, strict=True))
    return value == kept


def _pandas_options() -> dict[str, Any]:
    import pandas as pd
    from pandas._config import config

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated options warn when read
        return {key: pd.get_option(key) for key in sorted(config._registered_options)}


class Pristine:
    """What this process looks like now (just forked, before its first report); see the module docstring."""

    def __init__(self, shell: Any) -> None:
        import matplotlib
        import numpy as np

        self.shell = shell
        self.count = shell.execution_count
        self.names = set(shell.user_ns)
        self.rc = dict(matplotlib.rcParams)
        self.pandas = _pandas_options()
        self.numpy = (np.geterr(), np.get_printoptions(), np.random.get_state())
        self.random = random.getstate()
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.path, self.argv = list(sys.path), list(sys.argv)
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        self.filters = list(warnings.filters)
        self.recursion = sys.getrecursionlimit()
        self.handlers = {sig: signal.getsignal(sig) for sig in _SIGNALS}
        self.builtins = dict(vars(builtins))
        self.locale = locale.setlocale(locale.LC_ALL)
        self.threads = threading.active_count()
        self.modules = set(sys.modules)
        self.globals: dict[str, dict[str, Any]] = {}
        self.contents: dict[tuple[str, str], Any] = {}
        self.caches: dict[tuple[str, str], int] = {}
        for name, mod in _our_modules():
            space = vars(mod)
            self.globals[name] = dict(space)
            for key, value in space.items():
                if type(value) in _CONTAINERS:
                    self.contents[name, key] = _copy(value)
                elif callable(getattr(value, "cache_info", None)) and callable(getattr(value, "cache_clear", None)):
                    self.caches[name, key] = value.cache_info().currsize

    def restore(self) -> list[str]:
        """Put back what a report changed; return what could not be put back (empty: the next report may run here)."""
        import matplotlib
        import matplotlib.pyplot as plt
        import numpy as np

        left: list[str] = []
        plt.close("all")
        if dict(matplotlib.rcParams) != self.rc:
            dict.clear(matplotlib.rcParams)
            dict.update(matplotlib.rcParams, self.rc)  # the values were validated when they were first set
        current = _pandas_options()
        if current != self.pandas:
            import pandas as pd

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for key, value in self.pandas.items():
                    if current.get(key) != value:
                        pd.set_option(key, value)
        err, printing, state = self.numpy
        np.seterr(**err)
        np.set_printoptions(**printing)
        np.random.set_state(state)
        random.setstate(self.random)
        if dict(os.environ) != self.environ:
            for key in set(os.environ) - set(self.environ):
                del os.environ[key]
            for key, value in self.environ.items():
                if os.environ.get(key) != value:
                    os.environ[key] = value
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        sys.path[:], sys.argv[:] = self.path, self.argv
        sys.stdin, sys.stdout, sys.stderr = self.streams
        warnings.filters[:] = self.filters  # type: ignore[index]
        warnings._filters_mutated()  # type: ignore[attr-defined]
        sys.setrecursionlimit(self.recursion)
        for sig, handler in self.handlers.items():
            if signal.getsignal(sig) is not handler and handler is not None:
                signal.signal(sig, handler)
        space = vars(builtins)
        if space.keys() != self.builtins.keys() or any(space[k] is not v for k, v in self.builtins.items()):
            for key in set(space) - set(self.builtins):
                del space[key]
            space.update(self.builtins)
        if locale.setlocale(locale.LC_ALL) != self.locale:
            locale.setlocale(locale.LC_ALL, self.locale)
        self._restore_modules(left)
        if threading.active_count() != self.threads:
            left.append("a thread was left running")
        new = sorted(set(sys.modules) - self.modules)
        if new:
            left.append(f"imported {', '.join(new[:5])}" + (" ..." if len(new) > 5 else ""))
        shell = self.shell
        shell.reset(new_session=False)  # namespace, history and output cache
        shell.execution_count = self.count
        if set(shell.user_ns) != self.names:
            left.append("the shell's namespace did not come back")
        return left

    def _restore_modules(self, left: list[str]) -> None:
        for name, mod in _our_modules():
            kept = self.globals.get(name)
            if kept is None:
                continue  # imported by the report: reported with the other new modules
            space = vars(mod)
            for key in set(space) - set(kept):
                del space[key]
            for key, value in kept.items():
                if space.get(key) is not value:
                    space[key] = value
        for (name, key), items in self.contents.items():
            value = self.globals[name][key]
            if not _same(value, items):
                value.clear()
                value.update(items) if not isinstance(value, list) else value.extend(items)
        for (name, key), size in self.caches.items():
            cached = self.globals[name][key]
            now = cached.cache_info().currsize
            if now == size:
                continue
            if size == 0:
                cached.cache_clear()  # filled by this report: the next fills it again, and records its reads
            else:
                left.append(f"the cache {name}.{key} (filled before the fork) grew")
