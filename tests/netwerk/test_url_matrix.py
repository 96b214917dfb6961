"""Every network URL, aimed at `partner`'s things and asked for by another partner's editor and
by an account that works for no partner: a 404, or a page without what is not theirs, and
nothing changed.

The URL list comes from the resolver, so a new network URL is checked without anyone having to
remember it. A URL not in KINDS fails here until it says which kind it is.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import get_resolver, reverse

from netwerk.models import (
    ActionItem,
    Attendance,
    CalendarToken,
    GroupMember,
    Interest,
    Meeting,
    NetworkGroup,
    Opportunity,
    WorkgroupReport,
)
from tests.netwerk.builders import make_action, make_meeting, make_opportunity, make_person

# private: `partner`'s own (its group's meeting, its action point, its interest): 404 for both.
# network: for everyone who works for a partner (group pages, opportunities): 404 for an
#   account without a partner, a page for another partner's editor.
# own: the visitor's own list or feed: a page for both.
KINDS = {
    "meeting_list": "own",
    "meeting_detail": "private",
    "meeting_rsvp": "private",
    "meeting_ical": "private",
    "calendar": "own",
    "calendar_renew": "own",
    "calendar_feed": "own",
    "archive": "own",
    "group_list": "own",
    "group_detail": "network",
    "action_list": "own",
    "action_update": "private",
    "opportunity_list": "own",
    "opportunity_detail": "network",
    "interest_withdraw": "private",
}

# These answer 405 to a GET before looking at the id, whoever asks and whether the object exists.
POST_ONLY = {"meeting_rsvp", "calendar_renew", "action_update", "interest_withdraw"}

POST_DATA = {
    "answer": "attending",
    "note": "Veranderd door een ander",
    "role": "lead",
    "status": "done",
    "next": "/",
}


def network_patterns():
    """(name, argument names) of every URL pattern in the netwerk namespace."""
    _prefix, resolver = get_resolver().namespace_dict["netwerk"]
    return [(pattern.name, tuple(pattern.pattern.converters)) for pattern in resolver.url_patterns]


PATTERNS = network_patterns()


@pytest.fixture
def targets(partner, editor, workgroup):
    """`partner`'s things, each with a text that must not show to the visitors."""
    meeting = make_meeting(
        workgroup,
        title="Geheime werkgroepvergadering",
        starts_in=timedelta(days=-3),
        minutes="Vertrouwelijk verslag",
        minutes_status="published",
    )
    meeting.agenda_items.create(title="Begroting", decision="Besluit over de begroting")
    Attendance.objects.create(meeting=meeting, person=editor, partner=partner)
    action = make_action(partner, title="Actiepunt van de partner", meeting=meeting)
    opportunity = make_opportunity(title="Oproep voor het netwerk")
    interest = opportunity.interests.create(
        partner=partner, person=editor, note="Notitie van de partner"
    )
    today = workgroup.members.get().start_date
    WorkgroupReport.objects.create(
        group=workgroup,
        title="Verslag van de werkgroep",
        period_start=today,
        period_end=today,
        summary="…",
        status="published",
    )
    return {
        "meeting": meeting,
        "action": action,
        "opportunity": opportunity,
        "interest": interest,
        "group": workgroup,
    }


# Shown to nobody outside `partner` (its group's meeting and minutes, its action point).
PRIVATE_TEXTS = [
    "Geheime werkgroepvergadering",
    "Vertrouwelijk verslag",
    "Besluit over de begroting",
    "Actiepunt van de partner",
]
# What the network shares among its partners, and not with other accounts.
NETWORK_TEXTS = [
    "Gezinsbond vzw",
    "Werkgroep Toegankelijkheid",
    "Oproep voor het netwerk",
    "Notitie van de partner",
    "Verslag van de werkgroep",
]


def url_for(name, args, targets, visitor):
    objects = {
        "pk": {
            "meeting": targets["meeting"].pk,
            "action": targets["action"].pk,
            "opportunity": targets["opportunity"].pk,
            "interest": targets["opportunity"].pk,
        },
        "interest_pk": targets["interest"].pk,
        "slug": targets["group"].slug,
        # The feed's token is its key; the visitor's own one, which must not show foreign data.
        "token": CalendarToken.objects.get_or_create(user=visitor)[0].token,
    }
    kwargs = {}
    for arg in args:
        if arg == "pk":
            kwargs[arg] = objects["pk"][name.split("_")[0]]
        elif arg in objects:
            kwargs[arg] = objects[arg]
        else:
            pytest.fail(f"netwerk:{name} takes {arg}: add a target in tests/netwerk/{__name__}.")
    return reverse(f"netwerk:{name}", kwargs=kwargs)


def snapshot(visitor):
    """Everything a network URL could change, but the visitor's own calendar link."""
    return (
        list(Meeting.objects.order_by("pk").values()),
        list(Attendance.objects.order_by("pk").values()),
        list(ActionItem.objects.order_by("pk").values()),
        list(Interest.objects.order_by("pk").values()),
        list(Opportunity.objects.order_by("pk").values()),
        list(NetworkGroup.objects.order_by("pk").values()),
        list(GroupMember.objects.order_by("pk").values()),
        list(WorkgroupReport.objects.order_by("pk").values()),
        list(CalendarToken.objects.exclude(user=visitor).order_by("pk").values()),
        len(mail.outbox),
    )


@pytest.fixture(params=["another partner", "no partner"])
def visitor(request, other_partner):
    if request.param == "another partner":
        return make_person(other_partner, email="ander@example.org")
    return make_person(email="zonder.partner@example.org")


def test_every_network_url_has_a_kind():
    assert {name for name, _ in PATTERNS} == set(KINDS)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "args"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_a_network_url_shows_a_visitor_only_what_is_theirs(
    client, targets, visitor, name, args, method
):
    url = url_for(name, args, targets, visitor)
    client.force_login(visitor)
    before = snapshot(visitor)
    data = {**POST_DATA, f"item-{targets['action'].pk}-status": "done"}
    response = client.post(url, data) if method == "post" else client.get(url)

    in_network = visitor.memberships.exists()
    kind = KINDS[name]
    if method == "get" and name in POST_ONLY:
        assert response.status_code == 405, f"{method.upper()} {url}"
    elif kind == "private" or (kind == "network" and not in_network):
        assert response.status_code == 404, f"{method.upper()} {url}"
    else:
        assert response.status_code < 500, f"{method.upper()} {url}"
        hidden = PRIVATE_TEXTS if in_network else PRIVATE_TEXTS + NETWORK_TEXTS
        shown = [text for text in hidden if text in response.content.decode()]
        assert not shown, f"{method.upper()} {url} shows {shown}"
    assert snapshot(visitor) == before, f"{method.upper()} {url} changed something"
