"""Starting a referral: consent first, then only the details needed; bad input gets a message
next to the field and nothing is saved; the receiving partner's staff get an e-mail without
personal details."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Location
from referrals.models import Referral, ReferralEvent
from tests import factories

CONSENT = {
    "consent": "yes",
    "age_band": "0-3",
    "consent_by": "parent",
    "consent_method": "spoken",
    "consent_scope": "on",
}
DETAILS = {
    "first_name": "Amira",
    "contact_method": "phone",
    "contact_detail": "0470 12 34 56",
    "language": "Arabisch",
    "interpreter_needed": "on",
    "question": "Zoekt contact met andere ouders.",
}


@pytest.fixture
def url(partner):
    return reverse("portal:referral_create", args=[partner.slug])


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def consent_data(other_partner, **overrides):
    data = {
        **CONSENT,
        "target": f"p-{other_partner.pk}",
        "consent_on": timezone.localdate().isoformat(),
        **overrides,
    }
    return {name: value for name, value in data.items() if value is not None}


def token_from(response):
    return re.search(r'name="token" value="([^"]+)"', response.text)[1]


def test_the_consent_page_lists_the_other_partners_their_offers_and_the_huizen(
    staff_client, url, partner, other_partner
):
    offer = factories.make_offer(other_partner, "Spelotheek")
    factories.make_offer(partner, "Eigen aanbod")
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo", kind=Location.Kind.HUIS_VAN_HET_KIND, owner=other_partner
    )
    response = staff_client.get(url)
    assert response.status_code == 200
    assert f'value="p-{other_partner.pk}"' in response.text
    assert f'value="o-{offer.pk}"' in response.text
    assert f'value="h-{huis.pk}"' in response.text
    assert f'value="p-{partner.pk}"' not in response.text
    assert "Eigen aanbod" not in response.text
    assert "12" in response.text  # the age from which young people consent themselves


def test_without_consent_the_flow_stops_and_says_what_to_do_instead(
    staff_client, url, partner, other_partner
):
    offer = factories.make_offer(other_partner, "Spelotheek")
    response = staff_client.post(
        url, consent_data(other_partner, consent="no", target=f"o-{offer.pk}"), follow=True
    )
    assert response.redirect_chain[-1][0].startswith(
        reverse("portal:referral_no_consent", args=[partner.slug])
    )
    assert "Zonder toestemming" in response.text or "zonder toestemming" in response.text
    assert offer.get_absolute_url() in response.text
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"target": ""}, "target", "Dit veld is verplicht"),
        ({"target": "p-999999"}, "target", "Kies een partner"),
        ({"consent": None}, "consent", "Dit veld is verplicht"),
        ({"age_band": None}, "age_band", "Kies de leeftijd"),
        ({"consent_by": None}, "consent_by", "Zeg wie"),
        ({"consent_on": "gisteren"}, "consent_on", "Voer een geldige datum in"),
        ({"consent_on": "2999-01-01"}, "consent_on", "toekomst"),
        ({"consent_method": None}, "consent_method", "Zeg hoe"),
        ({"consent_scope": None}, "consent_scope", "Verwijs alleen door"),
        ({"consent_by": "young_person", "age_band": "6-12"}, "consent_by", "Onder 12"),
        ({"consent_by": "parent", "age_band": "18-24"}, "consent_by", "Vanaf 18"),
    ],
)
def test_bad_consent_input_gets_a_message_at_the_field_and_saves_nothing(
    staff_client, url, other_partner, overrides, field, message
):
    response = staff_client.post(url, consent_data(other_partner, **overrides))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert "Er is niets bewaard" in response.text
    assert not Referral.objects.exists()


def test_a_young_person_of_twelve_or_older_may_consent_for_themselves(
    staff_client, url, other_partner
):
    response = staff_client.post(
        url, consent_data(other_partner, consent_by="young_person", age_band="12-18")
    )
    assert "token" in response.context["form"].fields
    assert not response.context["form"].errors


def test_with_consent_and_details_the_referral_is_sent_and_the_receiver_is_mailed(
    staff_client,
    url,
    partner,
    other_partner,
    editor,
    receiver_staff,
    django_capture_on_commit_callbacks,
):
    step_two = staff_client.post(url, consent_data(other_partner))
    assert not Referral.objects.exists()  # the consent alone saves nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {**DETAILS, "token": token_from(step_two)})
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "portal:referral_detail", args=[partner.slug, referral.pk]
    )
    assert (referral.sender, referral.receiver, referral.sent_by) == (
        partner,
        other_partner,
        editor,
    )
    assert (referral.first_name, referral.contact_detail) == ("Amira", "0470 12 34 56")
    assert referral.consent_by == "parent" and referral.consent_on == timezone.localdate()
    assert referral.status == "sent" and referral.contact_lookup
    assert list(ReferralEvent.objects.values_list("status", flat=True)) == ["sent"]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "chef@wigwam.test",
        "outsider@example.org",
    ]
    message = mail.outbox[0]
    assert reverse("portal:referral_detail", args=[other_partner.slug, referral.pk]) in (
        message.body
    )
    for personal in ("Amira", "0470", "Arabisch", "ouders"):
        assert personal not in message.body + message.subject


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"first_name": ""}, "first_name", "Dit veld is verplicht"),
        ({"first_name": "A" * 41}, "first_name", "40 tekens"),
        ({"contact_method": "pigeon"}, "contact_method", "Selecteer een geldige keuze"),
        ({"contact_detail": ""}, "contact_detail", "Vul in waar"),
        ({"contact_detail": "bel me"}, "contact_detail", "telefoonnummer"),
        ({"contact_detail": "0470 12"}, "contact_detail", "volledige telefoonnummer"),
        ({"contact_method": "email", "contact_detail": "amira@"}, "contact_detail", "e-mail"),
        ({"contact_method": "letter", "contact_detail": "Straat"}, "contact_detail", "straat"),
        ({"contact_method": "family"}, "contact_detail", "Laat dit leeg"),
        ({"language": ""}, "language", "Dit veld is verplicht"),
        ({"question": ""}, "question", "Dit veld is verplicht"),
        ({"question": "x" * 601}, "question", "600 tekens"),
    ],
)
def test_bad_details_get_a_message_at_the_field_keep_the_consent_and_save_nothing(
    staff_client, url, other_partner, overrides, field, message
):
    token = token_from(staff_client.post(url, consent_data(other_partner)))
    response = staff_client.post(url, {**DETAILS, "token": token, **overrides})
    assert response.status_code == 200
    assert message.lower() in str(response.context["form"].errors[field]).lower()
    assert token_from(response) == token
    assert not Referral.objects.exists()


def test_do_not_contact_needs_no_detail(staff_client, url, other_partner):
    token = token_from(staff_client.post(url, consent_data(other_partner)))
    staff_client.post(
        url, {**DETAILS, "token": token, "contact_method": "family", "contact_detail": ""}
    )
    referral = Referral.objects.get()
    assert (referral.contact_method, referral.contact_detail, referral.contact_lookup) == (
        "family",
        "",
        "",
    )


def test_sending_the_same_form_twice_sends_one_referral(staff_client, url, other_partner):
    token = token_from(staff_client.post(url, consent_data(other_partner)))
    staff_client.post(url, {**DETAILS, "token": token})
    again = staff_client.post(url, {**DETAILS, "token": token}, follow=True)
    assert Referral.objects.count() == 1
    assert "al verstuurd" in again.text


def test_an_altered_consent_is_refused_and_saves_nothing(staff_client, url, other_partner):
    token = token_from(staff_client.post(url, consent_data(other_partner)))
    response = staff_client.post(url, {**DETAILS, "token": token[:-2] + "xx"}, follow=True)
    assert response.redirect_chain[-1][0] == url
    assert "opnieuw" in response.text
    assert not Referral.objects.exists()
