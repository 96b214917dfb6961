"""Network fixtures: the network itself, a workgroup of `partner`, one of `other_partner`."""

import pytest

from netwerk.models import NetworkGroup
from tests.netwerk import builders


@pytest.fixture
def network(db):
    return builders.make_group(NetworkGroup.Kind.NETWORK, name="Netwerk Gezinsondersteuning")


@pytest.fixture
def workgroup(partner):
    return builders.make_group(partners=[partner], name="Werkgroep Toegankelijkheid")


@pytest.fixture
def other_workgroup(other_partner):
    return builders.make_group(partners=[other_partner], name="Werkgroep Vrijwilligers")
