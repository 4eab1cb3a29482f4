"""Data is always text in reports: escaping once, safe links, literal dollar signs in charts, cited tables."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from migresearch import present


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("&amp;", "&amp;amp;"),
        ("**x** # h | [a](javascript:x)", "**x** # h | [a](javascript:x)"),
        ("US$ 5 a US$ 10", "US$ 5 a US$ 10"),
        (None, ""),
        (pd.NA, ""),
    ],
)
def test_escaped_exactly_once(value: object, expected: str) -> None:
    assert present.esc(value) == expected


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", 'https://x.org/"onmouseover="a'])
def test_links_only_from_http(url: str) -> None:
    assert "<a" not in present.link("text", url)


def test_http_link_is_escaped() -> None:
    assert (
        present.link("<b>", "https://example.org/?a=1&b=2")
        == '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">&lt;b&gt;</a>'
    )


@pytest.mark.parametrize("label", ["US$ 5 a US$ 10", "$$", "$ {A $", r"$\frac{1}{0"])
def test_chart_labels_are_literal(label: str) -> None:
    """With mathtext on, these labels raise or render as formulas; the chart draws them as text."""
    meetings = pd.DataFrame(
        {"start_date": pd.to_datetime(["2010-01-01", "2012-01-01"]), "series": [label, label], "label": [label, "II"]}
    )
    png = present.meetings_chart(meetings, "es")
    assert png is not None and png.data.startswith(b"\x89PNG")


def test_chart_bytes_are_deterministic() -> None:
    meetings = pd.DataFrame({"start_date": pd.to_datetime(["2010-01-01"]), "series": ["hlm"], "label": ["I"]})
    assert present.meetings_chart(meetings, "en").data == present.meetings_chart(meetings, "en").data


def test_every_table_names_its_sources() -> None:
    frame = pd.DataFrame({"x": ["a"], "source_id": [None]})
    with pytest.raises(ValueError, match="needs at least one source"):
        present.table(frame, [("field.value", present.text_cell("x"))], "en")
    ok = pd.DataFrame({"x": ["<i>"], "source_id": ["fw-eeas-migration-dialogue"]})
    html = present.table(ok, [("field.value", present.text_cell("x"))], "es").markup
    assert "&lt;i&gt;" in html and "Fuentes" in html and "datos al" in html


def test_a_wide_matrix_has_a_phone_rendering_with_readable_labels() -> None:
    """A 33 x 33 matrix: the phone rendering fits 390 px shown at its own size (labels stay 11.5 CSS px),
    split into panels of columns; the page offers it through a <picture> without a script."""
    from migresearch.present import charts

    names = [f"Country {n:02d} with a long name" for n in range(33)]
    grid: list[list[int | None]] = [[None if i == j else (i + j) % 2 for j in range(33)] for i in range(33)]
    png = charts.matrix_chart(grid, names, names, ["#eeeeee", "#2e7d4f"], "Assisting state", "Nationals of", "alt", ["no", "yes"])
    assert png.phone is not None and png.phone.density == charts.PHONE_DENSITY
    width, height = png.phone.size()
    assert width <= charts.CONTENT_PX["phone"] and height > 2 * width  # panels stacked, not squeezed
    assert charts.LABEL_PT * charts.DPI / 72 >= 11
    assert png.size()[0] <= charts.CONTENT_PX["desktop"]
    html = png.img()
    assert html.startswith("<picture><source media=") and f'width="{width}"' in html and 'alt="alt"' in html


def test_a_tall_narrow_matrix_is_transposed_on_a_phone_when_that_fits_better() -> None:
    from migresearch.present import charts

    rows = [f"Framework {n}" for n in range(12)]
    cols = [f"{n} Objective with a title" for n in range(1, 24)]
    grid: list[list[int | None]] = [[(i * j) % 2 for j in range(23)] for i in range(12)]
    png = charts.matrix_chart(grid, rows, cols, ["#f3f3f3", "#2e7d4f"], "Objective", "Framework", "alt")
    assert png.phone is not None
    width, height = png.phone.size()
    assert width <= charts.CONTENT_PX["phone"] and height > width  # objectives down the side, frameworks across


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_phone_objectives_matrix_wraps_the_objective_names_instead_of_cutting_them(lang: str) -> None:
    """The overlaps report's framework x GCM objective chart on a 390 px phone: the 23 objectives down the side,
    each name whole (on two lines when long), in one panel no wider than the column, labels still LABEL_PT."""
    import migresearch
    from migresearch.present import charts

    gcm = migresearch.load("gcm_objectives").sort_values("objective")
    objectives = [f"{n} {t}" for n, t in zip(gcm["objective"], gcm[f"short_title_{lang}"])]
    frameworks = sorted(migresearch.load("framework_objectives")["framework_id"].unique())
    assert len(frameworks) >= 10 and max(len(o) for o in objectives) > 34  # longer than the old cut kept
    labels = charts.matrix_row_labels(objectives, "phone")
    assert [label.replace("\n", " ") for label in labels] == objectives and "…" not in "".join(labels)
    assert max(label.count("\n") for label in labels) == 1
    assert charts.matrix_row_labels(objectives, "desktop") == objectives  # one line each beside a desktop page
    assert len(charts._matrix_layout(objectives, frameworks, "phone").panels) == 1  # one panel: no repeated row labels
    grid: list[list[int | None]] = [[(i + j) % 3 == 0 for j in range(len(objectives))] for i in range(len(frameworks))]
    png = charts.matrix_chart(grid, frameworks, objectives, ["#f3f3f3", "#2e7d4f"], "Objective", "Framework", "alt")
    assert png.phone is not None and png.phone.size()[0] <= charts.CONTENT_PX["phone"]
    assert png.phone.size()[1] > png.phone.size()[0]  # transposed: the objectives are the rows


def test_phone_matrix_rows_keep_one_line_when_no_name_needs_two() -> None:
    """Names of up to 28 characters (every CELAC member's, in both languages) stay on one line, rows keep their height."""
    import migresearch
    from migresearch.present import charts

    countries = migresearch.load("countries")
    for lang in ("en", "es"):
        names = sorted(countries.loc[countries["iso3"].isin(["VCT", "KNA", "TTO", "ATG", "DOM"]), f"name_{lang}"])
        assert charts.matrix_row_labels(names, "phone") == names
        assert max(charts._matrix_layout(names, names, "phone").heights) <= 0.2
    wrapped = charts.matrix_row_labels(["Diálogo Estructurado y Global UE-CELAC sobre Migración", "CAN"], "phone")
    assert wrapped == ["Diálogo Estructurado y Global\nUE-CELAC sobre Migración", "CAN"]
    assert max(charts._matrix_layout(wrapped, ["a", "b"], "phone").heights) > 0.25  # a row tall enough for two lines


#: The longest framework name in the data (no acronym in Spanish): 155 characters.
_EULAC_ES = (
    "Proyecto UE-ALC: Fortalecimiento del diálogo y la cooperación entre la UE y ALC para establecer modelos de "
    "gestión sobre migración y políticas de desarrollo"
)


def test_a_long_row_label_takes_the_fewest_lines_and_only_its_row_grows() -> None:
    """A label too wide for one line goes onto as few lines as fit the page's line width, broken at spaces,
    nothing cut; its row is as tall as its lines, the others stay one line high."""
    from migresearch.present import charts

    desktop = charts.matrix_row_labels([_EULAC_ES, "CAN"], "desktop")
    assert desktop[0].replace("\n", " ") == _EULAC_ES and desktop[0].count("\n") == 2 and desktop[1] == "CAN"
    widths = [w for w, _ in charts._label_sizes(desktop[0].split("\n"))]
    assert max(widths) <= charts._MATRIX_FIT["desktop"].line
    assert charts.fit_label(_EULAC_ES, 3.0, 3.0, lambda t: max(w for w, _ in charts._label_sizes([t]))) == desktop[0]
    layout = charts._matrix_layout([_EULAC_ES, "CAN", "CELAC"], ["1 Data", "2 Minimize adverse drivers"], "desktop")
    assert layout.heights[0] > 2 * layout.heights[1] and layout.heights[1] == layout.heights[2] <= 0.2
    phone = charts.matrix_row_labels([_EULAC_ES], "phone")[0]
    assert phone.replace("\n", " ") == _EULAC_ES and 3 <= phone.count("\n") + 1 <= 6
    assert charts.fit_label("Antidisestablishmentarianism forever", 5, 5) == "Antidisestablishmentarianism\nforever"


def _drawn_matrices(monkeypatch: pytest.MonkeyPatch, lang: str) -> list[tuple[Any, Any]]:
    """Every matrix figure the overlaps report draws in ``lang`` (desktop and phone), with its PNG."""
    from migresearch.present import charts
    from migresearch.reports import overlaps

    drawn: list[tuple[Any, Any]] = []
    real = charts._render

    def render(fig: Any, *args: Any, **kwargs: Any) -> Any:
        png = real(fig, *args, **kwargs)
        drawn.append((fig, png))
        return png

    monkeypatch.setattr(charts, "_render", render)
    data = overlaps.collect(lang)
    overlaps.membership_section(data)
    overlaps.objectives_section(data)
    return drawn


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_overlaps_matrix_label_is_cut_and_every_chart_fits_its_page(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """In the framework-overlaps report (both charts, desktop and phone): every row and column label drawn is a
    whole framework, country or objective name at LABEL_PT, none ends in "…", and each PNG is no wider than
    the page's content column (390 px phone, desktop column), so no label runs off the page."""
    import migresearch
    from migresearch.present import charts, names

    gcm = migresearch.load("gcm_objectives")
    whole = {f"{n} {t}" for n, t in zip(gcm["objective"], gcm[f"short_title_{lang}"])}
    whole |= {names.framework(f, lang, short=True) for f in migresearch.load("frameworks")["framework_id"]}
    whole |= {names.country(c, lang) for c in migresearch.load("countries")["iso3"]}
    drawn = _drawn_matrices(monkeypatch, lang)
    assert len(drawn) == 4  # two charts, each with a phone rendering
    wrapped = 0
    for fig, png in drawn:
        kind = "phone" if png.density == charts.PHONE_DENSITY else "desktop"
        assert png.size()[0] <= charts.CONTENT_PX[kind], (kind, png.size())
        for ax in fig.axes:
            for tick in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
                text = tick.get_text()
                assert "…" not in text and text.replace("\n", " ") in whole, text
                assert tick.get_fontsize() == charts.LABEL_PT
                wrapped += "\n" in text
    assert wrapped  # the long names did go onto several lines


def test_a_timeline_has_a_phone_rendering_that_fits_390_px() -> None:
    """Drawn again for phones (labels of LABEL_PT at twice the pixels, shown at half): no wider than the column."""
    from migresearch.present import charts

    meetings = pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2010-01-01", "2012-06-01", "2014-03-01"]),
            "series": ["hlm"] * 3,
            "label": ["I", "II", "III"],
        }
    )
    png = present.meetings_chart(meetings, "es")
    assert png is not None and png.phone is not None and png.phone.phone is None
    assert png.phone.density == charts.PHONE_DENSITY and png.phone.size()[0] <= charts.CONTENT_PX["phone"]
    assert "<picture>" in png.img() and not charts.phone()  # the phone pass does not leak into the next chart


