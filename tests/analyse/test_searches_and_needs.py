from datetime import date, timedelta

import pytest
from django.utils import timezone

from aanbod.models import FilterLog, SearchLog, Theme
from analyse.models import NeedSignal
from tests import factories
from tests.analyse.helpers import count_queries, row_named, values

URL = "/mijn/analyse/zoekvragen/"
MONTH = date(2025, 3, 1)


def log(query, count, day):
    SearchLog.objects.create(query=query, result_count=count, searched_on=day)


@pytest.fixture
def known_searches(db):
    for day in (MONTH, MONTH + timedelta(days=3), MONTH + timedelta(days=20)):
        log("zwemles baby", 0, day)
    log("zwemles baby", 0, date(2025, 1, 12))
    log("arabisch", 1, MONTH)
    log("arabisch", 9, MONTH)  # found enough: not an unanswered search
    for count in [5] * 17:
        log("babymassage", count, MONTH + timedelta(days=1))
    FilterLog.objects.create(filters="gemeente=3012&voor=12-18", result_count=0, searched_on=MONTH)
    FilterLog.objects.create(filters="gemeente=3012&voor=12-18", result_count=0, searched_on=MONTH)
    FilterLog.objects.create(filters="gemeente=3018", result_count=0, searched_on=date(2025, 2, 2))


def test_it_groups_searches_with_no_or_few_results_with_a_trend_per_month(
    client, coordinator, known_searches
):
    client.force_login(coordinator)
    response = client.get(URL + "?maand=2025-03")
    rows = values(response, "zoekvragen")
    # text, searches, without result, then October 2024 ... March 2025
    assert rows == [
        ["zwemles baby", 3, 3, 0, 0, 0, 1, 0, 3],
        ["arabisch", 1, 0, 0, 0, 0, 0, 0, 1],
    ]
    assert response.context["tables"]["zoekvragen"].rows[0][0].url == "/aanbod/?q=zwemles+baby"


def test_it_shows_filter_combinations_without_result_in_words(client, coordinator, known_searches):
    client.force_login(coordinator)
    response = client.get(URL + "?maand=2025-03")
    assert values(response, "filters") == [
        ["Deelgemeente: 3012 Wilsele · Voor wie?: 12 tot 18 jaar", 2]
    ]
    link = response.context["tables"]["filters"].rows[0][0].url
    assert link == "/aanbod/?gemeente=3012&voor=12-18"


def test_it_shows_the_share_of_searches_without_result_per_month(
    client, coordinator, known_searches
):
    client.force_login(coordinator)
    response = client.get(URL + "?maand=2025-03")
    assert row_named(response, "nulresultaten", "maart 2025") == ["maart 2025", 22, 3, 13.6]
    assert row_named(response, "nulresultaten", "januari 2025") == ["januari 2025", 1, 1, 100.0]
    assert row_named(response, "nulresultaten", "februari 2025") == ["februari 2025", 0, 0, ""]
    bar = response.context["rate_chart"]["bars"][-1]
    assert (bar.text, bar.highlight) == ("13,6 %", True)


def test_without_a_month_it_shows_last_month(client, coordinator):
    client.force_login(coordinator)
    month = client.get(URL).context["month"]
    today = timezone.localdate()
    assert month < today.replace(day=1) and month.day == 1
    assert (today.replace(day=1) - month).days <= 31


def test_a_malformed_month_gets_a_message_next_to_the_field(client, coordinator):
    client.force_login(coordinator)
    response = client.get(URL + "?maand=maart")
    assert response.status_code == 200
    assert "Geef een maand als jaar en maand" in response.content.decode()


def test_an_editor_sees_no_network_wide_searches(client, editor, known_searches):
    client.force_login(editor)
    response = client.get(URL + "?maand=2025-03")
    assert "zoekvragen" not in response.context["tables"]
    assert "zwemles baby" not in response.content.decode()


