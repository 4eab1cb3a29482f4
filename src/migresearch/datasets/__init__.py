"""The declarations: what each table holds, declared once (pandera models) and read by everything else.

- ``fields.py``: the column constructors (kind, code list, key, precision, evidence...);
- ``reference.py``, ``frameworks.py``, ``practices.py``: one module per family of tables, models only;
- ``events.py``: the membership event grammar (standard library only);
- ``registry.py``: the one tuple of tables, driving ``load``, the docs, ``datapackage.json`` and the tests;
- ``compiled.py`` and ``_compiled.json``: the rules in a form ``validate`` reads without pandera;
- ``catalog.py``: the generated files (``migresearch catalog``).

This ``__init__`` imports nothing: ``validate`` uses the compiled form and never imports pandera.
"""
