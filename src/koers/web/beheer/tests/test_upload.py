"""Uploading a sheet of figures: a preview naming each bad row and field, then one atomic commit."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from koers.accounts.models import AuditEvent
from koers.indicators.models import Observation
from koers.rounds.tests.world import World
from koers.web.beheer.tests.conftest import SignIn

pytestmark = pytest.mark.django_db
URL = "/beheer/indicatoren/upload/"


def _csv(text: str, name: str = "cijfers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _xlsx(rows: list[list[object]]) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    assert sheet is not None and hasattr(sheet, "append")
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return SimpleUploadedFile("cijfers.xlsx", data.getvalue())


GOOD = "indicator;geography;period;value;provisional\nbanen;NL414;2019;1.234,5;nee\nbanen;NL414;2020;1300;ja\n"


def test_a_good_sheet_is_previewed_then_written_whole_with_one_audit_record(
    world: World, signed_in: SignIn
) -> None:
    client = signed_in(world.coordinator)
    preview = client.post(URL, {"intent": "preview", "sheet": _csv(GOOD)}).content.decode()
    assert "2 cijfers toevoegen" in preview and Observation.objects.count() == 0
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    assert client.post(URL, {"intent": "commit"}).status_code == 302
    values = sorted(Observation.objects.values_list("period", "value", "provisional"))
    assert values == [("2019", 1234.5, False), ("2020", 1300.0, True)]
    [event] = AuditEvent.objects.filter(pk__gt=last)
    assert (event.action, event.object_type, event.object_repr, event.detail) == (
        "import",
        "sheet",
        "cijfers.csv",
        "observations: 2",
    )


def test_an_excel_sheet_reads_as_well(world: World, signed_in: SignIn) -> None:
    client = signed_in(world.coordinator)
    sheet = _xlsx([["indicator", "geography", "period", "value"], ["banen", "NL414", 2021, 1400]])
    client.post(URL, {"intent": "preview", "sheet": sheet})
    client.post(URL, {"intent": "commit"})
    assert list(Observation.objects.values_list("period", "value")) == [("2021", 1400.0)]


def test_each_bad_row_is_named_with_its_field_and_nothing_can_be_committed(
    world: World, signed_in: SignIn
) -> None:
    bad = (
        "indicator,geography,period,value\n"
        "banen,NL414,2019,100\n"
        "banen,NL999,2019,100\n"
        "werkloosheid,NL414,2019,100\n"
        "banen,NL414,2019-13,100\n"
        "banen,NL414,2020,veel\n"
        "banen,NL414,2019,120\n"
    )
    client = signed_in(world.coordinator)
    page = client.post(URL, {"intent": "preview", "sheet": _csv(bad)}).content.decode()
    assert "5 rijen hebben fouten" in page
    for expected in (
        "Onbekend gebied &#x27;NL999&#x27;",
        "Onbekende indicator &#x27;werkloosheid&#x27;",
        "Geen getal",
        "Hetzelfde cijfer als rij 2",
    ):
        assert expected in page, expected
    assert 'value="commit"' not in page
    assert client.post(URL, {"intent": "commit"}).status_code == 302
    assert Observation.objects.count() == 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            _csv("indicator,period,value\nbanen,2019,1\n"),
            "De kopregel mist de kolom(men): geography.",
        ),
        (_csv("", "leeg.csv"), "bestand is leeg."),
        (SimpleUploadedFile("cijfers.xlsx", b"no workbook"), "Het bestand is geen Excel-werkmap"),
        (SimpleUploadedFile("cijfers.pdf", b"%PDF"), "Lever een .csv- of .xlsx-bestand aan."),
    ],
)
def test_an_unreadable_sheet_is_named_at_the_file_field(
    world: World, signed_in: SignIn, upload: object, message: str
) -> None:
    page = (
        signed_in(world.coordinator)
        .post(URL, {"intent": "preview", "sheet": upload})
        .content.decode()
    )
    assert 'id="id_sheet_error"' in page and message in page
    assert Observation.objects.count() == 0


def test_an_owner_may_not_upload(world: World, signed_in: SignIn) -> None:
    assert signed_in(world.owner).get(URL).status_code == 403
