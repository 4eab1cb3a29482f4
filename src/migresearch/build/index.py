"""The index of reports: ``index.html``, rewritten from the manifest on every build, no-op included.

Standard library only (the frameworks' names are read with :mod:`csv`), so a
build with nothing to do stays a fraction of a second; the page itself is
drawn by :mod:`migresearch.present.page`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from migresearch import __version__
from migresearch.reports import LANGS, REPORTS


def framework_names(data_dir: Path) -> dict[str, tuple[str, str]]:
    """English and Spanish names of the frameworks, read with :mod:`csv` (no pandas on the no-op path)."""
    import csv

    try:
        with (data_dir / "frameworks.csv").open(encoding="utf-8", newline="") as fh:
            return {r["framework_id"]: (r["name_en"], r["name_es"]) for r in csv.DictReader(fh)}
    except (OSError, KeyError):
        return {}


def write_index(
    out: Path, manifest: dict[str, dict[str, Any]], data_hash: str, names: dict[str, tuple[str, str]] | None = None
) -> None:
    """``index.html``: every report, both languages side by side, with parameters and status (no timings: stable bytes)."""
    from migresearch import i18n
    from migresearch.present.page import IndexCell, IndexRow, index_page

    titles = {spec.notebook: spec.title_key for spec in REPORTS}
    names = names or {}

    rows: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for entry in manifest.values():
        params = {k: v for k, v in entry["parameters"].items() if k != "lang"}
        key = (entry["notebook"], json.dumps(params, sort_keys=True))
        rows.setdefault(key, {})[entry["lang"]] = entry
    lines = []
    for (notebook, params_json), langs in sorted(rows.items()):
        cells: dict[str, IndexCell | None] = {}
        for lang in LANGS:
            e = langs.get(lang)
            if e is None:
                cells[lang] = None
                continue
            ok = (out / e["path"]).is_file() and (e["status"] == "ok" or "published" in e)
            cells[lang] = IndexCell(e["path"], Path(e["path"]).name, e["status"], ok)
        values = json.loads(params_json)
        p = ", ".join(f"{k}={v}" for k, v in values.items())
        title_key = titles.get(Path(notebook).name)
        title = " / ".join(dict.fromkeys(i18n.t(title_key, lang) for lang in LANGS)) if title_key else Path(notebook).stem
        name = names.get(str(values.get("framework", "")))
        if name:
            title += ": " + " / ".join(dict.fromkeys(name))
        lines.append(IndexRow(title, notebook, p, cells))
    page = index_page(lines, LANGS, __version__, data_hash)
    target = out / "index.html"
    try:
        if target.read_text(encoding="utf-8") == page:
            return
    except OSError:
        pass
    from migresearch.files import write_text

    write_text(target, page)
