"""The HTML pages around the content: a report page (with its navigation and footer) and the index of reports.

One Jinja2 template (``templates/page.html.j2``, autoescaped; the index
extends it) for every page the build publishes, so every page looks alike and
is protected alike: the Content-Security-Policy allows no script and no request
(images are inline ``data:``), the stylesheet keeps pages readable at 390 px
(wide tables scroll in their own box) and prints cleanly, and ``lang`` is set
on the page and on every element in another language.

Markup built by :mod:`migresearch.present.html` is already escaped and is
passed in as safe; everything else is escaped by the template.  No pandas: the
build's no-op path rewrites the index with this module.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from migresearch import i18n

CSS = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;max-width:66rem;margin:0 auto;padding:.75rem 1rem 2rem;
color:#1b1f24;background:#fff;line-height:1.5;overflow-wrap:break-word}
nav{font-size:.9rem;padding:.3rem 0 .6rem;border-bottom:1px solid #d0d7de}
a{color:#0550ae}
h1{font-size:1.65rem;line-height:1.25;margin:.8rem 0 .2rem}
h2{font-size:1.3rem;line-height:1.3;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
h3{font-size:1.08rem;margin:1.6rem 0 .4rem}
.subtitle{color:#57606a;margin-top:0}
nav.jump{font-size:.85rem;line-height:1.9;border:0;padding:.2rem 0 0;color:#57606a}
tr[id]{scroll-margin-top:.5rem}
.table-box{overflow-x:auto;max-width:100%;margin:.6rem 0}
.table-box:focus-visible{outline:2px solid #0550ae;outline-offset:2px}
table{border-collapse:collapse;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}
table.data td{min-width:5.5rem;max-width:26rem}
table.facts{width:100%;margin:.6rem 0}
table.facts th{width:30%;background:#f6f8fa;font-weight:600}
table.facts td{overflow-wrap:anywhere}
caption{text-align:left;font-weight:600;padding:.2rem 0}
.sources,.note,.inferred-notes{font-size:.8rem;color:#57606a}
.sources-box{max-height:14rem;overflow-y:auto;border-left:3px solid #d0d7de;padding-left:.6rem;margin:.6rem 0}
.sources-box:focus-visible{outline:2px solid #0550ae;outline-offset:2px}
.inferred-notes{list-style:none;padding-left:0;margin:.3rem 0}
.inferred-notes .mark,sup.inferred{color:#8a5a00;font-weight:600}
.gap{color:#6e5500;font-size:.85em;font-style:italic}
.lead{font-size:1.02rem}
figure.chart{margin:1rem 0}
figure.chart figcaption{font-weight:600;margin-bottom:.3rem}
img{max-width:100%;height:auto}
.conflict{margin:1rem 0 1.4rem}
.conflict h3,.conflict h4{margin-bottom:.2rem}
q{font-style:italic}
.claim-note{color:#57606a}
.jp-OutputArea-output pre{white-space:pre-wrap}
footer{margin-top:3rem;border-top:1px solid #d0d7de;padding-top:.6rem;font-size:.8rem;color:#57606a}
.langs{display:grid;grid-template-columns:1fr;gap:0 2.5rem}
@media (min-width:60rem){.langs{grid-template-columns:1fr 1fr}}
ul.reports{padding-left:1.1rem}ul.reports li{margin:.45rem 0}
.summary{color:#3d444d;font-size:.92rem}.coverage{color:#8a5a00;font-size:.85rem}
.status{font-size:.8rem;color:#cf222e}
.data-date{color:#57606a}
@media (max-width:40rem){
 body{padding:.5rem .75rem 1.5rem}
 h1{font-size:1.4rem}
 .sources-box{max-height:10rem}
 table.facts th,table.facts td{display:block;width:100%;border-bottom:0}
 table.facts tr:last-child td{border-bottom:1px solid #d0d7de}
 table.data,table.data tbody,table.data tr,table.data td{display:block;width:100%}
 table.data caption{display:block}
 table.data thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
 table.data tr{border:1px solid #d0d7de;border-radius:4px;margin:.5rem 0;padding:.3rem .5rem}
 table.data td{border:0;padding:.12rem 0;min-width:0;max-width:none}
 table.data td::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}
 table.data td:empty{display:none}
}
@media print{
 body{max-width:none;padding:0;font-size:10pt;color:#000}
 nav,.jump{display:none}
 a{color:#000;text-decoration:none}
 .sources a[href^="http"]::after,.conflict a[href^="http"]::after{content:" <" attr(href) ">";font-size:.9em;word-break:break-all}
 .table-box,.sources-box{overflow:visible;max-height:none}
 table.data td{max-width:none}
 h2,h3{break-after:avoid}
 tr,figure,img{break-inside:avoid}
 .langs{display:block}
}
"""
#: Report pages load nothing: images are inline (data:), styles inline, no script.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
#: The index has no images at all.
INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> Any:
    """The Jinja2 environment of the page templates (autoescape on for every template)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        trim_blocks=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclasses.dataclass(frozen=True)
class Link:
    """A navigation link (``lang`` when its text is in another language than the page)."""

    href: str
    text: str
    lang: str | None = None


@dataclasses.dataclass(frozen=True)
class Nav:
    """The links above a report: back to the index, and the same report in the other languages."""

    label: str
    links: Sequence[Link]


@dataclasses.dataclass(frozen=True)
class Footer:
    """What every report states at its foot: data date, versions, parameters, build stamp, how to cite."""

    lang: str
    package_version: str
    data_version: str
    parameters: str
    build_stamp: str
    data_date: str = ""

    def __getattr__(self, name: str) -> str:
        keys = {
            "data_label": "footer.data",
            "package_label": "footer.package",
            "built_label": "footer.built",
            "parameters_label": "footer.parameters",
            "cite": "footer.cite",
            "data_date_label": "footer.data_date",
        }
        if name in keys:
            return i18n.t(keys[name], self.lang)
        raise AttributeError(name)


def footer(lang: str, package_version: str, data_version: str, params: str, build_stamp: str, data_date: str = "") -> Footer:
    """The footer of a report page."""
    return Footer(lang, package_version, data_version, params, build_stamp, data_date)


def nav(lang: str, relpath: str, langs: Sequence[str]) -> Nav:
    """Links from the report at ``relpath`` (``es/x.html``) to its language's index and to its other language versions."""
    name = relpath.split("/", 1)[1]
    links = [Link("index.html", i18n.t("nav.index", lang))]
    links += [Link(f"../{other}/{name}", i18n.t("nav.lang_name", other), other) for other in langs if other != lang]
    return Nav(i18n.t("nav.label", lang), links)


