"""Recorded CBS OData v3 responses (cbsodata's API) import with every figure they hold.

The recordings are HenricoWitvliet/CBSOData3.jl's (reference PROVENANCE.md section 3a,
which maps each file to the URL it answers); the tests lay them out with an index.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from koers.indicators.models import Indicator, Observation
from koers.sources.cbs_codes import CbsError
from koers.sources.cbs_import import import_cbs
from koers.sources.cbs_odata import open_table
from koers.testing import reference_dir

pytestmark = pytest.mark.django_db

FEED = "https://opendata.cbs.nl/ODataFeed/odata"
# 80137ned, "Arbeidsrekeningen; leeftijd en opleidingsniveau": the files cbsodata fetches.
LABOUR_ACCOUNTS = {
    "table-infos": "meta_2.json",
    "data-properties": "meta_7.json",
    "codes-Persoonskenmerken": "meta_4.json",
    "codes-BedrijfstakkenSBI93": "meta_5.json",
    "codes-Perioden": "meta_6.json",
}


def _recording(tmp_path: Path, table: str, files: dict[str, str], pages: list[str]) -> Path:
    source = reference_dir() / "cbs/HenricoWitvliet_CBSOData3.jl/test"
    folder = tmp_path / table
    folder.mkdir()
    for name in [*files.values(), *pages]:
        shutil.copy(source / name, folder / name)
    index = {
        "tableId": table,
        "api": "v3",
        "source": f"{FEED}/{table}",
        "files": files,
        "dataPages": pages,
    }
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


def _non_empty(folder: Path, pages: list[str], measures: list[str]) -> int:
    """Cells with a figure, counted with the json module: not null, not blank, not '.'."""
    rows = [row for name in pages for row in json.loads((folder / name).read_text())["value"]]
    return sum(
        1
        for row in rows
        for m in measures
        if row[m] is not None and str(row[m]).strip() not in ("", ".")
    )


def test_the_typed_data_set_of_80137ned_imports_every_figure_under_its_topic_group(
    tmp_path: Path,
) -> None:
    folder = _recording(tmp_path, "80137ned", LABOUR_ACCOUNTS, ["meta_8.json"])
    topics = [
        p["Key"]
        for p in json.loads((folder / "meta_7.json").read_text())["value"]
        if p["Type"] == "Topic"
    ]
    result = import_cbs(open_table(folder))
    assert result.stored.added == _non_empty(folder, ["meta_8.json"], topics) == 8_100
    assert len(result.indicators) == 12
    jobs = Indicator.objects.get(code="cbs-80137ned-totaal_1")
    assert (jobs.name_nl, jobs.unit) == ("Gemiddeld aantal banen: Totaal", "1 000 banen")
    # A table without regions describes the Netherlands; codes lose v3's padding ("1 ").
    first = Observation.objects.get(
        indicator=jobs,
        period="2001",
        dimensions__Persoonskenmerken="1",
        dimensions__BedrijfstakkenSBI93="99",
    )
    assert (first.geography.code, first.value, first.source_status) == ("NL", 8811.0, "Definitief")


def test_the_untyped_pages_of_83599ned_import_across_the_next_link(tmp_path: Path) -> None:
    pages = ["tables_2.json", "tables_3.json"]
    folder = _recording(tmp_path, "83599NED", {}, pages)
    result = import_cbs(open_table(folder))
    assert result.stored.added == _non_empty(folder, pages, ["OpenstaandeVacatures_1"]) == 15_503
    vacancies = "cbs-83599ned-openstaandevacatures_1"
    national = Observation.objects.get(
        indicator__code=vacancies,
        geography__code="NL",
        period="2011-Q1",
        series="BedrijfstakkenBranchesSBI2008=T001081",
    )
    assert national.value == 135.5
    # PV30 Noord-Brabant is NUTS-2 NL41; the landsdelen keep their CBS codes.
    rows = [r for name in pages for r in json.loads((folder / name).read_text())["value"]]
    brabant = sum(
        1
        for r in rows
        if r["RegioS"].strip() == "PV30" and r["OpenstaandeVacatures_1"].strip() not in ("", ".")
    )
    assert (
        Observation.objects.filter(indicator__code=vacancies, geography__code="NL41").count()
        == brabant
        == 912
    )
    assert {"LD01", "LD04", "NL41"} <= set(result.geographies_created)
    assert Indicator.objects.get(code=vacancies).frequency == "quarterly"


def test_a_recording_that_stops_before_the_api_did_is_refused(tmp_path: Path) -> None:
    folder = _recording(tmp_path, "83599NED", {}, ["tables_2.json"])
    with pytest.raises(
        CbsError, match=r"tables_2.json, field 'odata.nextLink': the API had a next page"
    ):
        import_cbs(open_table(folder))
    assert not Observation.objects.exists()


def test_a_manifest_naming_a_file_the_folder_lacks_is_refused(tmp_path: Path) -> None:
    folder = _recording(tmp_path, "80137ned", LABOUR_ACCOUNTS, ["meta_8.json"])
    (folder / "meta_5.json").unlink()
    with pytest.raises(
        CbsError,
        match=r"index.json, field 'files.codes-BedrijfstakkenSBI93': meta_5.json is not in",
    ):
        open_table(folder)
