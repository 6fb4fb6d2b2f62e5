"""The lineage page on invented data: a successor of the invented agenda whose items
continue, split, merge, re-target and drop the old actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Geography, Item, ItemLink, LevelType
from koers.indicators.models import Indicator, Target
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def successor(proefagenda: Agenda) -> Agenda:
    new = Agenda.objects.create(
        code="opvolger",
        title_nl="Opvolger 2030",
        title_en="Successor 2030",
        start=dt.date(2022, 1, 1),
        predecessor=proefagenda,
    )
    level = LevelType.objects.create(agenda=new, code="line", name_nl="Lijn", name_en="Line")
    made = {
        code: Item.objects.create(agenda=new, level=level, code=code, title_nl=code, title_en=code)
        for code in ("L1", "L2a", "L2b", "L4", "L5")
    }

    def old(code: str) -> Item:
        return Item.objects.get(agenda=proefagenda, code=code)

    links = [
        (made["L1"], old("1"), "succeeds"),  # continued
        (made["L2a"], old("2"), "succeeds"),  # split in two
        (made["L2b"], old("2"), "split_from"),
        (made["L4"], old("4"), "succeeds"),  # re-targeted: a target after, none before
        (made["L5"], old("5"), "succeeds"),  # merged: L5 also carries 4a on
        (made["L5"], old("4a"), "succeeds"),
    ]
    for new_item, old_item, kind in links:
        ItemLink.objects.create(
            from_item=new_item, to_item=old_item, kind=kind, reason_en=f"why {new_item.code}"
        )
    Target.objects.create(
        indicator=Indicator.objects.get(code="proef-banen"),
        geography=Geography.objects.get(code="PROEF-REG"),
        item=made["L4"],
        kind="level",
        target_period="2030",
        target_value=500000,
    )
    return new


def test_every_old_action_has_its_fate_successors_and_targets(
    client: Client, successor: Agenda
) -> None:
    page = text_of(client.get("/en/agenda/opvolger/herkomst/").content)
    assert (
        "Carried on with its parent 3 No successor named 3 Merged 2 Split 1 Re-targeted 1 Continued 1"
        in page
    )
    assert "1 Attracting international talent continued L1 L1 why L1 – –" in page
    assert "2 Lifelong learning split L2a L2a ; L2b L2b why L2a why L2b" in page
    assert "re-targeted L4 L4 why L4 – Jobs in the region: 500,000 jobs by 2030" in page
    assert "4a Artificial intelligence merged L5 L5 why L5" in page
    assert "6 Developing the station area no successor named – – Homes completed:" in page
    assert "2a Learning and work service points carried on with its parent" in page
    # tree order: 2 before its sub-actions 2a and 2b, all before 4
    assert page.index("2 Lifelong") < page.index("2a Learning") < page.index("4 Investing")


def test_the_page_exists_in_dutch_and_is_in_the_agenda_menu(
    client: Client, successor: Agenda
) -> None:
    html = client.get("/agenda/opvolger/herkomst/").content.decode()
    page = text_of(html)
    assert (
        "Herkomst" in page
        and "voortgezet" in page
        and "geen opvolger genoemd" in page
        and "voortgezet met het bovenliggende" in page
    )
    assert 'href="/agenda/opvolger/herkomst/" aria-current="page"' in html
    assert "/herkomst/" not in client.get("/agenda/proefagenda/").content.decode()


def test_the_successors_link_to_their_own_pages_and_download_as_text(
    client: Client, successor: Agenda
) -> None:
    html = client.get("/en/agenda/opvolger/herkomst/").content.decode()
    assert (
        '<a href="/en/agenda/opvolger/actie/L2a/">L2a L2a</a>; '
        '<a href="/en/agenda/opvolger/actie/L2b/">L2b L2b</a>'
    ) in html
    for url in re_links(html, "/en/agenda/opvolger/actie/"):
        assert client.get(url).status_code == 200
    csv = client.get("/en/agenda/opvolger/herkomst/download/lineage.csv").content.decode()
    assert "L2a L2a; L2b L2b" in csv and "<a" not in csv


def re_links(html: str, prefix: str) -> set[str]:
    import re

    return set(re.findall(rf'href="({re.escape(prefix)}[^"]+)"', html))