def report_page(body: str, lang: str, title: str, foot: Footer | None, navigation: Nav | None = None) -> str:
    """A self-contained report page: ``body`` (already safe markup), its navigation and footer."""
    i18n.check_lang(lang)
    return str(
        environment()
        .get_template("page.html.j2")
        .render(lang=lang, csp=CSP, css=CSS, title=title, body=body, nav=navigation, footer=foot)
    )


@dataclasses.dataclass(frozen=True)
class IndexItem:
    """One report in one language on the index: title (the link text), link, a sentence, a coverage note, status."""

    title: str
    href: str | None
    summary: str = ""
    coverage: str = ""
    status: str = ""
    status_class: str = ""


@dataclasses.dataclass(frozen=True)
class IndexGroup:
    """A group of reports on the index (analyses, frameworks, countries) in one language."""

    title: str
    items: Sequence[IndexItem]
    summary: str = ""


@dataclasses.dataclass(frozen=True)
class IndexPart:
    """The index in one language."""

    lang: str
    heading: str
    data_date: str
    groups: Sequence[IndexGroup]


def index_page(parts: Sequence[IndexPart], package_version: str, data_version: str) -> str:
    """``index.html``: a landing page with every report grouped, in each language (stable bytes)."""
    both = {lang: lang for lang in i18n.LANGS}
    texts: Mapping[str, Mapping[str, str]] = {
        key: {lang: i18n.t(f"index.{key}", lang) for lang in both} for key in ("heading", "intro", "jump", "data_label")
    }
    title = f"{texts['heading']['en']} / {texts['heading']['es']}"
    return str(
        environment()
        .get_template("index.html.j2")
        .render(
            lang="en",
            csp=INDEX_CSP,
            css=CSS,
            title=title,
            body="",
            nav=None,
            footer=None,
            parts=parts,
            package_version=package_version,
            data_version=data_version[:12],
            **texts,
        )
    )


def language_index_page(part: IndexPart, package_version: str, data_version: str) -> str:
    """``<lang>/index.html``: the landing page in one language (links relative to that folder)."""
    lang = i18n.check_lang(part.lang)
    others = [Link(f"../{o}/index.html", i18n.t("nav.lang_name", o), o) for o in i18n.LANGS if o != lang]
    navigation = Nav(i18n.t("nav.label", lang), [Link("../index.html", i18n.t("nav.bilingual", lang)), *others])
    return str(
        environment()
        .get_template("index-lang.html.j2")
        .render(
            lang=lang,
            csp=INDEX_CSP,
            css=CSS,
            title=i18n.t("index.heading", lang),
            body="",
            nav=navigation,
            footer=None,
            parts=[part],
            heading=i18n.t("index.heading", lang),
            intro=i18n.t("index.intro", lang),
            data_label=i18n.t("index.data_label", lang),
            package_version=package_version,
            data_version=data_version[:12],
        )
    )
