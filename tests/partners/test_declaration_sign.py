"""A new version of the engagement declaration: the portal asks active partners to sign it,
a manager signs it, and "Over ons" shows which version each partner signed and when."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Partner, Signature
from tests import factories

pytestmark = pytest.mark.django_db

BANNER = "Nieuwe versie van de engagementsverklaring te ondertekenen"


@pytest.fixture
def old_version(partner):
    declaration = factories.make_declaration("2014", effective_from=date(2014, 11, 13))
    Signature.objects.create(declaration=declaration, partner=partner, signed_on=date(2014, 11, 13))
    return declaration


@pytest.fixture
def new_version(old_version):
    return factories.make_declaration(
        "2026", text="Versie 2026 met **nieuwe** engagementen.", effective_from=date(2026, 1, 1)
    )


def sign_url(partner):
    return reverse("portal:declaration_sign", args=[partner.slug])


def dashboard(client, user, partner):
    client.force_login(user)
    return client.get(reverse("portal:dashboard", args=[partner.slug])).text


def sign_data(**overrides):
    return {"signed_by": "Mieke Claes", "signer_role": "directeur", "signed": "on", **overrides}


class TestTheBanner:
    def test_a_manager_is_asked_to_sign_a_new_version(self, client, manager, partner, new_version):
        html = dashboard(client, manager, partner)
        assert BANNER in html
        assert "Als beheerder onderteken je ze namens je organisatie." in html
        assert f'href="{sign_url(partner)}"' in html

    def test_an_editor_learns_that_a_manager_signs(self, client, editor, partner, new_version):
        html = dashboard(client, editor, partner)
        assert BANNER in html
        assert "Een beheerder van je organisatie ondertekent ze." in html

    def test_there_is_no_banner_once_signed(self, client, manager, partner, old_version):
        assert BANNER not in dashboard(client, manager, partner)

    def test_a_version_published_later_is_not_asked_for_yet(
        self, client, manager, partner, old_version
    ):
        factories.make_declaration("2099", effective_from=timezone.localdate() + timedelta(1))
        assert BANNER not in dashboard(client, manager, partner)

    def test_a_candidate_is_not_asked(self, client, manager, partner, new_version):
        Partner.objects.filter(pk=partner.pk).update(status=Partner.Status.CANDIDATE)
        assert BANNER not in dashboard(client, manager, partner)


class TestSigning:
    def test_the_page_shows_the_new_text_and_the_tick_with_the_partners_name(
        self, client, manager, partner, new_version
    ):
        client.force_login(manager)
        html = client.get(sign_url(partner)).text
        assert "Versie 2026 met <strong>nieuwe</strong> engagementen." in html
        assert "Namens Gezinsbond vzw onderteken ik de engagementsverklaring (versie 2026)." in html

    def test_a_manager_signs_for_the_partner_today(self, client, manager, partner, new_version):
        client.force_login(manager)

        response = client.post(sign_url(partner), sign_data(signed_by="  Mieke Claes "))

        assert response.status_code == 302
        assert response["Location"] == reverse("portal:dashboard", args=[partner.slug])
        signature = Signature.objects.get(declaration=new_version)
        assert signature.partner == partner
        assert (signature.signed_by, signature.signer_role) == ("Mieke Claes", "directeur")
        assert signature.signed_on == timezone.localdate()
        html = client.get(response["Location"]).text
        assert "Gezinsbond vzw heeft de engagementsverklaring ondertekend (versie 2026)." in html
        assert BANNER not in html

    @pytest.mark.parametrize(
        ("field", "message"),
        [
            ("signed_by", "Dit veld is verplicht."),
            ("signer_role", "Dit veld is verplicht."),
            ("signed", "Vink dit vakje aan om de engagementsverklaring te ondertekenen."),
        ],
    )
    def test_a_missing_field_is_explained_and_nothing_is_signed(
        self, client, manager, partner, new_version, field, message
    ):
        client.force_login(manager)
        data = sign_data()
        data.pop(field)

        response = client.post(sign_url(partner), data)

        assert response.status_code == 200
        assert "Er is niets ondertekend." in response.text
        assert message in response.text
        assert not new_version.signatures.exists()

    def test_an_editor_reads_but_cannot_sign(self, client, editor, partner, new_version):
        client.force_login(editor)
        html = client.get(sign_url(partner)).text
        assert '<form method="post" action="' + sign_url(partner) not in html
        assert "Vraag een beheerder om ze hier te ondertekenen." in html
        assert client.post(sign_url(partner), sign_data()).status_code == 404
        assert not new_version.signatures.exists()

    def test_signing_twice_keeps_the_first_signature(self, client, manager, partner, new_version):
        client.force_login(manager)
        client.post(sign_url(partner), sign_data())
        Signature.objects.filter(declaration=new_version).update(signed_by="Eerste")

        response = client.post(sign_url(partner), sign_data(signed_by="Tweede"))

        assert response.status_code == 302
        assert list(new_version.signatures.values_list("signed_by", flat=True)) == ["Eerste"]

    def test_without_a_version_to_sign_the_page_sends_back_to_the_dashboard(
        self, client, manager, partner, old_version
    ):
        client.force_login(manager)
        response = client.get(sign_url(partner))
        assert response.status_code == 302
        assert response["Location"] == reverse("portal:dashboard", args=[partner.slug])

    def test_a_coordinator_may_sign_for_a_partner(self, client, coordinator, partner, new_version):
        client.force_login(coordinator)
        assert client.post(sign_url(partner), sign_data()).status_code == 302
        assert new_version.signatures.filter(partner=partner).exists()


class TestAboutUs:
    def test_it_shows_which_version_each_partner_signed_and_when(
        self, client, partner, other_partner, new_version, old_version
    ):
        Signature.objects.create(
            declaration=old_version, partner=other_partner, signed_on=date(2014, 11, 13)
        )
        Signature.objects.create(
            declaration=new_version, partner=partner, signed_on=date(2026, 2, 3)
        )

        html = client.get(reverse("about")).text

        assert (
            "Gezinsbond vzw</a>\n            — versie 2026, ondertekend op "
            '<time datetime="2026-02-03">3 februari 2026</time>'
        ) in html
        assert (
            "Wigwam vzw</a>\n            — versie 2014, ondertekend op "
            '<time datetime="2014-11-13">13 november 2014</time>'
        ) in html
        assert html.count("Gezinsbond vzw</a>") == 1
        # The text shown is the current version.
        assert "Versie 2026 met <strong>nieuwe</strong> engagementen." in html
