"""What a reader sees on a built page, and what must never be there.

:func:`scan` extracts the visible text of a page (headings, tables,
paragraphs, chart alt text), leaving out the citation lines (``p.sources``),
the footer, the page title and any text explicitly marked with another
language (a source's title or quote; data text the page declares English
only), and reports each developer artefact it finds: a country code without
its name, a snake_case identifier or a record id, an ISO date, a raw
``None``/``nan``/``<NA>``, a wrong plural, or an English word on a Spanish page.

Run it on a folder of built pages to count: ``python -m tests.visible_text reports/``.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

#: Reviewed exceptions: proper names and acronyms that look like a rule's target but are not.
#: - "CAN": the Andean Community's own acronym (Comunidad Andina), not Canada's code.
ALLOWED_CODES = frozenset({"CAN"})
#: English words that are proper names kept in their original language on Spanish pages (reviewed).
#: - "Rio de Janeiro": the city's own (Portuguese) name; no stored source gives the Spanish "Río de Janeiro" yet.
ALLOWED_ENGLISH: frozenset[str] = frozenset({"Rio de Janeiro"})

ENGLISH = re.compile(
    r"\b(the|and|of|with|for|from|between|which|by|was|were|has|have|this|that|is|are|signed|meeting|meetings|"
    r"summit|summits|launch|round|hlm|review|secretariat|agreement|declaration|conference|presidency|first|second|"
    r"third|Brussels|Vienna|Geneva|New York|Rio de Janeiro|\d+(?:st|nd|rd|th))\b"
)
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
RAW = re.compile(r"(?<![\w<])(None(?! recorded)|nan|NaN|NaT)(?!\w)|<NA>")
PLURAL = re.compile(
    r"(?<![\d.,])1 (parties|members|meetings|disagreements|sources|reports|countries|frameworks|instruments|"
    r"partes|miembros|reuniones|discrepancias|fuentes|informes|países|marcos|instrumentos)\b"
)


@dataclasses.dataclass(frozen=True)
class Finding:
    rule: str
    text: str
    context: str


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, str | None, bool]] = []
        self.page_lang: str | None = None

    def _hidden(self) -> bool:
        if any(skip for _, _, skip in self.stack):
            return True
        langs = [lang for _, lang, _ in self.stack if lang]
        return bool(langs) and self.page_lang is not None and langs[-1] != self.page_lang

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # type: ignore[override]
        a = dict(attrs)
        if tag == "img" and a.get("alt") and not self._hidden():
            self.parts.append(str(a["alt"]))
        if tag in VOID:
            return
        if tag == "html":
            self.page_lang = a.get("lang")
        skip = tag in ("style", "title", "script", "footer", "head") or "sources" in (a.get("class") or "").split()
        self.stack.append((tag, a.get("lang"), skip))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._hidden():
            self.parts.append(data)


def visible_text(html: str) -> tuple[str, str | None]:
    """The visible text of a page in its own language, and the page's language."""
    p = _Visible()
    p.feed(html)
    return " ¶ ".join(" ".join(x.split()) for x in p.parts), p.page_lang


def _codes(data: Path) -> frozenset[str]:
    with (data / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return frozenset(r["iso3"] for r in csv.DictReader(fh))


def _ids(data: Path) -> frozenset[str]:
    """Record ids with a hyphen or underscore (primary keys of every table): never shown to a reader."""
    out: set[str] = set()
    for path in data.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            if not header:
                continue
            for row in reader:
                if row and ("-" in row[0] or "_" in row[0]) and re.fullmatch(r"[a-z0-9][a-z0-9._-]+", row[0]):
                    out.add(row[0])
    return frozenset(out)


def scan(
    html: str, data: Path = ROOT / "data", codes: frozenset[str] | None = None, ids: frozenset[str] | None = None
) -> list[Finding]:
    """Every developer artefact in the visible text of ``html`` (see the module docstring)."""
    text, lang = visible_text(html)
    codes = codes if codes is not None else _codes(data)
    ids = ids if ids is not None else _ids(data)
    found: list[Finding] = []

    def add(rule: str, m: re.Match[str]) -> None:
        found.append(Finding(rule, m.group(0), text[max(0, m.start() - 50) : m.end() + 30]))

    for m in re.finditer(r"(?<![\w-])[A-Z]{3}(?![\w-])", text):
        code = m.group(0)
        if code in codes and code not in ALLOWED_CODES:
            before = text[max(0, m.start() - 1) : m.start()]
            after = text[m.end() : m.end() + 1]
            if not (before == "(" and after == ")"):  # "Bélgica (BEL)": a code beside its name
                add("code without its name", m)
    for m in SNAKE.finditer(text):
        add("snake_case identifier", m)
    for m in re.finditer(r"(?<![\w-])[a-z0-9][a-z0-9.-]*-[a-z0-9.-]*[a-z0-9](?![\w-])", text):
        if m.group(0) in ids:
            add("record id", m)
    for m in ISO_DATE.finditer(text):
        add("ISO date", m)
    for m in RAW.finditer(text):
        add("raw missing value", m)
    for m in PLURAL.finditer(text):
        add("wrong plural", m)
    if lang == "es":
        for m in ENGLISH.finditer(text):
            if m.group(0) not in ALLOWED_ENGLISH:
                add("English word on a Spanish page", m)
    return found


def main(folder: str) -> int:
    root = Path(folder)
    pages = sorted(root.glob("*.html")) + sorted(root.glob("*/*.html"))
    data = ROOT / "data"
    codes, ids = _codes(data), _ids(data)
    total: Counter[str] = Counter()
    for page in pages:
        findings = scan(page.read_text(encoding="utf-8"), data, codes, ids)
        total.update(f.rule for f in findings)
    print(f"{len(pages)} pages")
    for rule, n in sorted(total.items()):
        print(f"{n:6d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
