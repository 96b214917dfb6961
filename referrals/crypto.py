"""Encryption at rest of a referral's personal details, and the keyed hash to find them.

Fernet (from `cryptography`) through MultiFernet: the first key of settings.REFERRAL_KEYS
encrypts, each of them decrypts, so keys can be rotated without downtime (README.md,
Referrals). A value that no key decrypts raises InvalidToken rather than showing the cipher
text: a missing key must be noticed, not papered over.
"""

import functools
import hashlib
import hmac

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


@functools.cache
def _multi_fernet(keys):
    return MultiFernet([Fernet(key) for key in keys])


def fernet():
    return _multi_fernet(tuple(settings.REFERRAL_KEYS))


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. An empty value stays empty (not given, or erased), so
    an erased row holds nothing to decrypt. Lookups on it find nothing: search the lookup
    hash instead."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return fernet().encrypt(value.encode()).decode()

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return fernet().decrypt(value.encode()).decode()


def normalise_contact(value):
    """An e-mail address in lower case, a phone number as its digits in international form
    (a Belgian 0… number as 32…), so that one person's address or number is found however it
    was typed."""
    value = value.strip()
    if "@" in value:
        return value.lower()
    digits = "".join(character for character in value if character.isdigit())
    if value.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "32" + digits[1:]
    return digits


def contact_lookup(value):
    """The keyed hash (HMAC-SHA256) of a normalised e-mail address or phone number; "" for
    nothing. Without the key it cannot be turned back into the address or number."""
    normalised = normalise_contact(value or "")
    if not normalised:
        return ""
    key = settings.REFERRAL_LOOKUP_KEY.encode()
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()
