"""Action point updates by partners, the opportunities board, and sanitised minutes."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.markup import render
from netwerk.models import ActionItem, Interest, Opportunity
from tests.netwerk.builders import make_action, make_opportunity


def test_a_partner_updates_the_status_of_its_action_point(client, editor, partner):
    item = make_action(partner, title="Folder vertalen")
    client.force_login(editor)
    response = client.post(
        reverse("netwerk:action_update", args=[item.pk]),
        {f"item-{item.pk}-status": "in_progress"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItem.Status.IN_PROGRESS


def test_a_wrong_status_changes_nothing_and_says_so(client, editor, partner):
    item = make_action(partner)
    client.force_login(editor)
    response = client.post(
        reverse("netwerk:action_update", args=[item.pk]),
        {f"item-{item.pk}-status": "vergeten"},
        follow=True,
    )
    assert _("Choose one of the statuses in the list.") in response.text
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


def test_finished_points_are_shown_on_request(client, editor, partner):
    make_action(partner, title="Afgewerkt punt", status=ActionItem.Status.DONE)
    client.force_login(editor)
    assert "Afgewerkt punt" not in client.get(reverse("netwerk:action_list")).text
    response = client.get(reverse("netwerk:action_list"), {"toon": "alle"})
    assert "Afgewerkt punt" in response.text


def test_a_partner_shows_interest_and_sees_who_else_is_in(client, editor, partner, other_partner):
    opportunity = make_opportunity(title="Projectoproep Kinderarmoede")
    Interest.objects.create(opportunity=opportunity, partner=other_partner, role="lead")
    client.force_login(editor)
    page = client.get(opportunity.get_absolute_url())
    assert "Wigwam vzw" in page.text
    response = client.post(
        opportunity.get_absolute_url(),
        {"partner": partner.pk, "role": "partner", "note": "Wij doen de vorming."},
    )
    assert response.status_code == 302
    interest = Interest.objects.get(partner=partner)
    assert (interest.role, interest.person) == ("partner", editor)
    client.post(opportunity.get_absolute_url(), {"partner": partner.pk, "role": "lead"})
    assert Interest.objects.get(partner=partner).role == "lead"


def test_no_interest_after_the_deadline(client, editor, partner):
    opportunity = make_opportunity(deadline=timezone.localdate() - timedelta(days=1))
    client.force_login(editor)
    response = client.post(
        opportunity.get_absolute_url(), {"partner": partner.pk, "role": "interested"}
    )
    assert response.status_code == 400
    assert _("This opportunity is no longer open.") in response.text
    assert not Interest.objects.exists()


def test_no_interest_for_another_partner(client, editor, other_partner):
    opportunity = make_opportunity()
    client.force_login(editor)
    response = client.post(
        opportunity.get_absolute_url(), {"partner": other_partner.pk, "role": "lead"}
    )
    assert response.status_code == 400
    assert not Interest.objects.exists()


def test_withdrawing_only_your_own_interest(client, editor, partner, other_partner):
    opportunity = make_opportunity(status=Opportunity.Status.FORMING)
    mine = Interest.objects.create(opportunity=opportunity, partner=partner)
    theirs = Interest.objects.create(opportunity=opportunity, partner=other_partner)
    client.force_login(editor)
    url = "netwerk:interest_withdraw"
    assert client.post(reverse(url, args=[opportunity.pk, theirs.pk])).status_code == 404
    assert client.post(reverse(url, args=[opportunity.pk, mine.pk])).status_code == 302
    assert list(Interest.objects.all()) == [theirs]


def test_minutes_keep_formatting_and_lose_scripts():
    html = render(
        "# Besluiten\n\n- **Lunch** in mei\n\n<script>alert(1)</script>"
        "[klik](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<h3>Besluiten</h3>" in html
    assert "<strong>Lunch</strong>" in html
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
