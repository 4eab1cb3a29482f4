"""Where sources disagree, as a reader's comparison.

For each disagreement (a table, a record, a field with two or more claimed
values) the reader sees what the record is (by name), the field's label, the
value the table holds, formatted by its type and precision, which sources
agree with it, and, for each source that says otherwise, its value, the source
linked by its title, and the quote and note that explain it.  Claims that agree
with the table are listed as agreement, never as disagreements.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from migresearch import i18n
from migresearch._api import read
from migresearch.present import names
from migresearch.present.html import Html, esc, foreign, scroll_box, source_link, sources_note

_ENGLISH_NAME = __import__("re").compile(r"\b(of|the|and|for|with|from|Government|registration|permit|Re-registration)\b")


def _recorded_precision(table: str, record_id: str, field: str) -> str | None:
    from migresearch.datasets import compiled

    if table not in compiled.names():
        return None
    column = compiled.table(table).by_name.get(field)
    prec = column.meta.get("precision_column") if column is not None else None
    if not prec:
        return None
    frame = read(table)
    hit = frame[frame[frame.columns[0]].astype(str) == record_id]
    return None if hit.empty or names.missing(hit.iloc[0][prec]) else str(hit.iloc[0][prec])


def _is_prose(table: str, field: str, raw: Any) -> bool:
    """Free text in the data's working language (English), as opposed to dates, numbers, codes and names."""
    from migresearch.datasets import compiled

    text = str(raw)
    if names.missing(raw) or field.endswith(("_city", "_es")) or text.replace(".", "", 1).isdigit():
        return False
    column = compiled.table(table).by_name.get(field) if table in compiled.names() else None
    if column is not None:
        return column.kind == "text" and not field.endswith("_es")
    return any(c.isspace() for c in text) and not names._ISO_DATE.match(text)


def claim_value(table: str, field: str, raw: Any, lang: str, precision: str | None = None) -> str:
    """A claimed or recorded value as markup: formatted by type, and marked when it is English prose on a Spanish page."""
    if f"claim_value.{raw}" in i18n.LABELS:  # a coded claim (``signed_pending_ratification``) read as words
        return esc(i18n.t(f"claim_value.{raw}", lang))
    text = names.value(table, field, raw, lang, precision)
    if names._SNAKE.fullmatch(str(raw)):  # a derived status written as an identifier
        text = str(raw).replace("_", " ")
        return foreign(text, "en", lang)
    return foreign(names.humanise(text, "en"), "en", lang) if _is_prose(table, field, raw) else esc(text)


def _quote(row: pd.Series, lang: str, sources: pd.DataFrame) -> str:
    parts = []
    if not names.missing(row.get("quote")):
        src_lang = sources.at[row["source_id"], "language"] if row["source_id"] in sources.index else None
        q_lang = str(src_lang) if not names.missing(src_lang) else "en"
        attr = f' lang="{esc(q_lang)}"' if q_lang != lang else ""
        quote = str(row["quote"])
        if quote.startswith("[paraphrase]"):  # our words, not the source's: dates as the page writes them
            return "<br>".join(
                [foreign(quote, "en", lang)]
                + (
                    [f'<span class="claim-note">{foreign(row["note"], "en", lang)}</span>']
                    if not names.missing(row.get("note"))
                    else []
                )
            )
        parts.append(f"<q{attr}>{esc(quote)}</q>")
    if not names.missing(row.get("note")):
        parts.append(f'<span class="claim-note">{foreign(names.humanise(row["note"], "en"), "en", lang)}</span>')
    return "<br>".join(parts)


def comparison(conflicts: pd.DataFrame, lang: str, level: int = 3, intro: bool = True) -> Html:
    """The disagreements in ``conflicts`` (rows of :func:`migresearch.query.conflicts`) as a reader's comparison.

    One block per (table, record, field): a heading naming the record and the
    field, the value in the table and the sources agreeing with it, then a table
    of the differing claims (value, source linked by title, quote and note),
    and the sources line; ``intro`` adds a sentence counting the disagreements.  An empty frame gives
    the "none recorded" note.
    """
    lang = i18n.check_lang(lang)
    if conflicts.empty:
        return Html(f'<p class="empty">{esc(i18n.t("none", lang))}</p>')
    sources = read("sources", index="source_id")
    blocks = []
    for (table, record_id, field), group in conflicts.groupby(["table", "record_id", "field"], sort=False):
        table, record_id, field = str(table), str(record_id), str(field)
        who = names.record(table, record_id, lang)
        # A programme named in English by an English-speaking state: marked as English on a Spanish page.
        who_markup = foreign(who, "en", lang) if lang != "en" and _ENGLISH_NAME.search(who) else esc(who)
        what = f"{who} · {names.field_label(table, field, lang)}"
        recorded = group["recorded_value"].iloc[0] if "recorded_value" in group else None
        agree = group[group["value"].astype(str) == str(recorded)] if not names.missing(recorded) else group.iloc[0:0]
        differ = group.drop(agree.index)
        if names.missing(recorded):
            lead = esc(i18n.t("conflict.no_table_value", lang))
        else:
            shown = claim_value(table, field, recorded, lang, _recorded_precision(table, record_id, field))
            lead = f"{esc(i18n.t('conflict.in_table', lang))} <strong>{shown}</strong>."
            if len(agree):
                agreeing = "; ".join(dict.fromkeys(source_link(s, lang) for s in agree["source_id"]))
                lead += f" {esc(i18n.t('conflict.agree', lang))} {agreeing}."
        rows = []
        heads = [i18n.t(k, lang) for k in ("conflict.other_value", "field.source", "conflict.quote")]
        for _, claim in differ.iterrows():
            value = claim_value(table, field, claim["value"], lang, names.claim_precision(claim.get("note")))
            cells = (value, source_link(claim["source_id"], lang), _quote(claim, lang, sources))
            rows.append("<tr>" + "".join(f'<td data-label="{esc(h)}">{c}</td>' for h, c in zip(heads, cells)) + "</tr>")
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
        grid = f'<table class="data conflict"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        blocks.append(
            f'<div class="conflict"><h{level}>{who_markup} · {esc(names.field_label(table, field, lang))}</h{level}><p>{lead}</p>{scroll_box(grid, what)}</div>'
        )
    count = conflicts.groupby(["table", "record_id", "field"]).ngroups
    lead_in = f"<p>{esc(i18n.plural('text.disagreements_shown', count, lang))}</p>" if intro else ""
    return Html(lead_in + "".join(blocks) + sources_note(conflicts["source_id"], lang))


def conflicts_table(conflicts: pd.DataFrame, lang: str) -> Html:
    """Alias of :func:`comparison` (the name the first reports used)."""
    return comparison(conflicts, lang)
