"""Apply a research helper's evidence sheet to the fact tables (issue 11, item 2).

Usage: python tools/apply_evidence.py EVIDENCE.csv [DATA_DIR]

EVIDENCE.csv has the header ``table,key,evidence,note``.  For each row, the record of
``data/<table>.csv`` whose primary key is ``key``:

* gets ``evidence`` only where its own ``evidence`` cell is empty (a quote already there,
  e.g. from the audit, is kept);
* where the sheet gives no quote but a note (``No evidence quote: ...`` /
  ``Citation problem: ...``) and the record still has no evidence, the note is appended to
  the record's ``note`` as its own sentence (after a space).

Untouched records are written back byte for byte: each record's original text is kept and
only changed records are re-serialised (RFC 4180, minimal quoting, ``\\n`` line ends, as the
data files are written).  Prints what it did per table; exits 1 on an unknown table or key.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path


def split_records(text: str) -> tuple[list[str], list[list[str]], list[str]]:
    """Header fields, parsed records and each record's original text (header first)."""
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    raws, rows, start = [], [], 0
    for row in reader:
        end = reader.line_num
        raws.append("".join(lines[start:end]))
        rows.append(row)
        start = end
    return rows[0], rows[1:], raws


def serialise(row: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


def append_note(note: str, extra: str) -> str:
    note, extra = note.strip(), extra.strip()
    if not note:
        return extra
    if extra in note:
        return note
    if not note.endswith((".", "!", "?", ")")):
        note += "."
    return f"{note} {extra}"


def main(argv: list[str]) -> int:
    sheet = Path(argv[1])
    data = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "data"
    from migresearch.datasets import compiled

    by_table: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(sheet, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            by_table[r["table"]].append(r)
    bad = 0
    for name, items in by_table.items():
        if name not in compiled.infos():
            print(f"unknown table {name}", file=sys.stderr)
            bad += 1
            continue
        pk = compiled.table(name).primary_key[0]
        path = data / compiled.file(name)
        text = path.read_text(encoding="utf-8")
        header, rows, raws = split_records(text)
        assert "".join(raws) == text, f"{path}: records do not cover the file"
        ki, ei, ni = header.index(pk), header.index("evidence"), header.index("note")
        where = {row[ki]: i for i, row in enumerate(rows)}
        done: Counter[str] = Counter()
        for item in items:
            i = where.get(item["key"])
            if i is None:
                print(f"{name}: no record {item['key']}", file=sys.stderr)
                bad += 1
                continue
            row = rows[i]
            if row[ei]:
                done["kept existing evidence"] += 1
                continue
            if item["evidence"]:
                row[ei] = item["evidence"]
                done["evidence filled"] += 1
            elif item["note"]:
                new = append_note(row[ni], item["note"])
                if new != row[ni]:
                    row[ni] = new
                    done["note appended"] += 1
            else:
                continue
            raws[i + 1] = serialise(row)
        path.write_text("".join(raws), encoding="utf-8")
        print(f"{name}: " + ", ".join(f"{v} {k}" for k, v in sorted(done.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
