"""The HTML pages around the content: a report page (with its footer) and the index of reports.

One place for the page shell, its stylesheet and its Content-Security-Policy,
so every page the build publishes looks and is protected alike.  Standard
library only: the build's no-op path rewrites the index without pandas.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping, Sequence

from migresearch import i18n

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.subtitle{color:#57606a;margin-top:0}table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
table.facts th{width:14rem}.sources,.note{font-size:.8rem;color:#57606a}img{max-width:100%}
footer{margin-top:3rem;border-top:1px solid #d0d7de;padding-top:.6rem;font-size:.8rem;color:#57606a}
.jp-OutputArea-output pre{white-space:pre-wrap}
"""
#: Report pages load nothing: images are inline (data:), styles inline, no script.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
#: The index has no images at all.
INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def footer(lang: str, package_version: str, data_version: str, params: str, build_stamp: str) -> str:
    """What every report states at its foot: package and data versions, parameters, build stamp, how to cite."""
    return (
        f"<footer><p>{html.escape(i18n.t('footer.package', lang))}: migresearch {html.escape(package_version)} · "
        f"{html.escape(i18n.t('footer.data', lang))}: {html.escape(data_version)} · "
        f"{html.escape(i18n.t('footer.parameters', lang))}: {html.escape(params)} · "
        f"{html.escape(i18n.t('footer.built', lang))}: <span class=\"build-stamp\">{html.escape(build_stamp)}</span></p>"
        f"<p>{html.escape(i18n.t('footer.cite', lang))}</p></footer>"
    )


def report_page(body: str, lang: str, title: str, foot: str) -> str:
    """A self-contained report page: ``body`` (already safe markup) and its footer."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n{foot}\n</body>\n</html>\n"
    )


@dataclasses.dataclass(frozen=True)
class IndexCell:
    """One language version of a report in the index: its path, status, and whether it can be linked."""

    path: str
    name: str
    status: str
    linked: bool


@dataclasses.dataclass(frozen=True)
class IndexRow:
    """One report (all its languages) in the index."""

    title: str
    notebook: str
    params: str
    cells: Mapping[str, IndexCell | None]


def index_page(rows: Sequence[IndexRow], langs: Sequence[str], package_version: str, data_version: str) -> str:
    """``index.html``: every report, both languages side by side, with parameters and status (stable bytes)."""
    body = []
    for row in rows:
        cells = []
        for lang in langs:
            c = row.cells.get(lang)
            if c is None:
                cells.append("<td>—</td>")
                continue
            name = html.escape(c.name)
            link = f'<a href="{html.escape(c.path)}">{name}</a>' if c.linked else name
            cells.append(f'<td>{link} <span class="status status-{html.escape(c.status)}">{html.escape(c.status)}</span></td>')
        body.append(f"<tr><td>{html.escape(row.title)}<br><small>{html.escape(row.notebook)}</small></td><td>{html.escape(row.params)}</td>{''.join(cells)}</tr>")
    title = f"{i18n.t('report.index', 'en')} / {i18n.t('report.index', 'es')}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{INDEX_CSP}\">\n"
        f"<title>{html.escape(title)}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}"
        ".status-ok{color:#1a7f37}.status-failed,.status-timeout,.status-died,.status-withheld{color:#cf222e}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>migresearch {html.escape(package_version)} · data {html.escape(data_version[:12])}</p>\n"
        "<table><thead><tr><th>Report / Informe</th><th>Parameters / Parámetros</th><th>English</th><th>Español</th></tr></thead>\n"
        f"<tbody>\n{chr(10).join(body)}\n</tbody></table>\n</body>\n</html>\n"
    )
