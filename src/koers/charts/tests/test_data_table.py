"""The numbers beside the chart: the same values, formatted, with their flags."""

from koers.charts import Chart, ChartSeries, DataRow, data_table
from koers.charts.tests.samples import homes


def test_rows_cover_series_path_and_target_in_order() -> None:
    rows = data_table(homes())
    assert [(r.series, r.year_text) for r in rows][:2] == [
        ("Brainportregio", "2016"),
        ("Brainportregio", "2017"),
    ]
    assert [r.role for r in rows] == ["region"] * 5 + ["comparison"] * 3 + [
        "required_path",
        "required_path",
        "target",
    ]


def test_values_are_formatted_in_the_chart_language() -> None:
    nl = {r.year_text: r.value_text for r in data_table(homes("nl")) if r.role == "region"}
    en = {r.year_text: r.value_text for r in data_table(homes("en")) if r.role == "region"}
    assert nl["2020"] == "24.500" and en["2020"] == "24,500"


def test_flags_are_named() -> None:
    last = data_table(homes("nl"))[4]
    assert last == DataRow(
        year=2020.0,
        year_text="2020",
        series="Brainportregio",
        role="region",
        value=24500.0,
        value_text="24.500",
        flags=("provisional", "estimated"),
        flags_text="voorlopig, geschat",
    )
    assert data_table(homes("en"))[3].flags_text == "revised"


def test_values_in_one_series_share_their_decimals() -> None:
    chart = Chart(title="T", series=(ChartSeries("R", ((2019, 10.7), (2020, 11), (2021, 11.25))),))
    assert [r.value_text for r in data_table(chart)] == ["10,70", "11,00", "11,25"]


def test_table_holds_the_same_numbers_the_chart_draws() -> None:
    rows = data_table(homes())
    series_values = [r.value for r in rows if r.role in ("region", "comparison")]
    expected = [y for s in homes().series for _, y in s.points]
    assert series_values == expected


def test_unplottable_points_are_left_out() -> None:
    chart = Chart(title="T", series=(ChartSeries("R", ((2019, float("nan")), (2020, 1.0))),))
    assert [r.year for r in data_table(chart)] == [2020.0]
