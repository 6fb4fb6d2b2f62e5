"""Lines, markers, the required path, the target and the legend."""

from koers.charts import Chart, ChartSeries
from koers.charts.styles import style_for
from koers.charts.tests.samples import homes
from koers.charts.tests.svgtree import SVG, groups, parse, point_count, texts


def test_one_polyline_per_series_with_all_its_points() -> None:
    root = parse(homes())
    series = groups(root, "series")
    assert [g.get("class") for g in series] == ["series series-region", "series series-comparison"]
    lines = [g.find(f"{SVG}polyline") for g in series]
    assert [point_count(line) for line in lines if line is not None] == [5, 3]


def test_points_run_in_year_order() -> None:
    chart = Chart(title="T", series=(ChartSeries("R", ((2020, 3), (2018, 1), (2019, 2))),))
    line = groups(parse(chart), "series")[0].find(f"{SVG}polyline")
    assert line is not None
    xs = [float(p.split(",")[0]) for p in (line.get("points") or "").split()]
    ys = [float(p.split(",")[1]) for p in (line.get("points") or "").split()]
    assert xs == sorted(xs)
    assert ys == sorted(ys, reverse=True)  # higher values sit higher on the page


def test_flagged_points_are_hollow() -> None:
    region = groups(parse(homes()), "series-region")[0]
    markers = [m for m in region if "marker" in (m.get("class") or "")]
    fills = [m.get("fill") for m in markers]
    assert fills[:3] == ["#01689b"] * 3
    assert fills[3:] == ["#ffffff", "#ffffff"]
    assert [m.get("class") for m in markers[3:]] == ["marker marker-hollow"] * 2


def test_roles_differ_in_more_than_colour() -> None:
    looks = {role: style_for(role, 0) for role in ("region", "comparison", "target_path", "peer")}
    assert len({s.dash for s in looks.values()}) == 4
    assert len({s.shape for s in looks.values()}) == 4
    assert len({s.colour for s in looks.values()}) == 4


def test_series_of_one_role_vary_their_markers() -> None:
    assert style_for("peer", 0).shape != style_for("peer", 1).shape


def test_comparison_is_dashed_and_uses_squares() -> None:
    group = groups(parse(homes()), "series-comparison")[0]
    line = group.find(f"{SVG}polyline")
    assert line is not None and line.get("stroke-dasharray") == "7 4"
    assert all(m.tag == f"{SVG}path" for m in group if m.get("class") == "marker")


def test_required_path_is_a_dashed_two_point_line() -> None:
    root = parse(homes())
    paths = [p for p in root.iter(f"{SVG}polyline") if p.get("class") == "required-path"]
    assert len(paths) == 1
    assert point_count(paths[0]) == 2
    assert paths[0].get("stroke-dasharray")


def test_target_has_a_star_and_a_label_with_its_value() -> None:
    root = parse(homes())
    target = groups(root, "target")[0]
    assert target.find(f"{SVG}path") is not None
    assert texts(root, "target-label") == ["Doel 2030: 62.000"]


def test_legend_names_every_line_and_explains_hollow_markers() -> None:
    items = groups(parse(homes()), "legend-item")
    labels = [t.text for g in items for t in g.iter(f"{SVG}text")]
    assert labels == [
        "Brainportregio",
        "Nederland",
        "Benodigd pad",
        "Doel 2030",
        "Open markering: voorlopig, geschat of herzien",
    ]


def test_legend_in_english() -> None:
    items = groups(parse(homes("en")), "legend-item")
    labels = [t.text for g in items for t in g.iter(f"{SVG}text")]
    assert "Required path" in labels
    assert "Open marker: provisional, estimated or revised" in labels


def test_long_legend_labels_are_shortened_to_fit() -> None:
    chart = Chart(title="T", series=(ChartSeries("x" * 300, ((2019, 1),)),))
    item = groups(parse(chart, width=320), "legend-item")[0]
    label = next(item.iter(f"{SVG}text")).text or ""
    assert label.endswith("…")
    assert 20 < len(label) < 60
