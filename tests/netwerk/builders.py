"""Builders for network test data. Each returns a saved object; keyword arguments override."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from netwerk.models import ActionItem, Attendance, GroupMember, Meeting, NetworkGroup, Opportunity

_counter = itertools.count(1)


def make_person(partner=None, email=None, **kwargs):
    """A person without a usable password: hashing one costs a third of a second per user."""
    email = email or f"persoon{next(_counter)}@example.org"
    user = get_user_model().objects.create(username=email, email=email, **kwargs)
    if partner is not None:
        user.memberships.create(partner=partner)
    return user


def make_group(kind=NetworkGroup.Kind.WORKGROUP, partners=(), name=None, **kwargs):
    name = name or f"Groep {next(_counter)}"
    kwargs.setdefault("slug", name.lower().replace(" ", "-"))
    group = NetworkGroup.objects.create(kind=kind, name=name, **kwargs)
    for partner in partners:
        GroupMember.objects.create(
            group=group, partner=partner, start_date=timezone.localdate() - timedelta(days=400)
        )
    return group


def make_meeting(group, starts_in=timedelta(days=7), duration=timedelta(hours=2), **kwargs):
    starts_at = timezone.now() + starts_in
    kwargs.setdefault("kind", Meeting.Kind.WORKGROUP)
    return Meeting.objects.create(
        group=group, starts_at=starts_at, ends_at=starts_at + duration, **kwargs
    )


def make_attendance(meeting, person, partner=None, rsvp=Attendance.Rsvp.ATTENDING, **kwargs):
    return Attendance.objects.create(
        meeting=meeting, person=person, partner=partner, rsvp=rsvp, **kwargs
    )


def make_action(owner_partner=None, title=None, **kwargs):
    return ActionItem.objects.create(
        title=title or f"Actiepunt {next(_counter)}", owner_partner=owner_partner, **kwargs
    )


def make_opportunity(title=None, **kwargs):
    kwargs.setdefault("deadline", timezone.localdate() + timedelta(days=30))
    return Opportunity.objects.create(title=title or f"Oproep {next(_counter)}", **kwargs)
