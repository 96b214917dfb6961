"""Becoming a partner: the public "Partner worden" page and its application, and the
coordinators' review in the admin (approve, ask for more information, reject)."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from partners import services
from partners.models import Application, ApplicationStep, Invitation, Membership, Partner, Signature
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("become_partner")


@pytest.fixture(autouse=True)
def empty_cache():
    # The rate limit lives in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def declaration(db):
    return factories.make_declaration(
        "2014",
        title="Engagementsverklaring Huis van het Kind Leuven",
        text="Engagementsverklaring Huis van het Kind Leuven\n\nZij engageren zich om:\n\n"
        "- te reflecteren over de **strategische uitbouw**;",
        effective_from=timezone.localdate().replace(year=2014, month=11, day=13),
    )


def application_data(**overrides):
    return {
        "name": "  Speelotheek   De Ketter ",
        "kind": "nonprofit",
        "address": "Diestsesteenweg 1, 3010 Kessel-Lo",
        "website": "speelotheek.example.org",
        "offer": "Speelgoed lenen en samen spelen.",
        "pillars": ["spel-en-ontmoeting", "extra-aanbod"],
        "contact_name": "Lies Janssens",
        "contact_email": "lies@example.org",
        "contact_phone": "016 12 34 56",
        "signed_by": "Jan Peeters",
        "signer_role": "voorzitter",
        "signed": "on",
        **overrides,
    }


def make_application(declaration, **overrides):
    data = application_data(**overrides)
    data.pop("signed")
    data["name"] = " ".join(data["name"].split())
    data["website"] = "https://" + data["website"]
    return services.application_submit(application=Application(declaration=declaration, **data))


class TestThePage:
    def test_it_shows_the_network_the_commitments_and_the_current_declaration(
        self, client, declaration
    ):
        factories.make_declaration("2099", effective_from=timezone.localdate() + timedelta(1))

        html = client.get(URL).text

        assert "<h1>Partner worden</h1>" in html
        assert "Waartoe partners zich engageren" in html
        assert "<li>te reflecteren over de <strong>strategische uitbouw</strong>;</li>" in html
        assert "Versie 2014, van kracht sinds" in html
        # A version published later is not signed yet.
        assert "2099" not in html
        assert (
            "Namens de organisatie hierboven onderteken ik de engagementsverklaring (versie 2014)."
            in html
        )

    def test_it_offers_every_pillar_of_the_catalogue(self, client, declaration):
        html = client.get(URL).text
        for slug in ("onthaal-en-informatie", "spel-en-ontmoeting", "extra-aanbod"):
            assert f'value="{slug}"' in html

    def test_without_a_declaration_there_is_no_form(self, client):
        response = client.get(URL)
        assert response.status_code == 200
        assert "<form" not in response.text.split("<main", 1)[1].split("</main>")[0]
        assert "De engagementsverklaring staat nog niet op deze website." in response.text
        assert client.post(URL, application_data()).status_code == 200
        assert not Application.objects.exists()

    def test_it_takes_a_fixed_number_of_queries(
        self, client, declaration, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(2):
            assert client.get(URL).status_code == 200
        # The declaration, the pillars, two checks, the application and its first step, the
        # rate limit's slot in the shared (database) cache and the request's transaction.
        with django_assert_max_num_queries(16):
            assert client.post(URL, application_data()).status_code == 302

    def test_the_footer_and_the_about_page_link_to_it(self, client, declaration):
        assert f'href="{URL}"' in client.get(reverse("home")).text
        assert f'href="{URL}"' in client.get(reverse("about")).text


class TestApplying:
    def test_an_application_is_saved_with_its_signature_and_history(self, client, declaration):
        response = client.post(URL, application_data())

        assert response.status_code == 302
        assert response["Location"] == f"{URL}?verzonden=1"
        application = Application.objects.get()
        assert application.name == "Speelotheek De Ketter"
        assert application.website == "https://speelotheek.example.org"
        assert application.pillars == ["spel-en-ontmoeting", "extra-aanbod"]
        assert application.declaration == declaration
        assert (application.signed_by, application.signer_role) == ("Jan Peeters", "voorzitter")
        assert application.signed_on == timezone.localdate()
        assert application.status == Application.Status.SUBMITTED
        assert list(application.steps.values_list("status", flat=True)) == ["submitted"]
        assert not Partner.objects.exists()
        assert "Bedankt voor je aanvraag" in client.get(response["Location"]).text

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("name", "", "Dit veld is verplicht."),
            ("kind", "castle", "Selecteer een geldige keuze."),
            ("address", " ", "Dit veld is verplicht."),
            ("website", "niet een adres", "Voer een geldige URL in."),
            ("offer", "", "Dit veld is verplicht."),
            ("pillars", [], "Kies minstens één pijler."),
            ("pillars", ["geen-pijler"], "Selecteer een geldige keuze."),
            ("contact_name", "", "Dit veld is verplicht."),
            ("contact_email", "lies at example", "Voer een geldig e-mailadres in."),
            ("contact_phone", "bel me", "Geef een telefoonnummer"),
            ("signed_by", "", "Dit veld is verplicht."),
            ("signer_role", "", "Dit veld is verplicht."),
            ("signed", "", "Vink dit vakje aan om de engagementsverklaring te ondertekenen."),
            ("name", "x" * 151, "Zorg dat deze waarde niet meer dan 150 tekens bevat"),
        ],
    )
    def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
        self, client, declaration, field, value, message
    ):
        data = application_data(**{field: value})
        if value == "":
            data.pop(field)

        response = client.post(URL, data)

        assert response.status_code == 200
        assert "Er is niets verstuurd." in response.text
        error = re.search(rf'id="error_\d+_id_{field}"[^>]*>(.*?)</', response.text, re.S)
        assert error, f"no error next to {field}"
        assert message in error.group(1)
        assert not Application.objects.exists()
        # What was typed is kept.
        assert "Lies Janssens" in response.text or field == "contact_name"

    def test_the_tick_names_the_organisation_once_it_is_typed(self, client, declaration):
        data = application_data()
        data.pop("signed")
        html = client.post(URL, data).text
        assert (
            "Namens Speelotheek De Ketter onderteken ik de engagementsverklaring (versie 2014)."
            in html
        )

    def test_an_existing_partner_cannot_apply_again(self, client, declaration):
        factories.make_partner("Speelotheek de Ketter")
        response = client.post(URL, application_data())
        assert response.status_code == 200
        assert "Speelotheek De Ketter is al partner." in response.text
        assert not Application.objects.exists()

    def test_a_filled_in_honeypot_is_thanked_but_not_saved(self, client, declaration):
        response = client.post(URL, application_data(homepage="http://spam.example"))
        assert response.status_code == 302
        assert not Application.objects.exists()

    def test_a_client_sending_many_applications_is_asked_to_wait_and_keeps_its_text(
        self, client, declaration
    ):
        for _ in range(3):
            assert client.post(URL, application_data()).status_code == 302

        response = client.post(URL, application_data(offer="De vierde aanvraag."))

        assert response.status_code == 429
        assert "Je tekst staat er nog." in response.text
        assert "De vierde aanvraag." in response.text
        assert Application.objects.count() == 3
        # Another client is not held back.
        assert client.post(URL, application_data(), REMOTE_ADDR="192.0.2.9").status_code == 302


@pytest.fixture
def application(declaration):
    return make_application(declaration)


def admin_url(application):
    return reverse("admin:partners_application_change", args=[application.pk])


def admin_post(client, application, button, **overrides):
    data = application_data(**overrides)
    data.pop("signed")
    data.update(
        declaration=application.declaration_id,
        signed_on=application.signed_on.isoformat(),
        pillars=",".join(data["pillars"]),
        decision_message=overrides.get("decision_message", ""),
        **{
            "steps-TOTAL_FORMS": application.steps.count(),
            "steps-INITIAL_FORMS": application.steps.count(),
            "steps-MIN_NUM_FORMS": 0,
            "steps-MAX_NUM_FORMS": 1000,
            button: "1",
        },
    )
    for number, step in enumerate(application.steps.all()):
        data[f"steps-{number}-id"] = step.pk
        data[f"steps-{number}-application"] = application.pk
    return client.post(admin_url(application), data)


class TestReviewing:
    def test_the_coordinator_sees_the_application_with_its_decisions(
        self, client, coordinator, application
    ):
        client.force_login(coordinator)
        assert client.get(reverse("admin:partners_application_changelist")).status_code == 200
        html = client.get(admin_url(application)).text
        assert 'name="_approve"' in html
        assert 'name="_ask_information"' in html
        assert 'name="_reject"' in html

    def test_approving_makes_the_partner_its_signature_and_invites_the_contact_as_manager(
        self, client, coordinator, application, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_post(client, application, "_approve")

        assert response.status_code == 302
        partner = Partner.objects.get()
        assert partner.name == "Speelotheek De Ketter"
        assert partner.slug == "speelotheek-de-ketter"
        assert partner.status == Partner.Status.ACTIVE
        assert partner.partner_since == timezone.localdate()
        assert partner.description == "Speelgoed lenen en samen spelen."
        signature = Signature.objects.get()
        assert (signature.partner, signature.declaration) == (partner, application.declaration)
        assert (signature.signed_by, signature.signer_role) == ("Jan Peeters", "voorzitter")
        assert signature.signed_on == application.signed_on
        invitation = Invitation.objects.get()
        assert (invitation.partner, invitation.email) == (partner, "lies@example.org")
        assert invitation.role == Membership.Role.MANAGER
        assert invitation.invited_by == coordinator
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == ["lies@example.org"]
        assert invitation.get_accept_url() in mailoutbox[0].body
        application.refresh_from_db()
        assert application.status == Application.Status.APPROVED
        assert application.partner == partner
        assert list(application.steps.values_list("status", "by")) == [
            ("submitted", None),
            ("approved", coordinator.pk),
        ]
        # A decided application is shown read-only, without the decisions.
        assert 'name="_approve"' not in client.get(admin_url(application)).text

    def test_asking_for_more_information_mails_the_message_and_keeps_it_open(
        self, client, coordinator, application, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_post(
                client, application, "_ask_information", decision_message="Waar zijn jullie?"
            )

        assert response.status_code == 302
        application.refresh_from_db()
        assert application.status == Application.Status.MORE_INFORMATION
        assert application.is_open
        assert application.steps.last().message == "Waar zijn jullie?"
        assert not Partner.objects.exists()
        (message,) = mailoutbox
        assert message.to == ["lies@example.org"]
        assert message.reply_to == [coordinator.email]
        assert "Waar zijn jullie?" in message.body
        assert "Speelotheek De Ketter" in message.subject

    def test_rejecting_mails_the_reason_and_closes_the_application(
        self, client, coordinator, application, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        with django_capture_on_commit_callbacks(execute=True):
            admin_post(client, application, "_reject", decision_message="Niet in Leuven.")

        application.refresh_from_db()
        assert application.status == Application.Status.REJECTED
        assert not application.is_open
        assert "Niet in Leuven." in mailoutbox[0].body
        assert "niet te aanvaarden" in mailoutbox[0].body
        assert not Partner.objects.exists()

    @pytest.mark.parametrize("button", ["_ask_information", "_reject"])
    def test_asking_or_rejecting_needs_a_message(
        self, client, coordinator, application, mailoutbox, button
    ):
        client.force_login(coordinator)
        response = admin_post(client, application, button, decision_message="  ")
        assert response.status_code == 200
        assert "Schrijf het bericht dat de contactpersoon bij deze beslissing krijgt." in (
            response.text
        )
        application.refresh_from_db()
        assert application.status == Application.Status.SUBMITTED
        assert application.steps.count() == 1
        assert mailoutbox == []

    def test_approving_a_name_a_partner_has_meanwhile_is_refused_and_changes_nothing(
        self, client, coordinator, application, mailoutbox
    ):
        factories.make_partner("Speelotheek De Ketter", slug="ketter")
        client.force_login(coordinator)

        response = admin_post(client, application, "_approve")

        assert response.status_code == 200
        assert "Er is al een partner met de naam Speelotheek De Ketter." in response.text
        assert Partner.objects.count() == 1
        assert not Signature.objects.exists() and not Invitation.objects.exists()
        application.refresh_from_db()
        assert application.status == Application.Status.SUBMITTED
        assert mailoutbox == []

    def test_the_coordinator_may_correct_the_name_while_approving(
        self, client, coordinator, application
    ):
        client.force_login(coordinator)
        admin_post(client, application, "_approve", name="Speelotheek Kessel-Lo")
        assert Partner.objects.get().name == "Speelotheek Kessel-Lo"

    def test_a_decided_application_cannot_be_decided_again(self, coordinator, application):
        services.application_reject(application=application, by=coordinator, message="Nee.")
        with pytest.raises(services.ApplicationClosed):
            services.application_approve(application=application, by=coordinator, request=None)
        assert not Partner.objects.exists()
        assert ApplicationStep.objects.count() == 2

    def test_a_new_partner_never_takes_a_slug_in_use_or_reserved(self, declaration):
        factories.make_partner("De Ketter", slug="de-ketter")
        assert services.partner_slug_for("De Ketter") == "de-ketter-2"
        assert services.partner_slug_for("Netwerk") == "netwerk-2"

    def test_the_coordinators_group_may_review_applications(self, db):
        from django.contrib.auth.models import Group

        codenames = set(
            Group.objects.get(name="Coordinators").permissions.values_list("codename", flat=True)
        )
        assert {"view_application", "change_application", "view_applicationstep"} <= codenames
