"""The analysis page "Gebruik van de site": use per day, month, page and offer, scoped."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from common.models import UsageCount
from tests import factories
from tests.analyse.helpers import count_queries, table, values

URL = "/mijn/analyse/gebruik/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def month_start(day):
    return day.replace(day=1)


LAST_MONTH = month_start(month_start(timezone.localdate()) - timedelta(days=1))
MONTH_BEFORE = month_start(LAST_MONTH - timedelta(days=1))
PAGE = f"{URL}?maand={LAST_MONTH:%Y-%m}"


def use(day, kind, page, count, offer=None):
    UsageCount.objects.create(
        day=day, kind=kind, page=page, count=count, offer_id=offer.pk if offer else None
    )


@pytest.fixture
def known_use(partner, other_partner):
    """Last month: on its first day the catalogue 10 times, Babbelbox (Gezinsbond) 4 and
    Huiswerkklas (Wigwam) 3; on its second day Babbelbox once more, its phone twice and its
    website once, Huiswerkklas's e-mail once and the agenda as calendar 5 times. The month
    before: the catalogue 7 times. This month: the catalogue 100 times."""
    babbelbox = factories.make_offer(partner, "Babbelbox")
    huiswerk = factories.make_offer(other_partner, "Huiswerkklas")
    first, second = LAST_MONTH, LAST_MONTH + timedelta(days=1)
    use(first, "view", "aanbod:offer_list", 10)
    use(first, "view", "aanbod:offer_detail", 4, babbelbox)
    use(first, "view", "aanbod:offer_detail", 3, huiswerk)
    use(second, "view", "aanbod:offer_detail", 1, babbelbox)
    use(second, "phone", "aanbod:offer_contact", 2, babbelbox)
    use(second, "website", "aanbod:offer_contact", 1, babbelbox)
    use(second, "email", "aanbod:offer_contact", 1, huiswerk)
    use(second, "calendar", "aanbod:agenda_ical", 5)
    use(MONTH_BEFORE, "view", "aanbod:offer_list", 7)
    use(timezone.localdate(), "view", "aanbod:offer_list", 100)
    return babbelbox, huiswerk


def day_rows(response):
    return [row[1:] for row in values(response, "gebruik_per_dag")]


def test_a_coordinator_sees_the_use_per_day_page_and_offer(client, coordinator, known_use):
    client.force_login(coordinator)
    response = client.get(PAGE)
    days = day_rows(response)
    # Views, of which offer pages, phone, e-mail, website, calendar.
    assert days[0] == [17, 7, 0, 0, 0, 0]
    assert days[1] == [1, 1, 2, 1, 1, 5]
    assert all(day == [0] * 6 for day in days[2:])
    assert len(days) == (month_start(timezone.localdate()) - LAST_MONTH).days
    assert values(response, "gebruik_per_pagina") == [
        ["Catalogus (lijst en zoeken)", 10],
        ["Aanbodpagina's", 8],
        ["Agenda gedownload als kalender", 5],
        ["Telefoonlinks van aanbod", 2],
        ["E-maillinks van aanbod", 1],
        ["Websitelinks van aanbod", 1],
    ]
    assert values(response, "gebruik_per_aanbod") == [
        ["Babbelbox", "Gezinsbond vzw", 5, 2, 0, 1],
        ["Huiswerkklas", "Wigwam vzw", 3, 0, 1, 0],
    ]
    months = values(response, "gebruik_per_maand")
    assert len(months) == 12
    assert months[-1][1:] == [18, 8, 2, 1, 1, 5]
    assert months[-2][1:] == [7, 0, 0, 0, 0, 0]
    assert table(response, "gebruik_per_aanbod").rows[0][0].url == "/aanbod/babbelbox/"
    chart = response.context["chart"]
    assert [bar.value for bar in chart["bars"][:3]] == [17, 1, 0]


def test_a_manager_sees_the_whole_site_and_their_own_offers(client, manager, known_use):
    client.force_login(manager)
    response = client.get(PAGE)
    assert day_rows(response)[0] == [17, 7, 0, 0, 0, 0]
    assert values(response, "gebruik_per_pagina")[0] == ["Catalogus (lijst en zoeken)", 10]
    assert values(response, "gebruik_per_aanbod") == [["Babbelbox", "Gezinsbond vzw", 5, 2, 0, 1]]


def test_an_editor_sees_only_their_own_offers(client, editor, known_use):
    client.force_login(editor)
    response = client.get(PAGE)
    days = day_rows(response)
    assert days[0] == [4, 4, 0, 0, 0, 0]
    assert days[1] == [1, 1, 2, 0, 1, 0]
    assert "gebruik_per_pagina" not in response.context["tables"]
    assert values(response, "gebruik_per_aanbod") == [["Babbelbox", "Gezinsbond vzw", 5, 2, 0, 1]]
    assert values(response, "gebruik_per_maand")[-1][1:] == [5, 5, 2, 0, 1, 0]
    assert client.get(PAGE + "&formaat=csv&tabel=gebruik_per_pagina").status_code == 404


def test_this_month_is_shown_by_default_with_what_this_process_counted_just_now(
    client, coordinator, partner
):
    factories.make_offer(partner, "Babbelbox")
    for _ in range(3):
        client.get("/aanbod/babbelbox/", HTTP_USER_AGENT=BROWSER)
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.context["month"] == month_start(timezone.localdate())
    assert values(response, "gebruik_per_aanbod") == [["Babbelbox", "Gezinsbond vzw", 3, 0, 0, 0]]
    assert day_rows(response)[-1] == [3, 3, 0, 0, 0, 0]


def test_a_wrong_month_gets_a_message_and_this_month(client, coordinator):
    client.force_login(coordinator)
    response = client.get(URL + "?maand=morgen")
    assert response.status_code == 200
    assert "Geef een maand als jaar en maand" in response.content.decode()
    assert response.context["month"] == month_start(timezone.localdate())


def test_the_use_per_offer_downloads_as_csv(client, coordinator, known_use):
    client.force_login(coordinator)
    response = client.get(PAGE + "&formaat=csv&tabel=gebruik_per_aanbod")
    assert (
        f'filename="gebruik-{LAST_MONTH:%Y-%m}-gebruik_per_aanbod.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")), delimiter=";"))
    assert rows == [
        ["Aanbod", "Partner", "Paginaweergaven", "Telefoonlinks", "E-maillinks", "Websitelinks"],
        ["Babbelbox", "Gezinsbond vzw", "5", "2", "0", "1"],
        ["Huiswerkklas", "Wigwam vzw", "3", "0", "1", "0"],
    ]


def test_the_queries_do_not_grow_with_offers_or_days(client, coordinator, editor, known_use):
    client.force_login(coordinator)
    few = count_queries(client, PAGE)
    client.force_login(editor)
    few_own = count_queries(client, PAGE)
    provider = factories.make_partner("Kind en Gezin")
    for index in range(12):
        offer = factories.make_offer(provider)
        for day in range(3):
            use(LAST_MONTH + timedelta(days=day), "view", "aanbod:offer_detail", index, offer)
            use(LAST_MONTH + timedelta(days=day), "phone", "aanbod:offer_contact", 1, offer)
    client.force_login(coordinator)
    assert count_queries(client, PAGE) == few
    client.force_login(editor)
    assert count_queries(client, PAGE) == few_own
