"""``migresearch build``: regenerate every declared report in English and Spanish, incrementally and safely.

- :mod:`~migresearch.build.publish`: the flow (lock, plan, hash, run, publish per pair, manifest);
- :mod:`~migresearch.build.engine`: papermill in forked warm workers, each running up to
  :data:`REPORTS_PER_PROCESS` reports;
- :mod:`~migresearch.build.reuse`: what a worker puts back between two reports, so each starts clean;
- :mod:`~migresearch.build.index`: ``index.html`` from the manifest;
- :mod:`~migresearch.build.noop`: the fast no-op, decided from file hashes before anything else is imported.

Standard library only up to the point where a report must run, so a build
with nothing to do costs a fraction of a second; the engine (papermill,
pandas, matplotlib) is imported only then.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BuildLocked", "Outcome", "build", "run_cli"]

#: Reports one report process runs, one after another, before it ends and the build forks a fresh one
#: (:func:`migresearch.build.engine.run`; :mod:`migresearch.build.reuse` says what is put back between two of
#: them).  ``1``: a fresh process for every report.  Measured side by side on the whole list
#: (bench/README.md): 16 takes a seventh less CPU than 1; past 16 nothing more is saved.  Here, not in the
#: engine, so the command line can name it without importing the engine.
REPORTS_PER_PROCESS = 16


def __getattr__(name: str) -> Any:
    """``build``, ``run_cli``... from :mod:`~migresearch.build.publish`, imported on first use, so the fast no-op
    path (:mod:`migresearch.build.noop`) loads nothing else of this package."""
    if name in __all__:
        from migresearch.build import publish

        return getattr(publish, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
