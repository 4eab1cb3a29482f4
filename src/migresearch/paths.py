"""Where the data, notebooks and reports live.

The data folder is, in order of preference: an explicit ``data_dir``
argument, the ``MIGRESEARCH_DATA`` environment variable, the ``data/``
folder of a source checkout, and the copy shipped inside the wheel
(``migresearch/data``, read through :mod:`importlib.resources`).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MIGRESEARCH_DATA"
_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE_DIR.parent.parent


def project_root() -> Path | None:
    """The source checkout holding this package, or ``None`` for an installed wheel."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "data").is_dir():
        return _CHECKOUT
    return None


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder the CSV files are read from (absolute)."""
    if override is not None:
        return Path(override).resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).resolve()
    root = project_root()
    if root is not None:
        return root / "data"
    from importlib import resources  # an installed wheel only (10 ms of imports a checkout's no-op build skips)

    return Path(str(resources.files("migresearch") / "data"))


def notebooks_dir() -> Path:
    """The folder of report notebooks: ``notebooks/`` of a checkout, else the copy shipped in the wheel."""
    root = project_root()
    if root is not None:
        return root / "notebooks"
    from importlib import resources

    return Path(str(resources.files("migresearch") / "notebooks"))


def reports_dir() -> Path:
    """The default output folder of ``migresearch build``."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / "reports"


def display_path(path: Path, base: Path) -> str:
    """``data/<file>.csv`` for files in the default data folder, else the path as given."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(base)).parent)
        return rel.as_posix()
    except ValueError:
        return str(path)


def inside(root: str | os.PathLike[str], relpath: str | os.PathLike[str]) -> Path:
    """``root / relpath`` resolved (symlinks followed), refused unless it stays inside ``root``.

    Every path the build writes is made with this, so no value from the data or a parameter
    (an id of ``../`` segments, an absolute path, a symlinked folder) can choose a place outside
    its root.  Raises :class:`~migresearch.errors.UnsafePathError`.

    >>> inside("/tmp/out", "en/a.html").as_posix().endswith("/out/en/a.html")
    True
    >>> inside("/tmp/out", "../../etc/passwd")
    Traceback (most recent call last):
    ...
    migresearch.errors.UnsafePathError: path '../../etc/passwd' leaves its folder /tmp/out
    """
    from migresearch.errors import UnsafePathError

    base = Path(root).resolve()
    rel = Path(relpath)
    target = (base / rel).resolve()
    if rel.is_absolute() or (target != base and base not in target.parents):
        raise UnsafePathError(f"path {str(relpath)!r} leaves its folder {base}")
    return target
