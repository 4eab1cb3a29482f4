"""Set every notebook (and its jupytext .py twin) to the standard ``python3`` kernel: the report notebooks,
the stored regression notebook and the docs' getting-started notebook.

Any Jupyter, papermill or nbconvert then runs the notebooks without a custom kernel being registered
(`NoSuchKernel: migresearch` was the failure). Run: ``python tools/standard_kernel.py``; idempotent.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    changed = 0
    stored = [
        *sorted((ROOT / "notebooks").glob("*.ipynb")),
        *sorted((ROOT / "tests" / "regression").glob("*.ipynb")),
        *sorted((ROOT / "docs").glob("*.ipynb")),
    ]
    for nb_path in stored:
        text = nb_path.read_text(encoding="utf-8")
        nb = json.loads(text)
        if nb.get("metadata", {}).get("kernelspec") != KERNELSPEC:
            nb.setdefault("metadata", {})["kernelspec"] = KERNELSPEC
            nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            changed += 1
        twin = nb_path.with_suffix(".py")
        if twin.is_file():
            old = twin.read_text(encoding="utf-8")
            new = re.sub(
                r"#   kernelspec:\n(#     .*\n)+",
                "#   kernelspec:\n#     display_name: Python 3 (ipykernel)\n#     language: python\n#     name: python3\n",
                old,
            )
            if new != old:
                twin.write_text(new, encoding="utf-8")
                changed += 1
    print(f"{changed} file(s) set to the python3 kernel")
    return 0


if __name__ == "__main__":
    sys.exit(main())