def test_a_long_table_grouped_by_country_links_to_each_country() -> None:
    frame = pd.DataFrame(
        {"country": ["Argentina", "Argentina", "Brasil"], "x": ["a", "b", "c"], "source_id": ["fw-eeas-migration-dialogue"] * 3}
    )
    html = present.table(frame, [("field.value", present.text_cell("x"))], "es", jump=("country", "p")).markup
    assert html.startswith('<nav class="jump" aria-label="Ir a un país:">')
    assert '<a href="#p-1">Argentina</a> · <a href="#p-2">Brasil</a>' in html
    assert html.count('<tr id="p-1">') == 1 and '<tr id="p-2">' in html and html.count("<tr id=") == 2


def test_chart_rendering_shortcuts_do_not_change_a_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_render`` lets savefig skip its layout-only draw, finds date ticks once and measures texts once; the PNGs (desktop, constrained
    phone layout, legend, dates, matrix) are the bytes matplotlib's own ``bbox_inches="tight"`` gives."""
    import contextlib

    from migresearch.present import charts

    meetings = pd.DataFrame(
        {
            "start_date": pd.to_datetime(["2010-01-01", "2012-06-01", "2014-03-01"]),
            "series": ["hlm"] * 3,
            "label": ["I", "II", "III"],
        }
    )
    from migresearch import query

    events = query._events(None)
    events = events[(events["framework_id"] == "mercosur") & events["role"].isin(query.MEMBER_ROLES)]

    def draw_all() -> list[bytes]:
        out = []
        for png in (
            present.meetings_chart(meetings, "en"),
            charts.membership_chart(events, "en"),
            charts.matrix_chart(
                [[0, 1], [1, None]], ["Aa", "Bb"], ["Cc", "Dd"], ["#eee", "#2e7d4f"], "x", "y", "alt", ["no", "yes"]
            ),
        ):
            assert png is not None and png.phone is not None
            out += [png.data, png.phone.data]
        return out

    skipped = draw_all()
    monkeypatch.setattr(charts, "_layout_pass_skipped", lambda fig: contextlib.nullcontext())
    monkeypatch.setattr(charts, "_freeze_date_ticks", lambda fig: None)
    monkeypatch.setattr(charts, "_text_metrics_shared", contextlib.nullcontext)
    assert draw_all() == skipped


def test_a_chart_that_says_nothing_is_rendered_when_asked_with_the_same_bytes() -> None:
    """A chart drawn with ``informative=False`` is saved only when its bytes are asked for, in the rcParams it
    was drawn in: the same bytes as saving it at once, whatever the rcParams are by then."""
    import matplotlib
    import matplotlib.pyplot as plt

    from migresearch.present import charts

    def draw(informative: bool) -> charts.Png:
        with charts._chart_context():
            fig, ax = plt.subplots(figsize=(4, 2))
            ax.plot(pd.to_datetime(["2010-01-01", "2014-06-01"]), [1, 2])
            charts.time_axis(ax)
            ax.set_title("US$ 5 a US$ 10")
            return charts._render(fig, "alt", informative)

    eager, lazy = draw(True), draw(False)
    assert callable(lazy._data) and not lazy.informative
    with matplotlib.rc_context({"font.size": 20, "text.parse_math": True, "lines.linewidth": 5}):
        assert lazy.data == eager.data
    assert lazy.size() == eager.size() and not callable(lazy._data)
