"""The index of reports: ``index.html``, a landing page rewritten from the manifest on every build, no-op included.

Reports are grouped as the report list declares them (analyses, frameworks,
countries), in each language: the report's title (a framework's name for its
profile) is the link text, one sentence says what it holds, a coverage note
warns where a profile has little data, and the data date (not a hash) heads
each language.  Standard library only, apart from Jinja2 and Babel (the
frameworks' names and counts are read with :mod:`csv`), so a build with
nothing to do stays a fraction of a second; the page is drawn by
:mod:`migresearch.present.page`.
"""

from __future__ import annotations

import csv
import dataclasses
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from migresearch import __version__
from migresearch.reports import LANGS, REPORTS, ReportSpec

GROUPS: tuple[str, ...] = ("analyses", "frameworks", "countries")


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError:
        return []


def framework_names(data_dir: Path) -> dict[str, tuple[str, str]]:
    """English and Spanish names of the frameworks, read with :mod:`csv` (no pandas on the no-op path)."""
    try:
        return {r["framework_id"]: (r["name_en"], r["name_es"]) for r in _rows(data_dir / "frameworks.csv")}
    except KeyError:
        return {}


def country_names(data_dir: Path) -> dict[str, tuple[str, str]]:
    """English and Spanish names of the countries (the Spanish override where the data gives one), read with :mod:`csv`."""
    try:
        return {r["iso3"]: (r["name_en"], r.get("name_es_override") or r["name_es"]) for r in _rows(data_dir / "countries.csv")}
    except (OSError, KeyError):
        return {}


def coverage(data_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Per framework: how many membership events, meetings and instruments the data records."""
    counts = [
        Counter(r.get("framework_id", "") for r in _rows(data_dir / f))
        for f in ("memberships.csv", "meetings.csv", "instruments.csv")
    ]
    ids = set(framework_names(data_dir))
    return {i: (counts[0][i], counts[1][i], counts[2][i]) for i in ids}


def data_date(data_dir: Path) -> str | None:
    """The data date: the latest access date of any source (ISO), or ``None``."""
    dates = [r.get("accessed_date", "") for r in _rows(data_dir / "sources.csv")]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def _sort_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _coverage_note(counts: tuple[int, int, int] | None, lang: str) -> str:
    from migresearch import i18n

    if counts is None:
        return ""
    members, meetings, instruments = counts
    if not (members or meetings or instruments):
        return i18n.t("coverage.none", lang)
    gaps = [
        key
        for key, n in (
            ("coverage.no_members", members),
            ("coverage.no_meetings", meetings),
            ("coverage.no_instruments", instruments),
        )
        if not n
    ]
    if len(gaps) >= 2:
        return i18n.t("coverage.thin", lang, what="; ".join(i18n.t(g, lang) for g in gaps))
    return ""


def write_index(
    out: Path,
    manifest: dict[str, dict[str, Any]],
    data_hash: str,
    names: dict[str, tuple[str, str]] | None = None,
    data_dir: Path | None = None,
) -> None:
    """``index.html``: every report grouped, in each language, with titles as links (no timings: stable bytes)."""
    from migresearch import i18n, paths
    from migresearch.present.page import IndexGroup, IndexItem, IndexPart, index_page, language_index_page

    data = paths.data_dir(data_dir)
    names = names if names is not None else framework_names(data)
    counts = coverage(data)
    countries = country_names(data)
    as_of = data_date(data)
    specs: dict[str, ReportSpec] = {f"notebooks/{spec.notebook}": spec for spec in REPORTS}
    specs |= {spec.notebook: spec for spec in REPORTS}
    parts = []
    for lang in LANGS:
        groups: dict[str, list[tuple[tuple[Any, ...], IndexItem]]] = {g: [] for g in GROUPS}
        for entry in manifest.values():
            if entry["lang"] != lang:
                continue
            spec = specs.get(entry["notebook"]) or specs.get(Path(entry["notebook"]).name)
            params = {k: v for k, v in entry["parameters"].items() if k != "lang"}
            group = spec.group if spec else "analyses"
            title = i18n.t(spec.title_key, lang) if spec else Path(entry["notebook"]).stem
            framework = params.get("framework")
            note = ""
            if framework is not None:
                pair = names.get(str(framework))
                title = (pair[1] if lang == "es" else pair[0]) if pair else title
                note = _coverage_note(counts.get(str(framework)), lang)
            country = params.get("country")
            if country is not None and str(country) in countries:
                pair = countries[str(country)]
                title = pair[1] if lang == "es" else pair[0]
            ok = (out / entry["path"]).is_file() and (entry["status"] == "ok" or "published" in entry)
            summary = i18n.t(spec.summary_key, lang) if spec and spec.summary_key else ""
            status = "" if entry["status"] == "ok" or (ok and "published" in entry) else i18n.t("index.failed_build", lang)
            item = IndexItem(
                title,
                entry["path"] if ok else None,
                summary if group not in ("frameworks", "countries") else "",
                note,
                status,
                entry["status"],
            )
            order = spec.order if spec else 99
            groups.setdefault(group, []).append(((order, _sort_key(title)), item))
        shown = []
        for g, items in groups.items():
            if items:
                label = i18n.t(f"group.{g}", lang) if f"group.{g}" in i18n.LABELS else g
                blurb = i18n.t(f"group.{g}.summary", lang) if f"group.{g}.summary" in i18n.LABELS else ""
                shown.append(IndexGroup(label, [item for _, item in sorted(items, key=lambda x: x[0])], blurb))
        date_text = i18n.t("index.data_date", lang, date=i18n.date(as_of, "day", lang)) if as_of else ""
        parts.append(IndexPart(lang, i18n.t("index.part", lang), date_text, shown))
    pages = {"index.html": index_page(parts, __version__, data_hash)}
    for part in parts:
        local = [
            IndexGroup(
                g.title, [dataclasses.replace(i, href=i.href.split("/", 1)[1] if i.href else None) for i in g.items], g.summary
            )
            for g in part.groups
        ]
        pages[f"{part.lang}/index.html"] = language_index_page(dataclasses.replace(part, groups=local), __version__, data_hash)
    from migresearch.files import write_text

    for rel, page in pages.items():
        target = out / rel
        try:
            if target.read_text(encoding="utf-8") == page:
                continue
        except OSError:
            pass
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text(target, page)
        except OSError:
            if rel == "index.html":
                raise
            # a language's landing page that cannot be written keeps its previous version; the build's
            # own publishing step reports the folder's problem for the reports themselves


__all__ = ["GROUPS", "country_names", "coverage", "data_date", "framework_names", "write_index"]
