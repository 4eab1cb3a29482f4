"""Merge helpers' staging sources/claims into data/sources.csv and data/claims.csv (one-off tool)."""
import csv, glob, io, sys
for kind, key in (("sources", "source_id"), ("claims", "claim_id")):
    rows, header = {}, None
    for path in sorted(glob.glob(f"data/_staging/{kind}-*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            r = csv.reader(fh)
            h = next(r)
            header = header or h
            assert h == header, (path, h)
            for row in r:
                if row and row[0] not in rows:
                    rows[row[0]] = row
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows[k] for k in sorted(rows))
    open(f"data/{kind}.csv", "w", encoding="utf-8", newline="").write(buf.getvalue())
    print(kind, len(rows))
