"""``migresearch build``: regenerate every declared report in English and Spanish, incrementally and safely.

- :mod:`~migresearch.build.publish`: the flow (lock, plan, hash, run, publish per pair, manifest);
- :mod:`~migresearch.build.engine`: papermill in forked warm workers, one clean process per report;
- :mod:`~migresearch.build.index`: ``index.html`` from the manifest;
- :mod:`~migresearch.build.noop`: the fast no-op, decided from file hashes before anything else is imported.

Standard library only up to the point where a report must run, so a build
with nothing to do costs a fraction of a second; the engine (papermill,
pandas, matplotlib) is imported only then.
"""

from __future__ import annotations

from typing import Any

__all__ = ["BuildLocked", "Outcome", "build", "run_cli"]


def __getattr__(name: str) -> Any:
    """``build``, ``run_cli``... from :mod:`~migresearch.build.publish`, imported on first use, so the fast no-op
    path (:mod:`migresearch.build.noop`) loads nothing else of this package."""
    if name in __all__:
        from migresearch.build import publish

        return getattr(publish, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
