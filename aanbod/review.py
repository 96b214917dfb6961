"""When an offer needs checking again: OFFER_REVIEW_MONTHS after someone last confirmed it."""

import calendar

from django.conf import settings
from django.utils import timezone


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the month's last day when that
    month is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def review_cutoff(now=None):
    """Offers not confirmed since this moment need checking."""
    return months_before(now or timezone.now(), settings.OFFER_REVIEW_MONTHS)


def needs_review(offer, cutoff):
    return offer.reviewed_at is None or offer.reviewed_at < cutoff
