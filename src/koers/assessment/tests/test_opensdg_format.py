"""The Open SDG format reader and writer (koers.sources.opensdg_format).

Real files: Statistics Canada's CIF (progress-statcan-cif) and the Open SDG
repositories in shared/reference/opensdg (EUSTAT, Canada CIF, the Open SDG
starter, Schleswig-Holstein); see the PROVENANCE files there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.assessment.opensdg_indicator import assess_indicator, configs_from_options
from koers.sources.opensdg_format import (
    OpenSdgFormatError,
    indicator_ids,
    read_config,
    read_data,
    read_indicator,
    read_meta,
    write_config,
    write_data,
    write_indicator,
)
from koers.testing import reference_dir


def test_the_cif_files_read_with_their_series_keys() -> None:
    folder = reference_dir() / "progress-statcan-cif"
    ids = indicator_ids(folder)
    assert len(ids) == 22 and ids[:3] == ["1-1-1", "1-2-1", "2-2-1"]
    data = read_data(folder / "data" / "indicator_13-3-1.csv")
    lines = (folder / "data" / "indicator_13-3-1.csv").read_text(encoding="utf-8").splitlines()
    assert len(data.rows) == len(lines) - 1
    assert data.disaggregation_columns == (
        "Geography",
        "Core public infrastructure assets",
        "Type of municipality by population size",
    )
    first = data.rows[0]
    assert first.attributes == {"GeoCode": "11124"} and "GeoCode" not in first.fields
    assert first.series_key == (
        ("Geography", "Canada"),
        ("Core public infrastructure assets", "Public transit assets"),
        ("Type of municipality by population size", "All municipalities"),
    )
    assert len(data.series_keys()) > 100


def test_the_cif_progress_options_read_as_published() -> None:
    indicator = read_indicator(reference_dir() / "progress-statcan-cif", "11-1-1")
    assert indicator.progress.auto is True
    assert indicator.progress.options == (
        {
            "series": "Number of shelter users experiencing chronic homelessness",
            "unit": "Number",
            "direction": "negative",
            "target": 13433,
            "base_year": 2016,
            "target_year": 2028,
        },
    )


def test_every_open_sdg_reference_repository_reads() -> None:
    root = reference_dir() / "opensdg"
    rows = metas = 0
    for path in sorted(root.glob("*/data/*.csv")):
        rows += len(read_data(path).rows)
    for path in sorted(root.glob("*/meta/*.md")):
        metas += bool(read_meta(path))
    configs = [read_config(p) for p in sorted(root.glob("*/indicator-config/*.yml"))]
    assert rows > 1000 and metas >= 6 and len(configs) > 100
    assert configs[0]  # a byte-order mark does not hide the first key


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "indicator_9-9-9.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _error(call: object, *args: object) -> OpenSdgFormatError:
    with pytest.raises(OpenSdgFormatError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


def test_a_malformed_value_names_the_file_row_and_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, 'Year,Geography,Value\n2015,,1.5\n2016,Canada,"1,5"\n')
    error = _error(read_data, path)
    assert (error.path, error.row, error.column) == (path, 3, "Value")
    assert str(error) == f"{path}, row 3, column 'Value': '1,5' is not a number"


def test_a_malformed_year_names_the_file_row_and_column(tmp_path: Path) -> None:
    error = _error(read_data, _csv(tmp_path, "Year,Value\n2015,1\nabout 2016,2\n"))
    assert (error.row, error.column) == (3, "Year")
    assert "'about 2016' is not a year" in str(error)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    error = _error(read_data, _csv(tmp_path, "Year,Geography\n2015,Canada\n"))
    assert (error.row, error.column) == (1, "Value")


def test_a_duplicate_column_is_named(tmp_path: Path) -> None:
    error = _error(read_data, _csv(tmp_path, "Year,Sex,Sex,Value\n2015,a,b,1\n"))
    assert (error.row, error.column) == (1, "Sex")


def test_a_row_with_missing_cells_names_the_first_missing_column(tmp_path: Path) -> None:
    error = _error(read_data, _csv(tmp_path, "Year,Sex,Value\n2015,a,1\n2016,b\n"))
    assert (error.row, error.column) == (3, "Value")
    assert "2 cells where the header has 3" in str(error)


def test_missing_markers_and_empty_cells_are_none(tmp_path: Path) -> None:
    data = read_data(_csv(tmp_path, "Year,Sex,Value\n2015,NA,\n2016,,n/a\n2017,f,2.5\n"))
    assert [(r.fields["Sex"], r.value) for r in data.rows] == [
        (None, None),
        (None, None),
        ("f", 2.5),
    ]


def _meta(tmp_path: Path, front_matter: str) -> Path:
    path = tmp_path / "meta" / "9-9-9.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\n{front_matter}---\nBody text.\n", encoding="utf-8")
    return path


def test_meta_without_front_matter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "9-9-9.md"
    path.write_text("title: no dashes\n", encoding="utf-8")
    assert _error(read_meta, path).row == 1


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    path = _meta(tmp_path, "title: fine\nlist: [unclosed\nother: 1\n")
    error = _error(read_meta, path)
    assert error.path == path and error.row == 4


@pytest.mark.parametrize(
    ("front_matter", "column", "message"),
    [
        (
            "auto_progress_calculation: 'yes please'\n",
            "auto_progress_calculation",
            "must be true or false",
        ),
        (
            "progress_calculation_options:\n- target: abc\n",
            "progress_calculation_options[0].target",
            "'abc' is not a number",
        ),
        (
            "progress_calculation_options:\n- direction: Positive\n",
            "progress_calculation_options[0].direction",
            "must be positive or negative",
        ),
        (
            "progress_calculation_options:\n- disaggregation: Canada\n",
            "progress_calculation_options[0].disaggregation",
            "{field, value}",
        ),
        (
            "progress_calculation_options:\n- group:\n  - limit: [1]\n",
            "progress_calculation_options[0].group[0].limit",
            "is not a number",
        ),
        ("progress_calculation_options: yes\n", "progress_calculation_options", "must be a list"),
    ],
)
def test_bad_progress_options_name_the_key_and_line(
    tmp_path: Path, front_matter: str, column: str, message: str
) -> None:
    _meta(tmp_path, "title: x\n" + front_matter)
    error = _error(read_indicator, tmp_path, "9-9-9")
    assert error.column == column and message in str(error)
    assert error.row == 3  # the line of the top-level key in the .md file


def test_indicator_config_overrides_meta(tmp_path: Path) -> None:
    _meta(tmp_path, "auto_progress_calculation: false\nprogress_status: limited_progress\n")
    config = tmp_path / "indicator-config" / "9-9-9.yml"
    config.parent.mkdir()
    config.write_text("\ufeffauto_progress_calculation: true\n", encoding="utf-8")
    indicator = read_indicator(tmp_path, "9-9-9")
    assert indicator.data is None
    assert (indicator.progress.auto, indicator.progress.manual_status) == (True, "limited_progress")


RECORDS: list[dict[str, object]] = [
    {"Year": 2015, "Geography": None, "Value": 14.5},
    {"Year": 2015, "Geography": "Noord-Brabant", "Value": 12.25},
    {"Year": 2020, "Geography": None, "Value": 12.0, "COMMENT_OBS": "provisional"},
    {"Year": 2020, "Geography": "Noord-Brabant", "Value": None},
    {"Year": 2023, "Geography": None, "Value": 10.4},
    {"Year": 2023, "Geography": "Noord-Brabant", "Value": 11.0},
]
CONFIG: dict[str, object] = {
    "indicator_name": "Poverty rate",
    "auto_progress_calculation": True,
    "progress_calculation_options": [
        {"target": 7.25, "target_year": 2030, "direction": "negative"},
        {
            "group": [
                {
                    "direction": "negative",
                    "disaggregation": [{"field": "Geography", "value": "Noord-Brabant"}],
                }
            ]
        },
    ],
}


def test_writing_then_reading_gives_the_same_rows_and_options(tmp_path: Path) -> None:
    write_indicator(tmp_path, "1-1-1", RECORDS, CONFIG)
    indicator = read_indicator(tmp_path, "1-1-1")
    assert indicator.data is not None
    assert indicator.data.columns == ("Year", "Geography", "COMMENT_OBS", "Value")
    read_back = [
        {"Year": int(r.year), "Geography": r.fields["Geography"], "Value": r.value}
        for r in indicator.data.rows
    ]
    assert read_back == [{k: r[k] for k in ("Year", "Geography", "Value")} for r in RECORDS]
    assert indicator.data.rows[2].attributes == {"COMMENT_OBS": "provisional"}
    assert indicator.meta == CONFIG
    assert list(indicator.progress.options) == CONFIG["progress_calculation_options"]


def test_a_written_indicator_assesses_like_its_records(tmp_path: Path) -> None:
    write_indicator(tmp_path, "1-1-1", RECORDS, CONFIG)
    indicator = read_indicator(tmp_path, "1-1-1")
    assert indicator.data is not None
    aggregate = assess_indicator(
        indicator.data.rows, configs_from_options(list(indicator.progress.options)), "1-1-1"
    )
    first, group = aggregate.children
    assert first.status == "moderate_progress"  # CIF 1-1-1's published class
    assert aggregate.used == ("1-1-1", "group: 1-1-1 / Noord-Brabant")
    assert first.score is not None and group.score is not None
    assert aggregate.score == (first.score + group.score) / 2


def test_the_writer_refuses_what_the_reader_would_refuse(tmp_path: Path) -> None:
    bad_value = _error(write_data, tmp_path / "x.csv", [{"Year": 2015, "Value": "many"}])
    assert (bad_value.row, bad_value.column) == (2, "Value")
    no_year = _error(write_data, tmp_path / "x.csv", [{"Value": 1.0}])
    assert no_year.column == "Year"
    bad_options = {"progress_calculation_options": [{"target_year": "soon"}]}
    assert _error(write_config, tmp_path / "c.yml", bad_options).column == (
        "progress_calculation_options[0].target_year"
    )
