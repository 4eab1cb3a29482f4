"""``migresearch build``: regenerate every declared report in English and Spanish, incrementally and safely.

- :mod:`~migresearch.build.publish`: the flow (lock, plan, hash, run, publish per pair, manifest);
- :mod:`~migresearch.build.engine`: papermill in forked warm workers, one clean process per report;
- :mod:`~migresearch.build.index`: ``index.html`` from the manifest.

Standard library only up to the point where a report must run, so a build
with nothing to do costs a fraction of a second; the engine (papermill,
pandas, matplotlib) is imported only then.
"""

from __future__ import annotations

from migresearch.build.publish import BuildLocked, Outcome, build, run_cli

__all__ = ["BuildLocked", "Outcome", "build", "run_cli"]
