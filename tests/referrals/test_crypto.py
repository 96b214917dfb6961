"""The family's details are encrypted at rest, keys can be rotated, and one person's
referrals are found by a keyed hash of their e-mail address or phone number."""

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection

from referrals.crypto import contact_lookup, normalise_contact
from referrals.models import Referral


def stored(referral, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM referrals_referral WHERE id = %s", [referral.pk])
        return cursor.fetchone()[0]


def test_the_personal_details_are_not_readable_in_the_database(referral):
    for column, plain in [
        ("first_name", "Amira"),
        ("contact_detail", "0470 12 34 56"),
        ("language", "Arabisch"),
        ("question", "ouders"),
    ]:
        value = stored(referral, column)
        assert plain not in value
        assert value.startswith("gAAAA")  # a Fernet token
    assert "0470" not in stored(referral, "contact_lookup")
    assert Referral.objects.get(pk=referral.pk).first_name == "Amira"


def test_after_rotating_the_old_key_can_be_removed(referral, settings):
    old_key = settings.REFERRAL_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.REFERRAL_KEYS = [new_key, old_key]
    call_command("rotate_referral_keys", stdout=None)
    settings.REFERRAL_KEYS = [new_key]
    assert Referral.objects.get(pk=referral.pk).contact_detail == "0470 12 34 56"


def test_without_the_right_key_reading_fails_instead_of_showing_cipher_text(referral, settings):
    settings.REFERRAL_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(InvalidToken):
        Referral.objects.get(pk=referral.pk)


def test_rotating_also_rehashes_with_a_new_lookup_key(referral, settings):
    settings.REFERRAL_LOOKUP_KEY = "a-new-lookup-key"
    call_command("rotate_referral_keys", stdout=None)
    referral.refresh_from_db()
    assert referral.contact_lookup == contact_lookup("0470123456")


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("0470 12 34 56", "32470123456"),
        ("+32 470 12.34.56", "32470123456"),
        ("0032470123456", "32470123456"),
        (" Amira@Example.ORG ", "amira@example.org"),
    ],
)
def test_an_address_or_number_is_found_however_it_was_typed(typed, normalised):
    assert normalise_contact(typed) == normalised
    assert contact_lookup(typed) == contact_lookup(normalised if "@" in typed else "+" + normalised)
