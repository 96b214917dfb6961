"""The analysis page "Doorverwijzingen": anonymous counts by partner, pillar, status and
outcome, with the median time to answer; scoped, and never a family's details."""

import csv
import io
from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from referrals.models import Referral
from referrals.services import referral_step
from tests import factories
from tests.analyse.helpers import count_queries, values

URL = "/mijn/analyse/doorverwijzingen/"


@pytest.fixture
def known_referrals(partner, other_partner):
    """This year: Gezinsbond sent Wigwam two referrals (one still waiting; one to its
    Spelotheek, answered after 2 hours and closed, the family helped); Wigwam sent Gezinsbond
    one, to its Opvoedingslijn, answered after 4 hours; Kind en Gezin sent Wigwam one, declined
    after 6 hours. Last year: one more from Gezinsbond to Wigwam."""
    third = factories.make_partner("Kind en Gezin", slug="kind-en-gezin")
    spelotheek = factories.make_offer(other_partner, "Spelotheek")
    lijn = factories.make_offer(partner, "Opvoedingslijn", pillars=("opvoedadvies",))
    factories.make_referral(partner, other_partner)
    helped = factories.make_referral(partner, other_partner, offer=spelotheek)
    referral_step(referral=helped, step="accept", partner=other_partner)
    referral_step(referral=helped, step="close", partner=other_partner, outcome="helped")
    accepted = factories.make_referral(other_partner, partner, offer=lijn, first_name="Zoë")
    referral_step(referral=accepted, step="accept", partner=partner)
    declined = factories.make_referral(third, other_partner)
    referral_step(referral=declined, step="decline", partner=other_partner, reason="no_place")
    for referral, hours in ((helped, 2), (accepted, 4), (declined, 6)):
        Referral.objects.filter(pk=referral.pk).update(
            answered_at=F("created_at") + timedelta(hours=hours)
        )
    old = factories.make_referral(partner, other_partner)
    a_year_ago = timezone.now().replace(month=6, day=15) - timedelta(days=365)
    Referral.objects.filter(pk=old.pk).update(created_at=a_year_ago)
    return third


def test_a_coordinator_sees_the_counts_of_every_referral_and_no_details(
    client, coordinator, known_referrals
):
    client.force_login(coordinator)
    response = client.get(URL)
    # Partner, sent, received, answered, median hours (hidden under three answers).
    assert values(response, "doorverwijzingen_partners") == [
        ["Gezinsbond vzw", 2, 1, 1, ""],
        ["Kind en Gezin", 1, 0, 0, ""],
        ["Wigwam vzw", 1, 3, 2, ""],
    ]
    assert values(response, "doorverwijzingen_pijlers") == [
        ["Laagdrempelig onthaal- en informatieaanbod", 1],
        ["Laagdrempelig opvoedadvies", 1],
        ["Zonder aanbod", 2],
    ]
    assert values(response, "doorverwijzingen_status") == [
        ["aanvaard", 1],
        ["afgesloten", 1],
        ["komt niet", 1],
        ["verstuurd", 1],
    ]
    assert values(response, "doorverwijzingen_uitkomst") == [["het gezin is geholpen", 1]]
    text = response.content.decode()
    assert "4 doorverwijzingen, 3 beantwoord." in text
    assert "Mediane tijd tot antwoord: 4,0 uur." in text
    for personal in ("Amira", "Zoë", "0470", "Arabisch"):
        assert personal not in text
    chart = response.context["chart"]
    assert [(bar.label, bar.value) for bar in chart["bars"]] == [
        ("Gezinsbond vzw", 1),
        ("Kind en Gezin", 0),
        ("Wigwam vzw", 3),
    ]


def test_a_median_is_shown_from_three_answers_on(client, coordinator, known_referrals):
    waiting = Referral.objects.filter(receiver__slug="wigwam", answered_at__isnull=True)
    other = waiting.get(created_at__year=timezone.localdate().year)
    Referral.objects.filter(pk=other.pk).update(
        answered_at=F("created_at") + timedelta(hours=10), status="accepted"
    )
    client.force_login(coordinator)
    response = client.get(URL)
    # Wigwam answered after 2, 6 and 10 hours.
    assert values(response, "doorverwijzingen_partners")[-1] == ["Wigwam vzw", 1, 3, 3, 6.0]


def test_partner_staff_count_only_what_their_organisation_sent_or_received(
    client, editor, manager, known_referrals
):
    for person in (editor, manager):
        client.force_login(person)
        response = client.get(URL)
        assert values(response, "doorverwijzingen_partners") == [["Gezinsbond vzw", 2, 1, 1, ""]]
        # The three referrals Gezinsbond sent or received; not Kind en Gezin's to Wigwam.
        assert values(response, "doorverwijzingen_status") == [
            ["aanvaard", 1],
            ["afgesloten", 1],
            ["verstuurd", 1],
        ]
        assert "3 doorverwijzingen, 2 beantwoord." in response.content.decode()


def test_the_other_partner_counts_its_own(client, outsider, known_referrals):
    client.force_login(outsider)
    response = client.get(URL)
    assert values(response, "doorverwijzingen_partners") == [["Wigwam vzw", 1, 3, 2, ""]]


def test_another_year_counts_that_years_referrals(client, coordinator, known_referrals):
    client.force_login(coordinator)
    response = client.get(URL + f"?jaar={timezone.localdate().year - 1}")
    assert values(response, "doorverwijzingen_partners")[0] == ["Gezinsbond vzw", 1, 0, 0, ""]
    assert values(response, "doorverwijzingen_uitkomst") == []
    assert "Geen afgesloten doorverwijzingen" in response.content.decode()


def test_the_counts_download_as_csv(client, coordinator, known_referrals):
    client.force_login(coordinator)
    year = timezone.localdate().year
    response = client.get(URL + "?formaat=csv&tabel=doorverwijzingen_partners")
    assert (
        f'filename="doorverwijzingen-{year}-doorverwijzingen_partners.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Partner",
        "Verstuurd",
        "Ontvangen",
        "Beantwoord",
        "Mediane tijd tot antwoord (uren)",
    ]
    assert rows[-1] == ["Wigwam vzw", "1", "3", "2", ""]


def test_the_queries_do_not_grow_with_referrals_or_partners(client, coordinator, known_referrals):
    client.force_login(coordinator)
    few = count_queries(client, URL)
    for index in range(5):
        sender = factories.make_partner(f"Partner {index}")
        for _ in range(2):
            factories.make_referral(sender, known_referrals)
    assert count_queries(client, URL) == few


def test_the_yearly_report_has_the_use_and_the_referrals(client, coordinator, known_referrals):
    client.force_login(coordinator)
    response = client.get("/mijn/analyse/jaarverslag/")
    assert values(response, "doorverwijzingen_partners")[-1] == ["Wigwam vzw", 1, 3, 2, ""]
    assert len(values(response, "gebruik_per_maand")) == timezone.localdate().month
    text = response.content.decode()
    assert "7. Doorverwijzingen tussen partners" in text and "6. Gebruik van de site" in text
