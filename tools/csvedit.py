"""Edit data CSVs by primary key, keeping untouched records byte for byte.

from tools.csvedit import Table
t = Table("figures")            # data/figures.csv
t.update("r4v-world-2018-11", as_of_date="2019-02-01")
t.append({"figure_id": "...", ...})   # new row at the end, columns by name
t.save()
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from apply_evidence import serialise, split_records

DATA = Path(__file__).resolve().parent.parent / "data"


class Table:
    def __init__(self, name: str, data: Path = DATA) -> None:
        from migresearch.datasets import compiled

        self.path = data / compiled.file(name)
        self.text = self.path.read_text(encoding="utf-8")
        self.header, self.rows, self.raws = split_records(self.text)
        self.pk = self.header.index(compiled.table(name).primary_key[0])
        self.where = {row[self.pk]: i for i, row in enumerate(self.rows)}

    def get(self, key: str) -> dict[str, str]:
        return dict(zip(self.header, self.rows[self.where[key]]))

    def update(self, key: str, **changes: str) -> None:
        i = self.where[key]
        row = self.rows[i]
        for col, value in changes.items():
            row[self.header.index(col)] = value
        self.raws[i + 1] = serialise(row)

    def append(self, values: dict[str, str]) -> None:
        unknown = set(values) - set(self.header)
        assert not unknown, unknown
        key = values[self.header[self.pk]]
        assert key not in self.where, f"duplicate key {key}"
        row = [values.get(c, "") for c in self.header]
        if self.raws and not self.raws[-1].endswith("\n"):
            self.raws[-1] += "\n"
        self.rows.append(row)
        self.raws.append(serialise(row))
        self.where[key] = len(self.rows) - 1

    def save(self) -> None:
        self.path.write_text("".join(self.raws), encoding="utf-8")