def test_the_catalogue_logs_a_filter_combination_that_found_nothing(client, db):
    client.get("/aanbod/?voor=12-18&gemeente=3012&gemeente=3001&q=zwemmen")
    client.get("/aanbod/?q=zwemmen")  # no filter: the search log has it
    client.get("/aanbod/?voor=bestaat-niet")  # not a valid value: nothing to learn
    assert list(FilterLog.objects.values_list("filters", "result_count")) == [
        ("gemeente=3001&gemeente=3012&voor=12-18", 0)
    ]


def test_the_catalogue_logs_no_filter_combination_that_found_offers(client, partner):
    factories.make_offer(partner, age_min_months=144, age_max_months=200)
    client.get("/aanbod/?voor=12-18")
    assert not FilterLog.objects.exists()


@pytest.fixture
def signals(partner, other_partner):
    theme = Theme.objects.create(name="Vrije tijd", slug="vrije-tijd")
    day = date(2025, 3, 5)
    NeedSignal.objects.create(
        partner=partner,
        theme=theme,
        age_band="12-18",
        area="3012",
        target_group=NeedSignal.TargetGroup.NEWCOMERS,
        frequency=NeedSignal.Frequency.OFTEN,
        description="Tieners zoeken een plek om na school samen te komen.",
        heard_on=day,
    )
    NeedSignal.objects.create(
        partner=other_partner, theme=theme, description="Geheim van Wigwam", heard_on=day
    )
    return theme


def test_need_signals_are_listed_in_full_only_for_the_partner_that_heard_them(
    client, editor, manager, coordinator, signals
):
    client.force_login(editor)
    response = client.get(URL + "?maand=2025-03")
    assert [row[-1] for row in values(response, "noden")] == [
        "Tieners zoeken een plek om na school samen te komen."
    ]
    assert values(response, "noden")[0][1:6] == [
        "Vrije tijd",
        "12 tot 18 jaar",
        "3012 Wilsele",
        "nieuwkomers",
        "vaak",
    ]
    assert values(response, "noden_per_thema") == [["Vrije tijd", 1, 1]]
    client.force_login(manager)
    response = client.get(URL + "?maand=2025-03")
    assert len(values(response, "noden")) == 1
    assert "Geheim van Wigwam" not in response.content.decode()
    assert values(response, "noden_per_thema") == [["Vrije tijd", 2, 1]]  # network-wide count
    client.force_login(coordinator)
    assert len(values(client.get(URL + "?maand=2025-03"), "noden")) == 2


def test_staff_record_a_need_for_their_own_partner(client, editor, partner, other_partner, signals):
    client.force_login(editor)
    data = {
        "partner": other_partner.pk,
        "theme": signals.pk,
        "target_group": "poverty",
        "frequency": "often",
        "description": "Gezinnen vragen naar gratis sportkampen.",
        "heard_on": "2025-03-10",
    }
    response = client.post("/mijn/analyse/noden/nieuw/", data)
    assert response.status_code == 200
    assert response.context["form"].has_error("partner")
    response = client.post("/mijn/analyse/noden/nieuw/", {**data, "partner": partner.pk})
    assert response.status_code == 302
    assert NeedSignal.objects.filter(partner=partner, target_group="poverty").count() == 1


def test_a_need_with_bad_input_keeps_what_was_typed(client, coordinator, signals):
    client.force_login(coordinator)
    text = "x" * 501
    response = client.post(
        "/mijn/analyse/noden/nieuw/",
        {
            "theme": signals.pk,
            "target_group": "all",
            "frequency": "once",
            "description": text,
            "heard_on": "2999-01-01",
        },
    )
    form = response.context["form"]
    assert form.has_error("description") and form.has_error("heard_on")
    assert text in response.content.decode()
    assert NeedSignal.objects.count() == 2


def test_the_searches_page_queries_do_not_grow_with_the_rows(client, coordinator, signals):
    client.force_login(coordinator)
    log("zoekterm", 0, MONTH)
    few = count_queries(client, URL + "?maand=2025-03")
    for index in range(12):
        log(f"zoekterm {index}", 0, MONTH)
        FilterLog.objects.create(filters=f"leeftijd={index}", result_count=0, searched_on=MONTH)
        NeedSignal.objects.create(theme=signals, description="nood", heard_on=MONTH)
    assert count_queries(client, URL + "?maand=2025-03") == few
