"""The referral cast: `partner` (Gezinsbond) refers to `other_partner` (Wigwam); a third
partner with its own staff is on neither side."""

import pytest

from partners.models import Membership
from tests import factories


@pytest.fixture
def receiver_staff(other_partner, outsider):
    """The receiving partner's staff: the cast's outsider (Wigwam's editor) and a manager."""
    factories.make_member(other_partner, role=Membership.Role.MANAGER, email="chef@wigwam.test")
    return outsider


@pytest.fixture
def third_partner(db):
    return factories.make_partner("Kind en Gezin", slug="kind-en-gezin")


@pytest.fixture
def third_staff(third_partner):
    return factories.make_member(third_partner, email="staff@kindengezin.test")


@pytest.fixture
def referral(partner, other_partner, editor, receiver_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return factories.make_referral(partner, other_partner, sent_by=editor)
